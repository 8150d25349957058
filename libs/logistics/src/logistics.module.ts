import { Module } from '@nestjs/common';
import { RecordColdChainReadingsHandler } from './application/cold-chain.handler';
import { DeliverShipmentHandler, DispatchShipmentHandler, ReceiveShipmentHandler } from './application/shipment.handlers';
import { LogisticsController } from './http/logistics.controller';

/** Shipments between facilities, carton custody, and cold-chain readings. */
@Module({
  controllers: [LogisticsController],
  providers: [DispatchShipmentHandler, ReceiveShipmentHandler, DeliverShipmentHandler, RecordColdChainReadingsHandler],
})
export class LogisticsModule {}
