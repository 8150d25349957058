import { conflict, invalid, notFound } from '@suyuan/core';
import { RegisteredBatchState } from './batch.state';
import { VoidItemCode } from './commands';
import { requireCustodian } from './custody';
import { BatchEvent, VOID_REASONS } from './events';

const MAX_NOTE = 500;

/**
 * Voiding a label's code (作废), on the batch's stream as `ItemCodeVoided { code, reason, note?,
 * voidedAt, replacementCode? }`. Who may pack the batch may void its codes: its owner, or the
 * organization holding its goods. With a replacement, the handler has minted a new code (as
 * packing does) for the same physical item. Read models: the voided item's document gains
 * `voided: { at, reason, note?, replacedBy? }`, the replacement's is the same item (carton,
 * grade, weight, packing) under the new code with `replaces`, the batch lists `voided` codes
 * (its `itemCount` still counts items); scans answer a voided code with its record and
 * `voided: { at, reason }`, never the replacement.
 * Neither a hold nor a dispatch stops it: a label can be damaged in transit, and voiding sells
 * nothing. A code is voided once: a replacement's label, when damaged in turn, is voided itself.
 */
export function voidItemCode(command: VoidItemCode, state: RegisteredBatchState): BatchEvent[] {
  const { actor, code, reason, note, replacementCode, cartonId, now } = command;
  const { batchId } = state.batch;
  requireCustodian(actor, state, 'void its item codes');
  if (!state.packedCodes.has(code)) throw notFound('item_not_found', `Batch ${batchId} has no item with code ${code}`, { code });
  if (!(VOID_REASONS as readonly string[]).includes(reason)) {
    throw invalid('invalid_void_reason', `reason must be one of ${VOID_REASONS.join(', ')}; got ${JSON.stringify(reason)}`, {
      field: 'reason',
      allowed: VOID_REASONS,
    });
  }
  if (note !== undefined && (typeof note !== 'string' || note.length > MAX_NOTE)) {
    throw invalid('invalid_note', `note must be text of at most ${MAX_NOTE} characters`, { field: 'note' });
  }
  const voided = state.voidedCodes[code];
  if (voided) {
    const replaced = voided.replacementCode ? ` and replaced by ${voided.replacementCode}` : '';
    throw conflict(
      'code_already_voided',
      `Code ${code} was already voided at ${voided.voidedAt}${replaced}: a voided code is not voided or replaced again`,
      { code, voidedAt: voided.voidedAt, ...(voided.replacementCode && { replacementCode: voided.replacementCode }) },
    );
  }
  if (replacementCode !== undefined && state.packedCodes.has(replacementCode)) {
    throw conflict('item_already_packed', `Code ${replacementCode} is already issued for this batch`, { codes: [replacementCode] });
  }
  return [
    {
      type: 'ItemCodeVoided',
      data: {
        batchId,
        code,
        reason,
        ...(note !== undefined && { note }),
        voidedAt: now,
        ...(replacementCode !== undefined && { replacementCode }),
        ...(cartonId !== undefined && { cartonId }),
      },
    },
  ];
}
