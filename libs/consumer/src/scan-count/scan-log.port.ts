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
  contact?: string;
  client: string;
  ownerId?: string;
  productId?: string;
}

/** Which signals, of whose items (`ownerId` absent: everyone's, for a regulator), from when to when (ms). */
export interface SignalsQuery {
  ownerId?: string;
  from: number;
  to: number;
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
  /** Scans of codes never issued; only for a regulator's view (`ownerId` absent): they belong to no one. */
  unissued?: SignalsByDay[];
  /** Scans that found their code over its limits. */
  flagged: SignalsByDay[];
  /** Scans of codes voided (damaged, misprinted or lost labels): a label that should be off the goods. */
  voided: SignalsByDay[];
  flaggedCodes: FlaggedCode[];
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
  reports(query: SignalsQuery): Promise<ProblemReport[]>;
  close(): Promise<void>;
}

export const SCAN_LOG = Symbol('ScanLog');
