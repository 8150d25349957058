import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@suyuan/audit/nest';
import { ConsumerModule } from '@suyuan/consumer/nest';
import { ScanFastLane } from '@suyuan/consumer';
import { IntegrityModule } from '@suyuan/integrity/nest';
import { LabelsModule } from '@suyuan/labels/nest';
import { LogisticsModule } from '@suyuan/logistics/nest';
import { AppConfig, Clock, systemClock } from '@suyuan/platform';
import { EmbeddedStorage, PlatformModule } from '@suyuan/platform/nest';
import { MassBalanceModule, ProcessingModule } from '@suyuan/processing/nest';
import { ProductionModule } from '@suyuan/production/nest';
import { RecallsModule } from '@suyuan/recalls/nest';
import { RegistryModule } from '@suyuan/registry/nest';
import { StandardsModule } from '@suyuan/standards/nest';
import { HealthController } from './health.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, storage: EmbeddedStorage, clock: Clock = systemClock, fastLane?: ScanFastLane): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, storage, clock),
        RegistryModule,
        ProductionModule,
        LogisticsModule,
        ProcessingModule,
        MassBalanceModule,
        StandardsModule,
        ConsumerModule.register(fastLane),
        LabelsModule,
        RecallsModule,
        IntegrityModule,
        AuditModule,
      ],
      controllers: [HealthController],
    };
  }
}
