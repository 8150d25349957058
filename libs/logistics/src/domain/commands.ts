import { Actor, FacilityRef } from '../../../core/src';

/** Where a carton is now, as the handler read it from the carton read model. */
export interface CartonCustody {
  cartonId: string;
  /** Facility holding it, or undefined while in transit / after delivery. */
  facilityId?: string;
  status: 'packed' | 'in_transit' | 'received' | 'delivered';
}

export interface DispatchShipment {
  type: 'DispatchShipment';
  actor: Actor;
  shipmentId: string;
  from: FacilityRef;
  to: FacilityRef;
  vehicle?: FacilityRef;
  cartons: CartonCustody[];
  /** Carton ids the caller named that no packing ever produced. */
  unknownCartonIds: string[];
  dispatchedAt: string;
}

export interface ReceiveShipment {
  type: 'ReceiveShipment';
  actor: Actor;
  facility: FacilityRef;
  receivedAt: string;
  condition: 'intact' | 'damaged' | 'partial';
  temperatureC?: number;
  note?: string;
}

export interface DeliverShipment {
  type: 'DeliverShipment';
  actor: Actor;
  facility: FacilityRef;
  deliveredAt: string;
  recipient?: string;
}

export type ShipmentCommand = DispatchShipment | ReceiveShipment | DeliverShipment;

/** A bulk upload from one device at one facility or vehicle; stateless to decide. */
export interface RecordColdChainReadings {
  type: 'RecordColdChainReadings';
  actor: Actor;
  facility: FacilityRef;
  deviceId: string;
  readings: { at: string; temperatureC: number; humidityPct?: number }[];
  /** Injected clock, so that "not in the future" stays pure. */
  now: string;
}
