import type { SealedPersonalData } from '@suyuan/platform';
import { ScanVisit } from './scan-tally';

/** A scan as the log keeps it: no address, no person; the owner and product so that signals can be scoped. */
export interface ScanRecord extends ScanVisit {
  code: string;
  /** False for a code the system never issued (or a serial copied under another product's GTIN or lot). */
  issued: boolean;
  ownerId?: string;
  productId?: string;
  /** The warnings (`warningFlags`) the code raised at this scan, and `VOIDED_FLAG` for a voided code. */
  flags: number;
}

export const PROBLEM_KINDS = ['suspected_fake', 'quality', 'label', 'other'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/** A consumer's report of a problem with an item, for its brand owner and the regulator. */
export interface ProblemReport {
  id: string;
  at: number;
  code: string;
  kind: ProblemKind;
  description: string;
  /**
   * How to reach the reporter, sealed under a key of the report's own in the personal key vault
   * (subject `reportContactSubject(id)`): destroying the key erases it (PIPL), the row stays.
   */
  sealedContact?: SealedPersonalData;
  client: string;
  ownerId?: string;
  productId?: string;
}

/** The personal key vault's subject a report's contact is sealed under. */
export function reportContactSubject(reportId: string): string {
  return `problem-report:${reportId}`;
}

/**
 * Which signals, of whose items (`owners` absent: everyone's, for the administrator), from when
 * to when (ms); `unissued`: with the scans of codes never issued, which belong to no owner.
 */
export interface SignalsQuery {
  owners?: readonly string[];
  unissued: boolean;
  from: number;
  to: number;
}

/** A page of reports, newest first: `before` continues after the last report of the page before. */
export interface ReportsQuery extends SignalsQuery {
  before?: ReportCursor;
  limit: number;
}

/** Where a page of reports ended: its last report's time and id. */
export interface ReportCursor {
  at: number;
  id: string;
}

/** Scans of one day (China Standard Time) and told place (null: none told). */
export interface SignalsByDay {
  day: string;
  place: string | null;
  scans: number;
  clients: number;
  codes: number;
}

export interface FlaggedCode {
  code: string;
  productId: string | null;
  ownerId: string | null;
  firstAt: number;
  lastAt: number;
  scans: number;
  clients: number;
  places: number;
  flags: number;
}

export interface CounterfeitSignals {
  /** Scans of codes never issued (when the query asks for them): they belong to no one. */
  unissued?: SignalsByDay[];
  /** Scans that found their code over its limits. */
  flagged: SignalsByDay[];
  /** Scans of codes voided (damaged, misprinted or lost labels): a label that should be off the goods. */
  voided: SignalsByDay[];
  flaggedCodes: FlaggedCode[];
  /** Whether more codes were flagged than `flaggedCodes` lists (the most scanned-by-many first). */
  flaggedCodesTruncated: boolean;
}

/**
 * Where scans and problem reports are kept: a log of its own beside the event store, never an
 * item's stream. Appends come in batches from `ScanRecorder`; `replay` at start rebuilds the
 * in-memory tally. `salt` is the log's own secret for hashing client networks, made once.
 */
export interface ScanLog {
  salt(): Promise<Buffer>;
  append(records: readonly ScanRecord[]): Promise<void>;
  replay(each: (record: ScanRecord) => void): Promise<void>;
  signals(query: SignalsQuery): Promise<CounterfeitSignals>;
  addReport(report: ProblemReport): Promise<void>;
  reports(query: ReportsQuery): Promise<ProblemReport[]>;
  report(id: string): Promise<ProblemReport | undefined>;
  /** Drops a report's sealed contact (its key is destroyed first); the report stays. */
  dropContact(id: string): Promise<void>;
  /** Reports whose contact a version before sealing kept in clear: sealed by `sealContact` at start. */
  clearContacts(): Promise<{ id: string; contact: string }[]>;
  sealContact(id: string, sealed: SealedPersonalData): Promise<void>;
  close(): Promise<void>;
}

export const SCAN_LOG = Symbol('ScanLog');
