import { Module } from '@nestjs/common';
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
import { PackBatchHandler } from './application/packing.handler';
import { BatchController } from './http/batch.controller';

/** Batches from farm plot to packed items: inputs, harvest, pre-cooling, tests, grading, packing, certificate. */
@Module({
  controllers: [BatchController],
  providers: [
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
  ],
})
export class ProductionModule {}
