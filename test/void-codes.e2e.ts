import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCounter } from '@suyuan/consumer/scan-count/scan-counter';
import { ApiClient, Call } from '../apps/cli/src/world';
import { Org, expectOk, registerCountyOrg, registerOrg } from './support/fixtures';
import { SmallWorld, harvestedBatch, pack, smallWorld } from './support/small-world';
import { TestApp, startTestApp } from './support/test-app';

/** The world's clock: the day after the plums were packed. */
const NOW = '2026-07-16T02:00:00.000Z';
const clock = { now: () => new Date(NOW) };

interface Item {
  code: string;
  cartonId: string;
  grade: string;
  packingId: string;
  voided?: { at: string; reason: string; note?: string; replacedBy?: string };
  replaces?: string;
}

/**
 * A label torn in the cold store: the packhouse voids its code and has a new one minted for the
 * same bag, prints the new label, and the old code's scan warns whoever still finds it on a bag.
 */
describe('voiding a damaged label’s code (over HTTP)', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let regulator: Org;
  let stranger: Org;
  let batchId: string;
  let packingId: string;
  let items: Item[];
  let old: Item;
  let replacement: { code: string; cartonId: string; grade: string; packingId: string; scanUrl: string };
  const replacements: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'suyuan-void-'));

  beforeAll(async () => {
    app = await startTestApp({ clock, dataDir });
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call, { gtin: true });
    regulator = await registerCountyOrg(call, 'regulator');
    stranger = await registerOrg(call, 'packhouse', '另一个包装厂');
    batchId = await harvestedBatch(call, w);
    packingId = (await pack(call, w, batchId, 4, 2)).packingId;
    items = await expectOk(call('GET', `/api/batches/${batchId}/items`, { key: w.coop.key }));
    old = items[0];
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const voidCode = (key: string, code: string, body: Record<string, unknown>, batch = batchId) =>
    call('POST', `/api/batches/${batch}/items/${code}/void`, { key, body });
  const itemsOf = async (): Promise<Item[]> => expectOk(call('GET', `/api/batches/${batchId}/items`, { key: w.coop.key }));
  const download = async (file: string) =>
    (await fetch(`${app.baseUrl}${file}`, { headers: { authorization: `Bearer ${w.packer.key}` } })).text();
  const scanJson = async (code: string, network = 1, loc?: string) => {
    const query = loc ? `?loc=${encodeURIComponent(loc)}` : '';
    const answer = await fetch(`${app.baseUrl}/t/${code}${query}`, {
      headers: { accept: 'application/json', 'x-forwarded-for': `198.51.${network}.7` },
    });
    return { status: answer.status, text: await answer.text() };
  };
  const scanPage = async (code: string, lang: 'zh' | 'en') => {
    const answer = await fetch(`${app.baseUrl}/t/${code}?lang=${lang}`, { headers: { 'x-forwarded-for': '198.51.1.7' } });
    return { status: answer.status, html: await answer.text() };
  };

  it('voids the code and mints a new one for the same bag: same carton, grade, weight and packing', async () => {
    const voided = await expectOk(voidCode(w.packer.key, old.code, { reason: 'damaged', note: '冷库里标签被撕破', replace: true }));
    expect(voided).toMatchObject({ batchId, code: old.code, reason: 'damaged', note: '冷库里标签被撕破', voidedAt: NOW });
    replacement = voided.replacement;
    expect(replacement).toMatchObject({ cartonId: old.cartonId, grade: old.grade, packingId, netWeight: { value: 2.5, unit: 'kg' } });
    expect(replacement.code).not.toBe(old.code);
    expect(replacement.scanUrl).toContain(`/21/${replacement.code}`);
    const after = await itemsOf();
    expect(after).toHaveLength(5);
    expect(after.find((i) => i.code === old.code)?.voided).toEqual({
      at: NOW,
      reason: 'damaged',
      note: '冷库里标签被撕破',
      replacedBy: replacement.code,
    });
    expect(after.find((i) => i.code === replacement.code)).toMatchObject({ cartonId: old.cartonId, replaces: old.code });
    const batch = await expectOk(call('GET', `/api/batches/${batchId}`, { key: w.coop.key }));
    expect(batch.itemCount).toBe(4);
    expect(batch.voided).toEqual([expect.objectContaining({ code: old.code, replacedBy: replacement.code })]);
  });

  it('refuses what cannot be voided, naming the problem, and writes nothing', async () => {
    const other = await harvestedBatch(call, w);
    const otherCode = (await pack(call, w, other, 1, 1)).items[0].code;
    const cases: [string, () => ReturnType<Call>, number, string][] = [
      ['a code already voided', () => voidCode(w.packer.key, old.code, { reason: 'damaged' }), 409, 'code_already_voided'],
      ['a voided code replaced again', () => voidCode(w.coop.key, old.code, { reason: 'lost', replace: true }), 409, 'code_already_voided'],
      ['a code never issued', () => voidCode(w.packer.key, 'ZZZZZZZZZZZZZZZZ', { reason: 'damaged' }), 404, 'item_not_found'],
      ['a code of another batch', () => voidCode(w.packer.key, otherCode, { reason: 'damaged' }), 403, 'item_of_another_batch'],
      ['an unknown batch', () => voidCode(w.packer.key, items[1].code, { reason: 'damaged' }, 'BT-NONE'), 404, 'batch_not_found'],
      [
        'an organization neither owning nor holding it',
        () => voidCode(stranger.key, items[1].code, { reason: 'damaged' }),
        403,
        'not_batch_custodian',
      ],
      ['a regulator', () => voidCode(regulator.key, items[1].code, { reason: 'damaged' }), 403, 'role_not_allowed'],
      ['an unknown reason', () => voidCode(w.packer.key, items[1].code, { reason: 'bored' }), 400, 'invalid_request'],
    ];
    const before = await itemsOf();
    for (const [, request, status, code] of cases) {
      const answer = await request();
      expect({ status: answer.status, code: (answer.body as { code?: string }).code }).toEqual({ status, code });
    }
    const again = await voidCode(w.packer.key, old.code, { reason: 'damaged' });
    expect((again.body as { message: string }).message).toContain(`already voided at ${NOW} and replaced by ${replacement.code}`);
    expect(await itemsOf()).toEqual(before);
  });

  it('records a retry with the same Idempotency-Key once, answering the same new code', async () => {
    const retry = () =>
      expectOk(
        call('POST', `/api/batches/${batchId}/items/${items[3].code}/void`, {
          key: w.packer.key,
          body: { reason: 'misprinted', replace: true },
          idempotencyKey: 'void-retry',
        }),
      );
    const first = await retry();
    const second = await retry();
    expect(second.replacement.code).toBe(first.replacement.code);
    expect((await itemsOf()).filter((i) => i.replaces === items[3].code)).toHaveLength(1);
    // Its new label is printed with the others of the packing below.
    replacements.push(first.replacement.code);
  });

  it('prints the replacement’s label as a new code, never the voided one again', async () => {
    const job = await expectOk(
      call('POST', `/api/batches/${batchId}/label-jobs`, { key: w.packer.key, body: { format: 'csv', codes: [replacement.code] } }),
    );
    expect(job).toMatchObject({ labelCount: 1, reprintCount: 0 });
    const csv = await download(job.file);
    expect(csv).toContain(replacement.code);
    expect(csv).not.toContain(old.code);
    const named = await call('POST', `/api/batches/${batchId}/label-jobs`, {
      key: w.packer.key,
      body: { format: 'csv', codes: [old.code] },
    });
    expect({ status: named.status, code: named.body.code }).toEqual({ status: 409, code: 'code_voided' });
    const packing = await expectOk(
      call('POST', `/api/batches/${batchId}/label-jobs`, { key: w.packer.key, body: { format: 'csv', packingId } }),
    );
    expect(packing).toMatchObject({ labelCount: 4, reprintCount: 1 });
    const all = await download(packing.file);
    for (const code of [replacement.code, ...replacements]) expect(all).toContain(code);
    for (const code of [old.code, items[3].code]) expect(all).not.toContain(code);
    const cartonCodes = (await expectOk(call('GET', `/api/cartons/${old.cartonId}/items`, { key: w.packer.key }))).map(
      (i: { code: string }) => i.code,
    );
    expect(cartonCodes).toContain(replacement.code);
    expect(cartonCodes).not.toContain(old.code);
    // A recall traced forward from the lot names the code on the goods, not the voided one.
    const traced = await expectOk(call('GET', `/api/trace/forward?lot=${batchId}`, { key: w.coop.key }));
    const tracedCodes = traced.units.map((u: { code: string }) => u.code);
    expect(tracedCodes).toContain(replacement.code);
    expect(tracedCodes).not.toContain(old.code);
    expect(traced.summary.units).toBe(items.length);
    const secrets = await expectOk(call('GET', `/api/batches/${batchId}/verification-codes`, { key: w.coop.key }));
    expect(secrets.total).toBe(4);
    expect(secrets.items.map((i: { code: string }) => i.code)).not.toContain(old.code);
  });

  it('answers the voided code’s scan with its record and a warning, never the replacement (JSON, fast lane and route alike)', async () => {
    const fast = await scanJson(old.code, 2, '广州');
    expect(fast.status).toBe(200);
    const record = JSON.parse(fast.text);
    expect(record).toMatchObject({ code: old.code, voided: { at: NOW, reason: 'damaged' }, grade: { grade: old.grade } });
    expect(fast.text).not.toContain(replacement.code);
    const routed = await scanJson(old.code.toLowerCase(), 2, '广州');
    expect(routed.text).toBe(fast.text);
    const fresh = JSON.parse((await scanJson(replacement.code, 3)).text);
    expect(fresh).toMatchObject({ code: replacement.code, packing: { cartonId: old.cartonId }, grade: { grade: old.grade } });
    expect(fresh).not.toHaveProperty('voided');
    expect(JSON.stringify(fresh)).not.toContain(old.code);
  });

  it('warns on the voided code’s page, in Chinese and English, and not on the replacement’s', async () => {
    const zh = await scanPage(old.code, 'zh');
    expect(zh.status).toBe(200);
    for (const words of ['此码已作废', '2026-07-16 10:00', '标签损坏', '请不要购买或食用', '12315']) expect(zh.html).toContain(words);
    expect(zh.html).not.toContain(replacement.code);
    expect(zh.html).not.toContain('冷库里标签被撕破');
    const en = await scanPage(old.code, 'en');
    for (const words of ['This code has been voided', 'label damaged', 'do not buy or eat it', '12315']) expect(en.html).toContain(words);
    expect((await scanPage(old.code.toLowerCase(), 'en')).html).toBe(en.html);
    const fresh = await scanPage(replacement.code, 'zh');
    expect(fresh.status).toBe(200);
    expect(fresh.html).not.toContain('此码已作废');
  });

  it('counts scans of the voided code as counterfeit signals by day and place, for the owner and the regulator', async () => {
    await app.running.app.get(ScanCounter).flush();
    const window = 'from=2026-07-16&to=2026-07-16';
    const own = await expectOk(call('GET', `/api/counterfeit-signals?${window}`, { key: w.coop.key }));
    // The JSON scans from Guangzhou, the pages from a network that told no place: each client once a minute.
    expect(own.voided).toEqual([
      { day: '2026-07-16', place: null, scans: 1, clients: 1, codes: 1 },
      { day: '2026-07-16', place: '广州', scans: 1, clients: 1, codes: 1 },
    ]);
    expect(own.flaggedCodes).toEqual([expect.objectContaining({ code: old.code, scans: 2, clients: 2, voided: true, warnings: [] })]);
    expect(own.flagged).toEqual([]);
    const all = await expectOk(call('GET', `/api/counterfeit-signals?${window}`, { key: regulator.key }));
    expect(all.voided).toEqual(own.voided);
    expect((await expectOk(call('GET', `/api/counterfeit-signals?${window}`, { key: stranger.key }))).voided).toEqual([]);
  });
});
