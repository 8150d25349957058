import { ScanWarning } from './scan-limits';

/** What a scan's answer (page and JSON) says of its code's scans: per request, never kept with the batch's parts. */
export interface ScanShown {
  /** This consumer was the code's `ordinal`-th; absent for a chain scan. */
  ordinal?: number;
  /** Distinct consumers (networks) so far. */
  consumers: number;
  /** Distinct cities those consumers told, one per consumer. */
  places: number;
  firstScannedAt?: string;
  chain: boolean;
  warnings: ScanWarning[];
}
