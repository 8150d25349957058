import { invalid, notFound } from '@suyuan/core';
import { RegisteredBatchState } from './batch.state';
import { BatchEvent } from './events';
import { HoldUnit, ReleaseUnit, decideHold, decideRelease } from './regulator-hold';

/** A lot's and its items' holds live on the batch's stream; a carton's on the carton's own. */
function requireOwnUnit(command: HoldUnit | ReleaseUnit, state: RegisteredBatchState): void {
  const { unit } = command;
  if (unit.kind === 'carton') throw invalid('wrong_stream', 'A carton is held on its own stream, not on its batch’s');
  if (unit.kind === 'item' && !state.packedCodes.has(unit.code)) {
    throw notFound('item_not_found', `no item ${unit.code} in batch ${state.batch.batchId}`, { code: unit.code });
  }
}

export function holdLotOrItem(command: HoldUnit, state: RegisteredBatchState): BatchEvent[] {
  requireOwnUnit(command, state);
  return decideHold(command, state.regulatorHolds);
}

export function releaseLotOrItem(command: ReleaseUnit, state: RegisteredBatchState): BatchEvent[] {
  requireOwnUnit(command, state);
  return decideRelease(command, state.regulatorHolds);
}
