import { TimedReading } from '@suyuan/logistics/domain/cold-series';
import { addReadings, ColdWindow, windowTotals } from './cold-window';
import { coldWindow, reading } from './facts.fixtures';

/** Folds each upload (device, readings) into the window in turn, as the projection does with ones that add later readings. */
function uploads(window: ColdWindow, ...batches: [string, TimedReading[]][]): ColdWindow {
  return batches.reduce((w, [device, readings]) => {
    const folded = addReadings(w, device, readings);
    if (!folded) throw new Error(`${device}'s upload reaches back: it is counted again from the stored readings`);
    return folded;
  }, window);
}

const VAN_LOGGER = 'TL-SENSOR-0031';
const DOOR_LOGGER = 'TL-SENSOR-0032';

describe('cold window', () => {
  describe('folding readings', () => {
    it('counts the readings, the lowest and the highest', () => {
      const w = uploads(coldWindow(), [VAN_LOGGER, [reading('08:00', 3.2), reading('08:10', 2.1), reading('08:20', 4.8)]]);
      expect(windowTotals(w)).toEqual({ readings: 3, minC: 2.1, maxC: 4.8, minutesOutOfRange: 0, longestExcursionMinutes: 0 });
    });

    it('holds the range’s bounds to be within it', () => {
      const w = uploads(coldWindow(), [VAN_LOGGER, [reading('08:00', 0), reading('08:10', 5), reading('08:20', 0)]]);
      expect(windowTotals(w).minutesOutOfRange).toBe(0);
    });

    it('counts an excursion from its first reading out of range to the first back in', () => {
      const w = uploads(coldWindow(), [
        VAN_LOGGER,
        [reading('08:00', 3), reading('08:10', 7), reading('08:20', 7.5), reading('08:30', 6), reading('08:40', 4)],
      ]);
      expect(windowTotals(w)).toMatchObject({ readings: 5, maxC: 7.5, minutesOutOfRange: 30, longestExcursionMinutes: 30 });
    });

    it('counts a reading below the range as out of it', () => {
      const w = uploads(coldWindow(), [VAN_LOGGER, [reading('08:00', -1.5), reading('08:12', 1)]]);
      expect(windowTotals(w)).toMatchObject({ minC: -1.5, minutesOutOfRange: 12, longestExcursionMinutes: 12 });
    });

    it('adds up the excursions, keeping the longest', () => {
      const w = uploads(coldWindow(), [VAN_LOGGER, [reading('08:00', 7), reading('08:10', 3), reading('09:00', 7), reading('09:25', 3)]]);
      expect(windowTotals(w)).toMatchObject({ minutesOutOfRange: 35, longestExcursionMinutes: 25 });
    });

    it('keeps each logger in its own time order: a logger behind another is not taken for a re-upload', () => {
      const w = uploads(
        coldWindow(),
        [DOOR_LOGGER, [reading('08:00', 3), reading('08:30', 3)]],
        [VAN_LOGGER, [reading('08:10', 7), reading('08:20', 7), reading('08:25', 3)]],
      );
      expect(windowTotals(w)).toMatchObject({ readings: 5, minutesOutOfRange: 15, longestExcursionMinutes: 15 });
      expect(Object.keys(w.series).sort()).toEqual([VAN_LOGGER, DOOR_LOGGER].sort());
    });

    it('gives the same totals whether a logger uploads at once or bit by bit', () => {
      const all = [
        reading('08:00', 3),
        reading('08:10', 7),
        reading('08:20', 7),
        reading('08:30', 3),
        reading('08:40', 8),
        reading('08:50', 2),
      ];
      const atOnce = uploads(coldWindow(), [VAN_LOGGER, all]);
      const bitByBit = uploads(coldWindow(), [VAN_LOGGER, all.slice(0, 2)], [VAN_LOGGER, all.slice(2, 5)], [VAN_LOGGER, all.slice(5)]);
      expect(bitByBit).toEqual(atOnce);
      expect(windowTotals(atOnce)).toMatchObject({ readings: 6, minutesOutOfRange: 30, longestExcursionMinutes: 20 });
    });
  });

  describe('uploads that reach back', () => {
    const readings = [reading('08:00', 3), reading('08:10', 7), reading('08:20', 3)];

    it('asks for a recount of a re-upload of readings the window already holds', () => {
      expect(addReadings(uploads(coldWindow(), [VAN_LOGGER, readings]), VAN_LOGGER, readings)).toBeUndefined();
    });

    it('asks for a recount of an overlapping upload', () => {
      const once = uploads(coldWindow(), [VAN_LOGGER, readings.slice(0, 2)]);
      expect(addReadings(once, VAN_LOGGER, [...readings.slice(1), reading('08:30', 3)])).toBeUndefined();
    });

    it('asks for a recount of an earlier file sent after a later one', () => {
      const later = uploads(coldWindow(), [VAN_LOGGER, [reading('09:00', 3), reading('09:10', 3)]]);
      expect(addReadings(later, VAN_LOGGER, readings)).toBeUndefined();
    });

    it('does not for another logger’s readings, nor for a reach-back that falls outside the window', () => {
      const w = uploads(coldWindow(), [VAN_LOGGER, readings]);
      expect(addReadings(w, DOOR_LOGGER, readings)).toBeDefined();
      expect(addReadings(w, VAN_LOGGER, [reading('07:00', 3), reading('08:30', 3)])).toBeDefined();
    });

    it('keeps the first of two readings at the same time', () => {
      const w = uploads(coldWindow(), [VAN_LOGGER, [reading('08:00', 7), reading('08:00', 3), reading('08:10', 3)]]);
      expect(windowTotals(w)).toMatchObject({ readings: 2, maxC: 7, minutesOutOfRange: 10 });
    });
  });

  describe('silences', () => {
    it('lets one reading speak for 30 minutes at most: an excursion does not run on through a gap', () => {
      const w = uploads(coldWindow(), [VAN_LOGGER, [reading('08:00', 7), reading('10:00', 7), reading('10:10', 3)]]);
      expect(windowTotals(w)).toMatchObject({ minutesOutOfRange: 40, longestExcursionMinutes: 30 });
    });

    it('does not count a gap after a reading in range as out of range', () => {
      const w = uploads(coldWindow(), [VAN_LOGGER, [reading('08:00', 3), reading('10:00', 7), reading('10:05', 3)]]);
      expect(windowTotals(w)).toMatchObject({ minutesOutOfRange: 5, longestExcursionMinutes: 5 });
    });

    it('counts a gap of exactly 30 minutes whole', () => {
      const w = uploads(coldWindow(), [VAN_LOGGER, [reading('08:00', 7), reading('08:30', 7), reading('08:40', 3)]]);
      expect(windowTotals(w)).toMatchObject({ minutesOutOfRange: 40, longestExcursionMinutes: 40 });
    });
  });

  describe('the window’s bounds', () => {
    it('ignores readings before the window opened and from the time it closed', () => {
      const w = uploads(coldWindow({ to: '2025-06-19T14:00:00+08:00' }), [
        VAN_LOGGER,
        [reading('07:50', 9), reading('08:00', 3), reading('13:50', 3), reading('14:00', 9), reading('14:10', 9)],
      ]);
      expect(windowTotals(w)).toEqual({ readings: 2, minC: 3, maxC: 3, minutesOutOfRange: 0, longestExcursionMinutes: 0 });
    });

    it('leaves a window no reading fell in as it was', () => {
      const w = coldWindow({ to: '2025-06-19T14:00:00+08:00' });
      expect(addReadings(w, VAN_LOGGER, [reading('07:00', 3), reading('15:00', 3)])).toBe(w);
      expect(addReadings(w, VAN_LOGGER, [reading('14:00', 3)])).toBe(w);
      expect(windowTotals(w)).toEqual({ readings: 0, minutesOutOfRange: 0, longestExcursionMinutes: 0 });
    });

    it('counts, in a closed window, the last reading out of range up to the window’s end', () => {
      const readings = [reading('13:30', 3), reading('13:40', 7), reading('13:50', 7)];
      const closed = uploads(coldWindow({ to: '2025-06-19T14:00:00+08:00' }), [VAN_LOGGER, readings]);
      expect(windowTotals(closed)).toMatchObject({ minutesOutOfRange: 20, longestExcursionMinutes: 20 });
    });

    it('counts that last reading for 30 minutes at most', () => {
      const readings = [reading('13:30', 3), reading('13:40', 7), reading('13:50', 7)];
      const closed = uploads(coldWindow({ to: '2025-06-19T16:00:00+08:00' }), [VAN_LOGGER, readings]);
      expect(windowTotals(closed)).toMatchObject({ minutesOutOfRange: 40, longestExcursionMinutes: 40 });
    });

    it('counts a window closed after the readings came in the same way', () => {
      const open = uploads(coldWindow(), [VAN_LOGGER, [reading('13:30', 3), reading('13:40', 7), reading('13:50', 7)]]);
      expect(windowTotals(open)).toMatchObject({ minutesOutOfRange: 10, longestExcursionMinutes: 10 });
      expect(windowTotals({ ...open, to: '2025-06-19T14:00:00+08:00' })).toMatchObject({
        minutesOutOfRange: 20,
        longestExcursionMinutes: 20,
      });
    });

    it('adds nothing at the end after a last reading in range', () => {
      const w = uploads(coldWindow({ to: '2025-06-19T14:00:00+08:00' }), [VAN_LOGGER, [reading('13:30', 7), reading('13:40', 3)]]);
      expect(windowTotals(w)).toMatchObject({ minutesOutOfRange: 10, longestExcursionMinutes: 10 });
    });
  });

  describe('two loggers', () => {
    it('lets the worst logger speak for the window', () => {
      const w = uploads(
        coldWindow({ to: '2025-06-19T10:00:00+08:00' }),
        [DOOR_LOGGER, [reading('08:00', 7), reading('08:25', 3)]],
        [VAN_LOGGER, [reading('08:00', 7), reading('08:15', 3), reading('08:30', 7), reading('08:45', 3)]],
      );
      // The door logger had the longest excursion (25 min), the van logger the most time out (30 min).
      expect(windowTotals(w)).toEqual({ readings: 6, minC: 3, maxC: 7, minutesOutOfRange: 30, longestExcursionMinutes: 25 });
    });

    it('does not add one logger’s excursion to the other’s', () => {
      const w = uploads(
        coldWindow(),
        [DOOR_LOGGER, [reading('08:00', 7), reading('08:20', 3)]],
        [VAN_LOGGER, [reading('08:00', 7), reading('08:20', 3)]],
      );
      expect(windowTotals(w)).toMatchObject({ minutesOutOfRange: 20, longestExcursionMinutes: 20 });
    });
  });
});
