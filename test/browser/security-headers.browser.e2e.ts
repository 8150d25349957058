import type { Browser, Page } from 'playwright-core';
import { launchBrowser, withPage } from '../support/browser';
import { ADMIN_KEY, TestApp, startTestApp } from '../support/test-app';
import { SeededChain, seedChain } from '../support/seed-chain';

// The first run inflates Chromium into /tmp (several seconds): hooks and tests get a minute.
jest.setTimeout(60_000);

/** Records what the page's Content-Security-Policy blocked, as the page reports it. */
const REPORT_VIOLATIONS =
  'window.__violations = []; document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));';
const violations = (page: Page) => page.evaluate<string[]>('window.__violations');

describe('the Content-Security-Policy in a real headless Chromium: what the pages use is allowed, nothing else', () => {
  let app: TestApp;
  let browser: Browser;
  let chain: SeededChain;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchBrowser();
    chain = await seedChain(app.baseUrl, ADMIN_KEY);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(page: Page, url: string) {
    await page.addInitScript(REPORT_VIOLATIONS);
    const response = await page.goto(url, { waitUntil: 'load' });
    return response!;
  }

  it('the scan page renders with its inline style and reports no violation, by the route and by the fast lane, and runs no injected script', async () => {
    const item = chain.delivered[0];
    // The Digital Link takes the framework route; the short URL, scanned again, the fast lane.
    for (const url of [item.scanUrl, item.shortUrl, item.shortUrl]) {
      await withPage(browser, {}, async (page) => {
        const response = await open(page, url);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
        // The page's own stylesheet applied: the body's background is its green-grey.
        await expect(page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).resolves.toBe('rgb(242, 244, 241)');
        await expect(page.locator('h1').innerText()).resolves.not.toBe('');
        expect(await page.locator('svg polyline').count()).toBeGreaterThan(0);
        expect(await violations(page)).toEqual([]);

        await page.evaluate('const s = document.createElement("script"); s.textContent = "window.__ran = true"; document.body.append(s)');
        await expect(page.evaluate('window.__ran === true')).resolves.toBe(false);
        expect((await violations(page)).some((v) => v.startsWith('script-src'))).toBe(true);
      });
    }
  });

  it('the page of a code never issued renders with its style and no violation', async () => {
    await withPage(browser, {}, async (page) => {
      const response = await open(page, `${app.baseUrl}/t/0000000000000000`);
      expect(response.status()).toBe(404);
      await expect(page.evaluate<string>('getComputedStyle(document.querySelector("header")).borderTopColor')).resolves.toBe(
        'rgb(179, 38, 30)',
      );
      expect(await violations(page)).toEqual([]);
    });
  });

  it('the OpenAPI UI loads its scripts and styles, lists the operations, and reports no violation', async () => {
    await withPage(browser, {}, async (page) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await open(page, `${app.baseUrl}/api/docs`);
      await expect(page.locator('.swagger-ui .info .title').innerText()).resolves.toContain('Suyuan 溯源 API');
      expect(await page.locator('.opblock').count()).toBeGreaterThan(30);
      await page.locator('.opblock-summary', { hasText: '/health' }).first().click();
      await page.getByRole('button', { name: 'Try it out' }).click();
      await page.getByRole('button', { name: 'Execute' }).click();
      // The UI fetched the answer itself: its connection to this server is allowed.
      await expect(page.locator('.live-responses-table tbody .response-col_status').first().innerText()).resolves.toBe('200');
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
});
