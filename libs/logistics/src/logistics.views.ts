import { JourneyStop } from '../../consumer/src/passport/item-passport';

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

/** Readings of one facility or vehicle in one UTC hour: `[epoch ms, °C, RH % | null]`, time-sorted. */
export interface ColdChainHourView {
  id: string;
  facilityId: string;
  hour: string;
  r: [number, number, number | null][];
}

/** Which hours a facility has readings for, so a reader fetches only those. */
export interface ColdChainIndexView {
  id: string;
  hours: string[];
  count: number;
  lastAt?: string;
}
