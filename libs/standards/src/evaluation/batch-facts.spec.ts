import { batchGrades, later } from './batch-facts';
import { facts, grading, packing, registered } from './facts.fixtures';

describe('batch facts', () => {
  describe('later', () => {
    it('takes the later of two times, in UTC', () => {
      expect(later('2025-06-18T05:00:00.000Z', '2025-06-18T06:00:00.000Z')).toBe('2025-06-18T06:00:00.000Z');
      expect(later('2025-06-18T06:00:00.000Z', '2025-06-18T05:00:00.000Z')).toBe('2025-06-18T06:00:00.000Z');
    });

    it('compares instants, not strings: 10:00 in Beijing is before 05:00 UTC', () => {
      expect(later('2025-06-18T05:00:00.000Z', '2025-06-18T10:00:00+08:00')).toBe('2025-06-18T05:00:00.000Z');
      expect(later('2025-06-18T05:00:00.000Z', '2025-06-18T14:00:00+08:00')).toBe('2025-06-18T06:00:00.000Z');
    });

    it('ignores a missing time', () => {
      expect(later('2025-06-18T05:00:00.000Z', '')).toBe('2025-06-18T05:00:00.000Z');
      expect(later('', '2025-06-18T13:00:00+08:00')).toBe('2025-06-18T05:00:00.000Z');
    });
  });

  describe('the batch’s grades', () => {
    it('are the grades it was packed in', () => {
      expect(batchGrades(facts({ packings: [{ ...packing, grades: ['特级'] }] }))).toEqual(['特级']);
    });

    it('are the grades it was graded in before packing', () => {
      expect(batchGrades(facts({ packings: [] }))).toEqual(['特级', '一级']);
    });

    it('are unknown before grading', () => {
      expect(batchGrades(registered())).toBeUndefined();
      expect(batchGrades(facts({ packings: [], gradings: [{ ...grading, classes: [] }] }))).toBeUndefined();
    });
  });
});
