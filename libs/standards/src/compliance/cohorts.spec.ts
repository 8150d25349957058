import { cohort, packedCohorts } from './compliance.fixtures';
import { cohortsHolding, merge, moveCartons, withCartons } from './cohorts';
import { Cohort } from './compliance.views';

const intoVan = (c: Cohort): Cohort => ({ ...c, windowIds: [...c.windowIds, 'win-van'] });
const delivered = { eventId: 'evt-delivered-0620', at: '2025-06-20T12:00:00.000Z' };

describe('cohorts', () => {
  describe('moving some cartons', () => {
    it('splits a cohort some of whose cartons move, each part with its own item count', () => {
      const out = moveCartons(packedCohorts(), ['ctn-002'], intoVan);
      expect(out).toEqual([
        { grade: '特级', cartons: { 'ctn-001': 10 }, items: 10, windowIds: [] },
        { grade: '特级', cartons: { 'ctn-002': 10 }, items: 10, windowIds: ['win-van'] },
        { grade: '一级', cartons: { 'ctn-003': 8 }, items: 8, windowIds: [] },
      ]);
    });

    it('moves a whole cohort without splitting it', () => {
      const out = moveCartons(packedCohorts(), ['ctn-001', 'ctn-002'], intoVan);
      expect(out).toEqual([
        { grade: '特级', cartons: { 'ctn-001': 10, 'ctn-002': 10 }, items: 20, windowIds: ['win-van'] },
        { grade: '一级', cartons: { 'ctn-003': 8 }, items: 8, windowIds: [] },
      ]);
    });

    it('leaves cohorts none of whose cartons move as they were (the same objects)', () => {
      const before = packedCohorts();
      const out = moveCartons(before, ['ctn-003'], intoVan);
      expect(out[0]).toBe(before[0]);
      expect(out[1]).toEqual({ grade: '一级', cartons: { 'ctn-003': 8 }, items: 8, windowIds: ['win-van'] });
    });

    it('changes nothing when no listed carton is in the batch', () => {
      const before = packedCohorts();
      const out = moveCartons(before, ['ctn-999'], intoVan);
      expect(out).toEqual(before);
      out.forEach((c, i) => expect(c).toBe(before[i]));
    });

    it('does not change the cohorts it was given', () => {
      const before = packedCohorts();
      const copy = JSON.parse(JSON.stringify(before));
      moveCartons(before, ['ctn-002', 'ctn-003'], intoVan);
      expect(before).toEqual(copy);
    });

    it('keeps grades apart even when cartons of both go the same way', () => {
      const out = moveCartons(packedCohorts(), ['ctn-001', 'ctn-002', 'ctn-003'], intoVan);
      expect(out.map((c) => [c.grade, c.items, c.windowIds])).toEqual([
        ['特级', 20, ['win-van']],
        ['一级', 8, ['win-van']],
      ]);
    });
  });

  describe('merging', () => {
    it('merges cohorts that end alike: the rest catching up with the cartons moved before', () => {
      const split = moveCartons(packedCohorts(), ['ctn-001'], intoVan);
      expect(split).toHaveLength(3);
      const together = moveCartons(split, ['ctn-002'], intoVan);
      expect(together).toEqual([
        { grade: '特级', cartons: { 'ctn-001': 10, 'ctn-002': 10 }, items: 20, windowIds: ['win-van'] },
        { grade: '一级', cartons: { 'ctn-003': 8 }, items: 8, windowIds: [] },
      ]);
    });

    it('does not merge cohorts delivered by different events', () => {
      const other = { eventId: 'evt-delivered-0621', at: '2025-06-21T12:00:00.000Z' };
      const out = merge([
        cohort('特级', { 'ctn-001': 10 }, { delivered }),
        cohort('特级', { 'ctn-002': 10 }, { delivered: other }),
        cohort('特级', { 'ctn-004': 5 }, { delivered }),
      ]);
      expect(out).toEqual([
        cohort('特级', { 'ctn-001': 10, 'ctn-004': 5 }, { delivered }),
        cohort('特级', { 'ctn-002': 10 }, { delivered: other }),
      ]);
    });

    it('does not merge cohorts that went through different windows, or the same in another order', () => {
      const out = merge([
        cohort('特级', { 'ctn-001': 10 }, { windowIds: ['a', 'b'] }),
        cohort('特级', { 'ctn-002': 10 }, { windowIds: ['b', 'a'] }),
        cohort('特级', { 'ctn-003': 10 }, { windowIds: ['a'] }),
      ]);
      expect(out).toHaveLength(3);
    });

    it('does not merge cohorts dispatched from the hub by different events', () => {
      const out = merge([
        cohort('特级', { 'ctn-001': 10 }, { hubDispatch: { eventId: 'evt-a', at: '2025-06-19T06:00:00.000Z' } }),
        cohort('特级', { 'ctn-002': 10 }, { hubDispatch: { eventId: 'evt-b', at: '2025-06-19T06:00:00.000Z' } }),
      ]);
      expect(out).toHaveLength(2);
    });
  });

  describe('helpers', () => {
    it('recounts the items of the cartons a cohort is given', () => {
      expect(withCartons(cohort('特级', { 'ctn-001': 10 }), { 'ctn-001': 10, 'ctn-002': 7 })).toMatchObject({ items: 17 });
      expect(withCartons(cohort('特级', { 'ctn-001': 10 }), {})).toMatchObject({ cartons: {}, items: 0 });
    });

    it('finds the cohorts holding any of the listed cartons', () => {
      const cohorts = packedCohorts();
      expect(cohortsHolding(cohorts, ['ctn-002'])).toEqual([cohorts[0]]);
      expect(cohortsHolding(cohorts, ['ctn-003', 'ctn-001'])).toEqual(cohorts);
      expect(cohortsHolding(cohorts, ['ctn-999'])).toEqual([]);
    });
  });
});
