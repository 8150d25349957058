import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../apps/cli/src/demo/run-demo';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';

describe('npm run demo builds a world whose scan URLs open as pages and as JSON', () => {
  let app: TestApp;

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
    }

    const scanOf = async (batchId: string) => {
      const url = written.batches.find((b: { id: string }) => b.id === batchId).scanUrls[0];
      return (await fetch(url, { headers: { accept: 'application/json' } })).json() as Promise<any>;
    };
    const warm = await scanOf(summary.anomalies.coldChainExcursion.batchId);
    expect(warm.coldChain.minutesOutOfRange).toBeGreaterThanOrEqual(30);
    const failed = await scanOf(summary.anomalies.failedTest.batchId);
    expect(failed.tests.some((t: { passed: boolean }) => !t.passed)).toBe(true);
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

    const warm = await scan(coldChainViolation.scanUrl);
    expect(warm.json.compliance.status).toBe('non_compliant');
    expect(warm.json.compliance.rules).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'transport', status: 'violated' })]),
    );
    expect(warm.html).toContain('不符合标准');

    const tested = await scan(failedTest.scanUrl);
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
