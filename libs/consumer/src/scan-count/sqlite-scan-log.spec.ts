import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealPersonalData } from '@suyuan/platform';
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

  it("gives owners their own flagged codes only, by China day and place; with the unissued when asked; everyone's to no owners named", async () => {
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
    const own = await log.signals({ ...window, owners: ['org-a'], unissued: false });
    expect(own.unissued).toBeUndefined();
    // 01:00 and 02:00 on 4 December, Beijing time.
    expect(own.flagged).toEqual([{ day: '2026-12-04', place: '北京', scans: 2, clients: 2, codes: 1 }]);
    expect(own.flaggedCodes).toEqual([
      expect.objectContaining({ code: 'AAAAAAAAAAAAAAAA', ownerId: 'org-a', scans: 2, clients: 2, places: 1, flags: 1 }),
    ]);
    expect((await log.signals({ ...window, owners: ['org-a', 'org-b'], unissued: false })).flaggedCodes).toHaveLength(2);
    expect((await log.signals({ ...window, owners: [], unissued: true })).flaggedCodes).toEqual([]);
    const all = await log.signals({ ...window, unissued: true });
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
    const own = await log.signals({ ...window, owners: ['org-a'], unissued: false });
    expect(own.voided).toEqual([{ day: '2026-12-04', place: '广州', scans: 2, clients: 2, codes: 1 }]);
    expect(own.flagged).toEqual([
      { day: '2026-12-04', place: null, scans: 1, clients: 1, codes: 1 },
      { day: '2026-12-04', place: '广州', scans: 1, clients: 1, codes: 1 },
    ]);
    expect(own.flaggedCodes.find((c) => c.code === 'VVVVVVVVVVVVVVVV')).toMatchObject({ scans: 2, clients: 2, flags: 9 });
    expect((await log.signals({ ...window, owners: ['org-b'], unissued: false })).voided).toEqual([]);
    await log.close();
  });

  it("lists reports of the owners' items, newest first, a page at a time, with the contact sealed", async () => {
    const log = SqliteScanLog.open(join(dir, 'scans.sqlite'));
    const base = { code: 'AAAAAAAAAAAAAAAA', kind: 'suspected_fake' as const, client: 'c1' };
    const sealedContact = sealPersonalData(Buffer.alloc(32, 7), 'problem-report:r1', '138');
    const r1 = { ...base, at: at('2026-12-04T02:00:00Z'), id: 'r1', description: '假的', sealedContact, ownerId: 'org-a', productId: 'p' };
    await log.addReport(r1);
    await log.addReport({ ...base, at: at('2026-12-04T03:00:00Z'), id: 'r2', description: 'other', ownerId: 'org-b' });
    await log.addReport({ ...base, at: at('2026-12-04T03:00:00Z'), id: 'r3', description: 'third', ownerId: 'org-b' });
    const window = { from: at('2026-12-01T00:00:00Z'), to: at('2026-12-05T00:00:00Z'), unissued: false, limit: 10 };
    expect((await log.reports({ ...window, owners: ['org-a'] })).map((r) => r.id)).toEqual(['r1']);
    expect((await log.reports(window)).map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
    const first = await log.reports({ ...window, limit: 2 });
    expect(first.map((r) => r.id)).toEqual(['r3', 'r2']);
    expect((await log.reports({ ...window, before: { at: first[1].at, id: first[1].id } })).map((r) => r.id)).toEqual(['r1']);
    expect(await log.report('r1')).toEqual(r1);
    expect(JSON.stringify(await log.report('r1'))).not.toContain('138');
    await log.dropContact('r1');
    expect((await log.report('r1'))?.sealedContact).toBeUndefined();
    await log.close();
  });

  it('finds the contacts an earlier version kept in clear, to be sealed', async () => {
    const file = join(dir, 'scans.sqlite');
    const log = SqliteScanLog.open(file);
    await log.addReport({ id: 'old', at: 1, code: 'AAAAAAAAAAAAAAAA', kind: 'quality', description: 'x', client: 'c', ownerId: 'org-a' });
    await log.close();
    const raw = new Database(file);
    raw.prepare("UPDATE reports SET contact = '13800000000' WHERE id = 'old'").run();
    raw.close();
    const again = SqliteScanLog.open(file);
    expect(await again.clearContacts()).toEqual([{ id: 'old', contact: '13800000000' }]);
    await again.sealContact('old', sealPersonalData(Buffer.alloc(32, 1), 'problem-report:old', '13800000000'));
    expect(await again.clearContacts()).toEqual([]);
    await again.close();
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
