import { Module } from '@nestjs/common';
import { ProductionModule } from '@suyuan/production/nest';
import { TraceController } from './http/trace.controller';

/** Processors' transformations and the family tree they make: trace back and forward. */
@Module({
  imports: [ProductionModule],
  controllers: [TraceController],
})
export class ProcessingModule {}
