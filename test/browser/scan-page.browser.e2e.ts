import type { Browser, Page, Request } from 'playwright-core';
import type { ItemPassport } from '@suyuan/consumer/passport/item-passport';
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
const CARD_SCREENSHOT = '/tmp/scan-page-card.png';
const CHICKEN_SCREENSHOT = '/tmp/scan-page-chicken.png';

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

  it('opens with one card: what it is, where and when it was grown, a plain verdict with what failed and what to do', async () => {
    await withPage(browser, {}, async (page) => {
      await open(page, chain.delivered[0].scanUrl);
      const card = page.locator('header.card');
      const box = (await card.boundingBox())!;
      // The first thing on the page, whole on the first phone screen.
      expect(box.y).toBeLessThan(60);
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      await expect(card.locator('h1').innerText()).resolves.toBe(CHAIN.product.nameZh);
      const where = await card.locator('.where').innerText();
      for (const part of ['产自', '乐昌市北乡镇北乡村', CHAIN.cooperative, '采收']) expect(where).toContain(part);
      // Four readings above 3 °C on the truck: the tests passed, the cold chain did not.
      const verdict = card.getByRole('alert');
      await expect(verdict.locator('h2').innerText()).resolves.toBe('⚠ 食用前请检查');
      await expect(verdict.locator('ul.what li').first().innerText()).resolves.toContain(
        `运输和贮存中温度超出要求共 ${CHAIN.minutesOutOfRange} 分钟`,
      );
      expect(await verdict.locator('ol.todo li').allInnerTexts()).toEqual([
        '有异味、发黏或变质的，请不要食用。',
        '有疑问可联系销售者退换，或拨打 12315。',
      ]);
      expect(await page.locator('body').innerText()).not.toContain('正品');
      await expect(card.locator('.code').innerText()).resolves.toContain('溯源码');
      await page.screenshot({ path: CARD_SCREENSHOT, scale: 'css' });
    });
  });

  it('shows the verdict under the product standard last and folded, naming the rule the bag failed and why', async () => {
    const call = new ApiClient(app.baseUrl).call;
    // Published after the fact: the batch, packed since the standard took effect, is judged at once.
    await publishPlumStandard(call, await registerCountyOrg(call, 'eCommerce'), chain.productId);
    await withPage(browser, {}, async (page) => {
      await open(page, chain.delivered[0].scanUrl);
      await expect(page.locator('header.card ul.what').innerText()).resolves.toMatch(/不符合交易标准：.*运输温度/);
      const verdict = section(page, '标准符合性');
      await expect(verdict.locator('h2 .fail').innerText()).resolves.toBe('不符合标准');
      // The last section, its rules folded until asked for.
      await expect(page.locator('main > section').last().locator('h2').innerText()).resolves.toContain('标准符合性');
      const rule = verdict.locator('details li', { hasText: '运输温度' });
      expect(await rule.isVisible()).toBe(false);
      await verdict.locator('summary').click();
      expect(await rule.isVisible()).toBe(true);
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
      await expect(alert.locator('h2').innerText()).resolves.toBe('✗ 请不要食用');
      const text = await alert.innerText();
      expect(text).toContain(processed.tea.leavesB.lotCode);
      expect(text).toContain('农药残留快速检测');
      // What to do, in order, the hotline a tap away.
      expect(await alert.locator('ol.todo li').allInnerTexts()).toEqual([
        '请不要食用。',
        '已经购买的，请联系销售者退货。',
        '拨打 12315 市场监管热线反映。',
      ]);
      await expect(alert.locator('a').getAttribute('href')).resolves.toBe('tel:12315');
      // No green promise beside the failure.
      expect(await page.locator('.v-ok, .note.y').count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toContain('残留不超标');
      await expect(section(page, '⚠ 原料安全检测不合格').innerText()).resolves.toContain(processed.tea.leavesB.lotCode);
      const [alertTop, originsTop] = await Promise.all([alert.boundingBox(), section(page, '原料来源').boundingBox()]);
      expect(alertTop!.y).toBeLessThan(originsTop!.y);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    });
  });

  it('says a bird was raised and slaughtered, in a bird’s words, never a fruit’s', async () => {
    await withPage(browser, {}, async (page) => {
      const { response } = await open(page, processed.chicken.scanUrl);
      expect(response.status()).toBe(200);
      const text = await page.locator('body').innerText();
      await expect(page.locator('header.card .where').innerText()).resolves.toMatch(/^养殖于 .*屠宰$/);
      // Its flock was tested for nothing, nor was it: no verdict either way.
      await expect(page.locator('header.card .verdict h2').innerText()).resolves.toBe('尚无检测记录');
      expect(text).toContain('动物检疫合格证明');
      for (const word of ['采收', '单果重', '果心温度', '农药安全间隔期', '安全间隔期', 'veterinary_drug_residue_rapid_test'])
        expect(text).not.toContain(word);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
      await page.screenshot({ path: CHICKEN_SCREENSHOT, scale: 'css' });
    });
  });

  it('shows an all-English page: nothing the system wrote is left in Chinese, only the names people typed', async () => {
    for (const url of [chain.delivered[0].scanUrl, processed.chicken.scanUrl, processed.tea.scanUrl]) {
      const record = (await (await fetch(url, { headers: { accept: 'application/json' } })).json()) as ItemPassport;
      // The names people typed (the standards' reasons are the system's words: left out), longest first.
      const typed = JSON.stringify({
        ...record,
        compliance: { title: record.compliance?.standard.title, brand: record.compliance?.brand?.brand },
      })
        .match(/"(?:[^"\\]|\\.)*"/g)!
        .map((s: string) => JSON.parse(s) as string)
        .filter((s: string) => /\p{Script=Han}/u.test(s))
        .sort((a: string, b: string) => b.length - a.length);
      await withPage(browser, { locale: 'en-GB' }, async (page) => {
        await open(page, url);
        expect(await page.locator('html').getAttribute('lang')).toBe('en');
        // Unfolded, so that the rules' reasons are read too.
        for (const details of await page.locator('details').all()) await details.locator('summary').click();
        let rest = await page.locator('body').innerText();
        for (const name of typed) rest = rest.split(name).join(' ');
        const left = rest.split('\n').filter((line) => /\p{Script=Han}/u.test(line));
        // The certificate's legal name stays, as the rules ask; 中文 is the link back.
        expect({ url, left }).toEqual({ url, left: ['中文', 'Compliance certificate · 承诺达标合格证'] });
      });
    }
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
