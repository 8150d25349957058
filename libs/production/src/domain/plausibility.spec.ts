import { deciderSpec } from '@suyuan/core/testing';
import { batchDecider } from './batch.decider';
import {
  batchRegistered,
  graded,
  harvested,
  inPackhouseHands,
  issueCertificate,
  item,
  packBatch,
  recordFarmInput,
  recordGrading,
  recordHarvest,
  recordPreCooling,
  registerBatch,
} from './batch.fixtures';

const given = deciderSpec(batchDecider);
const packhouseHasIt = [batchRegistered, harvested, ...inPackhouseHands];

/** Values that cannot be true are refused with the field named, before they sit in the log for ever. */
describe('values that cannot be true', () => {
  describe('times', () => {
    it.each([
      ['farm input', [batchRegistered], { ...recordFarmInput, appliedAt: '2025-06-26T07:00:00+08:00' }, 'appliedAt'],
      ['harvest', [batchRegistered], { ...recordHarvest, harvestedAt: '2025-06-25T09:06:00+08:00' }, 'harvestedAt'],
      ['pre-cooling', packhouseHasIt, { ...recordPreCooling, endedAt: '2025-06-26T09:00:00+08:00' }, 'endedAt'],
      ['grading', packhouseHasIt, { ...recordGrading, gradedAt: '2025-06-27T13:00:00+08:00' }, 'gradedAt'],
      ['packing', [...packhouseHasIt, graded], { ...packBatch, packedAt: '2025-06-27T13:00:00+08:00' }, 'packedAt'],
      ['certificate', [batchRegistered, harvested], { ...issueCertificate, issuedAt: '2025-06-27T13:00:00+08:00' }, 'issuedAt'],
    ] as const)('refuses a %s in the future', (_step, events, command, field) => {
      given(events).when(command).thenThrows({ kind: 'invalid', code: 'time_in_future', details: { field } });
    });

    it('accepts a step five minutes ahead of the server’s clock (clocks drift)', () => {
      given([batchRegistered])
        .when({ ...recordHarvest, harvestedAt: '2025-06-25T09:05:00+08:00' })
        .then([{ ...harvested, data: { ...harvested.data, harvestedAt: '2025-06-25T09:05:00+08:00' } }]);
    });

    it('refuses the year 9999', () => {
      given([batchRegistered])
        .when({ ...recordHarvest, harvestedAt: '9999-12-31T06:30:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'invalid_time', details: { field: 'harvestedAt' } });
    });

    it.each([
      ['grading', packhouseHasIt, { ...recordGrading, gradedAt: '2025-06-18T06:00:00+08:00' }, 'gradedAt'],
      ['packing', packhouseHasIt, { ...packBatch, packedAt: '2025-06-18T06:00:00+08:00' }, 'packedAt'],
      ['a certificate', [batchRegistered, harvested], { ...issueCertificate, issuedAt: '2025-06-17T16:00:00+08:00' }, 'issuedAt'],
    ] as const)('refuses %s before the first harvest', (_step, events, command, field) => {
      given(events).when(command).thenThrows({ kind: 'invalid', code: 'before_harvest', details: { field } });
    });

    it('refuses packing a class before it was graded', () => {
      given([...packhouseHasIt, graded])
        .when({ ...packBatch, packedAt: '2025-06-18T12:00:00+08:00' })
        .thenThrows({ kind: 'invalid', code: 'before_grading', details: { field: 'packedAt' } });
    });
  });

  describe('quantities', () => {
    it.each([
      ['1e308 t', { value: 1e308, unit: 't' }],
      ['10,001 t', { value: 10_001, unit: 't' }],
      ['eleven million pieces', { value: 11_000_000, unit: 'piece' }],
    ])('refuses a harvest of %s', (_what, quantity) => {
      given([batchRegistered])
        .when({ ...recordHarvest, quantity })
        .thenThrows({ kind: 'invalid', code: 'implausible_quantity', details: { field: 'quantity.value' } });
    });

    it('refuses a harvest that would take the batch’s total past what a record can hold', () => {
      const big = { ...harvested, data: { ...harvested.data, quantity: { value: 9_000, unit: 't' } } };
      given([batchRegistered, big])
        .when({ ...recordHarvest, harvestId: 'hv-0620', quantity: { value: 2_000, unit: 't' } })
        .thenThrows({ kind: 'invalid', code: 'implausible_quantity' });
    });

    it('refuses a planned quantity of 1e308 kg', () => {
      given([])
        .when({ ...registerBatch, plannedQuantity: { value: 1e308, unit: 'kg' } })
        .thenThrows({ kind: 'invalid', code: 'implausible_quantity' });
    });

    it('refuses an absurd dose', () => {
      given([batchRegistered])
        .when({ ...recordFarmInput, dose: { value: 1e12, unit: 'g/亩' } })
        .thenThrows({ kind: 'invalid', code: 'implausible_quantity', details: { field: 'dose.value' } });
    });

    it('refuses an item weighing more than one item can', () => {
      given([...packhouseHasIt])
        .when({ ...packBatch, items: [item('7K2M9Q4R8T1VX3PA', 'CTN-0618-001', '特级', 5000), ...packBatch.items.slice(1)] })
        .thenThrows({ kind: 'invalid', code: 'implausible_quantity' });
    });
  });

  describe('packing beyond what was graded in a class', () => {
    const gradedSmall = {
      ...graded,
      data: {
        ...graded.data,
        classes: [
          { grade: '特级', quantity: { value: 25, unit: 'kg' }, attributes: {} },
          { grade: '一级', quantity: { value: 600, unit: 'kg' }, attributes: {} },
        ],
      },
    };
    const tejiBoxes = (count: number, kg: number) => ({
      ...packBatch,
      items: Array.from({ length: count }, (_, i) => item(`ITEM${String(i).padStart(12, '0')}`, 'CTN-0618-001', '特级', kg)),
      cartons: [{ cartonId: 'CTN-0618-001', itemCount: count }],
    });

    it('refuses 1,000 kg of 特级 when 25 kg was graded 特级, naming the grade', () => {
      const error = given([...packhouseHasIt, gradedSmall])
        .when(tejiBoxes(40, 25))
        .thenThrows({ kind: 'invalid', code: 'exceeds_graded' });
      expect(error.message).toContain('特级');
      expect(error.message).toContain('25 kg');
    });

    it('packs up to exactly what was graded in the class', () => {
      expect(() =>
        batchDecider.decide(tejiBoxes(10, 2.5), [...packhouseHasIt, gradedSmall].reduce(batchDecider.evolve, batchDecider.initialState())),
      ).not.toThrow();
    });

    it('counts earlier packings of the class', () => {
      const first = batchDecider.decide(
        tejiBoxes(8, 2.5),
        [...packhouseHasIt, gradedSmall].reduce(batchDecider.evolve, batchDecider.initialState()),
      );
      given([...packhouseHasIt, gradedSmall, ...first])
        .when({
          ...tejiBoxes(2, 2.5),
          packingId: 'pk-0618-2',
          items: [item('ITEMB00000000001', 'CTN-0618-009', '特级', 2.5), item('ITEMB00000000002', 'CTN-0618-009', '特级', 2.5)],
          cartons: [{ cartonId: 'CTN-0618-009', itemCount: 2 }],
        })
        .then([
          {
            type: 'BatchPacked',
            data: {
              batchId: 'bat-jf-20250618',
              packingId: 'pk-0618-2',
              facilityId: 'fac-jiufeng-packhouse',
              packedAt: packBatch.packedAt,
              items: [item('ITEMB00000000001', 'CTN-0618-009', '特级', 2.5), item('ITEMB00000000002', 'CTN-0618-009', '特级', 2.5)],
              cartons: [{ cartonId: 'CTN-0618-009', itemCount: 2 }],
            },
          },
        ]);
      given([...packhouseHasIt, gradedSmall, ...first])
        .when({
          ...tejiBoxes(3, 2.5),
          packingId: 'pk-0618-2',
          items: [0, 1, 2].map((i) => item(`ITEMC0000000000${i}`, 'CTN-0618-009', '特级', 2.5)),
          cartons: [{ cartonId: 'CTN-0618-009', itemCount: 3 }],
        })
        .thenThrows({ kind: 'invalid', code: 'exceeds_graded' });
    });
  });
});
