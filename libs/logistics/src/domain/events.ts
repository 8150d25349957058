import { DomainEvent } from '@suyuan/core';

/** A shipment is one leg: from one facility to the next, on one vehicle. */
export type ShipmentDispatched = DomainEvent<
  'ShipmentDispatched',
  {
    shipmentId: string;
    fromFacilityId: string;
    toFacilityId: string;
    vehicleId?: string;
    cartonIds: string[];
    dispatchedAt: string;
  }
>;

export type ShipmentReceived = DomainEvent<
  'ShipmentReceived',
  {
    shipmentId: string;
    facilityId: string;
    /** Repeated from the dispatch so that projections need no look-up. */
    cartonIds: string[];
    receivedAt: string;
    condition: 'intact' | 'damaged' | 'partial';
    /** Temperature measured at handover (交接温度). */
    temperatureC?: number;
    note?: string;
  }
>;

/** Handed over to the consignee at a village point (村级服务点). */
export type ShipmentDelivered = DomainEvent<
  'ShipmentDelivered',
  {
    shipmentId: string;
    facilityId: string;
    cartonIds: string[];
    deliveredAt: string;
    recipient?: string;
  }
>;

export type ShipmentEvent = ShipmentDispatched | ShipmentReceived | ShipmentDelivered;

export interface ColdChainReading {
  at: string;
  temperatureC: number;
  humidityPct?: number;
}

/**
 * A device's upload: many readings in one event, on a stream of their own
 * (`coldchain-{facilityId}`), never on streams that commands contend on.
 */
export type ColdChainReadingsRecorded = DomainEvent<
  'ColdChainReadingsRecorded',
  {
    facilityId: string;
    deviceId: string;
    readings: ColdChainReading[];
  }
>;
