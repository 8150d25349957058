import { deciderSpec } from '@suyuan/core/testing';
import { batchDecider } from './batch.decider';
import {
  acceptHandover,
  batchRegistered,
  cooperative,
  endHandover,
  graded,
  handOver,
  handedOver,
  handoverAccepted,
  handoverEnded,
  harvested,
  lab,
  otherCooperative,
  packBatch,
  packhouse,
  recordGrading,
  recordPreCooling,
} from './batch.fixtures';

const given = deciderSpec(batchDecider);

/** A second packhouse, in the next town, with a packing line of its own. */
const rivalPackhouse = { organizationId: 'org-changlai-packhouse', keyId: 'key-changlai-1', role: 'packhouse' };
const rivalFacility = { id: 'fac-changlai-packhouse', ownerId: 'org-changlai-packhouse', type: 'packhouse' };

describe('custody of a batch’s goods (交接)', () => {
  describe('HandOverBatch', () => {
    it('offers the goods to a packhouse', () => {
      given([batchRegistered, harvested]).when(handOver).then([handedOver]);
    });

    it('keeps a note', () => {
      given([batchRegistered])
        .when({ ...handOver, note: '整批交包装中心' })
        .then([{ ...handedOver, data: { ...handedOver.data, note: '整批交包装中心' } }]);
    });

    it('is the owner’s to make', () => {
      given([batchRegistered])
        .when({ ...handOver, actor: otherCooperative })
        .thenThrows({ kind: 'forbidden', code: 'not_batch_owner' });
    });

    it('goes to another organization', () => {
      given([batchRegistered])
        .when({ ...handOver, to: { id: cooperative.organizationId, role: 'cooperative' } })
        .thenThrows({ kind: 'invalid', code: 'handover_to_self' });
    });

    it('goes to a packhouse or a cooperative only', () => {
      given([batchRegistered])
        .when({ ...handOver, to: { id: 'org-lechang-logistics', role: 'logistics' } })
        .thenThrows({ kind: 'invalid', code: 'recipient_cannot_hold', details: { field: 'toOrganizationId' } });
    });

    it('is not offered twice to an organization that has an open offer or holds the goods', () => {
      given([batchRegistered, handedOver])
        .when({ ...handOver, handoverId: 'ho-0619' })
        .thenThrows({ kind: 'conflict', code: 'handover_exists' });
      given([batchRegistered, handedOver, handoverAccepted])
        .when({ ...handOver, handoverId: 'ho-0619' })
        .thenThrows({ kind: 'conflict', code: 'handover_exists' });
    });

    it('may be offered again once the earlier one ended', () => {
      given([batchRegistered, handedOver, handoverAccepted, handoverEnded])
        .when({ ...handOver, handoverId: 'ho-0619' })
        .then([{ ...handedOver, data: { ...handedOver.data, handoverId: 'ho-0619' } }]);
    });

    it('cannot be dated in the future', () => {
      given([batchRegistered])
        .when({ ...handOver, handedOverAt: '2025-07-01T08:00:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'time_in_future', details: { field: 'handedOverAt' } });
    });
  });

  describe('AcceptHandover', () => {
    it('is how the packhouse takes the goods over', () => {
      given([batchRegistered, handedOver]).when(acceptHandover).then([handoverAccepted]);
    });

    it('is for the organization the goods were offered to', () => {
      given([batchRegistered, handedOver])
        .when({ ...acceptHandover, actor: rivalPackhouse })
        .thenThrows({ kind: 'forbidden', code: 'not_handover_recipient' });
    });

    it('names a hand-over the batch has', () => {
      given([batchRegistered]).when(acceptHandover).thenThrows({ kind: 'not_found', code: 'handover_not_found' });
    });

    it('happens once, and not after the offer was withdrawn', () => {
      given([batchRegistered, handedOver, handoverAccepted])
        .when(acceptHandover)
        .thenThrows({ kind: 'conflict', code: 'handover_not_open' });
      given([batchRegistered, handedOver, handoverEnded]).when(acceptHandover).thenThrows({ kind: 'conflict', code: 'handover_not_open' });
    });

    it('cannot come before the offer', () => {
      given([batchRegistered, handedOver])
        .when({ ...acceptHandover, acceptedAt: '2025-06-18T07:59:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'before_handover', details: { field: 'acceptedAt' } });
    });
  });

  describe('EndHandover', () => {
    it('is how the owner takes its goods back', () => {
      given([batchRegistered, handedOver, handoverAccepted]).when(endHandover).then([handoverEnded]);
    });

    it('may be the holder giving the goods back', () => {
      given([batchRegistered, handedOver, handoverAccepted])
        .when({ ...endHandover, actor: packhouse })
        .then([{ ...handoverEnded, data: { ...handoverEnded.data, endedBy: packhouse.organizationId } }]);
    });

    it('is for the owner and the holder only', () => {
      given([batchRegistered, handedOver, handoverAccepted])
        .when({ ...endHandover, actor: rivalPackhouse })
        .thenThrows({ kind: 'forbidden', code: 'not_handover_party' });
    });

    it('happens once', () => {
      given([batchRegistered, handedOver, handoverEnded]).when(endHandover).thenThrows({ kind: 'conflict', code: 'handover_not_open' });
    });
  });

  describe('who may pre-cool, grade and pack', () => {
    const work = [
      ['pre-cooling', recordPreCooling],
      ['grading', recordGrading],
      ['packing', packBatch],
    ] as const;
    // Packing follows grading; the other two find the batch harvested.
    const before = (command: (typeof work)[number][1]) =>
      command === packBatch ? [batchRegistered, harvested, graded] : [batchRegistered, harvested];

    it.each(work)('%s: a packhouse holding the goods may', (_step, command) => {
      expect(() => batchDecider.decide(command, stateOf([...before(command), handedOver, handoverAccepted]))).not.toThrow();
    });

    it.each(work)('%s: a packhouse never handed the goods may not (a competitor rewriting the record)', (_step, command) => {
      given(before(command))
        .when({ ...command, actor: rivalPackhouse, facility: rivalFacility })
        .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
    });

    it.each(work)('%s: an offer not yet accepted is not custody', (_step, command) => {
      given([...before(command), handedOver])
        .when(command)
        .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
    });

    it.each(work)('%s: custody that ended is over', (_step, command) => {
      given([...before(command), handedOver, handoverAccepted, handoverEnded])
        .when(command)
        .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
    });

    it.each(work)('%s: another cooperative may not, nor a lab', (_step, command) => {
      given(before(command))
        .when({ ...command, actor: otherCooperative })
        .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
      given(before(command))
        .when({ ...command, actor: lab })
        .thenThrows({ kind: 'forbidden', code: 'not_batch_custodian' });
    });

    it('the owner works at its own packhouse without a hand-over', () => {
      const ownPackhouse = { id: 'fac-jiufeng-coop-packhouse', ownerId: cooperative.organizationId, type: 'packhouse' };
      expect(() =>
        batchDecider.decide({ ...packBatch, actor: cooperative, facility: ownPackhouse }, stateOf([batchRegistered, harvested, graded])),
      ).not.toThrow();
    });
  });
});

function stateOf(events: Parameters<typeof batchDecider.evolve>[1][]) {
  return events.reduce(batchDecider.evolve, batchDecider.initialState());
}
