import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOTS = path.resolve(__dirname, '../../../.artifacts/screenshots');

/**
 * Debian's Chromium, headless, with the flags this closed network needs (no background connections).
 * Playwright gives every launch a fresh temporary profile itself (and refuses a --user-data-dir argument).
 */
export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A phone-sized context (the mini-program's world) or a desktop one (the chief at a desk). */
export async function context(browser: Browser, kind: 'phone' | 'desktop' = 'phone'): Promise<BrowserContext> {
  return browser.newContext(
    kind === 'phone'
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }
      : { viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
  );
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400); // page-slide animations
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL not set: the e2e global setup did not run');
  return url;
};
