import { Module } from '@nestjs/common';
import { BatchReaders } from './access/batch-readers';
import { BatchCommands } from './application/batch-context';
import { BatchCommandHandler } from './application/batch.handler';
import { BatchController } from './http/batch.controller';
import { HandoversController } from './http/handovers.controller';

/** Batches from farm plot to packed items: inputs, harvest, pre-cooling, tests, grading, packing, certificate. */
@Module({
  controllers: [BatchController, HandoversController],
  providers: [BatchReaders, BatchCommands, BatchCommandHandler],
  exports: [BatchReaders, BatchCommands],
})
export class ProductionModule {}
