import { deciderSpec } from '@suyuan/core/testing';
import { batchDecider } from './batch.decider';
import { batchRegistered, harvested, held, inPackhouseHands, packhouse } from './batch.fixtures';
import { BatchPurchaseRecorded } from './events';
import { handedToProcessor, inProcessorHands, purchaseRecorded, recordPurchase, rivalProcessor } from './supply.fixtures';

const given = deciderSpec(batchDecider);

const plumsInHand = [batchRegistered, harvested, ...inProcessorHands];
const bought = (data: Partial<BatchPurchaseRecorded['data']>): BatchPurchaseRecorded => ({
  ...purchaseRecorded,
  data: { ...purchaseRecorded.data, ...data },
});

describe('收购 from a batch: RecordPurchase', () => {
  it('records what the buyer holding the goods bought, with the certificate it received', () => {
    given(plumsInHand).when(recordPurchase).then([purchaseRecorded]);
  });

  it('records a purchase without a certificate, in any weight unit', () => {
    given(plumsInHand)
      .when({ ...recordPurchase, certificateNo: undefined, quantity: { value: 0.5, unit: 't' } })
      .then([
        {
          type: 'BatchPurchaseRecorded',
          data: {
            batchId: 'bat-jf-20250618',
            purchaseId: 'pu-0619-jf',
            buyerOrganizationId: 'org-jiufeng-fruit-factory',
            quantity: { value: 0.5, unit: 't' },
            purchasedAt: '2025-06-19T09:30:00+08:00',
          },
        },
      ]);
  });

  it('is refused to anyone but the processor holding the goods: another processor, or one they were only offered to', () => {
    given(plumsInHand)
      .when({ ...recordPurchase, actor: rivalProcessor })
      .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
    given([batchRegistered, harvested, handedToProcessor])
      .when(recordPurchase)
      .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
  });

  it('is for processors only', () => {
    given([batchRegistered, harvested, ...inPackhouseHands])
      .when({ ...recordPurchase, actor: packhouse })
      .thenThrows({ kind: 'forbidden', code: 'role_not_allowed' });
  });

  it('cannot record the same purchase twice', () => {
    given([...plumsInHand, purchaseRecorded])
      .when(recordPurchase)
      .thenThrows({ kind: 'conflict', code: 'purchase_exists' });
  });

  it('buys nothing before the harvest', () => {
    given([batchRegistered, ...inProcessorHands])
      .when(recordPurchase)
      .thenThrows({ kind: 'conflict', code: 'not_harvested' });
    given(plumsInHand)
      .when({ ...recordPurchase, purchasedAt: '2025-06-18T06:00:00+08:00' })
      .thenThrows({ kind: 'invalid', code: 'before_harvest', details: { field: 'purchasedAt' } });
  });

  it('refuses a purchase in the future', () => {
    given(plumsInHand)
      .when({ ...recordPurchase, purchasedAt: '2025-07-01T08:00:00+08:00' })
      .thenThrows({ kind: 'invalid', code: 'time_in_future' });
  });

  it('refuses a quantity the batch is not counted in', () => {
    given(plumsInHand)
      .when({ ...recordPurchase, quantity: { value: 500, unit: 'piece' } })
      .thenThrows({ kind: 'invalid', code: 'unit_mismatch' });
  });

  it('sells no more than the batch supplied, saying what is left to sell', () => {
    const second = { ...recordPurchase, purchaseId: 'pu-0620-jf', purchasedAt: '2025-06-20T09:30:00+08:00' };
    given([...plumsInHand, purchaseRecorded])
      .when({ ...second, quantity: { value: 300, unit: 'kg' } })
      .then([bought({ purchaseId: 'pu-0620-jf', purchasedAt: second.purchasedAt, quantity: { value: 300, unit: 'kg' } })]);
    const error = given([...plumsInHand, purchaseRecorded])
      .when({ ...second, quantity: { value: 301, unit: 'kg' } })
      .thenThrows({ kind: 'conflict', code: 'insufficient_quantity' });
    expect(error.details).toEqual({ batchId: 'bat-jf-20250618', lotCode: 'JF2025-0618', remaining: { value: 300, unit: 'kg' } });
  });

  it('buys nothing from a batch held after a failed safety test', () => {
    given([...plumsInHand, held])
      .when(recordPurchase)
      .thenThrows({ kind: 'conflict', code: 'batch_held' });
  });
});
