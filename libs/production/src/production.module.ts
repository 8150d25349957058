import { Module } from '@nestjs/common';
import { BatchReaders } from './access/batch-readers';
import { BatchCommands } from './application/batch-context';
import {
  IssueCertificateHandler,
  RecordCertificationHandler,
  RecordFarmInputHandler,
  RecordGradingHandler,
  RecordHarvestHandler,
  RecordPreCoolingHandler,
  RecordQualityTestHandler,
  RegisterBatchHandler,
} from './application/batch.handlers';
import { AcceptHandoverHandler, EndHandoverHandler, HandOverBatchHandler } from './application/handover.handlers';
import { PackBatchHandler } from './application/packing.handler';
import { BatchController } from './http/batch.controller';
import { HandoversController } from './http/handovers.controller';

/** Batches from farm plot to packed items: inputs, harvest, pre-cooling, tests, grading, packing, certificate. */
@Module({
  controllers: [BatchController, HandoversController],
  providers: [
    BatchReaders,
    BatchCommands,
    RegisterBatchHandler,
    RecordFarmInputHandler,
    RecordHarvestHandler,
    RecordPreCoolingHandler,
    RecordQualityTestHandler,
    RecordGradingHandler,
    PackBatchHandler,
    IssueCertificateHandler,
    RecordCertificationHandler,
    HandOverBatchHandler,
    AcceptHandoverHandler,
    EndHandoverHandler,
  ],
  exports: [BatchReaders],
})
export class ProductionModule {}
