import { Doc, DocReader } from '@suyuan/readmodels/projection';
import { recorded } from '@suyuan/readmodels/testing';
import { ColdChainReadingsRecorded } from '@suyuan/logistics/domain/events';
import { coldChainProjection, hourDocId } from '@suyuan/logistics/cold-chain.projection';
import { ColdChainIndexView } from '@suyuan/logistics/logistics.views';
import { ColdWindow, windowTotals } from '../evaluation/cold-window';
import { bj, plusHours } from '../evaluation/facts.fixtures';
import { Changes } from './changes';
import { BATCH_ID, HUB_STORE, Store, cohort, complianceDoc, written } from './compliance.fixtures';
import { BatchComplianceView, ClosedWindowsView, OpenWindowsView } from './compliance.views';
import { OpenWindow, closeWindows, closedShardId, daysSpanned, foldReadings, openWindow, rerange } from './windows';

const LOGGER = 'TL-SENSOR-0031';
const STORE_RANGE = { minC: 0, maxC: 5 };

/** A reading at a Beijing time of 19 June ('10:10'), in UTC as the compliance projection folds it. */
const at = (hhmm: string, temperatureC: number) => ({ at: bj(`2025-06-19T${hhmm}`), temperatureC });

/** The hub's cold store taking in the 特级 cartons ctn-001 and ctn-002 at 10:00 on 19 June. */
function hubStay(patch: Partial<OpenWindow> = {}): OpenWindow {
  return {
    id: `shp-0619-hub@${HUB_STORE}|${BATCH_ID}`,
    kind: 'storage',
    facilityId: HUB_STORE,
    facilityName: '乐昌市县级物流中心冷库',
    from: bj('2025-06-19T10:00'),
    cartonIds: ['ctn-001', 'ctn-002'],
    range: STORE_RANGE,
    eventId: 'evt-hub-receipt-0619',
    ...patch,
  };
}
const STAY = hubStay().id;

/** Stores a logger upload as the cold-chain projection does (hour documents and the facility's index). */
function storeReadings(store: Store, facilityId: string, readings: { at: string; temperatureC: number }[], deviceId = LOGGER): void {
  const event = recorded<ColdChainReadingsRecorded>({
    id: `evt-readings-${facilityId}-${readings[0].at}`,
    type: 'ColdChainReadingsRecorded',
    streamId: `coldchain-${facilityId}`,
    data: { facilityId, deviceId, readings },
  });
  for (const w of coldChainProjection.apply(event, store)) if (w.doc) store.put(w.collection, w.id, w.doc);
}

/** Readings as the compliance projection folds them: `[epoch ms, °C]`. */
const timed = (readings: { at: string; temperatureC: number }[]): [number, number][] =>
  readings.map((r) => [Date.parse(r.at), r.temperatureC]);

/** An upload as the projector runs it: the cold-chain projection stores it, then the windows fold it. */
function upload(store: Store, facilityId: string, readings: { at: string; temperatureC: number }[], deviceId = LOGGER) {
  storeReadings(store, facilityId, readings, deviceId);
  const changes = store.changes();
  const touched = foldReadings(facilityId, deviceId, timed(readings), changes);
  store.commit(changes);
  return { touched, changes };
}

/** Opens the stay in a fresh event and saves what it wrote; returns the batch's record after it. */
function open(store: Store, doc: BatchComplianceView, w: OpenWindow = hubStay()): BatchComplianceView {
  const changes = store.changes();
  const next = openWindow(doc, w, changes);
  store.commit(changes);
  return next;
}

function close(store: Store, doc: BatchComplianceView, cartonIds: string[], when: string, kind?: 'storage' | 'transport') {
  const changes = store.changes();
  const next = closeWindows(doc, cartonIds, when, changes, kind);
  store.commit(changes);
  return { next, changes };
}

const windowDoc = (store: Store, id: string) => store.get<ColdWindow>('coldWindows', id)!;
const totals = (store: Store, id: string) => windowTotals(windowDoc(store, id));
const openAt = (store: Store, facilityId = HUB_STORE) => store.get<OpenWindowsView>('coldWindowsOpen', facilityId)!;
/** What an upload at the facility meets: the listed windows not closed since (a close leaves the list alone). */
const openNow = (store: Store, facilityId = HUB_STORE) =>
  (store.get<OpenWindowsView>('coldWindowsOpen', facilityId)?.windows ?? []).filter(
    (e) => store.get<ColdWindow>('coldWindows', e.id)?.to === undefined,
  );
/** The UTC day of a time. */
const dayOf = (iso: string) => new Date(iso).toISOString().slice(0, 10);
/** The closed windows of the facility whose span covers the UTC day of `when`. */
const closedAt = (store: Store, when: string, facilityId = HUB_STORE) =>
  store.get<ClosedWindowsView>('coldWindowsClosed', closedShardId(facilityId, dayOf(when)));

describe('cold windows of a batch', () => {
  describe('opening a window', () => {
    it('writes the window, its entry in the facility’s open windows and its summary in the batch’s record', () => {
      const store = new Store();
      const changes = store.changes();
      const doc = openWindow(complianceDoc(), hubStay(), changes);

      expect(written(changes, 'coldWindows')).toEqual({
        [STAY]: {
          id: STAY,
          batchId: BATCH_ID,
          kind: 'storage',
          facilityId: HUB_STORE,
          facilityName: '乐昌市县级物流中心冷库',
          from: bj('2025-06-19T10:00'),
          cartonIds: ['ctn-001', 'ctn-002'],
          grades: ['特级'],
          range: STORE_RANGE,
          series: {},
        },
      });
      expect(written(changes, 'coldWindowsOpen')).toEqual({
        [HUB_STORE]: { id: HUB_STORE, windows: [{ id: STAY, batchId: BATCH_ID, from: bj('2025-06-19T10:00') }] },
      });
      expect(doc.windows).toEqual({
        [STAY]: {
          id: STAY,
          kind: 'storage',
          facilityName: '乐昌市县级物流中心冷库',
          from: bj('2025-06-19T10:00'),
          range: STORE_RANGE,
          eventId: 'evt-hub-receipt-0619',
          readings: 0,
          minutesOutOfRange: 0,
          longestExcursionMinutes: 0,
        },
      });
      expect(
        changes
          .writes()
          .map((w) => w.collection)
          .sort(),
      ).toEqual(['coldWindows', 'coldWindowsOpen']);
    });

    it('points the cohorts of its cartons at it, splitting a cohort only some of whose cartons go in', () => {
      const store = new Store();
      const doc = open(store, complianceDoc(), hubStay({ cartonIds: ['ctn-002', 'ctn-003'] }));
      expect(doc.cohorts).toEqual([
        cohort('特级', { 'ctn-001': 10 }),
        cohort('特级', { 'ctn-002': 10 }, { windowIds: [STAY] }),
        cohort('一级', { 'ctn-003': 8 }, { windowIds: [STAY] }),
      ]);
      expect(windowDoc(store, STAY).grades).toEqual(['特级', '一级']);
    });

    it('adds to the facility’s open windows, keeping the windows already in it', () => {
      const other = { id: 'win-other', batchId: 'bat-other', from: bj('2025-06-19T09:00') };
      const store = new Store(['coldWindowsOpen', { id: HUB_STORE, windows: [other] }], ['coldWindows', other]);
      open(store, complianceDoc());
      expect(openAt(store).windows.map((e) => e.id)).toEqual(['win-other', STAY]);
    });

    it('drops from the facility’s list the windows closed since they were listed', () => {
      const store = new Store();
      const first = open(store, complianceDoc());
      close(store, first, ['ctn-001', 'ctn-002'], bj('2025-06-19T14:00'));
      // The departure left the list as it was; the next arrival at the hub tidies it.
      expect(openAt(store).windows.map((e) => e.id)).toEqual([STAY]);
      const next = hubStay({ id: `shp-0619-late@${HUB_STORE}|${BATCH_ID}`, from: bj('2025-06-19T15:00') });
      open(store, complianceDoc(), next);
      expect(openAt(store).windows.map((e) => e.id)).toEqual([next.id]);
    });

    it('backfills the readings the facility had already stored from the time the window opened, logger by logger', () => {
      const store = new Store();
      // The loggers uploaded before the receipt was recorded: 09:40 is before the goods came in.
      storeReadings(store, HUB_STORE, [at('09:40', 9), at('10:10', 3), at('10:20', 7), at('10:40', 3), at('11:05', 4.5)]);
      storeReadings(store, HUB_STORE, [at('10:15', 3), at('10:35', 3)], 'TL-DOOR');
      storeReadings(store, 'fac-other-store', [at('10:30', 12)]);
      const changes = store.changes();
      const doc = openWindow(complianceDoc(), hubStay(), changes);

      const window = changes.get<ColdWindow>('coldWindows', STAY)!;
      expect(Object.keys(window.series).sort()).toEqual(['TL-DOOR', LOGGER]);
      // The door logger's readings in between do not cut the first logger's excursion short.
      expect(doc.windows[STAY]).toMatchObject({ readings: 6, minC: 3, maxC: 7, minutesOutOfRange: 20, longestExcursionMinutes: 20 });
    });

    it('counts an excursion that began before the window opened from the opening, whichever was recorded first', () => {
      const hot = [at('09:30', 3), at('09:40', 9), at('10:00', 9), at('10:20', 9), at('10:40', 9), at('11:00', 3)];
      const before = new Store();
      storeReadings(before, HUB_STORE, hot);
      const storedFirst = open(before, complianceDoc());
      const after = new Store();
      const openedFirst = open(after, complianceDoc());
      upload(after, HUB_STORE, hot);
      expect(storedFirst.windows[STAY]).toMatchObject({ readings: 4, minutesOutOfRange: 60, longestExcursionMinutes: 60 });
      expect(windowDoc(after, STAY).series).toEqual(windowDoc(before, STAY).series);
      expect(openedFirst.windows[STAY].readings).toBe(0);
    });

    it('reads only the hour documents the facility’s index lists from the window’s start', () => {
      const store = new Store();
      storeReadings(store, HUB_STORE, [at('08:10', 9), at('10:10', 3), at('11:10', 3)]);
      const asked: string[] = [];
      const spy: DocReader = { get: <T extends Doc>(c: string, id: string) => (asked.push(`${c}|${id}`), store.get<T>(c, id)) };
      openWindow(complianceDoc(), hubStay(), new Changes(spy));
      const hours = asked.filter((k) => k.startsWith('coldchainHours|'));
      // 10:10 and 11:10 in Beijing are 02 and 03 UTC; the 08:10 hour (00 UTC) is not read.
      expect(hours).toEqual([
        `coldchainHours|${hourDocId(HUB_STORE, '2025-06-19T02')}`,
        `coldchainHours|${hourDocId(HUB_STORE, '2025-06-19T03')}`,
      ]);
    });

    it('backfills every stored reading from the window’s start, however many days they span', () => {
      const store = new Store();
      // Ten days of hourly readings, the first two before the goods came in.
      storeReadings(
        store,
        HUB_STORE,
        Array.from({ length: 10 * 24 }, (_, h) => ({ at: plusHours(bj('2025-06-19T08:30'), h), temperatureC: 3 })),
      );
      const doc = open(store, complianceDoc());
      expect(doc.windows[STAY]).toMatchObject({ readings: 10 * 24 - 2, minutesOutOfRange: 0 });
    });

    it('backfills nothing when the facility’s last reading is before the window opened', () => {
      const store = new Store();
      storeReadings(store, HUB_STORE, [at('08:10', 9), at('09:50', 9)]);
      expect(store.get<ColdChainIndexView>('coldchain', HUB_STORE)!.lastAt).toBe(bj('2025-06-19T09:50'));
      const doc = open(store, complianceDoc());
      expect(doc.windows[STAY]).toMatchObject({ readings: 0, minutesOutOfRange: 0 });
      expect(windowDoc(store, STAY).series).toEqual({});
    });
  });

  describe('closing windows', () => {
    it('closes a window all of whose cartons leave, in the window, the facility’s open and closed windows and the summary', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      const { next, changes } = close(store, opened, ['ctn-001', 'ctn-002'], bj('2025-06-19T14:00'));

      expect(windowDoc(store, STAY)).toMatchObject({ to: bj('2025-06-19T14:00'), cartonIds: ['ctn-001', 'ctn-002'] });
      expect(openNow(store)).toEqual([]);
      expect(closedAt(store, bj('2025-06-19T14:00'))!.windows).toEqual([
        { id: STAY, batchId: BATCH_ID, from: bj('2025-06-19T10:00'), to: bj('2025-06-19T14:00') },
      ]);
      expect(next.windows[STAY]).toMatchObject({ to: bj('2025-06-19T14:00'), eventId: 'evt-hub-receipt-0619' });
      expect(next.cohorts).toEqual(opened.cohorts);
      expect(Object.keys(written(changes, 'coldWindows'))).toEqual([STAY]);
      // A departure does not rewrite the facility's open list: the closed window document speaks for it.
      expect(
        changes
          .writes()
          .map((w) => w.collection)
          .sort(),
      ).toEqual(['coldWindows', 'coldWindowsClosed']);
    });

    it('leaves windows that hold none of the leaving cartons, and closed ones, alone', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      const { next, changes } = close(store, opened, ['ctn-003'], bj('2025-06-19T14:00'));
      expect(next).toBe(opened);
      expect(changes.writes()).toEqual([]);

      const closed = close(store, opened, ['ctn-001', 'ctn-002'], bj('2025-06-19T14:00')).next;
      const again = close(store, closed, ['ctn-001', 'ctn-002'], bj('2025-06-19T16:00'));
      expect(again.next).toBe(closed);
      expect(again.changes.writes()).toEqual([]);
    });

    it('closes only windows of the kind asked for (a receipt ends the leg, not a stay)', () => {
      const store = new Store();
      const stayed = open(store, complianceDoc());
      const { next } = close(store, stayed, ['ctn-001', 'ctn-002'], bj('2025-06-19T14:00'), 'transport');
      expect(next.windows[STAY].to).toBeUndefined();
      expect(windowDoc(store, STAY).to).toBeUndefined();
    });

    it('never closes a window before it opened', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      const { next } = close(store, opened, ['ctn-001', 'ctn-002'], bj('2025-06-19T09:00'));
      expect(next.windows[STAY].to).toBe(bj('2025-06-19T10:00'));
    });

    it('splits a window some of whose cartons leave: they get a closed copy, the rest stay in the open window', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      upload(store, HUB_STORE, [at('10:10', 3), at('10:20', 7), at('10:40', 3)]);
      const leaving = bj('2025-06-19T12:00');
      const { next } = close(store, { ...opened, windows: { [STAY]: { ...opened.windows[STAY], readings: 3 } } }, ['ctn-002'], leaving);
      const copyId = `${STAY}>${leaving}`;

      expect(windowDoc(store, copyId)).toMatchObject({ id: copyId, to: leaving, cartonIds: ['ctn-002'] });
      expect(windowDoc(store, STAY)).toMatchObject({ cartonIds: ['ctn-001'] });
      expect([totals(store, copyId).readings, totals(store, STAY).readings]).toEqual([3, 3]);
      expect(windowDoc(store, STAY).to).toBeUndefined();
      expect(openNow(store)).toEqual([{ id: STAY, batchId: BATCH_ID, from: bj('2025-06-19T10:00') }]);
      expect(closedAt(store, leaving)!.windows).toEqual([{ id: copyId, batchId: BATCH_ID, from: bj('2025-06-19T10:00'), to: leaving }]);
      expect(next.cohorts).toEqual([
        cohort('特级', { 'ctn-001': 10 }, { windowIds: [STAY] }),
        cohort('特级', { 'ctn-002': 10 }, { windowIds: [copyId] }),
        cohort('一级', { 'ctn-003': 8 }),
      ]);
      expect(next.windows[STAY]).toMatchObject({ minutesOutOfRange: 20 });
      expect(next.windows[STAY].to).toBeUndefined();
      expect(next.windows[copyId]).toMatchObject({ to: leaving, minutesOutOfRange: 20, eventId: 'evt-hub-receipt-0619' });
    });

    it('gives cartons leaving the same window at the same moment on two shipments one closed copy', () => {
      const store = new Store();
      const opened = open(store, complianceDoc(), hubStay({ cartonIds: ['ctn-001', 'ctn-002', 'ctn-003'] }));
      const leaving = bj('2025-06-19T12:00');
      const copyId = `${STAY}>${leaving}`;
      const first = close(store, opened, ['ctn-001'], leaving).next;
      const { next } = close(store, first, ['ctn-002'], leaving);

      expect(windowDoc(store, copyId).cartonIds).toEqual(['ctn-001', 'ctn-002']);
      expect(
        next.cohorts
          .filter((c) => c.windowIds.includes(copyId))
          .flatMap((c) => Object.keys(c.cartons))
          .sort(),
      ).toEqual(['ctn-001', 'ctn-002']);
      expect(windowDoc(store, STAY).cartonIds).toEqual(['ctn-003']);
      expect(openAt(store).windows.map((e) => e.id)).toEqual([STAY]);
      expect(closedAt(store, leaving)!.windows.map((e) => e.id)).toEqual([copyId]);
      expect(next.cohorts).toEqual([
        cohort('特级', { 'ctn-001': 10, 'ctn-002': 10 }, { windowIds: [copyId] }),
        cohort('一级', { 'ctn-003': 8 }, { windowIds: [STAY] }),
      ]);
    });

    it('holds later readings against the cartons that stayed only', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      const leaving = bj('2025-06-19T12:00');
      close(store, opened, ['ctn-002'], leaving);
      const { touched } = upload(store, HUB_STORE, [at('12:10', 3), at('12:20', 9), at('13:00', 3)]);

      expect(totals(store, `${STAY}>${leaving}`).readings).toBe(0);
      expect(totals(store, STAY).readings).toBe(3);
      expect([...touched.keys()]).toEqual([BATCH_ID]);
      expect(touched.get(BATCH_ID)!.windows.map((w) => w.id)).toEqual([STAY]);
    });
  });

  describe('settling a window closed after later readings were folded', () => {
    // The logger uploaded the whole day before the goods' departure at 12:00 was recorded; the
    // store warmed up at 12:10, after they had gone.
    const day = [
      at('10:10', 3),
      at('10:40', 3),
      at('11:10', 4),
      at('11:40', 3),
      at('12:10', 9),
      at('12:40', 9),
      at('13:10', 9),
      at('13:40', 3),
    ];

    it('recounts the window from the stored readings of its own span: an excursion after it does not count', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      upload(store, HUB_STORE, day);
      expect(totals(store, STAY)).toMatchObject({ readings: 8, maxC: 9 });

      const { next } = close(store, opened, ['ctn-001', 'ctn-002'], bj('2025-06-19T12:00'));
      expect(next.windows[STAY]).toMatchObject({ readings: 4, minC: 3, maxC: 4, minutesOutOfRange: 0, longestExcursionMinutes: 0 });
      expect(windowDoc(store, STAY).to).toBe(bj('2025-06-19T12:00'));
      expect(totals(store, STAY)).toMatchObject({ readings: 4, minC: 3, maxC: 4 });
    });

    it('recounts a closed copy the same way, while the cartons that stay keep the excursion', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      upload(store, HUB_STORE, day);
      const leaving = bj('2025-06-19T12:00');
      const { next } = close(store, opened, ['ctn-001'], leaving);
      expect(next.windows[`${STAY}>${leaving}`]).toMatchObject({ readings: 4, maxC: 4, minutesOutOfRange: 0 });
      expect(next.windows[STAY]).toMatchObject({ readings: 8, maxC: 9, minutesOutOfRange: 90, longestExcursionMinutes: 90 });
    });

    it('recounts a stay longer than a week whole: an excursion on its ninth day still counts', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      const hourly = Array.from({ length: 10 * 24 }, (_, h) => ({ at: plusHours(bj('2025-06-19T10:30'), h), temperatureC: 3 }));
      // Day 9: three hourly readings at 9 °C, each speaking for 30 minutes at most.
      for (const h of [200, 201, 202]) hourly[h] = { ...hourly[h], temperatureC: 9 };
      upload(store, HUB_STORE, hourly);
      const leaving = plusHours(bj('2025-06-19T10:00'), 10 * 24 - 2);
      const { next } = close(store, opened, ['ctn-001', 'ctn-002'], leaving);
      expect(next.windows[STAY]).toMatchObject({ readings: 238, maxC: 9, minutesOutOfRange: 90, longestExcursionMinutes: 30 });
    });

    it('keeps a window whose readings all fell before its end as folded, logger by logger', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      upload(store, HUB_STORE, day.slice(0, 4));
      const { next } = close(store, opened, ['ctn-001', 'ctn-002'], bj('2025-06-19T12:00'));
      expect(Object.keys(windowDoc(store, STAY).series)).toEqual([LOGGER]);
      expect(next.windows[STAY]).toMatchObject({ readings: 4, maxC: 4, minutesOutOfRange: 0 });
    });
  });

  describe('folding a logger upload', () => {
    function twoBatches(store: Store): void {
      open(store, complianceDoc());
      const other = complianceDoc({ id: 'bat-other', batchId: 'bat-other', cohorts: [cohort('一级', { 'ctn-101': 12 })] });
      open(store, other, hubStay({ id: `shp-0619-hub@${HUB_STORE}|bat-other`, from: bj('2025-06-19T11:00'), cartonIds: ['ctn-101'] }));
      open(
        store,
        complianceDoc({ id: 'bat-far', batchId: 'bat-far' }),
        hubStay({ id: 'win-far', facilityId: 'fac-other-store', cartonIds: ['ctn-001'] }),
      );
    }

    it('folds only the readings inside each window of the facility, and reports the batches touched', () => {
      const store = new Store();
      twoBatches(store);
      const { touched } = upload(store, HUB_STORE, [at('10:30', 3), at('10:50', 4), at('11:10', 7), at('11:30', 3)]);

      expect(totals(store, STAY)).toMatchObject({ readings: 4, maxC: 7 });
      expect(totals(store, `shp-0619-hub@${HUB_STORE}|bat-other`)).toMatchObject({ readings: 2, minC: 3, maxC: 7 });
      expect(totals(store, 'win-far').readings).toBe(0);
      expect([...touched.keys()].sort()).toEqual(['bat-jf-20250618', 'bat-other']);
      expect(touched.get(BATCH_ID)).toMatchObject({ latest: bj('2025-06-19T11:30') });
      expect(touched.get(BATCH_ID)!.windows).toEqual([windowDoc(store, STAY)]);
      expect(touched.get('bat-other')).toMatchObject({ latest: bj('2025-06-19T11:30') });
    });

    it('does not fold readings past a closed window’s end, and reports the latest reading inside it', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      close(store, opened, ['ctn-001', 'ctn-002'], bj('2025-06-19T12:00'));
      const { touched } = upload(store, HUB_STORE, [at('11:30', 3), at('11:50', 4), at('12:10', 9)]);
      expect(totals(store, STAY)).toMatchObject({ readings: 2, maxC: 4 });
      expect(touched.get(BATCH_ID)!.latest).toBe(bj('2025-06-19T11:50'));
    });

    it('counts an earlier file sent after a later one again from the stored readings, as if they had come in order', () => {
      const earlier = [at('10:10', 3), at('10:20', 9), at('10:30', 9), at('10:40', 9)];
      const later = [at('10:50', 9), at('11:00', 9), at('11:10', 3)];
      const inOrder = new Store();
      open(inOrder, complianceDoc());
      upload(inOrder, HUB_STORE, earlier);
      upload(inOrder, HUB_STORE, later);
      const store = new Store();
      open(store, complianceDoc());
      upload(store, HUB_STORE, later);
      expect(totals(store, STAY)).toMatchObject({ readings: 3, longestExcursionMinutes: 20 });
      const { touched } = upload(store, HUB_STORE, earlier);

      expect(totals(store, STAY)).toMatchObject({ readings: 7, minutesOutOfRange: 50, longestExcursionMinutes: 50 });
      expect(windowDoc(store, STAY)).toEqual(windowDoc(inOrder, STAY));
      expect(touched.get(BATCH_ID)!.latest).toBe(new Date(Date.parse(bj('2025-06-19T10:40'))).toISOString());
    });

    it('adds only the new readings of an overlapping upload', () => {
      const store = new Store();
      open(store, complianceDoc());
      upload(store, HUB_STORE, [at('10:10', 3), at('10:20', 9)]);
      upload(store, HUB_STORE, [at('10:10', 3), at('10:20', 9), at('10:30', 9), at('10:40', 3)]);
      expect(totals(store, STAY)).toMatchObject({ readings: 4, minutesOutOfRange: 20, longestExcursionMinutes: 20 });
    });

    it('reports nothing for an upload no window takes: before them, a re-upload, another facility, nothing at all', () => {
      const store = new Store();
      twoBatches(store);
      expect(upload(store, HUB_STORE, [at('08:00', 3), at('09:50', 3)]).touched.size).toBe(0);
      const readings = [at('10:30', 3), at('10:50', 4)];
      expect(upload(store, HUB_STORE, readings).touched.size).toBe(1);
      const again = upload(store, HUB_STORE, readings);
      expect(again.touched.size).toBe(0);
      expect(again.changes.writes()).toEqual([]);
      expect(foldReadings('fac-unknown', LOGGER, timed(readings), store.changes()).size).toBe(0);
      expect(foldReadings(HUB_STORE, LOGGER, [], store.changes()).size).toBe(0);
    });
  });

  describe('holding a window to another range', () => {
    it('counts each logger’s readings in the window again against it, and nothing outside the window', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      upload(store, HUB_STORE, [at('09:50', 9), at('10:10', 6), at('10:20', 6), at('10:30', 3)]);
      upload(store, HUB_STORE, [at('10:15', 6), at('10:35', 2)], 'TL-DOOR');
      close(store, opened, ['ctn-001', 'ctn-002'], bj('2025-06-19T10:30'));
      expect(totals(store, STAY)).toMatchObject({ readings: 3, minutesOutOfRange: 20 });

      const held = rerange(windowDoc(store, STAY), { minC: 0, maxC: 8 }, store.changes());
      expect(held.range).toEqual({ minC: 0, maxC: 8 });
      expect(windowTotals(held)).toEqual({ readings: 3, minC: 6, maxC: 6, minutesOutOfRange: 0, longestExcursionMinutes: 0 });
      const stricter = rerange(held, { minC: 0, maxC: 2 }, store.changes());
      expect(windowTotals(stricter)).toMatchObject({ readings: 3, minutesOutOfRange: 20, longestExcursionMinutes: 20 });
    });
  });

  describe('the facility’s open and closed windows', () => {
    it('lists a window in the open windows while it is open, and files it, once closed, under every UTC day it spans', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      const other = complianceDoc({ id: 'bat-other', batchId: 'bat-other', cohorts: [cohort('一级', { 'ctn-101': 12 })] });
      const otherId = `shp-0619-hub@${HUB_STORE}|bat-other`;
      open(store, other, hubStay({ id: otherId, from: bj('2025-06-19T11:00'), cartonIds: ['ctn-101'] }));
      expect(openAt(store).windows.map((e) => e.id)).toEqual([STAY, otherId]);

      // 09:00 on 20 June in Beijing is 01:00 UTC: the stay spans the UTC days of 19 and 20 June.
      const leaving = bj('2025-06-20T09:00');
      close(store, opened, ['ctn-001', 'ctn-002'], leaving);
      expect(openNow(store)).toEqual([{ id: otherId, batchId: 'bat-other', from: bj('2025-06-19T11:00') }]);
      const shards = ['2025-06-19', '2025-06-20'].map((day) => closedShardId(HUB_STORE, day));
      for (const id of shards) {
        expect(store.get<ClosedWindowsView>('coldWindowsClosed', id)).toEqual({
          id,
          windows: [{ id: STAY, batchId: BATCH_ID, from: bj('2025-06-19T10:00'), to: leaving }],
        });
      }
      expect([...store.map.keys()].filter((k) => k.startsWith('coldWindowsClosed|'))).toEqual(
        shards.map((id) => `coldWindowsClosed|${id}`),
      );
    });

    it('adds a window to the shard of a day already there, and keeps windows closed long ago', () => {
      const old = { id: 'win-june-1', batchId: 'bat-old', from: bj('2025-06-01T10:00'), to: bj('2025-06-01T14:00') };
      const oldShard = closedShardId(HUB_STORE, dayOf(old.to));
      const earlier = { id: 'win-earlier', batchId: 'bat-other', from: bj('2025-06-19T08:00'), to: bj('2025-06-19T14:05') };
      const day = closedShardId(HUB_STORE, '2025-06-19');
      const store = new Store(
        ['coldWindowsClosed', { id: oldShard, windows: [old] }],
        ['coldWindowsClosed', { id: day, windows: [earlier] }],
      );
      const opened = open(store, complianceDoc());
      const { changes } = close(store, opened, ['ctn-001', 'ctn-002'], bj('2025-06-19T14:30'));

      expect(closedAt(store, bj('2025-06-19T14:30'))!.windows.map((e) => e.id)).toEqual(['win-earlier', STAY]);
      expect(Object.keys(written(changes, 'coldWindowsClosed'))).toEqual([day]);
      expect(store.get<ClosedWindowsView>('coldWindowsClosed', oldShard)!.windows).toEqual([old]);
    });

    it('files a split copy when it closes while the original stays open, then the original where it closes', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      const leaving = bj('2025-06-19T12:00');
      const copyId = `${STAY}>${leaving}`;
      const split = close(store, opened, ['ctn-002'], leaving);
      expect(openNow(store)).toEqual([{ id: STAY, batchId: BATCH_ID, from: bj('2025-06-19T10:00') }]);
      expect(closedAt(store, leaving)!.windows).toEqual([{ id: copyId, batchId: BATCH_ID, from: bj('2025-06-19T10:00'), to: leaving }]);

      const rest = bj('2025-06-20T18:00');
      close(store, split.next, ['ctn-001'], rest);
      expect(openNow(store)).toEqual([]);
      expect(closedAt(store, rest)!.windows).toEqual([{ id: STAY, batchId: BATCH_ID, from: bj('2025-06-19T10:00'), to: rest }]);
      expect(closedAt(store, leaving)!.windows.map((e) => e.id)).toEqual([copyId, STAY]);
    });

    it('folds a late upload into a window that closed before it arrived, and into the split copy of the cartons that had left', () => {
      const store = new Store();
      const opened = open(store, complianceDoc());
      const leaving = bj('2025-06-19T12:00');
      const split = close(store, opened, ['ctn-002'], leaving).next;
      close(store, split, ['ctn-001'], bj('2025-06-19T14:00'));
      // The logger is dumped at the end of the day: every window it speaks for has closed.
      const { touched } = upload(store, HUB_STORE, [at('10:10', 3), at('11:10', 9), at('13:10', 3)]);

      expect(totals(store, `${STAY}>${leaving}`)).toMatchObject({ readings: 2, maxC: 9 });
      // Once, though the closed window was still on the open list as well as in its shard; the upload drops it from the list.
      expect(totals(store, STAY)).toMatchObject({ readings: 3, maxC: 9 });
      expect(openAt(store).windows).toEqual([]);
      expect(
        touched
          .get(BATCH_ID)!
          .windows.map((w) => w.id)
          .sort(),
      ).toEqual([STAY, `${STAY}>${leaving}`].sort());
      expect(touched.get(BATCH_ID)!.latest).toBe(bj('2025-06-19T13:10'));
    });

    it('finds a closed window however long after the upload’s readings it closed', () => {
      const readings = [at('10:10', 3), at('10:40', 9)];
      const store = new Store();
      const opened = open(store, complianceDoc());
      const other = complianceDoc({ id: 'bat-other', batchId: 'bat-other', cohorts: [cohort('一级', { 'ctn-101': 12 })] });
      const otherId = `shp-0619-hub@${HUB_STORE}|bat-other`;
      const otherOpened = open(store, other, hubStay({ id: otherId, cartonIds: ['ctn-101'] }));
      close(store, opened, ['ctn-001', 'ctn-002'], plusHours(bj('2025-06-19T11:00'), 2));
      // A month in the cold store, and the logger's file of its first morning sent after it left.
      close(store, otherOpened, ['ctn-101'], plusHours(bj('2025-06-19T11:00'), 30 * 24));
      const { touched } = upload(store, HUB_STORE, readings);

      expect(totals(store, STAY)).toMatchObject({ readings: 2, maxC: 9 });
      expect(totals(store, otherId)).toMatchObject({ readings: 2, maxC: 9 });
      expect([...touched.keys()].sort()).toEqual(['bat-jf-20250618', 'bat-other']);
    });

    it('looks in the open windows and in the closed shards of the days its readings span, no others', () => {
      const store = new Store();
      open(store, complianceDoc());
      // 10:10 on 19 June and 10:00 on 21 June in Beijing are 02:10 and 02:00 UTC on those days.
      const readings = [at('10:10', 3), { at: bj('2025-06-21T10:00'), temperatureC: 3 }];
      const asked: string[] = [];
      const spy: DocReader = { get: <T extends Doc>(c: string, id: string) => (asked.push(`${c}|${id}`), store.get<T>(c, id)) };
      foldReadings(HUB_STORE, LOGGER, timed(readings), new Changes(spy));

      expect(asked.filter((k) => k.startsWith('coldWindowsOpen|'))).toEqual([`coldWindowsOpen|${HUB_STORE}`]);
      const shards = asked.filter((k) => k.startsWith('coldWindowsClosed|'));
      expect(shards).toEqual(['2025-06-19', '2025-06-20', '2025-06-21'].map((day) => `coldWindowsClosed|${closedShardId(HUB_STORE, day)}`));
    });

    it('spans the UTC days from the first time’s to the last’s', () => {
      const ms = (iso: string) => Date.parse(iso);
      expect(daysSpanned(ms(bj('2025-06-19T10:10')), ms(bj('2025-06-19T11:50')))).toEqual(['2025-06-19']);
      // 07:59 in Beijing is still the UTC day before; 08:00 begins the next.
      expect(daysSpanned(ms(bj('2025-06-19T07:59')), ms(bj('2025-06-19T08:00')))).toEqual(['2025-06-18', '2025-06-19']);
      expect(daysSpanned(ms('2025-06-19T00:00:00.000Z'), ms('2025-06-21T00:00:00.000Z'))).toEqual([
        '2025-06-19',
        '2025-06-20',
        '2025-06-21',
      ]);
      expect(closedShardId(HUB_STORE, '2025-06-19')).toBe(`${HUB_STORE}|2025-06-19`);
    });
  });
});
