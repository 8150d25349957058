import { Module } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@suyuan/eventstore';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@suyuan/platform';
import { CheckpointSchedule } from './checkpoints/checkpoint-schedule';
import { Checkpointer } from './checkpoints/checkpointer';
import { loadSigningKey } from './checkpoints/signing-key';
import { AuditController } from './http/audit.controller';

/** Tamper evidence: signed checkpoints of the hash-chained history, and their verification for regulators. */
@Module({
  controllers: [AuditController],
  providers: [
    {
      provide: Checkpointer,
      useFactory: (config: AppConfig, store: EventStore, clock: Clock) =>
        new Checkpointer(store, loadSigningKey(config), () => clock.now()),
      inject: [APP_CONFIG, EVENT_STORE, CLOCK],
    },
    CheckpointSchedule,
  ],
})
export class IntegrityModule {}
