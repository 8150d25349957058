import { Module } from '@nestjs/common';
import { ProductionModule } from '@suyuan/production/nest';
import { TraceController } from './http/trace.controller';
import { TransformationsModule } from './transformations.module';

/** Processors' transformations and purchases, and the family tree they make: trace back and forward. */
@Module({
  imports: [ProductionModule, TransformationsModule],
  controllers: [TraceController],
  exports: [TransformationsModule],
})
export class ProcessingModule {}
