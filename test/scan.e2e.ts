import { renderPassportPage } from '@suyuan/consumer/page/passport-page';
import { ApiClient, Call } from '../apps/cli/src/world';
import { SmallWorld, harvestedBatch, pack, smallWorld } from './support/small-world';
import { TestApp, startTestApp } from './support/test-app';

describe('consumer scan over HTTP: one item, one code', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let item: { code: string; scanUrl: string };
  let lotCode: string;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call, { gtin: true });
    const batchId = await harvestedBatch(call, w);
    item = (await pack(call, w, batchId, 3, 3)).items[0];
    lotCode = (await call('GET', `/api/batches/${batchId}`, { key: w.coop.key })).body.lotCode;
  });
  afterAll(() => app.close());

  it('the QR URL is a GS1 Digital Link that opens the item as JSON and as a Chinese page', async () => {
    expect(item.scanUrl).toBe(`${app.baseUrl}/01/06901234567892/10/${lotCode}/21/${item.code}`);
    const json = await fetch(item.scanUrl, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(200);
    const passport: any = await json.json();
    expect(passport).toMatchObject({ code: item.code, status: 'packed', product: { nameZh: '黄金柰李', gtin: '06901234567892' } });
    expect(passport.origin).toMatchObject({ region: { county: '乐昌市', town: '北乡镇', village: '北乡村' } });
    expect(Object.keys(passport).sort()).toEqual([
      'batch',
      'code',
      'coldChain',
      'compliance',
      'farmInputs',
      'grade',
      'harvest',
      'journey',
      'origin',
      'packing',
      'preCooling',
      'product',
      'scanUrl',
      'scans',
      'status',
      'tests',
    ]);
    const page = await fetch(item.scanUrl);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('黄金柰李');
    expect(html).toContain('乐昌市北乡黄金柰李专业合作社');
  });

  it('the page served from pre-rendered parts is exactly the page rendered whole from the JSON', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const passport = (await call('GET', `/t/${item.code}`)).body;
      const served = await (await fetch(`${app.baseUrl}/t/${item.code}?lang=${lang}`)).text();
      expect(served).toBe(renderPassportPage(passport, lang));
    }
  });

  it('the server’s fast lane and the framework route answer alike (a lower-case code takes the route)', async () => {
    const variants: Record<string, string>[] = [{ accept: 'application/json' }, { accept: 'text/html' }, { 'accept-language': 'en' }];
    for (const headers of variants) {
      const fast = await fetch(`${app.baseUrl}/t/${item.code}`, { headers });
      const routed = await fetch(`${app.baseUrl}/t/${item.code.toLowerCase()}`, { headers });
      expect(fast.status).toBe(200);
      expect(fast.headers.get('content-type')).toBe(routed.headers.get('content-type'));
      expect(fast.headers.get('vary')).toBe(routed.headers.get('vary'));
      expect(await fast.text()).toBe(await routed.text());
    }
  });

  it('the short /t/{code} form answers the same, in English when the phone asks for it', async () => {
    const page = await fetch(`${app.baseUrl}/t/${item.code}`, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    const html = await page.text();
    expect(html).toContain('Huangjin Nai plum');
    expect(html).toMatch(/<html lang="en/);
    const zh = await (await fetch(`${app.baseUrl}/t/${item.code}?lang=zh`, { headers: { 'accept-language': 'en' } })).text();
    expect(zh).toMatch(/<html lang="zh/);
    const typed = await call('GET', `/t/${item.code.toLowerCase()}`);
    expect(typed.body.code).toBe(item.code);
  });

  it('a code never issued is called out as possibly counterfeit (404), as a page and as JSON', async () => {
    const page = await fetch(`${app.baseUrl}/t/0000000000000000`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('假冒');
    const json = await call('GET', '/t/ZZZZZZZZZZZZZZZZ');
    expect(json.status).toBe(404);
    expect(json.body.code).toBe('code_not_issued');
    expect((await call('GET', `/t/${encodeURIComponent('<script>'.repeat(5))}`)).status).toBe(404);
  });

  it('a genuine serial under another GTIN or lot is not the issued item (404)', async () => {
    expect((await call('GET', `/01/06901234567892/10/OTHERLOT/21/${item.code}`)).status).toBe(404);
    expect((await call('GET', `/01/09506000134352/10/${lotCode}/21/${item.code}`)).status).toBe(404);
  });

  it('serves the QR code as SVG and PNG, encoding the scan URL', async () => {
    const svg = await fetch(`${app.baseUrl}/t/${item.code}/qr.svg`);
    expect(svg.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(await svg.text()).toMatch(/^<svg/);
    const png = await fetch(`${app.baseUrl}/t/${item.code}/qr.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect((await fetch(`${app.baseUrl}/t/0000000000000000/qr.svg`)).status).toBe(404);
  });

  it('shows nothing private: no keys, hashes, internal actor ids or phone numbers of people', async () => {
    const text = JSON.stringify((await call('GET', `/t/${item.code}`)).body);
    expect(text).not.toMatch(/sy_|secretHash|keyId|organizationId|idempotency/i);
    expect(text).not.toContain(w.coop.id);
    expect(text).not.toContain(w.packer.id);
  });
});
