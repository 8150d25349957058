import { Module } from '@nestjs/common';
import { ProductionModule } from '@suyuan/production/nest';
import { MassBalanceController } from './mass-balance.controller';

/** The regulators' mass balance (the projection runs with the other read models: apps/api/src/read-models.ts). */
@Module({
  imports: [ProductionModule],
  controllers: [MassBalanceController],
})
export class MassBalanceModule {}
