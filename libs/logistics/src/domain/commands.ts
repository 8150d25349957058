import { Actor, FacilityRef } from '@suyuan/core';
import { RecallRef, RegulatorHold } from '@suyuan/production';

/** Where a carton is now, as the handler read it from the carton read model. */
export interface CartonCustody {
  cartonId: string;
  /** Facility holding it, or undefined while in transit / after delivery. */
  facilityId?: string;
  status: 'packed' | 'in_transit' | 'received' | 'delivered';
  /** When it arrived where it is (packed or received there): it cannot leave before. */
  since?: string;
  /** Its batch is held after a failed safety test (read from the batch's stream). */
  held?: boolean;
  /** The recall covering its lot (read from the batch's stream): it goes nowhere but back. */
  recalled?: RecallRef;
  /** A regulator's hold on it, its lot or an item in it (read from the carton's and the batch's streams). */
  regulatorHold?: RegulatorHold;
  /** A processor's transformation took it (read from the batch's stream): it no longer exists as packed. */
  consumed?: boolean;
}

export interface DispatchShipment {
  type: 'DispatchShipment';
  actor: Actor;
  /** The server's clock when the command arrived: a recorded step cannot lie after it. */
  now: string;
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
  /** The server's clock when the command arrived: a recorded step cannot lie after it. */
  now: string;
  facility: FacilityRef;
  receivedAt: string;
  condition: 'intact' | 'damaged' | 'partial';
  temperatureC?: number;
  note?: string;
}

export interface DeliverShipment {
  type: 'DeliverShipment';
  actor: Actor;
  /** The server's clock when the command arrived: a recorded step cannot lie after it. */
  now: string;
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
