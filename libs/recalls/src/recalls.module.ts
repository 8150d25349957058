import { Module } from '@nestjs/common';
import { ProductionModule } from '@suyuan/production/nest';
import { RecallCommandHandler } from './application/recall.handler';
import { RecallQueries } from './application/recall-queries';
import { RecallMarking } from './application/recall-marking';
import { RecallsController } from './http/recalls.controller';

/** Recalls: opening from a scope traced forward, the holders' returns and destructions, progress, closing. */
@Module({
  imports: [ProductionModule],
  controllers: [RecallsController],
  providers: [RecallCommandHandler, RecallQueries, RecallMarking],
})
export class RecallsModule {}
