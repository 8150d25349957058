import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FacilityRef, fold, notFound } from '@suyuan/core';
import { EVENT_STORE, EventStore } from '@suyuan/eventstore';
import { Clock, CLOCK } from '@suyuan/platform';
import { utc } from '@suyuan/core';
import {
  batchDecider,
  BatchEvent,
  CartonEvent,
  cartonHoldDecider,
  cartonStream,
  holdOnCarton,
  isHeld,
  RecallRef,
  recallOf,
  RegulatorHold,
  RegulatorHolds,
  takenCartonIds,
} from '@suyuan/production';
import { CommandContext, found, newId, StreamExecutor } from '@suyuan/platform/nest';
import { docKey, DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { FacilityView } from '@suyuan/registry';
import { CartonCustody, ShipmentCommand } from '../domain/commands';
import { shipmentDecider } from '../domain/shipment.decider';
import { CartonView, ShipmentView } from '../logistics.views';
import { KeyedLock } from './keyed-lock';
import { ShipmentCommandInput, ShipmentWrite } from './logistics.commands';

export const shipmentStream = (id: string) => `shipment-${id}`;

type Input<T extends ShipmentCommandInput['type']> = Extract<ShipmentCommandInput, { type: T }>;

/** One leg of a shipment: dispatched from a facility, received at the next, delivered at a village point. */
@CommandHandler(ShipmentWrite)
export class ShipmentCommandHandler implements ICommandHandler<ShipmentWrite> {
  private readonly lock = new KeyedLock();

  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  execute({ ctx, input }: ShipmentWrite): Promise<ShipmentView> {
    switch (input.type) {
      case 'DispatchShipment':
        return this.dispatch(ctx, input);
      case 'ReceiveShipment':
        return this.receive(ctx, input);
      case 'DeliverShipment':
        return this.deliver(ctx, input);
    }
  }

  private async dispatch(ctx: CommandContext, input: Input<'DispatchShipment'>): Promise<ShipmentView> {
    const [from, to, vehicle] = await Promise.all([
      this.facility(input.fromFacilityId),
      this.facility(input.toFacilityId),
      input.vehicleId ? this.facility(input.vehicleId) : undefined,
    ]);
    const dispatchedAt = utc(input.dispatchedAt, 'dispatchedAt');
    const shipmentId = newId('SH', ctx);
    return this.lock.run(from.id, async () => {
      const stored = await this.docs.getMany<CartonView>(input.cartonIds.map((id) => ({ collection: 'cartons', id })));
      const known = input.cartonIds.map((id) => stored.get(docKey('cartons', id))).filter((c): c is CartonView => !!c);
      const { held, taken, regulatorHolds, recalled } = await this.batchStates(known.map((c) => c.batchId));
      const cartonHolds = await this.cartonHolds(known.map((c) => c.id));
      const cartons: CartonCustody[] = known.map((carton) => ({
        cartonId: carton.id,
        regulatorHold: cartonHolds.get(carton.id) ?? holdOnCarton(regulatorHolds.get(carton.batchId) ?? {}, carton.id),
        facilityId: carton.facilityId,
        status: carton.status,
        since: carton.stops.at(-1)?.from,
        held: held.has(carton.batchId),
        recalled: recalled.get(carton.batchId),
        consumed: taken.has(carton.id),
      }));
      const unknownCartonIds = input.cartonIds.filter((id) => !stored.get(docKey('cartons', id)));
      return this.run(
        shipmentId,
        {
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
        },
        { ...ctx, facilityId: from.id, occurredAt: dispatchedAt },
      );
    });
  }

  private async receive(ctx: CommandContext, { shipmentId, ...input }: Input<'ReceiveShipment'>): Promise<ShipmentView> {
    const facility = await this.facility(input.facilityId);
    const receivedAt = utc(input.receivedAt, 'receivedAt');
    return this.run(
      shipmentId,
      {
        type: 'ReceiveShipment',
        actor: ctx.actor,
        now: this.now(),
        facility,
        receivedAt,
        condition: input.condition,
        temperatureC: input.temperatureC,
        note: input.note,
      },
      { ...ctx, facilityId: facility.id, occurredAt: receivedAt },
    );
  }

  private async deliver(ctx: CommandContext, { shipmentId, ...input }: Input<'DeliverShipment'>): Promise<ShipmentView> {
    const facility = await this.facility(input.facilityId);
    const deliveredAt = utc(input.deliveredAt, 'deliveredAt');
    return this.run(
      shipmentId,
      {
        type: 'DeliverShipment',
        actor: ctx.actor,
        now: this.now(),
        facility,
        deliveredAt,
        recipient: input.recipient,
      },
      { ...ctx, facilityId: facility.id, occurredAt: deliveredAt },
    );
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** The batches among these held after a failed safety test, and the cartons transformations took, as their own streams say. */
  private async batchStates(batchIds: Iterable<string>): Promise<{
    held: Set<string>;
    taken: Set<string>;
    regulatorHolds: Map<string, RegulatorHolds>;
    recalled: Map<string, RecallRef>;
  }> {
    const held = new Set<string>();
    const recalled = new Map<string, RecallRef>();
    const taken = new Set<string>();
    const regulatorHolds = new Map<string, RegulatorHolds>();
    for (const batchId of new Set(batchIds)) {
      const stream = await this.events.readStream(`batch-${batchId}`);
      const state = fold(batchDecider, stream as unknown as BatchEvent[]);
      if (isHeld(state)) held.add(batchId);
      for (const cartonId of takenCartonIds(state)) taken.add(cartonId);
      regulatorHolds.set(batchId, state.regulatorHolds);
      const recall = recallOf(state);
      if (recall) recalled.set(batchId, recall);
    }
    return { held, taken, regulatorHolds, recalled };
  }

  /** Regulators' holds on the cartons themselves, as each carton's own stream says. */
  private async cartonHolds(cartonIds: string[]): Promise<Map<string, RegulatorHold>> {
    const holds = new Map<string, RegulatorHold>();
    for (const cartonId of cartonIds) {
      const stream = await this.events.readStream(cartonStream(cartonId));
      if (stream.length === 0) continue;
      const hold = Object.values(fold(cartonHoldDecider, stream as unknown as CartonEvent[]).holds)[0];
      if (hold) holds.set(cartonId, hold);
    }
    return holds;
  }

  private async facility(id: string): Promise<FacilityRef> {
    const view = await this.docs.get<FacilityView>('facilities', id);
    if (!view) throw notFound('facility_not_found', `no facility ${id}`);
    return { id: view.id, ownerId: view.ownerId, type: view.type };
  }

  private async run(shipmentId: string, command: ShipmentCommand, ctx: CommandContext): Promise<ShipmentView> {
    await this.executor.execute(shipmentStream(shipmentId), shipmentDecider, command, ctx);
    return found(await this.docs.get<ShipmentView>('shipments', shipmentId), 'shipment', shipmentId);
  }
}
