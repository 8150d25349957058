import type { Browser, Page, Request } from 'playwright-core';
import { launchBrowser, withPage } from '../support/browser';
import { ApiClient, PRODUCTS } from '../../apps/cli/src/world';
import { registerCountyOrg } from '../support/fixtures';
import { CHAIN, SeededChain, seedChain } from '../support/seed-chain';
import { ProcessedWorld, failSecondLeaves, processedWorld } from '../support/processed-world';
import { publishPlumStandard } from '../support/standards';
import { ADMIN_KEY, TestApp, startTestApp } from '../support/test-app';

// The first run inflates Chromium into /tmp (several seconds): hooks and tests get a minute.
jest.setTimeout(60_000);

const PHONE_WIDTH = 390;
const SCREENSHOT = '/tmp/scan-page.png';
const PROCESSED_SCREENSHOT = '/tmp/processed-scan-page.png';

describe('scan page in a real headless Chromium on a phone (390×844)', () => {
  let app: TestApp;
  let browser: Browser;
  let chain: SeededChain;
  let processed: ProcessedWorld;

  beforeAll(async () => {
    // One after the other, so that afterAll can close whichever started if the other fails.
    app = await startTestApp();
    browser = await launchBrowser();
    chain = await seedChain(app.baseUrl, ADMIN_KEY);
    processed = await processedWorld(new ApiClient(app.baseUrl).call);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Opens a URL, recording every request the page makes, and how long the load took. */
  async function open(page: Page, url: string) {
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    const started = performance.now();
    const response = await page.goto(url, { waitUntil: 'load' });
    return { response: response!, requests, ms: performance.now() - started };
  }

  /** How wide the page lays out; a string, since this project compiles without the DOM lib. */
  const scrollWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

  /** The section whose heading is `title`: what a reader sees under that heading. */
  const section = (page: Page, title: string) => page.locator('section', { has: page.locator('h2', { hasText: title }) });

  it('shows a consumer the delivered bag of plums: origin, tests, certificate, cold chain, journey', async () => {
    const item = chain.delivered[0];
    await withPage(browser, {}, async (page) => {
      const { response, requests, ms } = await open(page, item.scanUrl);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
      expect(await page.locator('html').getAttribute('lang')).toMatch(/^zh(-CN)?$/);
      // Everything is inline: on a rural mobile connection a second request is a second wait.
      expect(requests.map((r) => `${r.resourceType()} ${r.url()}`)).toEqual([`document ${item.scanUrl}`]);
      expect(ms).toBeLessThan(2000);

      await expect(page.locator('h1').innerText()).resolves.toBe(CHAIN.product.nameZh);
      await expect(page.locator('header .badge').innerText()).resolves.toBe('已送达');

      const origin = await section(page, '产地').innerText();
      for (const place of ['乐昌市', '北乡镇', '北乡村', CHAIN.cooperative]) expect(origin).toContain(place);

      const tests = section(page, '质量检测');
      await expect(tests.locator('.pass').innerText()).resolves.toBe('合格');
      expect(await tests.locator('.fail').count()).toBe(0);

      expect(await section(page, '分级').innerText()).toContain(CHAIN.grade);
      const certificate = await page.locator('section.cert').innerText();
      expect(certificate).toContain('承诺达标合格证');
      expect(certificate).toContain(chain.certificateNo);

      // The excursion is flagged, with its minutes: four readings 10 minutes apart above 3 °C.
      const coldChain = section(page, '冷链温度');
      const outOfRange = await coldChain.locator('dd .warn').first().innerText();
      const minutes = Number(/(\d+)/.exec(outOfRange)?.[1]);
      expect(minutes).toBeGreaterThan(0);
      expect(minutes).toBe(CHAIN.minutesOutOfRange);

      const stops = await section(page, '流通轨迹').locator('ol.tl > li b').allInnerTexts();
      const order = [CHAIN.countyHub, CHAIN.townStation, CHAIN.villagePoint].map((name) => stops.indexOf(name));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      await expect(section(page, '流通轨迹').locator('ol.tl > li').last().innerText()).resolves.toContain('已交付收货人');

      // Nothing wider than the phone: no sideways scrolling to read a line.
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
      // CSS scale: at 3× this 3200-px page passes the software compositor's 8192-px capture
      // limit, and the full-page shot repeats the top of the page in place of its end.
      await page.screenshot({ path: SCREENSHOT, fullPage: true, scale: 'css' });
    });
  });

  it('switches to English through the page’s own language link', async () => {
    await withPage(browser, {}, async (page) => {
      await open(page, chain.delivered[0].scanUrl);
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await Promise.all([page.waitForURL(/[?&]lang=en\b/), page.getByRole('link', { name: 'English' }).click()]);
      await page.waitForLoadState('load');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await expect(page.locator('h1').innerText()).resolves.toBe(CHAIN.product.nameEn);
      await expect(page.locator('header .badge').innerText()).resolves.toBe('Delivered');
      for (const label of ['Origin', 'Quality tests', 'Cold chain', 'Journey']) {
        expect(await page.locator('h2', { hasText: label }).count()).toBe(1);
      }
      await expect(section(page, 'Quality tests').locator('.pass').innerText()).resolves.toBe('Pass');
      // The certificate keeps its legal Chinese name in English too.
      expect(await page.locator('section.cert h2').innerText()).toContain('承诺达标合格证');
      expect(requests).toHaveLength(1);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    });
  });

  it('shows the verdict under the product standard, naming the rule the bag failed and why', async () => {
    const call = new ApiClient(app.baseUrl).call;
    // Published after the fact: the batch, packed since the standard took effect, is judged at once.
    await publishPlumStandard(call, await registerCountyOrg(call, 'eCommerce'), chain.productId);
    await withPage(browser, {}, async (page) => {
      await open(page, chain.delivered[0].scanUrl);
      const verdict = section(page, '标准符合性');
      await expect(verdict.locator('h2 .fail').innerText()).resolves.toBe('不符合标准');
      const text = await verdict.innerText();
      expect(text).toContain('乐昌黄金柰李电商交易标准');
      expect(text).toMatch(/运输温度\s*不符合/);
      expect(text).toContain(`${CHAIN.minutesOutOfRange}分钟`);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    });
  });

  it('shows a bag of processed tea: where its leaves come from and how it was made', async () => {
    await withPage(browser, {}, async (page) => {
      const { response, requests } = await open(page, processed.tea.scanUrl);
      expect(response.status()).toBe(200);
      expect(requests).toHaveLength(1);
      await expect(page.locator('h1').innerText()).resolves.toBe(PRODUCTS.tea.nameZh);
      const origins = section(page, '原料来源');
      const text = await origins.innerText();
      expect(text).toContain('原料来自 2 个合作社、1 户农户');
      for (const name of [processed.names.teaCoop, processed.names.teaCoop2, '农户（个人）']) expect(text).toContain(name);
      expect(await origins.locator('.pass').count()).toBe(2);
      const processing = await section(page, '加工过程').innerText();
      expect(processing).toContain(processed.names.teaFactory);
      expect(processing).toMatch(/杀青\s+2026-04-10 08:30 – 2026-04-10 09:00 · 温度 260 °C · 时长 3 分钟/);
      await expect(section(page, '加工地').innerText()).resolves.toContain('加工厂');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
      await page.screenshot({ path: PROCESSED_SCREENSHOT, fullPage: true, scale: 'css' });
    });
  });

  it('warns first, on the tea’s page, that leaves it was made from failed their pesticide test afterwards', async () => {
    await failSecondLeaves(new ApiClient(app.baseUrl).call, processed);
    await withPage(browser, {}, async (page) => {
      await open(page, processed.tea.scanUrl);
      const alert = page.getByRole('alert');
      await expect(alert.locator('h2').innerText()).resolves.toBe('⚠ 原料安全检测不合格');
      const text = await alert.innerText();
      expect(text).toContain(processed.tea.leavesB.lotCode);
      expect(text).toContain('农药残留快速检测');
      expect(text).toContain('请不要食用');
      const [alertTop, originsTop] = await Promise.all([alert.boundingBox(), section(page, '原料来源').boundingBox()]);
      expect(alertTop!.y).toBeLessThan(originsTop!.y);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    });
  });

  it('warns plainly, with 404, that a code Suyuan never issued may be counterfeit', async () => {
    await withPage(browser, {}, async (page) => {
      const { response } = await open(page, `${app.baseUrl}/t/0000000000000000`);
      expect(response.status()).toBe(404);
      expect(response.headers()['content-type']).toBe('text/html; charset=utf-8');
      const text = await page.locator('body').innerText();
      expect(text).toContain('此码未由溯源系统签发');
      expect(text).toContain('假冒');
      expect(text).toContain('12315');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    });
  });
});
