import { Region } from '@suyuan/registry';

/** One place the item stayed, or one vehicle leg, in time order. */
export interface JourneyStop {
  kind: 'facility' | 'transit';
  facilityId: string;
  facilityName: string;
  facilityType: string;
  region?: Region;
  /** Vehicles: plate number. */
  plate?: string;
  from: string;
  /** Absent while the item is still there. */
  to?: string;
  /** How the stay began: packed here, received here, or dispatched (transit). */
  arrival: 'packed' | 'received' | 'dispatched';
  condition?: 'intact' | 'damaged' | 'partial';
  handoverTemperatureC?: number;
  /** True for the stay that ended in delivery to the consignee. */
  delivered?: boolean;
}

/** Where one carton is and everywhere it has been: the journey every item in it shares. */
export interface CartonView {
  id: string;
  batchId: string;
  itemCount: number;
  status: 'packed' | 'in_transit' | 'received' | 'delivered';
  /** The facility holding it now; absent in transit and after delivery. */
  facilityId?: string;
  shipmentId?: string;
  stops: JourneyStop[];
}

export interface ShipmentView {
  id: string;
  status: 'in_transit' | 'received' | 'delivered';
  from: { id: string; name: string; type: string };
  to: { id: string; name: string; type: string };
  vehicle?: { id: string; name: string; plate?: string };
  cartonIds: string[];
  dispatchedAt: string;
  dispatchedBy: string;
  receivedAt?: string;
  condition?: 'intact' | 'damaged' | 'partial';
  temperatureC?: number;
  note?: string;
  deliveredAt?: string;
  recipient?: string;
}

/** A stored reading: `[epoch ms, °C, RH % | null]`. */
export type StoredReading = [number, number, number | null];

/**
 * Readings of one facility or vehicle in one UTC hour, per logger (device id): each logger's
 * time-sorted, one reading per time (a re-upload adds nothing).
 */
export interface ColdChainHourView {
  id: string;
  facilityId: string;
  hour: string;
  devices: Record<string, StoredReading[]>;
}

/** Which hours a facility has readings for, so a reader fetches only those. */
export interface ColdChainIndexView {
  id: string;
  hours: string[];
  /** Readings stored, each (logger, time) once. */
  count: number;
  lastAt?: string;
}
