import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOUSEHOLD } from '../apps/cli/src/demo/processing';
import { DemoSummary, runDemo } from '../apps/cli/src/demo/run-demo';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';

describe('npm run demo builds a world whose scan URLs open as pages and as JSON', () => {
  let app: TestApp;

  /** The tea factory's blend and its inflated lot, and the slaughterhouse's chilled birds, as demo.json and their pages show them. */
  async function expectProcessing(written: DemoSummary, text: string): Promise<void> {
    const [tea, inflated, chilled] = written.processed;
    expect(written.processed.map((p) => [p.product, p.yieldPct])).toEqual([
      ['乐昌白毛茶', 22],
      ['乐昌白毛茶', 40],
      ['乐昌雪毛鸡', 75],
    ]);
    for (const lot of written.processed) {
      expect(lot).toMatchObject({ batchId: expect.any(String), scanUrls: expect.arrayContaining([expect.stringContaining(app.baseUrl)]) });
    }
    const scan: any = await (await fetch(tea.scanUrls[0], { headers: { accept: 'application/json' } })).json();
    expect(scan.batch.id).toBe(tea.batchId);
    expect(scan.sources).toEqual({ cooperatives: 2, households: 1 });
    expect(scan.origins.map((o: { kind: string }) => o.kind)).toEqual(['farm', 'farm', 'households']);
    expect(scan.processing).toMatchObject([
      {
        process: 'tea_processing',
        steps: expect.arrayContaining([
          { name: '杀青', parameters: { temperatureC: 260, minutes: 3 } },
          { name: '揉捻', parameters: { minutes: 40 } },
          { name: '烘干', parameters: { temperatureC: 90, minutes: 60 } },
        ]),
      },
    ]);
    const html = await (await fetch(tea.scanUrls[0])).text();
    expect(html).toContain('原料来自 2 个合作社、1 户农户');
    // The household is a natural person: its name and ID number stay in the server's personal-data store.
    for (const secret of [HOUSEHOLD.name, HOUSEHOLD.idNumber]) {
      expect([secret, text.includes(secret)]).toEqual([secret, false]);
      expect([secret, html.includes(secret)]).toEqual([secret, false]);
    }

    const regulator = written.organizations.find((o) => o.role === 'regulator')!.apiKey;
    const trace: any = await (
      await fetch(`${app.baseUrl}/api/trace/back?item=${scan.code}`, { headers: { authorization: `Bearer ${regulator}` } })
    ).json();
    const leaves = trace.lots.filter((l: { generation: number }) => l.generation === 1);
    expect(leaves).toHaveLength(3);
    expect(new Set(leaves.map((l: { origin: { kind: string } }) => l.origin.kind))).toEqual(new Set(['farm_plot', 'purchase']));

    const admin = { headers: { authorization: `Bearer ${ADMIN_KEY}` } };
    const lot: any = await (await fetch(`${app.baseUrl}/api/batches/${inflated.batchId}`, admin)).json();
    const made: any = await (await fetch(`${app.baseUrl}/api/transformations/${lot.origin.transformationId}`, admin)).json();
    expect(made.yieldPct).toBe(40);
    // The tea standard bounds the yield at 18–25 %: the blend meets it, the inflated lot is a violation with its numbers.
    const yieldRule = async (batchId: string) =>
      (
        (await (
          await fetch(`${app.baseUrl}/api/compliance/batches/${batchId}`, { headers: { authorization: `Bearer ${regulator}` } })
        ).json()) as any
      ).rules.find((r: { rule: string }) => r.rule === 'processingYield');
    expect(await yieldRule(tea.batchId)).toMatchObject({ status: 'met' });
    expect(await yieldRule(inflated.batchId)).toMatchObject({ status: 'violated', reason: expect.stringContaining('40.0 %') });
    const bird: any = await (await fetch(chilled.scanUrls[0], { headers: { accept: 'application/json' } })).json();
    expect(bird.processing).toMatchObject([{ process: 'slaughter', quarantineCertificateNo: expect.stringMatching(/^A44-0281-/) }]);
  }

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('writes the summary and every batch scans, with the excursion and the failed test visible', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'suyuan-demo-')), 'demo.json');
    const summary = await runDemo({ baseUrl: app.baseUrl, adminKey: ADMIN_KEY, out });
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.organizations.length).toBeGreaterThanOrEqual(8);
    for (const org of written.organizations)
      expect(org).toMatchObject({ name: expect.any(String), role: expect.any(String), apiKey: expect.stringMatching(/^sy_/) });
    const cooperatives = written.organizations.filter((o: { role: string }) => o.role === 'cooperative');
    expect(cooperatives.length).toBeGreaterThanOrEqual(2);
    expect(new Set(written.batches.map((b: { product: string }) => b.product)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(written.batches.map((b: { status: string }) => b.status))).toEqual(new Set(['packed', 'in_transit', 'delivered']));

    for (const batch of written.batches) {
      const url: string = batch.scanUrls[0];
      expect(url.startsWith(app.baseUrl)).toBe(true);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<h1>');
      const json: any = await (await fetch(url, { headers: { accept: 'application/json' } })).json();
      expect(json.batch.id).toBe(batch.id);
      expect(json.status).toBe(batch.status);

      // Its labels PDF answers its cooperative's key, and nobody else's.
      const coop = written.organizations.find((o: { name: string }) => o.name === batch.cooperative);
      const pdf = await fetch(batch.labelsPdf, { headers: { authorization: `Bearer ${coop.apiKey}` } });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.subarray(-6).toString()).toContain('%%EOF');
      const anonymous = await fetch(batch.labelsPdf);
      await anonymous.arrayBuffer();
      expect(anonymous.status).toBe(401);
    }

    const scanOf = async (batchId: string) => {
      const url = written.batches.find((b: { id: string }) => b.id === batchId).scanUrls[0];
      return (await fetch(url, { headers: { accept: 'application/json' } })).json() as Promise<any>;
    };
    const warm = await scanOf(summary.anomalies.coldChainExcursion.batchId);
    expect(warm.coldChain.minutesOutOfRange).toBeGreaterThanOrEqual(30);
    const failed = await scanOf(summary.anomalies.failedTest.batchId);
    expect(failed.tests.some((t: { passed: boolean }) => !t.passed)).toBe(true);

    await expectProcessing(written, readFileSync(out, 'utf8'));

    // The failed spot check's hold: its lot's pages say 暂停销售, and the sellable check says no.
    expect(written.hold).toMatchObject({ batchId: expect.any(String), scanUrls: expect.any(Array) });
    const heldPage = await (await fetch(written.hold.scanUrls[0], { headers: { 'accept-language': 'zh' } })).text();
    expect(heldPage).toContain('暂停销售');
    expect(heldPage).toContain('抽检不合格');
    const code = (await scanOf(written.hold.batchId)).code;
    const sellable: any = await (await fetch(`${app.baseUrl}/api/sellable/${code}`)).json();
    expect(sellable).toMatchObject({ sellable: false, reasons: expect.arrayContaining([expect.objectContaining({ code: 'held' })]) });

    // The recall: some units returned, some still at the station, some sold; every page of the lot says so.
    expect(written.recall).toMatchObject({
      id: expect.any(String),
      class: 'II',
      progress: { total: 36, returned: 12, located: 12, delivered: 12 },
    });
    const recalledPage = await (await fetch(written.recall.scanUrls[0], { headers: { 'accept-language': 'zh' } })).text();
    expect(recalledPage).toContain('本批次已被召回（二级召回）');
    const recalled: any = await (await fetch(written.recall.scanUrls[35], { headers: { accept: 'application/json' } })).json();
    expect(recalled.recall).toMatchObject({ recallId: written.recall.id, class: 'II' });
  });

  it('judges the world by the sample standards: compliant, two kinds of non-compliant and brand-certified, each on its scan page', async () => {
    const summary = await runDemo({ baseUrl: app.baseUrl, adminKey: ADMIN_KEY });
    const { compliant, coldChainViolation, failedTest, brandCertified, brandWithdrawn } = summary.compliance;
    const scan = async (url: string) => {
      const json: any = await (await fetch(url, { headers: { accept: 'application/json' } })).json();
      const html = await (await fetch(url)).text();
      return { json, html };
    };
    const ok = await scan(compliant.scanUrl);
    expect(ok.json.compliance).toMatchObject({ status: 'compliant', standard: { version: 1 } });
    expect(ok.html).toContain('符合标准');
    // The card says why, from the facts; every handover of its clean journey lay in range.
    expect(ok.html).toContain('<h2>✓ 可放心食用</h2>');
    expect(ok.html).toContain('<li>检测合格（农药残留快速检测）</li>');
    expect(ok.html).toMatch(/<li>包装后 \d+ 小时内送达<\/li>/);
    expect(ok.json.journey.filter((s: { handoverInRange?: boolean }) => s.handoverInRange !== undefined)).not.toHaveLength(0);
    expect(ok.json.journey.every((s: { handoverInRange?: boolean }) => s.handoverInRange !== false)).toBe(true);

    const warm = await scan(coldChainViolation.scanUrl);
    expect(warm.json.compliance.status).toBe('non_compliant');
    expect(warm.json.compliance.rules).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'transport', status: 'violated' })]),
    );
    expect(warm.html).toContain('不符合标准');
    // Handed into the −1–0 °C store at 4.1 °C off a 0–3 °C truck: flagged in the JSON and on the card.
    expect(warm.json.journey).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          facilityType: 'cold_store',
          handoverTemperatureC: 4.1,
          handoverRange: { minC: -1, maxC: 3 },
          handoverInRange: false,
        }),
      ]),
    );
    expect(warm.html).toContain('<h2>⚠ 食用前请检查</h2>');
    expect(warm.html).toMatch(/交接时温度 4.1 °C，超出要求的 −1–3 °C/);

    const tested = await scan(failedTest.scanUrl);
    expect(tested.html).toContain('<h2>✗ 请不要食用</h2>');
    expect(tested.html).toContain('<li>农药残留快速检测不合格：检测值 58.6 %，限值 50 %</li>');
    expect(tested.html).toContain('<a href="tel:12315">12315</a>');
    expect(tested.html).not.toContain('残留不超标');
    expect(tested.json.compliance.rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'tests:pesticide_residue_rapid_test',
          status: 'violated',
          reason: expect.stringContaining('58.6'),
        }),
      ]),
    );

    const branded = await scan(brandCertified.scanUrl);
    expect(branded.json.compliance.brand).toMatchObject({ status: 'certified', brand: '乐昌农品' });
    expect(branded.html).toContain('乐昌农品');
    expect(brandWithdrawn).toBeDefined();
    const withdrawn = await scan(brandWithdrawn!.scanUrl);
    expect(withdrawn.json.compliance.brand).toMatchObject({
      status: 'withdrawn',
      withdrawnBecause: [expect.objectContaining({ rule: 'transport' })],
    });
    expect(withdrawn.html).toContain('撤销');

    const chicken = summary.batches.find((b) => b.key === 'chicken')!;
    expect(chicken.compliance).toMatchObject({ status: 'pending', violated: [] });
  });
});
