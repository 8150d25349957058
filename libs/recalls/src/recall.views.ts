import { Disposition, RecallOpened, RecallOutcome } from './domain/events';

/** A recall as its readers see it: what it covers and its deadlines (as opened), what holders disposed of, how it ended. */
export interface RecallView extends Omit<RecallOpened['data'], 'recallId'> {
  id: string;
  status: 'open' | 'closed';
  /** What became of each carton disposed of (a returned carton destroyed later reads destroyed). */
  cartons: Record<string, Disposition>;
  /** Loose units disposed of, by lot and disposition. */
  loose: Record<string, Partial<Record<Disposition, number>>>;
  /** Every disposal as it was recorded: who, where, how many. */
  disposals: RecallDisposal[];
  closed?: { by: string; report: string; outcome: RecallOutcome; at: string };
}

export interface RecallDisposal {
  disposition: Disposition;
  facilityId: string;
  organizationId: string;
  cartonIds: string[];
  loose?: { lotId: string; items: number };
  items: number;
  note?: string;
  at: string;
}

/** Which recalls cover a lot: one document a lot, for the lot's readers and the recall notice. */
export interface RecallLotView {
  id: string;
  recallIds: string[];
}
