import { renderPassportPage } from '@suyuan/consumer/page/passport-page';
import { ApiClient } from '../apps/cli/src/world';
import { HOUSEHOLD, ProcessedWorld, failSecondLeaves, processedWorld } from './support/processed-world';
import { TestApp, startTestApp } from './support/test-app';

/** A processed item's scan over HTTP: where its raw materials come from, how it was made, and a raw material's later failure. */
describe('the scan of a processed item', () => {
  let app: TestApp;
  let w: ProcessedWorld;

  beforeAll(async () => {
    app = await startTestApp();
    w = await processedWorld(new ApiClient(app.baseUrl).call);
  });
  afterAll(() => app.close());

  const record = async (url: string) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    return { text: await response.clone().text(), passport: (await response.json()) as any };
  };
  const page = async (url: string, lang = 'zh') => {
    const response = await fetch(`${url}?lang=${lang}`);
    expect(response.status).toBe(200);
    return response.text();
  };

  it('lists every lot the tea was made from, down to the plots and the household, with harvest and tests', async () => {
    const { passport } = await record(w.tea.scanUrl);
    expect(passport.origin).toMatchObject({ kind: 'transformation', cooperative: { name: w.names.teaFactory } });
    expect(passport.sources).toEqual({ cooperatives: 2, households: 1 });
    expect(passport.origins).toMatchObject([
      {
        kind: 'farm',
        lotCode: w.tea.leavesA.lotCode,
        quantity: { value: 100, unit: 'kg' },
        cooperative: { name: w.names.teaCoop },
        farmPlot: { name: w.names.teaPlot, region: { county: '乐昌市', town: '沙坪镇' } },
        harvest: { from: '2026-04-09T22:00:00.000Z' }, // 06:00 in 乐昌, stored in UTC
        tests: [{ method: 'pesticide_residue_rapid_test', passed: true }],
      },
      { kind: 'farm', lotCode: w.tea.leavesB.lotCode, quantity: { value: 60, unit: 'kg' }, cooperative: { name: w.names.teaCoop2 } },
      {
        kind: 'households',
        lotCode: w.tea.bought.lotCode,
        quantity: { value: 20, unit: 'kg' },
        households: 1,
        places: [{ region: { county: '乐昌市', town: '沙坪镇', village: '龙塘村' }, households: 1 }],
        purchaser: { name: w.names.teaFactory },
      },
    ]);
    expect(passport.origins[0].farmPlot.region).not.toHaveProperty('village');
    expect(passport.processing).toMatchObject([
      {
        process: 'tea_processing',
        processor: { name: w.names.teaFactory },
        steps: [{ name: '杀青', parameters: { temperatureC: 260, minutes: 3 } }, { name: '揉捻' }, { name: '烘干' }],
        outputs: [{ lotCode: w.tea.lotCode, quantity: { value: 35, unit: 'kg' } }],
      },
    ]);
    expect(passport.inputHolds).toEqual([]);
  });

  it('never shows the household’s name, ID number or id', async () => {
    const { text } = await record(w.tea.scanUrl);
    const html = await page(w.tea.scanUrl);
    for (const secret of [HOUSEHOLD.name, HOUSEHOLD.idNumber, w.tea.personId]) {
      expect(text).not.toContain(secret);
      expect(html).not.toContain(secret);
    }
  });

  it('shows where the tea was made, where its raw materials come from and how, after the card and before the rules, in both languages', async () => {
    const zh = await page(w.tea.scanUrl);
    expect(zh).toContain('原料来自 2 个合作社、1 户农户');
    expect(zh).toContain(`<b>${w.names.teaCoop}</b>`);
    expect(zh).toContain('<b>农户（个人）</b>');
    expect(zh).toContain('杀青 <small>2026-04-10 08:30 – 2026-04-10 09:00 · 温度 260 °C · 时长 3 分钟</small>');
    const order = ['</header>', '>加工地<', '>原料来源<', '>加工过程<', '>标准符合性'].map((h) => zh.indexOf(h));
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const en = await page(w.tea.scanUrl, 'en');
    expect(en).toContain('From 2 cooperatives and 1 household');
    expect(en).toContain('<h2>Processing</h2>');
  });

  it('serves the page its own record renders, byte for byte', async () => {
    const { passport } = await record(w.tea.scanUrl);
    for (const lang of ['zh', 'en'] as const) expect(await page(w.tea.scanUrl, lang)).toBe(renderPassportPage(passport, lang));
  });

  it('shows a chilled bird’s farm, head count and live weight, slaughter time and quarantine certificate', async () => {
    const { passport } = await record(w.chicken.scanUrl);
    expect(passport.origins).toMatchObject([
      {
        lotCode: w.chicken.flock.lotCode,
        quantity: { value: 200, unit: 'head' },
        weightKg: 360,
        cooperative: { name: w.names.poultryCoop },
      },
    ]);
    expect(passport.processing).toMatchObject([{ process: 'slaughter', quarantineCertificateNo: w.chicken.quarantineCertificateNo }]);
    const zh = await page(w.chicken.scanUrl);
    expect(zh).toContain(`动物检疫合格证明 ${w.chicken.quarantineCertificateNo}`);
    expect(zh).toContain('屠宰 <small>2026-04-10 07:10 – 2026-04-10 08:30 · 方式 电麻</small>');
    expect(zh).toContain('用料 200 只 (360 kg)');
  });

  it('warns on the tea’s page, at once, when leaves it was made from fail their pesticide test afterwards', async () => {
    // Scanned before, so its page is kept in memory: the failure must reach the kept page too.
    expect(await page(w.tea.scanUrl)).not.toContain('原料安全检测不合格');
    await failSecondLeaves(new ApiClient(app.baseUrl).call, w);
    const { passport } = await record(w.tea.scanUrl);
    expect(passport.inputHolds).toMatchObject([
      {
        lotCode: w.tea.leavesB.lotCode,
        ownerName: w.names.teaCoop2,
        failed: [{ method: 'pesticide_residue_rapid_test', value: 71, passed: false }],
      },
    ]);
    const zh = await page(w.tea.scanUrl);
    expect(zh).toContain('⚠ 原料安全检测不合格');
    expect(zh).toContain(`批号 ${w.tea.leavesB.lotCode}）农药残留快速检测（2026-04-12）不合格`);
    expect(zh.indexOf('原料安全检测不合格')).toBeLessThan(zh.indexOf('>原料来源<'));
    expect(await page(w.chicken.scanUrl)).not.toContain('原料安全检测不合格');
  });
});
