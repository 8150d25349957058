import { deciderSpec } from '@suyuan/core/testing';
import { batchDecider } from './batch.decider';
import {
  NOW,
  batchRegistered,
  cooperative,
  graded,
  harvested,
  held,
  inPackhouseHands,
  logistics,
  otherCooperative,
  packed,
  packhouse,
} from './batch.fixtures';
import { VoidItemCode } from './commands';
import { ItemCodeVoided } from './events';

const given = deciderSpec(batchDecider);

const CODE = '7K2M9Q4R8T1VX3PA';
const NEW_CODE = 'W4Z8N2QH6JRT0V5K';
const packedHere = [batchRegistered, ...inPackhouseHands, harvested, graded, packed];

const voidCode: VoidItemCode = {
  type: 'VoidItemCode',
  actor: packhouse,
  now: NOW,
  code: CODE,
  reason: 'damaged',
  note: 'torn in the cold store',
  replacementCode: NEW_CODE,
};

const voided: ItemCodeVoided = {
  type: 'ItemCodeVoided',
  data: {
    batchId: 'bat-jf-20250618',
    code: CODE,
    reason: 'damaged',
    note: 'torn in the cold store',
    voidedAt: NOW,
    replacementCode: NEW_CODE,
  },
};

describe('batch decider: VoidItemCode', () => {
  it('voids a packed item’s code and links the code minted to replace it', () => {
    given(packedHere).when(voidCode).then([voided]);
  });

  it('voids a code without a replacement (a lost label)', () => {
    const { replacementCode: _r, note: _n, ...lost } = voidCode;
    const { replacementCode: _rc, note: _nn, ...data } = voided.data;
    given(packedHere)
      .when({ ...lost, reason: 'lost' })
      .then([{ type: 'ItemCodeVoided', data: { ...data, reason: 'lost' } }]);
  });

  it('lets the batch’s owner void its codes as well as the packhouse holding it', () => {
    given(packedHere)
      .when({ ...voidCode, actor: cooperative })
      .then([voided]);
  });

  it('voids a code while the batch is held: voiding sells nothing', () => {
    given([...packedHere, held])
      .when(voidCode)
      .then([voided]);
  });

  it('voids the replacement’s code in turn, with a replacement of its own', () => {
    const again = { ...voidCode, code: NEW_CODE, replacementCode: '5R7TB1WQ9H3KM6DX' };
    given([...packedHere, voided])
      .when(again)
      .then([{ type: 'ItemCodeVoided', data: { ...voided.data, code: NEW_CODE, replacementCode: '5R7TB1WQ9H3KM6DX' } }]);
  });

  it('refuses an organization that neither owns nor holds the batch', () => {
    given(packedHere)
      .when({ ...voidCode, actor: otherCooperative })
      .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
    given(packedHere)
      .when({ ...voidCode, actor: logistics })
      .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
  });

  it('refuses a code the batch never issued', () => {
    given(packedHere)
      .when({ ...voidCode, code: 'ZZZZZZZZZZZZZZZZ' })
      .thenThrows({ kind: 'not_found', code: 'item_not_found' });
  });

  it('refuses a code already voided, naming when, and never replaces a code twice', () => {
    given([...packedHere, voided])
      .when(voidCode)
      .thenThrows({ kind: 'conflict', code: 'code_already_voided' });
    const { replacementCode: _r, ...withoutReplacement } = voidCode;
    given([...packedHere, voided])
      .when(withoutReplacement)
      .thenThrows({ kind: 'conflict', code: 'code_already_voided' });
    expect(() => batchDecider.decide(voidCode, [...packedHere, voided].reduce(batchDecider.evolve, batchDecider.initialState()))).toThrow(
      new RegExp(`already voided at ${NOW.replace(/\+/g, '\\+')} and replaced by ${NEW_CODE}`),
    );
  });

  it('refuses a replacement code already issued', () => {
    given(packedHere)
      .when({ ...voidCode, replacementCode: '9D4HW2JN6C8QZ1TB' })
      .thenThrows({ kind: 'conflict', code: 'item_already_packed' });
  });

  it('refuses an unknown reason and an overlong note', () => {
    given(packedHere)
      .when({ ...voidCode, reason: 'bored' as VoidItemCode['reason'] })
      .thenThrows({ kind: 'invalid', code: 'invalid_void_reason' });
    given(packedHere)
      .when({ ...voidCode, note: 'x'.repeat(501) })
      .thenThrows({ kind: 'invalid', code: 'invalid_note' });
  });
});
