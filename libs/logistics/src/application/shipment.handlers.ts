import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FacilityRef, fold, notFound } from '@suyuan/core';
import { EVENT_STORE, EventStore } from '@suyuan/eventstore';
import { Clock, CLOCK, utc } from '@suyuan/platform';
import { batchDecider, BatchEvent, isHeld } from '@suyuan/production';
import { CommandContext, found, newId, StreamExecutor } from '@suyuan/platform/nest';
import { docKey, DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { FacilityView } from '@suyuan/registry';
import { CartonCustody, ShipmentCommand } from '../domain/commands';
import { shipmentDecider } from '../domain/shipment.decider';
import { DeliveryDto, DispatchDto, ReceiptDto } from '../http/logistics.dto';
import { CartonView, ShipmentView } from '../logistics.views';
import { KeyedLock } from './keyed-lock';

export const shipmentStream = (id: string) => `shipment-${id}`;

export class DispatchShipmentCommand {
  constructor(readonly ctx: CommandContext, readonly body: DispatchDto) {}
}
export class ReceiveShipmentCommand {
  constructor(readonly ctx: CommandContext, readonly shipmentId: string, readonly body: ReceiptDto) {}
}
export class DeliverShipmentCommand {
  constructor(readonly ctx: CommandContext, readonly shipmentId: string, readonly body: DeliveryDto) {}
}

abstract class ShipmentHandler {
  constructor(
    protected readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) protected readonly docs: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  protected now(): string {
    return this.clock.now().toISOString();
  }

  /** The batches among these held after a failed safety test, as their own streams say. */
  protected async heldBatches(batchIds: Iterable<string>): Promise<Set<string>> {
    const held = new Set<string>();
    for (const batchId of new Set(batchIds)) {
      const stream = await this.events.readStream(`batch-${batchId}`);
      if (isHeld(fold(batchDecider, stream as unknown as BatchEvent[]))) held.add(batchId);
    }
    return held;
  }

  protected async facility(id: string): Promise<FacilityRef> {
    const view = await this.docs.get<FacilityView>('facilities', id);
    if (!view) throw notFound('facility_not_found', `no facility ${id}`);
    return { id: view.id, ownerId: view.ownerId, type: view.type };
  }

  protected async run(shipmentId: string, command: ShipmentCommand, ctx: CommandContext): Promise<ShipmentView> {
    await this.executor.execute(shipmentStream(shipmentId), shipmentDecider, command, ctx);
    return found(await this.docs.get<ShipmentView>('shipments', shipmentId), 'shipment', shipmentId);
  }
}

@CommandHandler(DispatchShipmentCommand)
export class DispatchShipmentHandler extends ShipmentHandler implements ICommandHandler<DispatchShipmentCommand, ShipmentView> {
  private readonly lock = new KeyedLock();

  async execute({ ctx, body }: DispatchShipmentCommand): Promise<ShipmentView> {
    const [from, to, vehicle] = await Promise.all([
      this.facility(body.fromFacilityId),
      this.facility(body.toFacilityId),
      body.vehicleId ? this.facility(body.vehicleId) : undefined,
    ]);
    const dispatchedAt = utc(body.dispatchedAt, 'dispatchedAt');
    const shipmentId = newId('SH', ctx);
    return this.lock.run(from.id, async () => {
      const stored = await this.docs.getMany<CartonView>(body.cartonIds.map((id) => ({ collection: 'cartons', id })));
      const known = body.cartonIds.map((id) => stored.get(docKey('cartons', id))).filter((c): c is CartonView => !!c);
      const held = await this.heldBatches(known.map((c) => c.batchId));
      const cartons: CartonCustody[] = known.map((carton) => ({
        cartonId: carton.id,
        facilityId: carton.facilityId,
        status: carton.status,
        since: carton.stops.at(-1)?.from,
        held: held.has(carton.batchId),
      }));
      const unknownCartonIds = body.cartonIds.filter((id) => !stored.get(docKey('cartons', id)));
      return this.run(shipmentId, {
        type: 'DispatchShipment',
        actor: ctx.actor,
        now: this.now(),
        shipmentId,
        from,
        to,
        vehicle,
        cartons,
        unknownCartonIds,
        dispatchedAt,
      }, { ...ctx, facilityId: from.id, occurredAt: dispatchedAt });
    });
  }
}

@CommandHandler(ReceiveShipmentCommand)
export class ReceiveShipmentHandler extends ShipmentHandler implements ICommandHandler<ReceiveShipmentCommand, ShipmentView> {
  async execute({ ctx, shipmentId, body }: ReceiveShipmentCommand): Promise<ShipmentView> {
    const facility = await this.facility(body.facilityId);
    const receivedAt = utc(body.receivedAt, 'receivedAt');
    return this.run(shipmentId, {
      type: 'ReceiveShipment',
      actor: ctx.actor,
      now: this.now(),
      facility,
      receivedAt,
      condition: body.condition,
      temperatureC: body.temperatureC,
      note: body.note,
    }, { ...ctx, facilityId: facility.id, occurredAt: receivedAt });
  }
}

@CommandHandler(DeliverShipmentCommand)
export class DeliverShipmentHandler extends ShipmentHandler implements ICommandHandler<DeliverShipmentCommand, ShipmentView> {
  async execute({ ctx, shipmentId, body }: DeliverShipmentCommand): Promise<ShipmentView> {
    const facility = await this.facility(body.facilityId);
    const deliveredAt = utc(body.deliveredAt, 'deliveredAt');
    return this.run(shipmentId, {
      type: 'DeliverShipment',
      actor: ctx.actor,
      now: this.now(),
      facility,
      deliveredAt,
      recipient: body.recipient,
    }, { ...ctx, facilityId: facility.id, occurredAt: deliveredAt });
  }
}
