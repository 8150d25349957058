import { Module } from '@nestjs/common';
import { BatchReaders } from './access/batch-readers';
import { BatchCommands } from './application/batch-context';
import { BatchCommandHandler } from './application/batch.handler';
import { BatchController } from './http/batch.controller';
import { HandoversController } from './http/handovers.controller';
import { HoldsController } from './holds/holds.controller';
import { HoldsHandler } from './holds/holds.handler';
import { UnitHolds } from './holds/unit-holds';
import { SpotChecksController } from './spot-checks/spot-checks.controller';
import { SpotChecksHandler } from './spot-checks/spot-checks.handler';

/** Batches from farm plot to packed items: inputs, harvest, pre-cooling, tests, grading, packing, certificate. */
@Module({
  controllers: [BatchController, HandoversController, HoldsController, SpotChecksController],
  providers: [BatchReaders, BatchCommands, BatchCommandHandler, UnitHolds, HoldsHandler, SpotChecksHandler],
  exports: [BatchReaders, BatchCommands, UnitHolds],
})
export class ProductionModule {}
