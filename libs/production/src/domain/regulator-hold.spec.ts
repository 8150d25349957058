import { Actor } from '@suyuan/core';
import { deciderSpec } from '@suyuan/core/testing';
import { batchDecider } from './batch.decider';
import {
  NOW,
  batchRegistered,
  cooperative,
  graded,
  harvested,
  inPackhouseHands,
  issueCertificate,
  packBatch,
  packed,
} from './batch.fixtures';
import { cartonHoldDecider } from './carton-hold.decider';
import { BatchEvent, HeldUnit, UnitHeld, UnitHoldReleased } from './events';
import { HoldUnit, ReleaseUnit } from './regulator-hold';
import { inProcessorHands, recordPurchase, reserveInput } from './supply.fixtures';

const given = deciderSpec(batchDecider);
const givenCarton = deciderSpec(cartonHoldDecider);

/** 乐昌市市场监督管理局: the plot's county is its jurisdiction. */
const regulator: Actor = { organizationId: 'org-lechang-samr', keyId: 'key-samr-1', role: 'regulator' };
const batchId = 'bat-jf-20250618';
const lot: HeldUnit = { kind: 'lot' };
const item: HeldUnit = { kind: 'item', code: '7K2M9Q4R8T1VX3PA', cartonId: 'CTN-0618-001' };
const carton: HeldUnit = { kind: 'carton', cartonId: 'CTN-0618-002' };
const REASON = '抽检不合格，待复检';

const hold = (unit: HeldUnit, over: Partial<HoldUnit> = {}): HoldUnit => ({
  type: 'HoldUnit',
  actor: regulator,
  now: NOW,
  holdId: 'HLD-1',
  batchId,
  unit,
  reason: REASON,
  inJurisdiction: true,
  ...over,
});
const release = (unit: HeldUnit, over: Partial<ReleaseUnit> = {}): ReleaseUnit => ({
  type: 'ReleaseUnit',
  actor: regulator,
  now: NOW,
  batchId,
  unit,
  reason: '复检合格',
  inJurisdiction: true,
  ...over,
});
const heldEvent = (unit: HeldUnit): UnitHeld => ({
  type: 'UnitHeld',
  data: { holdId: 'HLD-1', batchId, unit, reason: REASON, regulatorId: regulator.organizationId, heldAt: NOW },
});
const releasedEvent = (unit: HeldUnit): UnitHoldReleased => ({
  type: 'UnitHoldReleased',
  data: { holdId: 'HLD-1', batchId, unit, reason: '复检合格', regulatorId: regulator.organizationId, releasedAt: NOW },
});

const packedBatch: BatchEvent[] = [batchRegistered, harvested, ...inPackhouseHands, graded, packed];

describe('a regulator holds a lot or an item on the batch’s stream', () => {
  it('holds the lot with its reason', () => {
    given(packedBatch)
      .when(hold(lot))
      .then([heldEvent(lot)]);
  });

  it('holds one packed item, naming its carton', () => {
    given(packedBatch)
      .when(hold(item))
      .then([heldEvent(item)]);
  });

  it('lets the administrator hold too', () => {
    const admin: Actor = { organizationId: 'admin', keyId: 'admin', role: 'admin' };
    const [event] = batchDecider.decide(hold(lot, { actor: admin, inJurisdiction: false }), fold(packedBatch));
    expect(event).toMatchObject({ type: 'UnitHeld', data: { regulatorId: 'admin' } });
  });

  it('refuses anybody but a regulator, and a regulator outside its jurisdiction', () => {
    given(packedBatch)
      .when(hold(lot, { actor: cooperative }))
      .thenThrows({ kind: 'forbidden', code: 'not_a_regulator' });
    given(packedBatch)
      .when(hold(lot, { inJurisdiction: false }))
      .thenThrows({ kind: 'forbidden', code: 'outside_jurisdiction' });
    given([...packedBatch, heldEvent(lot)])
      .when(release(lot, { actor: cooperative }))
      .thenThrows({ kind: 'forbidden', code: 'not_a_regulator' });
  });

  it('refuses an empty reason, an unknown item, a second hold and a release of what is not held', () => {
    given(packedBatch)
      .when(hold(lot, { reason: '  ' }))
      .thenThrows({ kind: 'invalid', code: 'reason_required', details: { field: 'reason' } });
    given(packedBatch)
      .when(hold({ kind: 'item', code: 'ZZZZZZZZZZZZZZZZ', cartonId: 'CTN-0618-001' }))
      .thenThrows({ kind: 'not_found', code: 'item_not_found' });
    given([...packedBatch, heldEvent(lot)])
      .when(hold(lot))
      .thenThrows({ kind: 'conflict', code: 'already_held' });
    given(packedBatch).when(release(lot)).thenThrows({ kind: 'conflict', code: 'not_held' });
    given([...packedBatch, heldEvent(item)])
      .when(release({ kind: 'item', code: '9D4HW2JN6C8QZ1TB', cartonId: 'CTN-0618-001' }))
      .thenThrows({ kind: 'conflict', code: 'not_held' });
  });

  it('releases the hold standing on the unit', () => {
    given([...packedBatch, heldEvent(lot)])
      .when(release(lot))
      .then([releasedEvent(lot)]);
  });
});

describe('a held lot is not certified, packed, sold or taken for processing', () => {
  const heldLot = [...packedBatch, heldEvent(lot)];

  it('refuses each with `held`, naming the hold and its reason', () => {
    const error = given(heldLot).when(issueCertificate).thenThrows({ kind: 'conflict', code: 'held' });
    expect(error.message).toContain(REASON);
    expect(error.details).toMatchObject({ hold: { holdId: 'HLD-1', reason: REASON, unit: lot } });
    given(heldLot)
      .when({ ...packBatch, packingId: 'pk-2' })
      .thenThrows({ kind: 'conflict', code: 'held' });
    given([...heldLot, ...inProcessorHands])
      .when(recordPurchase)
      .thenThrows({ kind: 'conflict', code: 'held' });
    given([...heldLot, ...inProcessorHands])
      .when(reserveInput)
      .thenThrows({ kind: 'conflict', code: 'held' });
  });

  it('allows them again once released', () => {
    given([...heldLot, releasedEvent(lot)])
      .when({ ...packBatch, packingId: 'pk-2', items: [], cartons: [] })
      .thenThrows({ kind: 'invalid', code: 'no_items' });
  });

  it('refuses a processor the carton of a held item, not the other cartons', () => {
    const cartons = (ids: string[]) => ({ ...reserveInput, take: { kind: 'cartons' as const, cartonIds: ids }, cartonsInHand: ids });
    given([...packedBatch, heldEvent(item), ...inProcessorHands])
      .when(cartons(['CTN-0618-001']))
      .thenThrows({ kind: 'conflict', code: 'held' });
    const [reserved] = batchDecider.decide(cartons(['CTN-0618-002']), fold([...packedBatch, heldEvent(item), ...inProcessorHands]));
    expect(reserved).toMatchObject({ type: 'BatchInputReserved', data: { cartonIds: ['CTN-0618-002'] } });
  });

  it('refuses a processor a carton held on its own stream, as the handler read it', () => {
    const cartonHold = { ...heldEvent(carton).data };
    given([...packedBatch, ...inProcessorHands])
      .when({
        ...reserveInput,
        take: { kind: 'cartons', cartonIds: ['CTN-0618-002'] },
        cartonsInHand: ['CTN-0618-002'],
        cartonHolds: { 'CTN-0618-002': cartonHold },
      })
      .thenThrows({ kind: 'conflict', code: 'held' });
  });
});

describe('a regulator holds a carton on the carton’s own stream', () => {
  it('holds and releases it', () => {
    givenCarton([])
      .when(hold(carton))
      .then([heldEvent(carton)]);
    givenCarton([heldEvent(carton)])
      .when(release(carton))
      .then([releasedEvent(carton)]);
  });

  it('refuses what belongs on the batch’s stream, and the batch refuses a carton', () => {
    givenCarton([]).when(hold(lot)).thenThrows({ kind: 'invalid', code: 'wrong_stream' });
    given(packedBatch).when(hold(carton)).thenThrows({ kind: 'invalid', code: 'wrong_stream' });
  });
});

function fold(events: BatchEvent[]) {
  return events.reduce(batchDecider.evolve, batchDecider.initialState());
}
