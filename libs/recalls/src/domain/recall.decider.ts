import { Actor, Decider, conflict, forbidden, invalid } from '@suyuan/core';
import { completeBy, startBy } from './deadlines';
import {
  Disposition,
  RecallClass,
  RecallClosed,
  RecallEvent,
  RecallOpened,
  RecallOutcome,
  RecallScope,
  RecallUnitsDisposed,
} from './events';

/** Opening, as the handler resolved it: the lots the scope covers now, and whose they are. */
export interface OpenRecall {
  type: 'OpenRecall';
  actor: Actor;
  recallId: string;
  class: RecallClass;
  reason: string;
  scope: RecallScope;
  lots: string[];
  /** The owners of every lot covered, and of the lots the scope starts from. */
  owners: string[];
  startOwners: string[];
  riskKnownAt: string;
  openedAt: string;
}

/** A carton the holder names, as the record knows it. */
export interface DisposedCarton {
  id: string;
  lotId: string;
  itemCount: number;
}

export interface DisposeUnits {
  type: 'DisposeUnits';
  actor: Actor;
  disposition: Disposition;
  facility: { id: string; ownerId: string };
  /** Whole cartons, of any of the recall's lots. */
  cartons: DisposedCarton[];
  /** Units out of their cartons, of one lot, with how many units that lot has (the most that can be disposed of loose). */
  loose?: { lotId: string; items: number; lotItemCount: number };
  note?: string;
  disposedAt: string;
}

export interface CloseRecall {
  type: 'CloseRecall';
  actor: Actor;
  report: string;
  outcome: RecallOutcome;
  closedAt: string;
}

export type RecallCommand = OpenRecall | DisposeUnits | CloseRecall;

export interface RecallState {
  status: 'none' | 'open' | 'closed';
  recallId?: string;
  lots: ReadonlySet<string>;
  /** What became of each carton disposed of. */
  cartons: ReadonlyMap<string, Disposition>;
  /** Loose units disposed of, by lot. */
  looseItems: ReadonlyMap<string, number>;
}

const MAX_LOTS = 10_000;

/**
 * One recall (stream `recall-{id}`): opened by a regulator, or by a cooperative for its own
 * lots; run by every holder of its units, who records what it returned or destroyed; closed by
 * a regulator alone, with a report.
 */
export const recallDecider: Decider<RecallCommand, RecallEvent, RecallState> = {
  initialState: () => ({ status: 'none', lots: new Set(), cartons: new Map(), looseItems: new Map() }),
  evolve(state, event) {
    switch (event.type) {
      case 'RecallOpened':
        return { ...state, status: 'open', recallId: event.data.recallId, lots: new Set(event.data.lots) };
      case 'RecallUnitsDisposed': {
        const { cartons: disposed, loose, disposition } = event.data;
        const cartons = new Map(state.cartons);
        for (const carton of disposed) cartons.set(carton.id, disposition);
        const looseItems = new Map(state.looseItems);
        if (loose) looseItems.set(loose.lotId, (looseItems.get(loose.lotId) ?? 0) + loose.items);
        return { ...state, cartons, looseItems };
      }
      case 'RecallClosed':
        return { ...state, status: 'closed' };
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'OpenRecall':
        return [open(command, state)];
      case 'DisposeUnits':
        return [dispose(command, state)];
      case 'CloseRecall':
        return [close(command, state)];
    }
  },
};

function open(command: OpenRecall, state: RecallState): RecallOpened {
  if (state.status !== 'none') throw conflict('recall_exists', `recall ${command.recallId} was opened already`);
  const { actor } = command;
  if (actor.role !== 'regulator' && actor.role !== 'cooperative')
    throw forbidden('not_allowed_to_recall', 'a recall is opened by a market regulator, or by a cooperative for its own lots');
  // A cooperative recalls its own lots, with whatever others made from them.
  if (actor.role === 'cooperative' && command.startOwners.some((owner) => owner !== actor.organizationId))
    throw forbidden('not_your_lots', 'a cooperative recalls its own lots only: the scope starts from lots of other organizations');
  if (command.lots.length === 0) throw conflict('nothing_to_recall', 'the scope covers no lot');
  if (command.lots.length > MAX_LOTS)
    throw invalid('scope_too_wide', `a recall covers at most ${MAX_LOTS} lots, this scope ${command.lots.length}: narrow it`, {
      lots: command.lots.length,
    });
  const known = Date.parse(command.riskKnownAt);
  const opened = Date.parse(command.openedAt);
  if (known > opened) throw invalid('invalid_time', 'riskKnownAt cannot be after the recall is opened', { field: 'riskKnownAt' });
  return {
    type: 'RecallOpened',
    data: {
      recallId: command.recallId,
      class: command.class,
      reason: command.reason,
      scope: command.scope,
      lots: command.lots,
      owners: command.owners,
      openedBy: { organizationId: actor.organizationId, role: actor.role },
      riskKnownAt: command.riskKnownAt,
      openedAt: command.openedAt,
      startBy: new Date(startBy(command.class, known)).toISOString(),
      completeBy: new Date(completeBy(command.class, opened)).toISOString(),
    },
  };
}

function dispose(command: DisposeUnits, state: RecallState): RecallUnitsDisposed {
  requireOpen(state);
  const { actor, facility } = command;
  if (facility.ownerId !== actor.organizationId)
    throw forbidden('not_your_facility', `facility ${facility.id} is another organization's: record what your own facilities hold`);
  if (command.cartons.length === 0 && !command.loose)
    throw invalid('nothing_disposed', 'name the cartons (cartonIds) or the loose units (lotId and items) you returned or destroyed');
  const seen = new Set<string>();
  for (const carton of command.cartons) {
    if (seen.has(carton.id)) throw invalid('duplicate_carton', `carton ${carton.id} is named twice`, { cartonId: carton.id });
    seen.add(carton.id);
    if (!state.lots.has(carton.lotId))
      throw conflict('not_in_recall', `carton ${carton.id} is not of a lot in recall ${state.recallId}`, { cartonId: carton.id });
    const before = state.cartons.get(carton.id);
    if (before === command.disposition || before === 'destroyed')
      throw conflict('already_disposed', `carton ${carton.id} was ${before} already`, { cartonId: carton.id, disposition: before });
  }
  const { loose } = command;
  if (loose) {
    if (!state.lots.has(loose.lotId))
      throw conflict('not_in_recall', `lot ${loose.lotId} is not in recall ${state.recallId}`, { lotId: loose.lotId });
    if (!Number.isInteger(loose.items) || loose.items < 1)
      throw invalid('invalid_quantity', 'items must be a whole number of units, at least 1', { field: 'items' });
    const disposed = state.looseItems.get(loose.lotId) ?? 0;
    if (disposed + loose.items > loose.lotItemCount)
      throw conflict(
        'more_than_the_lot',
        `lot ${loose.lotId} has ${loose.lotItemCount} units; ${disposed} were disposed of loose already, ${loose.items} more is too many`,
        { lotId: loose.lotId, lotItemCount: loose.lotItemCount, disposed },
      );
  }
  const cartons = command.cartons.map((c) => ({ id: c.id, lotId: c.lotId, items: c.itemCount }));
  const items = cartons.reduce((n, c) => n + c.items, 0) + (loose?.items ?? 0);
  return {
    type: 'RecallUnitsDisposed',
    data: {
      recallId: state.recallId!,
      disposition: command.disposition,
      facilityId: facility.id,
      organizationId: facility.ownerId,
      cartons,
      ...(loose && { loose: { lotId: loose.lotId, items: loose.items } }),
      items,
      ...(command.note !== undefined && { note: command.note }),
      disposedAt: command.disposedAt,
    },
  };
}

function close(command: CloseRecall, state: RecallState): RecallClosed {
  requireOpen(state);
  if (command.actor.role !== 'regulator')
    throw forbidden('not_allowed_to_close', 'only a market regulator closes a recall, with its report');
  return {
    type: 'RecallClosed',
    data: {
      recallId: state.recallId!,
      closedBy: command.actor.organizationId,
      report: command.report,
      outcome: command.outcome,
      closedAt: command.closedAt,
    },
  };
}

function requireOpen(state: RecallState): void {
  if (state.status === 'none') throw conflict('recall_not_open', 'no such recall is open');
  if (state.status === 'closed') throw conflict('recall_closed', `recall ${state.recallId} is closed`);
}
