import type { Browser } from 'playwright-core';
import { ApiClient, Call } from '../../apps/cli/src/world';
import { launchBrowser, withPage } from '../support/browser';
import { expectOk } from '../support/fixtures';
import { SmallWorld, harvestedBatch, pack, smallWorld } from '../support/small-world';
import { TestApp, startTestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** A day after the plums were packed: within their shelf life. */
const clock = { now: () => new Date('2026-07-16T10:00:00+08:00') };

describe('scan counts on the page, in a real headless Chromium', () => {
  let app: TestApp;
  let browser: Browser;
  let call: Call;
  let w: SmallWorld;
  let items: { code: string; scanUrl: string }[];
  let batchId: string;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    browser = await launchBrowser();
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call);
    batchId = await harvestedBatch(call, w);
    items = (await pack(call, w, batchId, 2, 2)).items;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A phone on a network of its own (the app trusts X-Forwarded-For). */
  const phone = (network: number) => ({ extraHTTPHeaders: { 'x-forwarded-for': `198.51.${network}.20` } });

  it('shows the count line, then a clear warning once the code has been scanned by more consumers than a plum meets', async () => {
    const [item] = items;
    await withPage(browser, phone(1), async (page) => {
      await page.goto(item.scanUrl);
      await expect(page.getByText('您是第 1 位查询者，首次查询于 2026-07-16 10:00').isVisible()).resolves.toBe(true);
      await expect(page.locator('.copied').count()).resolves.toBe(0);
    });
    for (let network = 2; network <= 11; network++) {
      await fetch(item.scanUrl, { headers: { 'x-forwarded-for': `198.51.${network}.20` } });
    }
    await withPage(browser, phone(12), async (page) => {
      await page.goto(item.scanUrl);
      // In the top card, under the verdict.
      const warning = page.locator('header.card .copied');
      await expect(warning.locator('h2').innerText()).resolves.toBe('⚠ 此码可能被复制');
      await expect(warning.innerText()).resolves.toContain('拨打 12315');
      await expect(page.getByText('您是第 12 位查询者').isVisible()).resolves.toBe(true);
    });
  });

  it('checks the 防伪码 and takes a report through the plain forms, which the page’s policy lets post to the server', async () => {
    const [, item] = items;
    const listed = await expectOk(call('GET', `/api/batches/${batchId}/verification-codes`, { key: w.coop.key }));
    const { verificationCode } = listed.items.find((i: { code: string }) => i.code === item.code);
    await withPage(browser, phone(30), async (page) => {
      await page.goto(item.scanUrl);
      await page.getByText('输入防伪码验证').click();
      await page.locator('input[name=verificationCode]').fill(verificationCode);
      await Promise.all([page.waitForURL(/\/verify$/), page.getByRole('button', { name: '验证' }).click()]);
      await expect(page.locator('main').innerText()).resolves.toContain('防伪码正确');
    });
    await withPage(browser, phone(31), async (page) => {
      await page.goto(item.scanUrl);
      await page.getByText('报告问题或疑似假货').click();
      await page.locator('select[name=kind]').selectOption('suspected_fake');
      await page.locator('textarea[name=description]').fill('袋子上的码和箱子上的不一样');
      await Promise.all([page.waitForURL(/\/report$/), page.getByRole('button', { name: '提交' }).click()]);
      await expect(page.locator('main').innerText()).resolves.toContain('已收到您的报告');
    });
    const reports = await expectOk(call('GET', '/api/problem-reports?from=2026-07-01&to=2026-07-31', { key: w.coop.key }));
    expect(reports).toEqual([
      expect.objectContaining({ code: item.code, kind: 'suspected_fake', description: '袋子上的码和箱子上的不一样' }),
    ]);
  });
});
