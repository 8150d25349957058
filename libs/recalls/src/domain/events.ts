import { DomainEvent, eventTypes } from '@suyuan/core';

/** 食品召回管理办法: level I for the gravest risk (illness or death may follow), II for a possible one, III for a label's fault. */
export const RECALL_CLASSES = ['I', 'II', 'III'] as const;
export type RecallClass = (typeof RECALL_CLASSES)[number];

/** Where a recall's units come from, as a trace forward starts: a lot, a plot's harvests, a farm input, a test. */
export type RecallScope = { lots: string[] } | { plot: string; from?: string; to?: string } | { input: string } | { test: string };

/** What a station or organization did with units it held: sent back to the producer, or destroyed where they were. */
export const DISPOSITIONS = ['returned', 'destroyed'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * A recall (召回) opened: its scope resolved to the lots it covers at that moment (the start lots
 * and every lot made from them), its deadlines by level. The lots are then marked on their own
 * streams, so that dispatching, packing or selling any of their units is refused.
 */
export type RecallOpened = DomainEvent<
  'RecallOpened',
  {
    recallId: string;
    class: RecallClass;
    reason: string;
    scope: RecallScope;
    /** Every lot the recall covers, start lots first. */
    lots: string[];
    /** The organizations whose lots they are. */
    owners: string[];
    openedBy: { organizationId: string; role: string };
    /** When the risk became known (the level's start deadline runs from it); the opening time unless told. */
    riskKnownAt: string;
    openedAt: string;
    /** 24, 48 or 72 hours after the risk became known. */
    startBy: string;
    /** 10, 20 or 30 working days after opening. */
    completeBy: string;
  }
>;

/** Units of the recall a holder returned or destroyed: whole cartons, or loose items of a lot. */
export type RecallUnitsDisposed = DomainEvent<
  'RecallUnitsDisposed',
  {
    recallId: string;
    disposition: Disposition;
    facilityId: string;
    organizationId: string;
    /** Whole cartons, each with its lot and how many units it held. */
    cartons: { id: string; lotId: string; items: number }[];
    /** Units out of their cartons (a shop's opened carton), of one lot. */
    loose?: { lotId: string; items: number };
    /** Units in all. */
    items: number;
    note?: string;
    disposedAt: string;
  }
>;

/** The regulator closes a recall with its report; the lots stay withdrawn from sale. */
export type RecallClosed = DomainEvent<
  'RecallClosed',
  {
    recallId: string;
    closedBy: string;
    report: string;
    /** The progress when it closed, as the report's figures. */
    outcome: RecallOutcome;
    closedAt: string;
  }
>;

/** Units (items) of a recall by where they are or what became of them. */
export interface RecallOutcome {
  total: number;
  returned: number;
  destroyed: number;
  /** At a chain facility (the packhouse, a station, a store), not yet returned or destroyed. */
  located: number;
  inTransit: number;
  /** Delivered to a shop or customer: in consumers' hands unless returned. */
  delivered: number;
  /** Taken into processing: their goods are in the recall's later lots. */
  processed: number;
  /** Counted nowhere: not in any carton the record knows. */
  unaccounted: number;
}

export type RecallEvent = RecallOpened | RecallUnitsDisposed | RecallClosed;

export const RECALL_EVENT_TYPES = eventTypes<RecallEvent>({ RecallOpened: true, RecallUnitsDisposed: true, RecallClosed: true });
