import { Module } from '@nestjs/common';
import { ProductionModule } from '@suyuan/production/nest';
import { RecordColdChainReadingsHandler } from './application/cold-chain.handler';
import { LogisticsReaders } from './application/logistics-readers';
import { DeliverShipmentHandler, DispatchShipmentHandler, ReceiveShipmentHandler } from './application/shipment.handlers';
import { LogisticsController } from './http/logistics.controller';

/** Shipments between facilities, carton custody, and cold-chain readings. */
@Module({
  imports: [ProductionModule],
  controllers: [LogisticsController],
  providers: [LogisticsReaders, DispatchShipmentHandler, ReceiveShipmentHandler, DeliverShipmentHandler, RecordColdChainReadingsHandler],
})
export class LogisticsModule {}
