import { mkdirSync } from 'node:fs';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../../../shared/domain/credit-code';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { DemoAccount } from '../../../shared/schemas/auth';

export type { DemoAccount };

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

/**
 * One browser for the test file: sets the file's Jest timeout, launches Chromium before all tests and closes
 * it after them. Call at the top level of the file; the returned getter gives the browser inside a test.
 */
export function useBrowser(timeout = 180_000): () => Browser {
  jest.setTimeout(timeout);
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet: call the getter inside a test');
    return browser;
  };
}

// Taro's H5 router keeps earlier pages of the stack in the DOM (hidden): the locators below act only on
// what is shown, and on the first match.

/** The first shown element matching `selector`. */
export const shown = (page: Page, selector: string): Locator => page.locator(selector).filter({ visible: true }).first();

/** The first shown element matching `selector` that contains `hasText`. */
export const shownWith = (page: Page, selector: string, hasText: string | RegExp): Locator => page.locator(selector).filter({ visible: true, hasText }).first();

/** The first shown element with the text `value` (the whole text unless `exact` is false). */
export const text = (page: Page, value: string, exact = true): Locator => page.getByText(value, { exact }).filter({ visible: true }).first();

/** A JSON call to the local API (`path` after /api); a non-2xx answer throws with its status and body. */
export async function apiCall<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl()}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json as T;
}

/** The 演示登录 picker's accounts (GET /auth/demo-accounts, dev stage), in the picker's order. */
export async function demoAccounts(): Promise<DemoAccount[]> {
  return (await apiCall<{ items: DemoAccount[] }>('GET', '/auth/demo-accounts')).items;
}

/** A demo account: by its id (`chief-st01`, `officer-of001`, `enterprise-en0002`) or the picker's first of a role. */
export type AccountRef = string | { role: DemoAccount['role'] };

/** The demo account `ref` names; throws when the picker does not offer it. */
export async function demoAccount(ref: AccountRef): Promise<DemoAccount> {
  const accounts = await demoAccounts();
  const found = typeof ref === 'string' ? accounts.find((a) => a.accountId === ref) : accounts.find((a) => a.role === ref.role);
  if (!found) throw new Error(`no demo account ${typeof ref === 'string' ? ref : `with role ${ref.role}`} in the picker`);
  return found;
}

/**
 * Sign in as a demo account the way a user does: open the app, agree to the privacy guideline (同意并继续),
 * tap the account's label in the 演示登录 picker. Returns the account; waiting for its home is the caller's.
 */
export async function signIn(page: Page, ref: AccountRef): Promise<DemoAccount> {
  const account = await demoAccount(ref);
  await page.goto(`${baseUrl()}/#/pages/index/index`);
  await text(page, '同意并继续').click();
  await text(page, account.label).click();
  return account;
}

/**
 * Pull the shown page down with a finger (Chromium touch events over CDP), as a phone user refreshes: Taro's
 * H5 pull-down component (pages with enablePullDownRefresh) reads the touches' screenY and fires the page's
 * usePullDownRefresh past its distance. The page must be scrolled to the top.
 */
export async function pullToRefresh(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const cdp = await page.context().newCDPSession(page);
  const x = 120;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: 140 }] });
  for (let y = 150; y <= 460; y += 15) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Open a Taro picker by its shown value, then confirm. Options sit under a transparent mask (force). */
export async function pick(page: Page, trigger: string, option: string) {
  await text(page, trigger).click();
  const overlay = shown(page, '.weui-picker');
  await overlay.waitFor();
  await page.waitForTimeout(400); // slides up from below the viewport
  await overlay.locator('.weui-picker__item', { hasText: option }).first().click({ force: true });
  await overlay.locator('.weui-picker__action', { hasText: '确定' }).click();
  await overlay.waitFor({ state: 'hidden' });
  await text(page, option).waitFor();
}

/** A valid, unique 统一社会信用代码 in 渝中区 (500103), for an enterprise a test registers. */
export function uniqueCreditCode(): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += CREDIT_CODE_ALPHABET[Math.floor(Math.random() * CREDIT_CODE_ALPHABET.length)];
  const first17 = `91500103${org}`;
  return first17 + creditCodeCheckChar(first17);
}
