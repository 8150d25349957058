import { RecordedEvent } from '@suyuan/eventstore/event-store.port';
import { coldChainProjection } from '@suyuan/logistics/cold-chain.projection';
import { decideColdChainReadings } from '@suyuan/logistics/domain/cold-chain';
import { ColdChainIndexView } from '@suyuan/logistics/logistics.views';
import { DocumentStore } from '@suyuan/readmodels/document-store.port';
import { AnyProjection, docKey } from '@suyuan/readmodels/projection';
import { alertId } from '@suyuan/standards/compliance/alerts';
import { BATCH_ID, HUB_STORE, Store, complianceDoc, plumRules, standard } from '@suyuan/standards/compliance/compliance.fixtures';
import { complianceProjection } from '@suyuan/standards/compliance/compliance.projection';
import { AlertView, BatchComplianceView } from '@suyuan/standards/compliance/compliance.views';
import { batchVerdict } from '@suyuan/standards/compliance/verdict';
import { evaluateTemperature } from '@suyuan/standards/evaluation/logistics-rules';
import { readingsBetween } from '../scan/cold-chain-reader';
import { summarizeColdChain } from './cold-chain-summary';

/**
 * One cold-chain truth, as a property: whatever order a stay's readings are uploaded in, split
 * however, duplicated, before the stay opens or after it closes, the verdict, the alert, the
 * window's totals, the facility's count and the consumer's page all come out as one direct
 * count over the sorted, de-duplicated readings.
 */

const MINUTE = 60_000;
const SPAN = 30 * MINUTE;
const CARTONS = ['ctn-001', 'ctn-002', 'ctn-003'];
const RANGE = { minC: plumRules.storage!.minC, maxC: plumRules.storage!.maxC };
const STAY = `shp-in@${HUB_STORE}|${BATCH_ID}`;
const iso = (ms: number) => new Date(ms).toISOString();

/** mulberry32: a small seeded generator, so every case can be run again from its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const shuffle = <T>(items: T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { next, int, shuffle };
}

type Reading = { at: string; temperatureC: number };
type Step = { kind: 'open' } | { kind: 'close' } | { kind: 'upload'; deviceId: string; readings: Reading[] };

interface Case {
  fromMs: number;
  toMs?: number;
  loggers: Map<string, Reading[]>;
  steps: Step[];
}

/** A stay at the hub of one to six hours, one or two loggers reading around it, and the order it all arrives in. */
function generate(seed: number): Case {
  const rnd = random(seed);
  // Some stays cross midnight UTC, so closed windows are filed under two days.
  const fromMs = Date.parse('2025-06-19T20:00:00.000Z') + rnd.int(0, 36) * 10 * MINUTE;
  const toMs = rnd.next() < 0.2 ? undefined : fromMs + rnd.int(6, 36) * 10 * MINUTE;
  const loggers = new Map<string, Reading[]>();
  for (const deviceId of rnd.next() < 0.5 ? ['TL-A'] : ['TL-A', 'TL-B']) {
    const readings: Reading[] = [];
    let t = fromMs - rnd.int(0, 12) * 10 * MINUTE + rnd.int(0, 9) * MINUTE;
    let warm = false;
    while (t < (toMs ?? fromMs + 4 * 60 * MINUTE) + 90 * MINUTE) {
      if (rnd.next() < 0.15) warm = !warm;
      readings.push({ at: iso(t), temperatureC: warm ? 6 + rnd.int(0, 30) / 10 : 1 + rnd.int(0, 30) / 10 });
      // Mostly every 5 to 15 minutes; now and then the logger falls silent for longer than a reading speaks for.
      t += (rnd.next() < 0.08 ? rnd.int(31, 90) : rnd.int(5, 15)) * MINUTE;
    }
    loggers.set(deviceId, readings);
  }

  const uploads: Step[] = [];
  for (const [deviceId, readings] of loggers) {
    const order = rnd.next() < 0.5 ? readings : rnd.shuffle(readings);
    const cuts = [...new Set(Array.from({ length: rnd.int(0, 5) }, () => rnd.int(1, order.length - 1)))].sort((a, b) => a - b);
    const files = [0, ...cuts, order.length].slice(1).map((end, i, ends) => order.slice(i === 0 ? 0 : ends[i - 1], end));
    // Retries and late syncs: some files sent again, some readings sent again in a file of their own.
    const again = files.filter(() => rnd.next() < 0.3);
    const odd = rnd.next() < 0.4 ? [rnd.shuffle(readings).slice(0, rnd.int(1, 5))] : [];
    for (const file of [...files, ...again, ...odd]) uploads.push({ kind: 'upload', deviceId, readings: file });
  }
  const steps = rnd.shuffle(uploads);
  const open = rnd.int(0, steps.length);
  steps.splice(open, 0, { kind: 'open' });
  if (toMs !== undefined) steps.splice(rnd.int(open + 1, steps.length), 0, { kind: 'close' });
  return { fromMs, toMs, loggers, steps };
}

/**
 * The reference: each logger's readings inside the stay, sorted and de-duplicated, counted
 * reading by reading: one out of range speaks until the next (or the end of a closed stay),
 * for 30 minutes at most; a reading in range or a silence ends an excursion. The worst logger speaks.
 */
function directCount(c: Case) {
  let count = 0;
  let minC = Infinity;
  let maxC = -Infinity;
  let outMs = 0;
  let longestMs = 0;
  for (const readings of c.loggers.values()) {
    const inside = readings
      .map((r) => ({ ms: Date.parse(r.at), c: r.temperatureC }))
      .filter((r) => r.ms >= c.fromMs && (c.toMs === undefined || r.ms < c.toMs));
    let out = 0;
    let run = 0;
    inside.forEach((r, i) => {
      count++;
      minC = Math.min(minC, r.c);
      maxC = Math.max(maxC, r.c);
      const next = i + 1 < inside.length ? inside[i + 1].ms : c.toMs;
      const gap = next === undefined ? 0 : next - r.ms;
      if (r.c < RANGE.minC || r.c > RANGE.maxC) {
        out += Math.min(gap, SPAN);
        run += Math.min(gap, SPAN);
        longestMs = Math.max(longestMs, run);
      } else run = 0;
      if (gap > SPAN) run = 0;
    });
    outMs = Math.max(outMs, out);
  }
  return {
    readings: count,
    ...(count > 0 && { minC, maxC }),
    minutesOutOfRange: Math.round(outMs / MINUTE),
    longestExcursionMinutes: Math.round(longestMs / MINUTE),
  };
}

/** The read side of one hub and one batch, fed event by event as the projector feeds it. */
function project(c: Case): Store {
  const store = new Store(
    ['compliance', complianceDoc()],
    ['standards', standard()],
    ['facilities', { id: HUB_STORE, type: 'county_hub', name: '乐昌市县级物流中心冷库', ownerId: 'org-logistics', region: {} }],
    ...CARTONS.map((id): [string, { id: string; batchId: string }] => ['cartons', { id, batchId: BATCH_ID }]),
  );
  c.steps.forEach((step, n) => {
    const recordedAt = iso(Date.parse('2025-06-25T00:00:00.000Z') + n * MINUTE);
    let event: RecordedEvent;
    if (step.kind === 'upload') {
      const decided = decideColdChainReadings({
        type: 'RecordColdChainReadings',
        actor: { organizationId: 'org-logistics', role: 'logistics', keyId: 'key-1' } as never,
        facility: { id: HUB_STORE, ownerId: 'org-logistics', type: 'county_hub' },
        deviceId: step.deviceId,
        readings: step.readings,
        now: '2030-01-01T00:00:00.000Z',
      });
      event = recorded(n, decided.type, decided.data, decided.data.readings[decided.data.readings.length - 1].at, recordedAt);
    } else if (step.kind === 'open') {
      const data = { shipmentId: 'shp-in', facilityId: HUB_STORE, cartonIds: CARTONS, receivedAt: iso(c.fromMs), condition: 'intact' };
      event = recorded(n, 'ShipmentReceived', data, data.receivedAt, recordedAt);
    } else {
      const data = {
        shipmentId: 'shp-out',
        fromFacilityId: HUB_STORE,
        toFacilityId: 'fac-village',
        cartonIds: CARTONS,
        dispatchedAt: iso(c.toMs!),
      };
      event = recorded(n, 'ShipmentDispatched', data, data.dispatchedAt, recordedAt);
    }
    for (const projection of [coldChainProjection, complianceProjection] as AnyProjection[]) {
      if (!projection.eventTypes.includes(event.type)) continue;
      for (const w of projection.apply(event, store)) if (w.doc) store.put(w.collection, w.id, w.doc);
    }
  });
  return store;
}

function recorded(n: number, type: string, data: object, occurredAt: string, recordedAt: string): RecordedEvent {
  return {
    id: `evt-${n}`,
    type,
    streamId: 'stream',
    revision: n,
    position: n + 1,
    hash: `hash-${n}`,
    data,
    metadata: { occurredAt, recordedAt, organizationId: 'org', keyId: 'key' },
  };
}

/** The store as the scan service reads it. */
function asDocumentStore(store: Store): DocumentStore {
  return {
    get: async (collection: string, id: string) => store.get(collection, id),
    getMany: async (refs: { collection: string; id: string }[]) =>
      new Map(refs.map((r) => [docKey(r.collection, r.id), store.get(r.collection, r.id)])),
  } as unknown as DocumentStore;
}

describe('one cold-chain truth', () => {
  const seeds = Array.from({ length: 300 }, (_, i) => 20_250_619 + i * 7919);

  it.each(seeds)('counts a stay alike whatever order and split its readings arrive in (seed %i)', async (seed) => {
    const c = generate(seed);
    const expected = directCount(c);
    const store = project(c);

    const doc = store.get<BatchComplianceView>('compliance', BATCH_ID)!;
    const summary = doc.windows[STAY];
    const {
      readings: windowCount,
      minC: windowMin,
      maxC: windowMax,
      minutesOutOfRange: windowOut,
      longestExcursionMinutes: windowLongest,
    } = summary;
    expect({
      readings: windowCount,
      minC: windowMin,
      maxC: windowMax,
      minutesOutOfRange: windowOut,
      longestExcursionMinutes: windowLongest,
    }).toEqual({ minC: undefined, maxC: undefined, ...expected });
    expect(summary.to).toBe(c.toMs === undefined ? undefined : iso(c.toMs));

    // The verdict and its alert are those of the direct count.
    const storage = batchVerdict(doc, standard()).find((r) => r.rule === 'storage')!;
    const reference = evaluateTemperature('storage', plumRules.storage!, [{ ...summary, ...expected }], false);
    expect({ status: storage.status, reason: storage.reason }).toEqual({ status: reference.status, reason: reference.reason });
    const alert = store.get<AlertView>('alerts', alertId(BATCH_ID, 'storage'));
    // (An alert raised while readings past the stay's end still counted is resolved once it closed.)
    expect(alert?.status === 'open').toBe(storage.status === 'violated');

    // The facility counts each logger's reading of a time once.
    const distinct = [...c.loggers.values()].reduce((n, readings) => n + readings.length, 0);
    expect(store.get<ColdChainIndexView>('coldchain', HUB_STORE)!.count).toBe(distinct);

    // The consumer's page, from the same stored readings, shows the same numbers.
    const to = c.toMs === undefined ? undefined : iso(c.toMs);
    const readings = await readingsBetween(asDocumentStore(store), HUB_STORE, iso(c.fromMs), to);
    const page = summarizeColdChain(
      [{ facilityId: HUB_STORE, facilityName: '冷库', from: iso(c.fromMs), to, range: RANGE }],
      new Map([[HUB_STORE, readings]]),
    );
    const { readings: count, minC, maxC, minutesOutOfRange, longestExcursionMinutes } = page.segments[0];
    expect({ readings: count, minC, maxC, minutesOutOfRange, longestExcursionMinutes }).toEqual({
      minC: undefined,
      maxC: undefined,
      ...expected,
    });
  });

  it('meets stays that cross midnight UTC, excursions, silences, two loggers and uploads after the close among its cases', () => {
    const cases = seeds.map(generate);
    const expectations = cases.map(directCount);
    expect(
      cases.filter((c) => c.toMs !== undefined && new Date(c.fromMs).getUTCDate() !== new Date(c.toMs).getUTCDate()).length,
    ).toBeGreaterThan(20);
    expect(cases.filter((c) => c.loggers.size === 2).length).toBeGreaterThan(100);
    expect(expectations.filter((e) => e.longestExcursionMinutes > 30).length).toBeGreaterThan(50);
    expect(expectations.filter((e) => e.minutesOutOfRange === 0).length).toBeGreaterThan(5);
    const afterClose = cases.filter(
      (c) => c.steps.findIndex((s) => s.kind === 'close') >= 0 && c.steps.findIndex((s) => s.kind === 'close') < c.steps.length - 1,
    );
    expect(afterClose.length).toBeGreaterThan(100);
    const beforeOpen = cases.filter((c) => c.steps.findIndex((s) => s.kind === 'open') > 0);
    expect(beforeOpen.length).toBeGreaterThan(200);
  });
});
