import chromium from '@sparticuz/chromium';
import { existsSync } from 'node:fs';
import { Browser, BrowserContextOptions, Page, chromium as playwright } from 'playwright-core';

/** Debian's Chromium, used only when the npm-shipped binary cannot start (it needs no apt step; this does). */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * A headless Chromium from npm alone: @sparticuz/chromium ships the binary (inflated to
 * /tmp/chromium on first use, a few seconds) so browser tests need no `playwright install`.
 */
export async function launchBrowser(): Promise<Browser> {
  try {
    return await playwright.launch({
      executablePath: await chromium.executablePath(),
      // --single-process is for AWS Lambda's sandbox; with it, closing one context kills the whole
      // browser. Containers often give /dev/shm only 64 MB; Chromium then crashes on larger pages.
      args: [...chromium.args.filter((arg) => arg !== '--single-process'), '--disable-dev-shm-usage'],
      headless: true,
    });
  } catch (error) {
    if (!existsSync(SYSTEM_CHROMIUM)) throw error;
    return playwright.launch({
      executablePath: SYSTEM_CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run'],
      headless: true,
    });
  }
}

/** A phone: iPhone 12–15 class CSS viewport, retina density, touch, Chinese locale unless overridden. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

/** Runs `use` on a page in a fresh context (no shared cookies or cache between checks), then closes it. */
export async function withPage<T>(browser: Browser, options: BrowserContextOptions, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ ...PHONE, ...options });
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}
