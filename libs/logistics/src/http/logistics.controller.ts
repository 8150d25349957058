import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor } from '@suyuan/core';
import { CommandContext, CurrentActor, found, WriteContext } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { ColdChainWrite, ShipmentWrite } from '../application/logistics.commands';
import { LogisticsReaders } from '../application/logistics-readers';
import { CartonView, ColdChainIndexView, ShipmentView } from '../logistics.views';
import { DeliveryDto, DispatchDto, ReadingsDto, ReceiptDto } from './logistics.dto';

/** County → town → village logistics and the cold chain (冷链). Facility ownership decides who may record. */
@ApiTags('logistics')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key is recorded once' })
@Controller('api')
export class LogisticsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    private readonly readers: LogisticsReaders,
  ) {}

  @Post('shipments')
  @ApiOperation({ summary: 'Dispatch cartons from my facility to the next one (one leg)' })
  dispatch(@WriteContext() ctx: CommandContext, @Body() body: DispatchDto) {
    return this.commands.execute(new ShipmentWrite(ctx, { type: 'DispatchShipment', ...body }));
  }

  @Get('shipments')
  @ApiQuery({ name: 'from', required: false, description: 'origin facility id' })
  @ApiQuery({ name: 'to', required: false, description: 'destination facility id' })
  @ApiOperation({ summary: 'Shipments I may read: from, to or on my facilities, carrying goods I may read, or in my jurisdiction' })
  async list(@CurrentActor() actor: Actor, @Query('from') from?: string, @Query('to') to?: string) {
    const shipments = await this.docs.find<ShipmentView>('shipments', {
      ...(from ? { 'from.id': from } : {}),
      ...(to ? { 'to.id': to } : {}),
    });
    return this.readers.shipments(await this.readers.viewer(actor), shipments);
  }

  @Get('shipments/:id')
  async shipment(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const shipment = found(await this.docs.get<ShipmentView>('shipments', id), 'shipment', id);
    return this.readers.requireShipment(await this.readers.viewer(actor), shipment);
  }

  @Post('shipments/:id/receipt')
  @ApiOperation({ summary: 'Receive a shipment at my facility, with condition and handover temperature' })
  receive(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: ReceiptDto) {
    return this.commands.execute(new ShipmentWrite(ctx, { type: 'ReceiveShipment', shipmentId: id, ...body }));
  }

  @Post('shipments/:id/delivery')
  @ApiOperation({ summary: 'Hand a received shipment over to the consignee at my village point' })
  deliver(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: DeliveryDto) {
    return this.commands.execute(new ShipmentWrite(ctx, { type: 'DeliverShipment', shipmentId: id, ...body }));
  }

  @Get('cartons/:id')
  async carton(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const carton = found(await this.docs.get<CartonView>('cartons', id), 'carton', id);
    return this.readers.requireCarton(await this.readers.viewer(actor), carton);
  }

  @Post('cold-chain/readings')
  @ApiOperation({ summary: 'Upload temperature (and humidity) readings of one device, in bulk (up to 10,000)' })
  readings(@WriteContext() ctx: CommandContext, @Body() body: ReadingsDto) {
    return this.commands.execute(new ColdChainWrite(ctx, { type: 'RecordColdChainReadings', ...body }));
  }

  @Get('cold-chain/:facilityId')
  @ApiOperation({ summary: 'How many readings a facility or vehicle has, and the latest' })
  async coldChain(@CurrentActor() actor: Actor, @Param('facilityId') facilityId: string) {
    await this.readers.requireFacilityRecords(await this.readers.viewer(actor), facilityId);
    return found(await this.docs.get<ColdChainIndexView>('coldchain', facilityId), 'cold-chain record for facility', facilityId);
  }
}
