import { Actor, FacilityRef } from '@suyuan/core';
import { DeliverShipment, DispatchShipment, ReceiveShipment, RecordColdChainReadings } from './commands';
import { ShipmentDelivered, ShipmentDispatched, ShipmentReceived } from './events';

/**
 * Two cartons of 黄金柰李 leave the 乐昌市 county hub on a cold-chain truck on 19 June 2025
 * for the village point in 浪石村, 九峰镇, where they are received and handed to the consignee.
 */
export const countyLogistics: Actor = { organizationId: 'org-lechang-logistics', keyId: 'key-logistics-1', role: 'logistics' };
export const villageShop: Actor = { organizationId: 'org-langshi-shop', keyId: 'key-langshi-1', role: 'retailer' };
export const townStationOperator: Actor = { organizationId: 'org-beixiang-station', keyId: 'key-beixiang-1', role: 'logistics' };

export const countyHub: FacilityRef = { id: 'fac-lechang-county-hub', ownerId: 'org-lechang-logistics', type: 'county_hub' };
export const truck: FacilityRef = { id: 'fac-truck-yue-f-d12345', ownerId: 'org-lechang-logistics', type: 'vehicle' };
export const villagePoint: FacilityRef = { id: 'fac-langshi-village-point', ownerId: 'org-langshi-shop', type: 'village_point' };
export const townStation: FacilityRef = { id: 'fac-beixiang-town-station', ownerId: 'org-beixiang-station', type: 'town_station' };
export const packhouse: FacilityRef = { id: 'fac-jiufeng-packhouse', ownerId: 'org-jiufeng-packhouse', type: 'packhouse' };

/** When the commands below arrive: the evening of the delivery. */
export const NOW = '2025-06-19T20:00:00+08:00';

export const dispatchShipment: DispatchShipment = {
  type: 'DispatchShipment',
  now: NOW,
  actor: countyLogistics,
  shipmentId: 'sh-0619-01',
  from: countyHub,
  to: villagePoint,
  vehicle: truck,
  cartons: [
    { cartonId: 'CTN-0618-001', facilityId: 'fac-lechang-county-hub', status: 'received', since: '2025-06-18T19:10:00.000Z', held: false },
    { cartonId: 'CTN-0618-002', facilityId: 'fac-lechang-county-hub', status: 'received', since: '2025-06-18T19:10:00.000Z', held: false },
  ],
  unknownCartonIds: [],
  dispatchedAt: '2025-06-19T08:00:00+08:00',
};

export const dispatched: ShipmentDispatched = {
  type: 'ShipmentDispatched',
  data: {
    shipmentId: 'sh-0619-01',
    fromFacilityId: 'fac-lechang-county-hub',
    toFacilityId: 'fac-langshi-village-point',
    vehicleId: 'fac-truck-yue-f-d12345',
    cartonIds: ['CTN-0618-001', 'CTN-0618-002'],
    dispatchedAt: '2025-06-19T08:00:00+08:00',
  },
};

export const receiveShipment: ReceiveShipment = {
  type: 'ReceiveShipment',
  now: NOW,
  actor: villageShop,
  facility: villagePoint,
  receivedAt: '2025-06-19T11:40:00+08:00',
  condition: 'intact',
  temperatureC: 2.6,
};

export const received: ShipmentReceived = {
  type: 'ShipmentReceived',
  data: {
    shipmentId: 'sh-0619-01',
    facilityId: 'fac-langshi-village-point',
    cartonIds: ['CTN-0618-001', 'CTN-0618-002'],
    receivedAt: '2025-06-19T11:40:00+08:00',
    condition: 'intact',
    temperatureC: 2.6,
  },
};

export const deliverShipment: DeliverShipment = {
  type: 'DeliverShipment',
  now: NOW,
  actor: villageShop,
  facility: villagePoint,
  deliveredAt: '2025-06-19T16:20:00+08:00',
  recipient: '李**',
};

export const delivered: ShipmentDelivered = {
  type: 'ShipmentDelivered',
  data: {
    shipmentId: 'sh-0619-01',
    facilityId: 'fac-langshi-village-point',
    cartonIds: ['CTN-0618-001', 'CTN-0618-002'],
    deliveredAt: '2025-06-19T16:20:00+08:00',
    recipient: '李**',
  },
};

/** The truck's logger, every 10 minutes on the way to 九峰镇; the device clock reads 10:00. */
export const recordReadings: RecordColdChainReadings = {
  type: 'RecordColdChainReadings',
  actor: countyLogistics,
  facility: truck,
  deviceId: 'TL-SENSOR-0031',
  readings: [
    { at: '2025-06-19T08:00:00+08:00', temperatureC: 1.8, humidityPct: 92 },
    { at: '2025-06-19T08:10:00+08:00', temperatureC: 2.1, humidityPct: 91.5 },
    { at: '2025-06-19T08:20:00+08:00', temperatureC: 2.4 },
  ],
  now: '2025-06-19T10:00:00+08:00',
};
