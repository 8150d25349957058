import { Module } from '@nestjs/common';
import { ProductionModule } from '@suyuan/production/nest';
import { Purchases } from './application/purchases';
import { TransformationManager } from './application/transformation.manager';
import { TransformationRecovery } from './application/transformation.recovery';
import { TransformationsController } from './http/transformations.controller';

/** Processors: transformations of input lots into output lots, and purchases from households and batches. */
@Module({
  imports: [ProductionModule],
  controllers: [TransformationsController],
  providers: [TransformationManager, TransformationRecovery, Purchases],
  exports: [TransformationManager, TransformationRecovery],
})
export class TransformationsModule {}
