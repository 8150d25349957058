import { Doc, DocWrite } from '@suyuan/readmodels/projection';
import { recorded } from '@suyuan/readmodels/testing';
import { coldChainProjection, hourDocId } from './cold-chain.projection';
import { ColdChainReading, ColdChainReadingsRecorded } from './domain/events';
import { ColdChainHourView, ColdChainIndexView } from './logistics.views';

const TRUCK = 'fac-truck-0031';
const DOOR = 'TL-SENSOR-0031';
const VAN = 'TL-SENSOR-0032';
/** A reading at a UTC time of 19 June 2025 ('02:10'). */
const r = (hhmm: string, temperatureC: number, humidityPct?: number): ColdChainReading => ({
  at: `2025-06-19T${hhmm}:00.000Z`,
  temperatureC,
  ...(humidityPct !== undefined && { humidityPct }),
});
const ms = (hhmm: string) => Date.parse(`2025-06-19T${hhmm}:00.000Z`);

/** The documents so far, and each upload applied to them as the projector does. */
class Readings {
  readonly docs = new Map<string, Doc>();
  private n = 0;

  upload(readings: ColdChainReading[], deviceId = DOOR): DocWrite[] {
    const event = recorded<ColdChainReadingsRecorded>(
      { type: 'ColdChainReadingsRecorded', streamId: `coldchain-${TRUCK}`, data: { facilityId: TRUCK, deviceId, readings } },
      ++this.n,
    );
    const reads = coldChainProjection.reads(event).map((ref) => `${ref.collection}/${ref.id}`);
    const writes = coldChainProjection.apply(event, {
      get: <T extends Doc>(c: string, id: string) => this.docs.get(`${c}/${id}`) as T | undefined,
    });
    for (const w of writes) {
      expect(reads).toContain(`${w.collection}/${w.id}`);
      this.docs.set(`${w.collection}/${w.id}`, w.doc!);
    }
    return writes;
  }

  hour(hour: string): ColdChainHourView | undefined {
    return this.docs.get(`coldchainHours/${hourDocId(TRUCK, `2025-06-19T${hour}`)}`) as ColdChainHourView | undefined;
  }

  get index(): ColdChainIndexView {
    return this.docs.get(`coldchain/${TRUCK}`) as ColdChainIndexView;
  }
}

describe('cold-chain projection', () => {
  it('files a logger’s readings by UTC hour, and lists the hours, the count and the latest time', () => {
    const store = new Readings();
    store.upload([r('02:40', 2, 91), r('02:50', 2.5), r('03:00', 3)]);
    expect(store.hour('02')).toEqual({
      id: hourDocId(TRUCK, '2025-06-19T02'),
      facilityId: TRUCK,
      hour: '2025-06-19T02',
      devices: {
        [DOOR]: [
          [ms('02:40'), 2, 91],
          [ms('02:50'), 2.5, null],
        ],
      },
    });
    expect(store.hour('03')!.devices).toEqual({ [DOOR]: [[ms('03:00'), 3, null]] });
    expect(store.index).toEqual({ id: TRUCK, hours: ['2025-06-19T02', '2025-06-19T03'], count: 3, lastAt: r('03:00', 0).at });
  });

  it('keeps two loggers of one facility apart, each in its own time order', () => {
    const store = new Readings();
    store.upload([r('02:10', 2), r('02:30', 2)], DOOR);
    store.upload([r('02:05', 6), r('02:20', 6), r('02:30', 6)], VAN);
    expect(store.hour('02')!.devices).toEqual({
      [DOOR]: [
        [ms('02:10'), 2, null],
        [ms('02:30'), 2, null],
      ],
      [VAN]: [
        [ms('02:05'), 6, null],
        [ms('02:20'), 6, null],
        [ms('02:30'), 6, null],
      ],
    });
    expect(store.index.count).toBe(5);
  });

  it('puts an earlier file sent after a later one in time order, without moving the latest time back', () => {
    const store = new Readings();
    store.upload([r('02:30', 2), r('02:40', 2)]);
    store.upload([r('02:10', 7), r('02:20', 7), r('02:35', 7)]);
    expect(store.hour('02')!.devices[DOOR].map(([t]) => t)).toEqual(['02:10', '02:20', '02:30', '02:35', '02:40'].map(ms));
    expect(store.index).toMatchObject({ count: 5, lastAt: r('02:40', 0).at });
  });

  it('writes nothing for a duplicate upload, and adds and counts only the new readings of an overlapping one', () => {
    const store = new Readings();
    const readings = [r('02:10', 2), r('02:20', 2), r('02:30', 2)];
    store.upload(readings);
    expect(store.upload(readings)).toEqual([]);
    expect(store.index.count).toBe(3);

    const writes = store.upload([r('02:20', 2), r('02:30', 2), r('02:40', 3), r('03:10', 3)]);
    expect(writes.map((w) => w.id)).toEqual([hourDocId(TRUCK, '2025-06-19T02'), hourDocId(TRUCK, '2025-06-19T03'), TRUCK]);
    expect(store.index).toMatchObject({ count: 5, lastAt: r('03:10', 0).at });
  });

  it('keeps the reading first recorded for a logger and time', () => {
    const store = new Readings();
    store.upload([r('02:10', 2), r('02:20', 2)]);
    store.upload([r('02:05', 9), r('02:10', 9), r('02:20', 9)]);
    expect(store.hour('02')!.devices[DOOR]).toEqual([
      [ms('02:05'), 9, null],
      [ms('02:10'), 2, null],
      [ms('02:20'), 2, null],
    ]);
    expect(store.index.count).toBe(3);
  });
});
