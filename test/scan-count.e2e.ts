import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCounter } from '@suyuan/consumer/scan-count/scan-counter';
import Database from 'better-sqlite3';
import { ApiClient, Call, renhua } from '../apps/cli/src/world';
import { Org, expectOk, registerCountyOrg, registerOrg } from './support/fixtures';
import { SmallWorld, harvestedBatch, pack, smallWorld } from './support/small-world';
import { plumRules, publishPlumStandard } from './support/standards';
import { TestApp, startTestApp } from './support/test-app';

/** The world's clock: a day after the plums were packed, moved on by the tests. */
let now = Date.parse('2026-07-16T10:00:00+08:00');
const clock = { now: () => new Date(now) };
const MINUTE = 60_000;

/** A scan from a phone on its own network (the app trusts X-Forwarded-For, as behind its proxy). */
async function scan(
  app: TestApp,
  code: string,
  network: number,
  options: { loc?: string; headers?: Record<string, string>; html?: boolean } = {},
) {
  const query = options.loc ? `?loc=${encodeURIComponent(options.loc)}` : '';
  const answer = await fetch(`${app.baseUrl}/t/${code}${query}`, {
    headers: {
      'x-forwarded-for': `198.51.${network}.7`,
      ...(options.html ? { 'accept-language': 'zh' } : { accept: 'application/json' }),
      ...options.headers,
    },
  });
  return options.html ? answer.text() : ((await answer.json()) as any).scans;
}

describe('scans counted, anomalies caught (over HTTP)', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let regulator: Org;
  let stranger: Org;
  let renhuaRegulator: Org;
  let batchId: string;
  let codes: string[];
  const dataDir = mkdtempSync(join(tmpdir(), 'suyuan-scan-count-'));

  beforeAll(async () => {
    app = await startTestApp({ clock, dataDir });
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call);
    regulator = await registerCountyOrg(call, 'regulator');
    stranger = await registerOrg(call, 'cooperative', '另一个合作社');
    renhuaRegulator = await registerOrg(call, 'regulator', '仁化县市场监督管理局', { region: renhua() });
    batchId = await harvestedBatch(call, w);
    codes = (await pack(call, w, batchId, 8, 4)).items.map((i: { code: string }) => i.code);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('numbers consumers by network, keeps a returning one its number, and says when the code was first checked', async () => {
    const [code] = codes;
    expect(await scan(app, code, 1)).toEqual({
      ordinal: 1,
      consumers: 1,
      places: 0,
      firstScannedAt: new Date(now).toISOString(),
      chain: false,
      warnings: [],
    });
    now += 5 * MINUTE;
    expect(await scan(app, code, 2)).toMatchObject({ ordinal: 2, consumers: 2 });
    // Another address on the first network is the same consumer.
    const again = await fetch(`${app.baseUrl}/t/${code}`, { headers: { 'x-forwarded-for': '198.51.1.250', accept: 'application/json' } });
    expect(((await again.json()) as any).scans).toMatchObject({ ordinal: 1, consumers: 2 });
    const page = await scan(app, code, 3, { html: true });
    expect(page).toContain('您是第 3 位查询者，首次查询于 2026-07-16 10:00');
    const en = await (await fetch(`${app.baseUrl}/t/${code}?lang=en`, { headers: { 'x-forwarded-for': '198.51.3.9' } })).text();
    expect(en).toContain('You are person no. 3 to check this code; first checked 2026-07-16 10:00');
  });

  it('counts the fast lane and the framework route alike (a lower-case code takes the route)', async () => {
    const [, code] = codes;
    expect(await scan(app, code, 10)).toMatchObject({ ordinal: 1 });
    expect(await scan(app, code.toLowerCase(), 11)).toMatchObject({ ordinal: 2, consumers: 2 });
    expect(await scan(app, code.toLowerCase(), 10)).toMatchObject({ ordinal: 1, consumers: 2 });
  });

  it("counts the chain's own scans apart: no number, no consumer, no warning", async () => {
    const [, , code] = codes;
    for (let network = 20; network < 40; network++) {
      const scans = await scan(app, code, network, { headers: { authorization: `Bearer ${w.packer.key}` } });
      expect(scans).toMatchObject({ consumers: 0, chain: true, warnings: [] });
      expect(scans.ordinal).toBeUndefined();
    }
    expect(await scan(app, code, 40, { headers: { 'x-suyuan-scanner': 'station' } })).toMatchObject({ consumers: 0, chain: true });
    expect(await scan(app, code, 41)).toMatchObject({ ordinal: 1, consumers: 1, warnings: [] });
    expect(await scan(app, code, 41, { html: true, headers: { 'x-api-key': w.coop.key } })).toContain(
      '供应链内部扫描，不计入查询人数 · 已有 1 位消费者查询',
    );
  });

  it('warns once more consumers than the product allows have scanned the code (a plum: 10), on the page too', async () => {
    const [, , , code] = codes;
    for (let network = 50; network < 60; network++) expect((await scan(app, code, network)).warnings).toEqual([]);
    expect(await scan(app, code, 60)).toMatchObject({ ordinal: 11, warnings: ['many_consumers'] });
    const page = await scan(app, code, 61, { html: true });
    expect(page).toContain('⚠ 此码可能被复制');
    expect(page).toContain('已有 12 个不同网络的查询者扫描此码');
    expect(page).toContain('12315');
  });

  it('counts one place per consumer: one client naming ten cities raises nothing, four consumers in four cities do', async () => {
    const [, , , , code] = codes;
    for (const [i, loc] of ['北京市', '上海', '广州', '深圳', '成都'].entries()) {
      now += MINUTE;
      expect(await scan(app, code, 70, { loc })).toMatchObject({ places: 1, warnings: [] });
      expect(i).toBeLessThan(5);
    }
    await scan(app, code, 71, { loc: '北京' });
    await scan(app, code, 72, { loc: 'Shanghai' });
    expect(await scan(app, code, 73, { loc: '韶关市' })).toMatchObject({ places: 3, warnings: [] });
    expect(await scan(app, code, 74, { loc: '成都' })).toMatchObject({ places: 4, warnings: ['many_places'] });
  });

  it('answers a scan with a place that is no city as any other (the hint is dropped)', async () => {
    const [, , , , , code] = codes;
    const answer = await fetch(`${app.baseUrl}/t/${code}?loc=%3Cscript%3E&loc=x`, { headers: { accept: 'application/json' } });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as any).scans).toMatchObject({ places: 0 });
  });

  it('warns of a scan long after the item should have been sold (a plum: 30 days after packing)', async () => {
    const [, code] = codes;
    now = Date.parse('2026-08-20T10:00:00+08:00');
    expect(await scan(app, code, 12)).toMatchObject({ ordinal: 3, warnings: ['past_shelf_life'] });
    expect(await scan(app, code, 12, { headers: { authorization: `Bearer ${w.packer.key}` } })).toMatchObject({ warnings: [] });
  });

  it("takes the product's own limit from its standard's scans rule over the category's default", async () => {
    const code = codes[5];
    const owner = await registerCountyOrg(call, 'eCommerce');
    await publishPlumStandard(call, owner, w.plum, { ...plumRules(), scans: { maxConsumers: 2 } });
    expect(await scan(app, code, 80)).toMatchObject({ consumers: 2, warnings: ['past_shelf_life'] });
    expect(await scan(app, code, 81)).toMatchObject({ consumers: 3, warnings: ['many_consumers', 'past_shelf_life'] });
  });

  it('shows the brand owner its own signals and reports, the county’s regulator those and the unissued codes, and refuses another organization (403)', async () => {
    await fetch(`${app.baseUrl}/t/0000000000000000?loc=广州`, { headers: { 'x-forwarded-for': '198.51.99.1' } });
    const reported = await call('POST', `/t/${codes[3]}/report`, {
      body: { kind: 'suspected_fake', description: '同一个码印在很多袋子上' },
    });
    expect(reported.status).toBe(201);
    await app.running.app.get(ScanCounter).flush();
    const window = 'from=2026-07-01&to=2026-08-31';
    const own = await expectOk(call('GET', `/api/counterfeit-signals?${window}`, { key: w.coop.key }));
    expect(own.unissued).toBeUndefined();
    expect(own.flaggedCodes.map((c: { code: string }) => c.code).sort()).toEqual([codes[1], codes[3], codes[4], codes[5]].sort());
    expect(own.flaggedCodes.find((c: { code: string }) => c.code === codes[3])).toMatchObject({ clients: 2, warnings: ['many_consumers'] });
    expect(own.flagged.some((d: { day: string }) => d.day === '2026-07-16')).toBe(true);
    const all = await expectOk(call('GET', `/api/counterfeit-signals?${window}`, { key: regulator.key }));
    expect(all.unissued).toEqual([{ day: '2026-08-20', place: '广州', scans: 1, clients: 1, codes: 1 }]);
    expect((await call('GET', `/api/counterfeit-signals?organizationId=${w.coop.id}`, { key: stranger.key })).status).toBe(403);
    expect((await expectOk(call('GET', `/api/counterfeit-signals?${window}`, { key: stranger.key }))).flaggedCodes).toEqual([]);
    expect((await call('GET', '/api/counterfeit-signals?from=yesterday', { key: regulator.key })).body.details).toEqual({ field: 'from' });
    const reports = await expectOk(call('GET', `/api/problem-reports?${window}`, { key: w.coop.key }));
    expect(reports).toEqual([expect.objectContaining({ code: codes[3], kind: 'suspected_fake', description: '同一个码印在很多袋子上' })]);
    expect(reports[0].client).toBeUndefined();
    expect(await expectOk(call('GET', `/api/problem-reports?${window}`, { key: regulator.key }))).toHaveLength(1);
    expect(await expectOk(call('GET', `/api/problem-reports?${window}`, { key: stranger.key }))).toEqual([]);
    expect((await call('GET', `/api/problem-reports?organizationId=${w.coop.id}`, { key: stranger.key })).status).toBe(403);
  });

  it('keeps a regulator to its own jurisdiction: another county’s regulator sees none of these signals or reports', async () => {
    const window = 'from=2026-07-01&to=2026-08-31';
    const elsewhere = await expectOk(call('GET', `/api/counterfeit-signals?${window}`, { key: renhuaRegulator.key }));
    expect([elsewhere.flaggedCodes, elsewhere.voided, elsewhere.flagged]).toEqual([[], [], []]);
    // Scans of codes never issued belong to no county: every regulator sees them.
    expect(elsewhere.unissued).toHaveLength(1);
    expect(await expectOk(call('GET', `/api/problem-reports?${window}`, { key: renhuaRegulator.key }))).toEqual([]);
    const named = await call('GET', `/api/problem-reports?organizationId=${w.coop.id}`, { key: renhuaRegulator.key });
    expect([named.status, named.body.code]).toEqual([403, 'not_your_items']);
  });

  it('seals a reporter’s contact (never in clear on disk), shows it to the owner and the regulator, and erases it on request', async () => {
    const window = 'from=2026-07-01&to=2026-08-31';
    const phone = '13912345678';
    const taken = await expectOk(
      call('POST', `/t/${codes[5]}/report`, { body: { kind: 'quality', description: '果子有异味', contact: phone } }),
    );
    const onDisk = new Database(join(dataDir, 'scans.sqlite'), { readonly: true });
    const stored = onDisk.prepare('SELECT contact FROM reports WHERE id = ?').get(taken.id) as { contact: string };
    onDisk.close();
    expect(stored.contact).not.toContain(phone);
    const listed = async (key: string) =>
      (await expectOk(call('GET', `/api/problem-reports?${window}`, { key }))).find((r: { id: string }) => r.id === taken.id);
    expect(await listed(w.coop.key)).toMatchObject({ contact: phone, description: '果子有异味' });
    expect(await listed(regulator.key)).toMatchObject({ contact: phone });
    const refused = await call('DELETE', `/api/problem-reports/${taken.id}/contact`, { key: stranger.key });
    expect([refused.status, refused.body.code]).toEqual([403, 'not_your_report']);
    expect((await call('DELETE', '/api/problem-reports/no-such-report/contact', { key: regulator.key })).status).toBe(404);
    expect((await call('DELETE', `/api/problem-reports/${taken.id}/contact`, { key: w.coop.key })).status).toBe(204);
    const erased = await listed(regulator.key);
    expect(erased.contact).toBeUndefined();
    expect(erased.description).toBe('果子有异味');
  });

  it('lists reports a page at a time, newest first, the next page named by X-Next-Cursor', async () => {
    const window = 'from=2026-07-01&to=2026-08-31';
    const all = await expectOk(call('GET', `/api/problem-reports?${window}`, { key: regulator.key }));
    expect(all.length).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Response = await fetch(
        `${app.baseUrl}/api/problem-reports?${window}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers: { authorization: `Bearer ${regulator.key}` } },
      );
      const body = (await page.json()) as { id: string }[];
      expect(body.length).toBeLessThanOrEqual(1);
      seen.push(...body.map((r) => r.id));
      cursor = page.headers.get('x-next-cursor');
    } while (cursor);
    expect(seen).toEqual(all.map((r: { id: string }) => r.id));
    const bad = await call('GET', `/api/problem-reports?cursor=yesterday`, { key: regulator.key });
    expect([bad.status, bad.body.details]).toEqual([400, { field: 'cursor' }]);
    expect((await call('GET', `/api/problem-reports?limit=501`, { key: regulator.key })).body.details).toEqual({ field: 'limit' });
  });

  it('takes a problem report from the page’s plain form, and names the field of a bad one (400)', async () => {
    const form = await fetch(`${app.baseUrl}/t/${codes[0]}/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ kind: 'quality', description: '有一个坏果\r\n已拍照', contact: '', lang: 'en' }).toString(),
    });
    expect(form.status).toBe(201);
    expect(await form.text()).toContain('your report goes to the brand owner and the regulator');
    const bad = async (body: object) => (await call('POST', `/t/${codes[0]}/report`, { body })).body;
    expect((await bad({ kind: 'spam', description: 'x' })).details.fields[0].field).toBe('kind');
    expect((await bad({ kind: 'other' })).details.fields[0].field).toBe('description');
    expect((await bad({ kind: 'other', description: 'x'.repeat(501) })).details.fields[0].field).toBe('description');
    expect((await bad({ kind: 'other', description: 'x', contact: 'y'.repeat(101) })).details.fields[0].field).toBe('contact');
    expect((await call('POST', '/t/0000000000000000/report', { body: { kind: 'other', description: 'x' } })).status).toBe(404);
  });

  it('checks a 防伪码 the owner lists (no one else), locks a guessing client with the time it unlocks, and never tells the code', async () => {
    expect((await call('GET', `/api/batches/${batchId}/verification-codes`, { key: stranger.key })).status).toBe(403);
    const listed = await expectOk(call('GET', `/api/batches/${batchId}/verification-codes?limit=2`, { key: w.coop.key }));
    expect(listed).toMatchObject({ batchId, total: 8, offset: 0 });
    expect(listed.items).toHaveLength(2);
    const one = await expectOk(call('GET', `/api/batches/${batchId}/verification-codes?code=${codes[2]}`, { key: w.coop.key }));
    expect(one.items).toEqual([{ code: codes[2], verificationCode: expect.stringMatching(/^\d{8}$/) }]);
    const none = await call('GET', `/api/batches/${batchId}/verification-codes?code=0000000000000000`, { key: w.coop.key });
    expect([none.status, none.body.code]).toEqual([404, 'item_not_found']);
    const { code, verificationCode } = listed.items[0];
    const verify = (typed: string, network: number): Promise<{ status: number; headers: Headers; json(): Promise<any> }> =>
      fetch(`${app.baseUrl}/t/${code}/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': `203.0.${network}.1` },
        body: JSON.stringify({ verificationCode: typed }),
      });
    expect(await (await verify(verificationCode, 1)).json()).toEqual({ code, verified: true });
    const wrong = String((Number(verificationCode) + 1) % 1e8).padStart(8, '0');
    const tries: { attemptsLeft: number }[] = [];
    for (let i = 0; i < 5; i++) tries.push(await (await verify(wrong, 2)).json());
    expect(tries.map((t) => t.attemptsLeft)).toEqual([4, 3, 2, 1, 0]);
    expect(JSON.stringify(tries)).not.toContain(verificationCode);
    const locked = await verify(verificationCode, 2);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60);
    expect((await locked.json()).details).toEqual({ unlocksAt: new Date(now + 15 * MINUTE).toISOString() });
    expect(await (await verify(verificationCode, 3)).json()).toEqual({ code, verified: true });
    expect((await (await verify('1234', 3)).json()).details).toEqual({ field: 'verificationCode' });
    const form = await fetch(`${app.baseUrl}/t/${code}/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.4.1' },
      body: `verificationCode=${verificationCode.slice(0, 4)}+${verificationCode.slice(4)}&lang=zh`,
    });
    expect(form.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await form.text()).toContain('防伪码正确');
  });

  it('cannot be made to count one phone as many by what it writes in X-Forwarded-For (the proxy appends the address it saw)', async () => {
    const code = codes[6];
    for (let posed = 1; posed <= 12; posed++) {
      const scans = await scan(app, code, 60, { headers: { 'x-forwarded-for': `203.0.${posed}.1, 198.51.60.7` } });
      expect(scans).toMatchObject({ ordinal: 1, consumers: 1 });
      expect(scans.warnings).not.toContain('many_consumers');
    }
  });

  it('keeps the counts over a restart on the same data directory', async () => {
    await app.close();
    app = await startTestApp({ clock, dataDir });
    const [code] = codes;
    expect(await scan(app, code, 4)).toMatchObject({ ordinal: 4, consumers: 4, firstScannedAt: '2026-07-16T02:00:00.000Z' });
    expect(await scan(app, code, 2)).toMatchObject({ ordinal: 2, consumers: 4 });
  });
});
