import { Module } from '@nestjs/common';
import { ProductionModule } from '@suyuan/production/nest';
import { HistoryQuery } from './application/history.query';
import { HistorySubjects } from './application/history-subjects';
import { HistoryController } from './http/history.controller';

/** The audit history of batches, items, cartons, shipments, facilities and organizations, with its exports. */
@Module({
  imports: [ProductionModule],
  controllers: [HistoryController],
  providers: [HistorySubjects, HistoryQuery],
})
export class AuditModule {}
