import { Actor, conflict, Decider, FacilityRef, forbidden, invalid, notFound, parsePastTime, requireNotBefore } from '@suyuan/core';
import { heldRefusal } from '@suyuan/production';
import { CartonCustody, DeliverShipment, DispatchShipment, ReceiveShipment, ShipmentCommand } from './commands';
import { ShipmentEvent } from './events';

export interface ShipmentState {
  dispatched?: {
    shipmentId: string;
    fromFacilityId: string;
    toFacilityId: string;
    cartonIds: string[];
    dispatchedAt: string;
  };
  receivedAt?: string;
  deliveredAt?: string;
}

type DispatchedState = ShipmentState & { dispatched: NonNullable<ShipmentState['dispatched']> };

/** One stream per shipment: a single leg, dispatched, received at its destination, maybe delivered. */
export const shipmentDecider: Decider<ShipmentCommand, ShipmentEvent, ShipmentState> = {
  initialState: () => ({}),

  evolve: (state, event) => {
    switch (event.type) {
      case 'ShipmentDispatched': {
        const { shipmentId, fromFacilityId, toFacilityId, cartonIds, dispatchedAt } = event.data;
        return { ...state, dispatched: { shipmentId, fromFacilityId, toFacilityId, cartonIds, dispatchedAt } };
      }
      case 'ShipmentReceived':
        return { ...state, receivedAt: event.data.receivedAt };
      case 'ShipmentDelivered':
        return { ...state, deliveredAt: event.data.deliveredAt };
      default: {
        const unknown: never = event;
        throw new Error(`Unknown shipment event: ${JSON.stringify(unknown)}`);
      }
    }
  },

  decide: (command, state) => {
    if (command.type === 'DispatchShipment') return dispatch(command, state);
    const { dispatched } = state;
    if (dispatched === undefined) throw notFound('shipment_not_found', 'No such shipment');
    switch (command.type) {
      case 'ReceiveShipment':
        return receive(command, { ...state, dispatched });
      case 'DeliverShipment':
        return deliver(command, { ...state, dispatched });
      default: {
        const unknown: never = command;
        throw new Error(`Unknown shipment command: ${JSON.stringify(unknown)}`);
      }
    }
  },
};

function dispatch(command: DispatchShipment, state: ShipmentState): ShipmentEvent[] {
  const { actor, shipmentId, from, to, vehicle, cartons, unknownCartonIds, dispatchedAt, now } = command;
  if (state.dispatched !== undefined) throw conflict('shipment_exists', `Shipment ${shipmentId} was already dispatched`);
  requireOwnFacility(actor, from);
  if (to.id === from.id) throw invalid('same_facility', `A shipment cannot go from ${from.id} to itself`);
  if (vehicle !== undefined) {
    if (vehicle.type !== 'vehicle') {
      throw invalid('not_a_vehicle', `Facility ${vehicle.id} is a ${vehicle.type}, not a vehicle`);
    }
  }
  const dispatchedMs = parsePastTime('dispatchedAt', dispatchedAt, now);
  checkCartons(cartons, unknownCartonIds, from);
  for (const carton of cartons) {
    if (carton.since === undefined) continue;
    requireNotBefore('dispatchedAt', dispatchedMs, {
      ms: Date.parse(carton.since),
      what: `carton ${carton.cartonId} arrived`,
      code: 'before_arrival',
    });
  }
  return [
    {
      type: 'ShipmentDispatched',
      data: {
        shipmentId,
        fromFacilityId: from.id,
        toFacilityId: to.id,
        vehicleId: vehicle?.id,
        cartonIds: cartons.map((carton) => carton.cartonId),
        dispatchedAt,
      },
    },
  ];
}

/** A carton leaves only from where it is held, so that its chain of custody has no gap. */
function checkCartons(cartons: CartonCustody[], unknownCartonIds: string[], from: FacilityRef): void {
  const named = [...cartons.map((carton) => carton.cartonId), ...unknownCartonIds];
  if (named.length === 0) throw invalid('no_cartons', 'A shipment needs at least one carton');
  const repeated = [...new Set(named.filter((id, i) => named.indexOf(id) !== i))];
  if (repeated.length > 0) {
    throw invalid('duplicate_carton', `Cartons named more than once: ${repeated.join(', ')}`, { cartonIds: repeated });
  }
  if (unknownCartonIds.length > 0) {
    throw notFound('unknown_cartons', `No packing produced these cartons: ${unknownCartonIds.join(', ')}`, {
      cartonIds: unknownCartonIds,
    });
  }
  rejectCartons(
    cartons.filter((carton) => carton.status === 'in_transit'),
    'carton_already_dispatched',
    'These cartons are already on their way elsewhere',
  );
  rejectCartons(
    cartons.filter((carton) => carton.status === 'delivered'),
    'carton_already_delivered',
    'These cartons were already delivered',
  );
  rejectCartons(
    cartons.filter((carton) => carton.facilityId !== from.id),
    'carton_not_at_facility',
    `These cartons are not held at ${from.id}`,
  );
  const recalled = cartons.find((carton) => carton.recalled);
  if (recalled) {
    const { recallId, class: level, reason } = recalled.recalled!;
    throw conflict(
      'recalled',
      `Cannot dispatch carton ${recalled.cartonId}: its lot is recalled (召回 ${recallId}, level ${level}: ${reason}); ` +
        'record its return or destruction on the recall instead',
      { cartonId: recalled.cartonId, recallId },
    );
  }
  const held = cartons.find((carton) => carton.regulatorHold);
  if (held) throw heldRefusal(held.regulatorHold!, `dispatch carton ${held.cartonId}`);
  rejectCartons(
    cartons.filter((carton) => carton.held),
    'batch_held',
    "These cartons belong to a batch held after a failed safety test; a testing lab's passing confirmatory test lifts the hold",
  );
  rejectCartons(
    cartons.filter((carton) => carton.consumed),
    'carton_consumed',
    'These cartons were consumed by a processor’s transformation',
  );
}

function rejectCartons(cartons: CartonCustody[], code: string, problem: string): void {
  if (cartons.length === 0) return;
  const cartonIds = cartons.map((carton) => carton.cartonId);
  throw conflict(code, `${problem}: ${cartonIds.join(', ')}`, { cartonIds });
}

function receive(command: ReceiveShipment, state: DispatchedState): ShipmentEvent[] {
  const { actor, facility, receivedAt, condition, temperatureC, note, now } = command;
  const { shipmentId, toFacilityId, cartonIds, dispatchedAt } = state.dispatched;
  if (state.receivedAt !== undefined) {
    throw conflict('already_received', `Shipment ${shipmentId} was already received at ${state.receivedAt}`);
  }
  requireDestination(facility, toFacilityId, shipmentId);
  requireOwnFacility(actor, facility);
  if (parsePastTime('receivedAt', receivedAt, now) < Date.parse(dispatchedAt)) {
    throw invalid(
      'received_before_dispatched',
      `A shipment cannot be received (${receivedAt}) before it was dispatched (${dispatchedAt})`,
      { field: 'receivedAt' },
    );
  }
  if (temperatureC !== undefined && (typeof temperatureC !== 'number' || !Number.isFinite(temperatureC))) {
    throw invalid('invalid_number', `temperatureC must be a finite number; got ${temperatureC}`, {
      field: 'temperatureC',
    });
  }
  return [
    {
      type: 'ShipmentReceived',
      data: { shipmentId, facilityId: facility.id, cartonIds, receivedAt, condition, temperatureC, note },
    },
  ];
}

/** Delivery hands the goods to the consignee at a village point (村级服务点), the last stop. */
function deliver(command: DeliverShipment, state: DispatchedState): ShipmentEvent[] {
  const { actor, facility, deliveredAt, recipient, now } = command;
  const { shipmentId, toFacilityId, cartonIds } = state.dispatched;
  const { receivedAt } = state;
  if (receivedAt === undefined) {
    throw conflict('not_received', `Shipment ${shipmentId} must be received before it is delivered`);
  }
  if (state.deliveredAt !== undefined) {
    throw conflict('already_delivered', `Shipment ${shipmentId} was already delivered at ${state.deliveredAt}`);
  }
  requireDestination(facility, toFacilityId, shipmentId);
  if (facility.type !== 'village_point') {
    throw invalid('not_a_village_point', `Delivery happens at a village point; facility ${facility.id} is a ${facility.type}`);
  }
  requireOwnFacility(actor, facility);
  if (parsePastTime('deliveredAt', deliveredAt, now) < Date.parse(receivedAt)) {
    throw invalid('delivered_before_received', `A shipment cannot be delivered (${deliveredAt}) before it was received (${receivedAt})`, {
      field: 'deliveredAt',
    });
  }
  return [{ type: 'ShipmentDelivered', data: { shipmentId, facilityId: facility.id, cartonIds, deliveredAt, recipient } }];
}

function requireDestination(facility: FacilityRef, toFacilityId: string, shipmentId: string): void {
  if (facility.id !== toFacilityId) {
    throw conflict('wrong_facility', `Shipment ${shipmentId} is bound for facility ${toFacilityId}, not ${facility.id}`, {
      expectedFacilityId: toFacilityId,
    });
  }
}

function requireOwnFacility(actor: Actor, facility: FacilityRef): void {
  if (facility.ownerId !== actor.organizationId) {
    throw forbidden('facility_not_owned', `Facility ${facility.id} does not belong to the acting organization`);
  }
}
