import { packed } from '@suyuan/production/domain/batch.fixtures';
import { DocWrite } from '@suyuan/readmodels/projection';
import { SpecEvent, projectionSpec } from '@suyuan/readmodels/testing';
import { FacilityView } from '@suyuan/registry/registry.views';
import { logisticsProjection } from './cartons.projection';
import { dispatched, delivered, received } from './domain/logistics.fixtures';
import { ShipmentDispatched, ShipmentReceived } from './domain/events';
import { CartonView, JourneyStop, ShipmentView } from './logistics.views';

const given = projectionSpec(logisticsProjection);

const lechang = { province: '广东省', county: '乐昌市' };
const facility = (id: string, name: string, type: FacilityView['type'], extra: Partial<FacilityView> = {}): FacilityView => ({
  id,
  ownerId: 'org-owner',
  ownerName: '',
  type,
  name,
  region: lechang,
  registeredAt: '2025-03-01T00:00:00.000Z',
  ...extra,
});
const packhouse = facility('fac-jiufeng-packhouse', '九峰镇包装车间', 'packhouse', { region: { ...lechang, town: '九峰镇' } });
const hub = facility('fac-lechang-county-hub', '乐昌市县级物流中心', 'county_hub');
const truck = facility('fac-truck-yue-f-d12345', '冷链车 粤F·D12345', 'vehicle', { plate: '粤F·D12345' });
const villagePoint = facility('fac-langshi-village-point', '浪石村村级服务点', 'village_point', {
  region: { ...lechang, town: '九峰镇', village: '浪石村' },
});
const registry: DocWrite[] = [packhouse, hub, truck, villagePoint].map((f) => ({ collection: 'facilities', id: f.id, doc: f }));

const LOGISTICS = { organizationId: 'org-lechang-logistics' };
/** The first leg: the packhouse's cartons to the county hub, on no vehicle the registry knows. */
const toHub: SpecEvent<ShipmentDispatched> = {
  type: 'ShipmentDispatched',
  data: {
    shipmentId: 'sh-0618-01',
    fromFacilityId: packhouse.id,
    toFacilityId: hub.id,
    cartonIds: ['CTN-0618-001', 'CTN-0618-002'],
    dispatchedAt: '2025-06-18T17:00:00+08:00',
  },
  metadata: LOGISTICS,
};
const atHub: ShipmentReceived = {
  type: 'ShipmentReceived',
  data: {
    shipmentId: 'sh-0618-01',
    facilityId: hub.id,
    cartonIds: ['CTN-0618-001', 'CTN-0618-002'],
    receivedAt: '2025-06-18T19:10:00+08:00',
    condition: 'intact',
    temperatureC: 1.8,
  },
};
const toVillage = { ...dispatched, metadata: LOGISTICS };

const packhouseStop: JourneyStop = {
  kind: 'facility',
  facilityId: packhouse.id,
  facilityName: '九峰镇包装车间',
  facilityType: 'packhouse',
  region: packhouse.region,
  from: '2025-06-18T15:00:00+08:00',
  arrival: 'packed',
};
const roadToHub: JourneyStop = {
  kind: 'transit',
  facilityId: 'transit:sh-0618-01',
  facilityName: '九峰镇包装车间 → 乐昌市县级物流中心',
  facilityType: 'transit',
  from: '2025-06-18T17:00:00+08:00',
  arrival: 'dispatched',
};
const hubStop: JourneyStop = {
  kind: 'facility',
  facilityId: hub.id,
  facilityName: '乐昌市县级物流中心',
  facilityType: 'county_hub',
  region: lechang,
  from: '2025-06-18T19:10:00+08:00',
  arrival: 'received',
  condition: 'intact',
  handoverTemperatureC: 1.8,
};
const onTruck: JourneyStop = {
  kind: 'transit',
  facilityId: truck.id,
  facilityName: '冷链车 粤F·D12345',
  facilityType: 'vehicle',
  plate: '粤F·D12345',
  from: '2025-06-19T08:00:00+08:00',
  arrival: 'dispatched',
};
const villageStop: JourneyStop = {
  kind: 'facility',
  facilityId: villagePoint.id,
  facilityName: '浪石村村级服务点',
  facilityType: 'village_point',
  region: villagePoint.region,
  from: '2025-06-19T11:40:00+08:00',
  arrival: 'received',
  condition: 'intact',
  handoverTemperatureC: 2.6,
};

/** Both cartons of the packing (two items, one item) as they stand. */
const cartons = (state: Omit<CartonView, 'id' | 'batchId' | 'itemCount'>): DocWrite[] =>
  [
    { id: 'CTN-0618-001', itemCount: 2 },
    { id: 'CTN-0618-002', itemCount: 1 },
  ].map(({ id, itemCount }) => ({
    collection: 'cartons',
    id,
    doc: { id, batchId: 'bat-jf-20250618', itemCount, ...state } satisfies CartonView,
  }));

const hubShipment: ShipmentView = {
  id: 'sh-0618-01',
  status: 'in_transit',
  from: { id: packhouse.id, name: '九峰镇包装车间', type: 'packhouse' },
  to: { id: hub.id, name: '乐昌市县级物流中心', type: 'county_hub' },
  cartonIds: ['CTN-0618-001', 'CTN-0618-002'],
  dispatchedAt: '2025-06-18T17:00:00+08:00',
  dispatchedBy: 'org-lechang-logistics',
};
const villageShipment: ShipmentView = {
  id: 'sh-0619-01',
  status: 'in_transit',
  from: { id: hub.id, name: '乐昌市县级物流中心', type: 'county_hub' },
  to: { id: villagePoint.id, name: '浪石村村级服务点', type: 'village_point' },
  vehicle: { id: truck.id, name: '冷链车 粤F·D12345', plate: '粤F·D12345' },
  cartonIds: ['CTN-0618-001', 'CTN-0618-002'],
  dispatchedAt: '2025-06-19T08:00:00+08:00',
  dispatchedBy: 'org-lechang-logistics',
};
const shipment = (doc: ShipmentView): DocWrite => ({ collection: 'shipments', id: doc.id, doc });
const atTheHub = [...registry, packed, toHub, atHub];

describe('cartons and shipments projection', () => {
  it('writes each packed carton at its packhouse, the first stop of its journey', () => {
    given(registry)
      .when(packed)
      .then(cartons({ status: 'packed', facilityId: packhouse.id, stops: [packhouseStop] }));
  });

  it('names a stop by its facility id where the registry does not know the facility', () => {
    given()
      .when(packed)
      .then(
        cartons({
          status: 'packed',
          facilityId: packhouse.id,
          stops: [{ ...packhouseStop, facilityName: packhouse.id, facilityType: 'unknown', region: undefined }],
        }),
      );
  });

  it('dispatches on no known vehicle: a transit stop named for the road, and the shipment without a vehicle', () => {
    given([...registry, packed])
      .when(toHub)
      .then([
        shipment(hubShipment),
        ...cartons({
          status: 'in_transit',
          shipmentId: 'sh-0618-01',
          stops: [{ ...packhouseStop, to: '2025-06-18T17:00:00+08:00' }, roadToHub],
        }),
      ]);
  });

  it('receives the cartons at the hub with the hand-over condition and temperature', () => {
    given([...registry, packed, toHub])
      .when(atHub)
      .then([
        shipment({ ...hubShipment, status: 'received', receivedAt: '2025-06-18T19:10:00+08:00', condition: 'intact', temperatureC: 1.8 }),
        ...cartons({
          status: 'received',
          facilityId: hub.id,
          shipmentId: 'sh-0618-01',
          stops: [{ ...packhouseStop, to: '2025-06-18T17:00:00+08:00' }, { ...roadToHub, to: '2025-06-18T19:10:00+08:00' }, hubStop],
        }),
      ]);
  });

  it('dispatches on a registered truck, named with its plate, and says who dispatched it', () => {
    const before = [
      { ...packhouseStop, to: '2025-06-18T17:00:00+08:00' },
      { ...roadToHub, to: '2025-06-18T19:10:00+08:00' },
    ];
    given(atTheHub)
      .when(toVillage)
      .then([
        shipment(villageShipment),
        ...cartons({
          status: 'in_transit',
          shipmentId: 'sh-0619-01',
          stops: [...before, { ...hubStop, to: '2025-06-19T08:00:00+08:00' }, onTruck],
        }),
      ]);
  });

  it('delivers: the last stay ends in delivery, and the carton is nowhere any more', () => {
    const before = [
      { ...packhouseStop, to: '2025-06-18T17:00:00+08:00' },
      { ...roadToHub, to: '2025-06-18T19:10:00+08:00' },
      { ...hubStop, to: '2025-06-19T08:00:00+08:00' },
      { ...onTruck, to: '2025-06-19T11:40:00+08:00' },
    ];
    given([...atTheHub, toVillage])
      .when(received)
      .then([
        shipment({
          ...villageShipment,
          status: 'received',
          receivedAt: '2025-06-19T11:40:00+08:00',
          condition: 'intact',
          temperatureC: 2.6,
        }),
        ...cartons({ status: 'received', facilityId: villagePoint.id, shipmentId: 'sh-0619-01', stops: [...before, villageStop] }),
      ]);
    given([...atTheHub, toVillage, received])
      .when(delivered)
      .then([
        shipment({
          ...villageShipment,
          status: 'delivered',
          receivedAt: '2025-06-19T11:40:00+08:00',
          condition: 'intact',
          temperatureC: 2.6,
          deliveredAt: '2025-06-19T16:20:00+08:00',
          recipient: '李**',
        }),
        ...cartons({
          status: 'delivered',
          shipmentId: 'sh-0619-01',
          stops: [...before, { ...villageStop, to: '2025-06-19T16:20:00+08:00', delivered: true }],
        }),
      ]);
  });

  it('writes the shipment of cartons it does not know, and nothing for a receipt or delivery of a shipment it does not know', () => {
    given(registry)
      .when(toVillage)
      .then([shipment(villageShipment)]);
    given(registry).when(received).then([]);
    given(registry).when(delivered).then([]);
  });
});
