import { deciderSpec } from '@suyuan/core/testing';
import { CartonCustody } from './commands';
import {
  countyHub,
  countyLogistics,
  deliverShipment,
  delivered,
  dispatchShipment,
  dispatched,
  packhouse,
  receiveShipment,
  received,
  townStation,
  townStationOperator,
  truck,
  villagePoint,
  villageShop,
} from './logistics.fixtures';
import { shipmentDecider } from './shipment.decider';

const given = deciderSpec(shipmentDecider);

const atHub = (cartonId: string): CartonCustody => ({ cartonId, facilityId: countyHub.id, status: 'received' });

/** The same truck bound for the 北乡镇 town station instead, received there. */
const toTownStation = { ...dispatched, data: { ...dispatched.data, toFacilityId: townStation.id } };
const receivedAtTownStation = { ...received, data: { ...received.data, facilityId: townStation.id } };

describe('shipment decider', () => {
  describe('DispatchShipment', () => {
    it('dispatches cartons held at the hub on the hub’s truck', () => {
      given([]).when(dispatchShipment).then([dispatched]);
    });

    it('dispatches without a vehicle', () => {
      given([])
        .when({ ...dispatchShipment, vehicle: undefined })
        .then([{ ...dispatched, data: { ...dispatched.data, vehicleId: undefined } }]);
    });

    it('dispatches cartons straight from the packhouse where they were packed', () => {
      const packhouseOperator = { organizationId: packhouse.ownerId, keyId: 'key-packhouse-1', role: 'packhouse' };
      given([])
        .when({
          ...dispatchShipment,
          actor: packhouseOperator,
          from: packhouse,
          to: countyHub,
          vehicle: undefined,
          cartons: [{ cartonId: 'CTN-0618-001', facilityId: packhouse.id, status: 'packed' }],
        })
        .then([
          {
            type: 'ShipmentDispatched',
            data: {
              shipmentId: 'sh-0619-01',
              fromFacilityId: packhouse.id,
              toFacilityId: countyHub.id,
              cartonIds: ['CTN-0618-001'],
              dispatchedAt: '2025-06-19T08:00:00+08:00',
            },
          },
        ]);
    });

    it('cannot dispatch the same shipment twice', () => {
      given([dispatched]).when(dispatchShipment).thenThrows({ kind: 'conflict', code: 'shipment_exists' });
    });

    it('leaves from the actor’s own facility only', () => {
      given([])
        .when({ ...dispatchShipment, actor: villageShop })
        .thenThrows({ kind: 'forbidden', code: 'facility_not_owned' });
    });

    it('goes somewhere else', () => {
      given([])
        .when({ ...dispatchShipment, to: countyHub })
        .thenThrows({ kind: 'invalid', code: 'same_facility' });
    });

    it('travels on a vehicle, if it names one', () => {
      given([])
        .when({ ...dispatchShipment, vehicle: townStation })
        .thenThrows({ kind: 'invalid', code: 'not_a_vehicle' });
    });

    // A packhouse hands its cartons to the carrier's truck: the vehicle need not be the sender's.
    it('may travel on another organization’s vehicle', () => {
      const carriers = { ...truck, ownerId: 'org-shaoguan-express' };
      const [event] = shipmentDecider.decide({ ...dispatchShipment, vehicle: carriers }, shipmentDecider.initialState());
      expect(event).toMatchObject({ type: 'ShipmentDispatched', data: { vehicleId: carriers.id } });
    });

    it('needs at least one carton', () => {
      given([])
        .when({ ...dispatchShipment, cartons: [] })
        .thenThrows({ kind: 'invalid', code: 'no_cartons' });
    });

    it('rejects a carton named twice', () => {
      given([])
        .when({ ...dispatchShipment, cartons: [atHub('CTN-0618-001'), atHub('CTN-0618-001')] })
        .thenThrows({ kind: 'invalid', code: 'duplicate_carton' });
    });

    it('names the cartons no packing produced', () => {
      const error = given([])
        .when({ ...dispatchShipment, unknownCartonIds: ['CTN-9999-404'] })
        .thenThrows({ kind: 'not_found', code: 'unknown_cartons' });
      expect(error.message).toContain('CTN-9999-404');
    });

    it('names the cartons held at another facility', () => {
      const error = given([])
        .when({
          ...dispatchShipment,
          cartons: [atHub('CTN-0618-001'), { cartonId: 'CTN-0618-002', facilityId: townStation.id, status: 'received' }],
        })
        .thenThrows({ kind: 'conflict', code: 'carton_not_at_facility' });
      expect(error.message).toContain('CTN-0618-002');
      expect(error.message).not.toContain('CTN-0618-001');
    });

    it('names the cartons already on their way', () => {
      const error = given([])
        .when({ ...dispatchShipment, cartons: [atHub('CTN-0618-001'), { cartonId: 'CTN-0618-002', status: 'in_transit' }] })
        .thenThrows({ kind: 'conflict', code: 'carton_already_dispatched' });
      expect(error.message).toContain('CTN-0618-002');
    });

    it('names the cartons already delivered', () => {
      const error = given([])
        .when({ ...dispatchShipment, cartons: [{ cartonId: 'CTN-0618-001', status: 'delivered' }, atHub('CTN-0618-002')] })
        .thenThrows({ kind: 'conflict', code: 'carton_already_delivered' });
      expect(error.message).toContain('CTN-0618-001');
    });

    it('rejects a dispatch time that does not parse', () => {
      given([])
        .when({ ...dispatchShipment, dispatchedAt: '19/06/2025 08:00' })
        .thenThrows({ kind: 'invalid', code: 'invalid_time' });
    });
  });

  describe('ReceiveShipment', () => {
    it('receives the shipment at its destination, with the cartons it carried', () => {
      given([dispatched]).when(receiveShipment).then([received]);
    });

    it('records a damaged handover with a note', () => {
      given([dispatched])
        .when({ ...receiveShipment, condition: 'damaged', note: '一箱外包装破损' })
        .then([{ ...received, data: { ...received.data, condition: 'damaged', note: '一箱外包装破损' } }]);
    });

    it('needs a dispatched shipment', () => {
      given([]).when(receiveShipment).thenThrows({ kind: 'not_found', code: 'shipment_not_found' });
    });

    it('cannot receive twice', () => {
      given([dispatched, received]).when(receiveShipment).thenThrows({ kind: 'conflict', code: 'already_received' });
    });

    it('happens at the destination, which the message names', () => {
      const error = given([dispatched])
        .when({ ...receiveShipment, actor: townStationOperator, facility: townStation })
        .thenThrows({ kind: 'conflict', code: 'wrong_facility' });
      expect(error.message).toContain(villagePoint.id);
    });

    it('is for the destination’s owner', () => {
      given([dispatched])
        .when({ ...receiveShipment, actor: countyLogistics })
        .thenThrows({ kind: 'forbidden', code: 'facility_not_owned' });
    });

    it('cannot come before the dispatch', () => {
      given([dispatched])
        .when({ ...receiveShipment, receivedAt: '2025-06-19T07:59:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'received_before_dispatched' });
    });

    it('rejects a receipt time that does not parse', () => {
      given([dispatched])
        .when({ ...receiveShipment, receivedAt: 'noon' })
        .thenThrows({ kind: 'invalid', code: 'invalid_time' });
    });

    it('rejects a handover temperature that is not a number', () => {
      given([dispatched])
        .when({ ...receiveShipment, temperatureC: Number.NaN })
        .thenThrows({ kind: 'invalid', code: 'invalid_number' });
    });
  });

  describe('DeliverShipment', () => {
    it('delivers a received shipment at its village point', () => {
      given([dispatched, received]).when(deliverShipment).then([delivered]);
    });

    it('needs a dispatched shipment', () => {
      given([]).when(deliverShipment).thenThrows({ kind: 'not_found', code: 'shipment_not_found' });
    });

    it('needs the shipment received first', () => {
      given([dispatched]).when(deliverShipment).thenThrows({ kind: 'conflict', code: 'not_received' });
    });

    it('cannot deliver twice', () => {
      given([dispatched, received, delivered]).when(deliverShipment).thenThrows({ kind: 'conflict', code: 'already_delivered' });
    });

    it('happens at the destination', () => {
      given([dispatched, received])
        .when({ ...deliverShipment, facility: { ...villagePoint, id: 'fac-jiufeng-other-point' } })
        .thenThrows({ kind: 'conflict', code: 'wrong_facility' });
    });

    it('happens at a village point only', () => {
      given([toTownStation, receivedAtTownStation])
        .when({ ...deliverShipment, actor: townStationOperator, facility: townStation })
        .thenThrows({ kind: 'invalid', code: 'not_a_village_point' });
    });

    it('is for the village point’s owner', () => {
      given([dispatched, received])
        .when({ ...deliverShipment, actor: countyLogistics })
        .thenThrows({ kind: 'forbidden', code: 'facility_not_owned' });
    });

    it('cannot come before the receipt', () => {
      given([dispatched, received])
        .when({ ...deliverShipment, deliveredAt: '2025-06-19T11:39:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'delivered_before_received' });
    });

    it('rejects a delivery time that does not parse', () => {
      given([dispatched, received])
        .when({ ...deliverShipment, deliveredAt: '' })
        .thenThrows({ kind: 'invalid', code: 'invalid_time' });
    });
  });

  describe('what cannot be true, and what a hold stops', () => {
    it('refuses cartons of a batch held after a failed safety test', () => {
      given([])
        .when({ ...dispatchShipment, cartons: [dispatchShipment.cartons[0], { ...dispatchShipment.cartons[1], held: true }] })
        .thenThrows({ kind: 'conflict', code: 'batch_held' });
    });

    it('refuses a carton a regulator holds, naming the hold and its reason', () => {
      const hold = {
        holdId: 'HLD-1',
        batchId: 'bat-jf-20250618',
        unit: { kind: 'carton' as const, cartonId: dispatchShipment.cartons[1].cartonId },
        reason: '抽检不合格，待复检',
        regulatorId: 'org-lechang-samr',
        heldAt: '2025-06-19T08:00:00+08:00',
      };
      const error = given([])
        .when({ ...dispatchShipment, cartons: [dispatchShipment.cartons[0], { ...dispatchShipment.cartons[1], regulatorHold: hold }] })
        .thenThrows({ kind: 'conflict', code: 'held' });
      expect(error.message).toContain('抽检不合格，待复检');
      expect(error.details).toMatchObject({ hold: { holdId: 'HLD-1' } });
    });

    it('refuses a carton of a recalled lot: it goes back, not on', () => {
      const recalled = { recallId: 'RC1', class: 'I', reason: '毒死蜱残留超标' };
      const error = given([])
        .when({ ...dispatchShipment, cartons: [dispatchShipment.cartons[0], { ...dispatchShipment.cartons[1], recalled }] })
        .thenThrows({ kind: 'conflict', code: 'recalled' });
      expect(error.details).toEqual({ cartonId: dispatchShipment.cartons[1].cartonId, recallId: 'RC1' });
    });

    it('refuses a dispatch before the cartons arrived where they leave from', () => {
      given([])
        .when({ ...dispatchShipment, dispatchedAt: '2025-06-19T03:00:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'before_arrival', details: { field: 'dispatchedAt' } });
    });

    it.each([
      ['a dispatch', [], { ...dispatchShipment, dispatchedAt: '2025-06-19T21:00:00+08:00' }, 'dispatchedAt'],
      ['a receipt', [dispatched], { ...receiveShipment, receivedAt: '2025-06-19T21:00:00+08:00' }, 'receivedAt'],
      ['a delivery', [dispatched, received], { ...deliverShipment, deliveredAt: '2025-06-19T21:00:00+08:00' }, 'deliveredAt'],
    ] as const)('refuses %s in the future', (_what, events, command, field) => {
      given(events).when(command).thenThrows({ kind: 'invalid', code: 'time_in_future', details: { field } });
    });

    it('refuses the year 9999', () => {
      given([dispatched])
        .when({ ...receiveShipment, receivedAt: '9999-12-31T11:40:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'invalid_time', details: { field: 'receivedAt' } });
    });
  });
});
