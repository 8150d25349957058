import { Actor, DomainError, conflict, forbidden, invalid } from '@suyuan/core';
import { HeldUnit, UnitHeld, UnitHoldReleased } from './events';

/** A regulator's hold standing on a unit, as its stream's state keeps it. */
export interface RegulatorHold {
  holdId: string;
  batchId: string;
  unit: HeldUnit;
  reason: string;
  regulatorId: string;
  heldAt: string;
  spotCheckId?: string;
}

/** A stream's standing regulator holds, by `unitKey`. */
export type RegulatorHolds = Readonly<Record<string, RegulatorHold>>;

/** Who asks for a hold, as the handler found it: a regulator over the unit's place, or a failed spot check of one. */
export interface HoldAuthority {
  /** The unit's place of origin is under the acting regulator. */
  inJurisdiction: boolean;
  /** A lab's failed result of this regulator's spot check holds the lot in the regulator's name. */
  spotCheck?: { spotCheckId: string; regulatorId: string };
}

export interface HoldUnit extends HoldAuthority {
  type: 'HoldUnit';
  actor: Actor;
  now: string;
  holdId: string;
  batchId: string;
  unit: HeldUnit;
  reason: string;
}

export interface ReleaseUnit extends HoldAuthority {
  type: 'ReleaseUnit';
  actor: Actor;
  now: string;
  batchId: string;
  unit: HeldUnit;
  reason?: string;
}

export type RegulatorHoldCommand = HoldUnit | ReleaseUnit;

const MAX_REASON = 500;

export function unitKey(unit: HeldUnit): string {
  if (unit.kind === 'lot') return 'lot';
  return unit.kind === 'item' ? `item:${unit.code}` : `carton:${unit.cartonId}`;
}

export function describeUnit(unit: HeldUnit, batchId: string): string {
  if (unit.kind === 'lot') return `lot ${batchId}`;
  return unit.kind === 'item' ? `item ${unit.code}` : `carton ${unit.cartonId}`;
}

/** Only market regulators (and the administrator) stop goods from sale, each over its own jurisdiction. */
function requireRegulator(actor: Actor, authority: HoldAuthority, action: string): string {
  if (authority.spotCheck) return authority.spotCheck.regulatorId;
  if (actor.role === 'admin') return actor.organizationId;
  if (actor.role !== 'regulator')
    throw forbidden('not_a_regulator', `Only a market regulator may ${action}; your key acts as ${actor.role}`);
  if (!authority.inJurisdiction) {
    throw forbidden('outside_jurisdiction', `The unit's place of origin is outside your jurisdiction: its own regulator may ${action}`);
  }
  return actor.organizationId;
}

function requireReason(reason: unknown, required: boolean): string | undefined {
  if (reason === undefined && !required) return undefined;
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text.length === 0)
    throw invalid('reason_required', 'A hold needs its reason, said in words the public page can show', { field: 'reason' });
  if (text.length > MAX_REASON) throw invalid('reason_too_long', `A reason is at most ${MAX_REASON} characters`, { field: 'reason' });
  return text;
}

export function decideHold(command: HoldUnit, holds: RegulatorHolds): UnitHeld[] {
  const { actor, holdId, batchId, unit, now } = command;
  const regulatorId = requireRegulator(actor, command, 'hold goods from sale');
  const reason = requireReason(command.reason, true)!;
  const standing = holds[unitKey(unit)];
  if (standing) {
    throw conflict('already_held', `${describeUnit(unit, batchId)} is already held (hold ${standing.holdId}): ${standing.reason}`, {
      hold: standing,
    });
  }
  const spotCheckId = command.spotCheck?.spotCheckId;
  return [{ type: 'UnitHeld', data: { holdId, batchId, unit, reason, regulatorId, heldAt: now, ...(spotCheckId && { spotCheckId }) } }];
}

export function decideRelease(command: ReleaseUnit, holds: RegulatorHolds): UnitHoldReleased[] {
  const { actor, batchId, unit, now } = command;
  const regulatorId = requireRegulator(actor, command, 'release a hold');
  const reason = requireReason(command.reason, false);
  const standing = holds[unitKey(unit)];
  if (!standing) throw conflict('not_held', `${describeUnit(unit, batchId)} is not held by a regulator`);
  return [
    {
      type: 'UnitHoldReleased',
      data: { holdId: standing.holdId, batchId, unit: standing.unit, ...(reason && { reason }), regulatorId, releasedAt: now },
    },
  ];
}

export function evolveHolds(holds: RegulatorHolds, event: UnitHeld | UnitHoldReleased): RegulatorHolds {
  const key = unitKey(event.data.unit);
  if (event.type === 'UnitHoldReleased') {
    const { [key]: _released, ...rest } = holds;
    return rest;
  }
  const { holdId, batchId, unit, reason, regulatorId, heldAt, spotCheckId } = event.data;
  return { ...holds, [key]: { holdId, batchId, unit, reason, regulatorId, heldAt, ...(spotCheckId && { spotCheckId }) } };
}

/** The refusal of a step on a held unit: 409 `held`, naming the hold and its reason. */
export function heldRefusal(hold: RegulatorHold, action: string): DomainError {
  return conflict(
    'held',
    `Cannot ${action}: ${describeUnit(hold.unit, hold.batchId)} is held from sale by a regulator since ${hold.heldAt} ` +
      `(hold ${hold.holdId}): ${hold.reason}; only a regulator's release lifts it`,
    { hold },
  );
}

/** The hold that stops a carton of the batch: on the lot, or on an item packed in it. */
export function holdOnCarton(holds: RegulatorHolds, cartonId: string): RegulatorHold | undefined {
  if (holds.lot) return holds.lot;
  return Object.values(holds).find((h) => h.unit.kind === 'item' && h.unit.cartonId === cartonId);
}
