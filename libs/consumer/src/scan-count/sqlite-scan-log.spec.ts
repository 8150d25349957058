import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanLog, ScanRecord } from './scan-log.port';
import { ScanRecorder } from './scan-recorder';
import { SqliteScanLog } from './sqlite-scan-log';

const at = (iso: string) => Date.parse(iso);
const scan = (more: Partial<ScanRecord>): ScanRecord => ({
  at: at('2026-12-04T02:00:00Z'),
  code: 'AAAAAAAAAAAAAAAA',
  issued: true,
  chain: false,
  client: 'c1',
  ownerId: 'org-a',
  productId: 'prd-plum',
  flags: 0,
  ...more,
});

describe('SqliteScanLog', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'scan-log-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps scans and its salt across a reopening, and replays them in order', async () => {
    const file = join(dir, 'scans.sqlite');
    const first = SqliteScanLog.open(file);
    const salt = await first.salt();
    await first.append([scan({ client: 'c1', place: '韶关' }), scan({ client: 'c2', chain: true })]);
    await first.close();
    const again = SqliteScanLog.open(file);
    expect(await again.salt()).toEqual(salt);
    const replayed: ScanRecord[] = [];
    await again.replay((r) => replayed.push(r));
    expect(replayed).toEqual([scan({ client: 'c1', place: '韶关' }), scan({ client: 'c2', chain: true })]);
    await again.close();
  });

  it("gives an owner its own flagged codes only, by China day and place; a regulator everyone's and the unissued", async () => {
    const log = SqliteScanLog.open(join(dir, 'scans.sqlite'));
    await log.append([
      scan({ client: 'c1', place: '北京', flags: 1, at: at('2026-12-03T17:00:00Z') }),
      scan({ client: 'c2', place: '北京', flags: 1, at: at('2026-12-03T18:00:00Z') }),
      scan({ client: 'c3', flags: 0 }),
      scan({ code: 'BBBBBBBBBBBBBBBB', ownerId: 'org-b', client: 'c1', flags: 4 }),
      scan({ code: 'CCCCCCCCCCCCCCCC', issued: false, ownerId: undefined, productId: undefined, client: 'c9', place: '上海' }),
      scan({ chain: true, client: 'station', flags: 1 }),
    ]);
    const window = { from: at('2026-12-01T00:00:00Z'), to: at('2026-12-05T00:00:00Z') };
    const own = await log.signals({ ...window, ownerId: 'org-a' });
    expect(own.unissued).toBeUndefined();
    // 01:00 and 02:00 on 4 December, Beijing time.
    expect(own.flagged).toEqual([{ day: '2026-12-04', place: '北京', scans: 2, clients: 2, codes: 1 }]);
    expect(own.flaggedCodes).toEqual([
      expect.objectContaining({ code: 'AAAAAAAAAAAAAAAA', ownerId: 'org-a', scans: 2, clients: 2, places: 1, flags: 1 }),
    ]);
    const all = await log.signals(window);
    expect(all.unissued).toEqual([{ day: '2026-12-04', place: '上海', scans: 1, clients: 1, codes: 1 }]);
    expect(all.flaggedCodes.map((c) => c.code).sort()).toEqual(['AAAAAAAAAAAAAAAA', 'BBBBBBBBBBBBBBBB']);
    await log.close();
  });

  it('counts scans of voided codes apart from the copied-code warnings, by day and place, and lists those codes', async () => {
    const log = SqliteScanLog.open(join(dir, 'scans.sqlite'));
    await log.append([
      scan({ code: 'VVVVVVVVVVVVVVVV', client: 'c1', place: '广州', flags: 8 }),
      scan({ code: 'VVVVVVVVVVVVVVVV', client: 'c2', place: '广州', flags: 8 | 1 }),
      scan({ code: 'AAAAAAAAAAAAAAAA', client: 'c3', flags: 2 }),
      scan({ code: 'VVVVVVVVVVVVVVVV', chain: true, client: 'station', flags: 8 }),
    ]);
    const window = { from: at('2026-12-01T00:00:00Z'), to: at('2026-12-05T00:00:00Z') };
    const own = await log.signals({ ...window, ownerId: 'org-a' });
    expect(own.voided).toEqual([{ day: '2026-12-04', place: '广州', scans: 2, clients: 2, codes: 1 }]);
    expect(own.flagged).toEqual([
      { day: '2026-12-04', place: null, scans: 1, clients: 1, codes: 1 },
      { day: '2026-12-04', place: '广州', scans: 1, clients: 1, codes: 1 },
    ]);
    expect(own.flaggedCodes.find((c) => c.code === 'VVVVVVVVVVVVVVVV')).toMatchObject({ scans: 2, clients: 2, flags: 9 });
    expect((await log.signals({ ...window, ownerId: 'org-b' })).voided).toEqual([]);
    await log.close();
  });

  it("lists reports of an owner's items to that owner, all to a regulator", async () => {
    const log = SqliteScanLog.open(join(dir, 'scans.sqlite'));
    const base = { at: at('2026-12-04T02:00:00Z'), code: 'AAAAAAAAAAAAAAAA', kind: 'suspected_fake' as const, client: 'c1' };
    await log.addReport({ ...base, id: 'r1', description: '假的', contact: '138', ownerId: 'org-a', productId: 'p' });
    await log.addReport({ ...base, id: 'r2', description: 'other', ownerId: 'org-b' });
    const window = { from: at('2026-12-01T00:00:00Z'), to: at('2026-12-05T00:00:00Z') };
    expect((await log.reports({ ...window, ownerId: 'org-a' })).map((r) => r.id)).toEqual(['r1']);
    expect((await log.reports(window)).map((r) => r.id).sort()).toEqual(['r1', 'r2']);
    expect((await log.reports({ ...window, ownerId: 'org-b' }))[0]).toEqual({ ...base, id: 'r2', description: 'other', ownerId: 'org-b' });
    await log.close();
  });
});

describe('ScanRecorder', () => {
  const failing = (failures: number, into: ScanRecord[]): ScanLog =>
    ({
      async append(records: readonly ScanRecord[]) {
        if (failures-- > 0) throw new Error('disk full');
        into.push(...records);
      },
    }) as unknown as ScanLog;

  it('writes nothing until flushed, then everything that waited, in order', async () => {
    const written: ScanRecord[] = [];
    const recorder = new ScanRecorder(failing(0, written), () => undefined, { intervalMs: 60_000, maxBatch: 100, maxHeld: 100 });
    recorder.add(scan({ client: 'a' }));
    recorder.add(scan({ client: 'b' }));
    expect(written).toHaveLength(0);
    await recorder.stop();
    expect(written.map((r) => r.client)).toEqual(['a', 'b']);
  });

  it('keeps a refused batch for the next flush, dropping the oldest beyond its bound, and says how many', async () => {
    const written: ScanRecord[] = [];
    const errors: number[] = [];
    const recorder = new ScanRecorder(failing(1, written), (_, dropped) => errors.push(dropped), {
      intervalMs: 60_000,
      maxBatch: 100,
      maxHeld: 2,
    });
    for (const client of ['a', 'b', 'c']) recorder.add(scan({ client }));
    await recorder.flush();
    expect(errors).toEqual([1]);
    await recorder.flush();
    expect(written.map((r) => r.client)).toEqual(['b', 'c']);
  });
});
