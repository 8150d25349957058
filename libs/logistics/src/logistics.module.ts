import { Module } from '@nestjs/common';
import { ProductionModule } from '@suyuan/production/nest';
import { ColdChainCommandHandler } from './application/cold-chain.handler';
import { LogisticsReaders } from './application/logistics-readers';
import { ShipmentCommandHandler } from './application/shipment.handler';
import { LogisticsController } from './http/logistics.controller';

/** Shipments between facilities, carton custody, and cold-chain readings. */
@Module({
  imports: [ProductionModule],
  controllers: [LogisticsController],
  providers: [LogisticsReaders, ShipmentCommandHandler, ColdChainCommandHandler],
})
export class LogisticsModule {}
