import { Actor, conflict, forbidden, invalid, notFound, parsePastTime, requireNotBefore } from '@suyuan/core';
import { requireBatchOwner } from './batch.guards';
import { Handover, RegisteredBatchState, holders } from './batch.state';
import { AcceptHandover, EndHandover, HandOverBatch } from './commands';
import { BatchEvent } from './events';

/** Who can take goods in hand to pre-cool, grade and pack them. */
const HOLDER_ROLES = ['packhouse', 'cooperative', 'processor'];

/**
 * Pre-cooling, grading and packing are recorded by the batch's cooperative, or by an
 * organization it handed the goods to and that accepted them. Anyone else could otherwise
 * rewrite a competitor's record (a 39 °C pre-cooling, a packing of its whole harvest).
 */
export function requireCustodian(actor: Actor, state: RegisteredBatchState, action: string): void {
  if (actor.organizationId === state.batch.cooperativeId || holders(state).includes(actor.organizationId)) return;
  throw forbidden(
    'not_batch_custodian',
    `Only the cooperative that owns batch ${state.batch.batchId}, or an organization it handed the goods to and that accepted them, may ${action}`,
  );
}

/** 交接: the owner offers its goods to another organization. */
export function handOver(command: HandOverBatch, state: RegisteredBatchState): BatchEvent[] {
  const { actor, handoverId, to, handedOverAt, note, now } = command;
  requireBatchOwner(actor, state, 'hand its goods over');
  if (to.id === state.batch.cooperativeId)
    throw invalid('handover_to_self', 'A batch is handed over to another organization, not to its owner');
  if (!HOLDER_ROLES.includes(to.role)) {
    throw invalid('recipient_cannot_hold', `Goods are handed to a ${HOLDER_ROLES.join(' or ')}; organization ${to.id} is a ${to.role}`, {
      field: 'toOrganizationId',
    });
  }
  if (state.handovers[handoverId]) throw conflict('handover_exists', `Hand-over ${handoverId} is already recorded`);
  const open = Object.entries(state.handovers).find(([, h]) => h.toOrganizationId === to.id && h.status !== 'ended');
  if (open) {
    throw conflict(
      'handover_exists',
      `Organization ${to.id} already ${open[1].status === 'accepted' ? 'holds' : 'has an open offer of'} this batch (${open[0]})`,
      {
        handoverId: open[0],
      },
    );
  }
  parsePastTime('handedOverAt', handedOverAt, now);
  return [
    {
      type: 'BatchHandedOver',
      data: { batchId: state.batch.batchId, handoverId, toOrganizationId: to.id, handedOverAt, ...(note !== undefined && { note }) },
    },
  ];
}

export function acceptHandover(command: AcceptHandover, state: RegisteredBatchState): BatchEvent[] {
  const { actor, handoverId, acceptedAt, now } = command;
  const handover = findHandover(state, handoverId);
  if (actor.organizationId !== handover.toOrganizationId) {
    throw forbidden('not_handover_recipient', `Hand-over ${handoverId} was offered to another organization`);
  }
  if (handover.status !== 'offered') throw conflict('handover_not_open', `Hand-over ${handoverId} is already ${handover.status}`);
  const at = parsePastTime('acceptedAt', acceptedAt, now);
  requireNotBefore('acceptedAt', at, { ms: handover.handedOverAt, what: 'the hand-over', code: 'before_handover' });
  return [
    { type: 'BatchHandoverAccepted', data: { batchId: state.batch.batchId, handoverId, organizationId: actor.organizationId, acceptedAt } },
  ];
}

/** The owner takes its goods back (or withdraws an offer), or the holder gives them back. */
export function endHandover(command: EndHandover, state: RegisteredBatchState): BatchEvent[] {
  const { actor, handoverId, endedAt, now } = command;
  const handover = findHandover(state, handoverId);
  if (actor.organizationId !== state.batch.cooperativeId && actor.organizationId !== handover.toOrganizationId) {
    throw forbidden('not_handover_party', `Only the batch's cooperative or the organization holding it may end hand-over ${handoverId}`);
  }
  if (handover.status === 'ended') throw conflict('handover_not_open', `Hand-over ${handoverId} has already ended`);
  const at = parsePastTime('endedAt', endedAt, now);
  requireNotBefore('endedAt', at, { ms: handover.handedOverAt, what: 'the hand-over', code: 'before_handover' });
  return [
    {
      type: 'BatchHandoverEnded',
      data: { batchId: state.batch.batchId, handoverId, organizationId: handover.toOrganizationId, endedAt, endedBy: actor.organizationId },
    },
  ];
}

function findHandover(state: RegisteredBatchState, handoverId: string): Handover {
  const handover = state.handovers[handoverId];
  if (!handover) throw notFound('handover_not_found', `Batch ${state.batch.batchId} has no hand-over ${handoverId}`);
  return handover;
}
