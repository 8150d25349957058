import { conflict, forbidden } from '@suyuan/core';
import { BatchState, RegisteredBatchState } from './batch.state';
import { MarkRecalled } from './commands';
import { BatchEvent } from './events';

/** Marks the lot recalled, once per recall: a retry after a crash marks nothing twice. */
export function markRecalled(command: MarkRecalled, state: RegisteredBatchState): BatchEvent[] {
  if (command.actor.role !== 'regulator' && command.actor.role !== 'cooperative')
    throw forbidden('not_allowed_to_recall', 'a recall is opened by a market regulator, or by a cooperative for its own lots');
  if (state.recalls[command.recallId]) return [];
  const { recallId, reason, recalledAt } = command;
  return [{ type: 'LotRecalled', data: { batchId: state.batch.batchId, recallId, class: command.class, reason, recalledAt } }];
}

/** A recalled lot's units are not certified, packed, sold, taken for processing or dispatched again. */
export function requireNotRecalled(state: BatchState, action: string): void {
  const recall = recallOf(state);
  if (!recall) return;
  const { recallId, class: level, reason } = recall;
  throw conflict('recalled', `Cannot ${action}: the lot is recalled (召回 ${recallId}, level ${level}: ${reason})`, {
    recallId,
    class: level,
    reason,
  });
}

/** A recall as refusals name it. */
export interface RecallRef {
  recallId: string;
  class: string;
  reason: string;
}

/** The first recall covering the lot, if any, as refusals name it. */
export function recallOf(state: BatchState): RecallRef | undefined {
  const [recallId, recall] = Object.entries(state.recalls)[0] ?? [];
  return recallId && recall ? { recallId, ...recall } : undefined;
}
