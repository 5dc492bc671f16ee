/**
 * A phone on a bad network, in headless Chromium against the H5 build and the local stack: every API request
 * is delayed, and the first answer to filing an appeal and to booking a slot is dropped after the server has
 * committed it (Playwright routing: the request reaches the API, the reply never reaches the app). The app
 * retries with the same Idempotency-Key, tells the user it is retrying, and the server replays the stored
 * answer: exactly one appeal and one booking exist, and the user lands on one success.
 */
import type { Page, Route } from 'playwright-core';
import { bookToConfirm } from './support/booking';
import { apiCall, baseUrl, context, demoAccounts, shot, shown, text, useBrowser } from './support/browser';

const browser = useBrowser();

const DELAY_MS = 400;

/** The app's stored session (Taro H5 keeps `{ data }` JSON in localStorage under the app's key). */
async function storedSession(page: Page): Promise<{ accessToken: string; me: { enterprise?: { id: string } } }> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('zq.session.v1') ?? '{}').data);
}

type Seen = { keys: (string | undefined)[]; statuses: number[] };

/**
 * Delays every API request; for POST `path`, the first request is forwarded to the API and its answer dropped
 * (connection reset), later ones are forwarded normally. Returns what the API saw and answered.
 */
async function badNetwork(page: Page, path: string): Promise<Seen> {
  const seen: Seen = { keys: [], statuses: [] };
  await page.route('**/api/**', async (route: Route) => {
    await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
    const request = route.request();
    const url = new URL(request.url());
    if (request.method() !== 'POST' || url.pathname !== `/api${path}`) return route.continue();
    seen.keys.push(request.headers()['idempotency-key']);
    const response = await route.fetch();
    seen.statuses.push(response.status());
    if (seen.keys.length === 1) return route.abort('connectionreset');
    return route.fulfill({ response });
  });
  return seen;
}

async function signInAs(page: Page, label: string, landed: string) {
  await page.goto(`${baseUrl()}/#/pages/index/index`);
  await text(page, '同意并继续').click();
  await text(page, label).click();
  await text(page, landed).waitFor();
}

test('with the first reply dropped, filing an appeal and booking a slot each make one record and one success', async () => {
  // An enterprise no other browser test uses (they take the picker's first).
  const account = (await demoAccounts()).filter((a) => a.role === 'enterprise')[2];
  const ctx = await context(browser(), 'phone');
  const page = await ctx.newPage();
  await signInAs(page, account.label, '矛盾纠纷上报');
  const session = await storedSession(page);
  const enterpriseId = session.me.enterprise!.id;

  // ---- an appeal ---------------------------------------------------------------------------------------
  const title = `网络不稳时提交的诉求${Date.now().toString(36).slice(-4)}`;
  const appeals = await badNetwork(page, '/appeals');
  await text(page, '矛盾纠纷上报').click();
  await shown(page, '[data-testid="report-page"]').waitFor();
  await shown(page, 'input[placeholder="如：工地大门被堵无法施工"]').fill(title);
  await shown(page, '[data-testid="report-description"] textarea').fill('三名员工离职后索要加班费，双方对加班时长说法不一，希望联络官协助调解。');
  await shown(page, 'input[placeholder="如：民族路88号工地"]').fill('渝中区民族路188号');
  await shown(page, '[data-testid="report-next"]').click();
  await text(page, '点击选择分类').click();
  const overlay = shown(page, '.weui-picker');
  await overlay.waitFor();
  await page.waitForTimeout(400);
  await overlay.locator('.weui-picker__item', { hasText: '劳资纠纷' }).first().click({ force: true });
  await overlay.locator('.weui-picker__action', { hasText: '确定' }).click();
  await overlay.waitFor({ state: 'hidden' });
  await shown(page, '[data-testid="report-grade"] [data-key="3"]').click();
  await shown(page, '[data-testid="report-next"]').click();
  await shown(page, '[data-testid="report-submit"]').click();
  await text(page, '网络不稳定，正在重试…').waitFor();
  const detail = shown(page, '[data-testid="appeal-detail"]');
  await detail.waitFor();
  await text(page, title).waitFor();
  await shot(page, 'e2e-bad-network-01-appeal');

  expect(appeals.keys.length).toBeGreaterThanOrEqual(2);
  expect(new Set(appeals.keys).size).toBe(1);
  expect(appeals.keys[0]).toMatch(/^[\x21-\x7e]{1,128}$/);
  expect(appeals.statuses).toEqual(appeals.statuses.map(() => 201));
  const listed = await apiCall<{ items: { title: string }[] }>('GET', `/enterprises/${enterpriseId}/appeals?limit=50`, undefined, session.accessToken);
  expect(listed.items.filter((a) => a.title === title)).toHaveLength(1);
  await page.unroute('**/api/**');

  // ---- a booking -----------------------------------------------------------------------------------------
  const before = await apiCall<{ items: { id: string; status: string }[] }>('GET', '/bookings?limit=50', undefined, session.accessToken);
  const bookings = await badNetwork(page, '/bookings');
  await page.goto(`${baseUrl()}/#/pages/index/index`);
  await text(page, '预约办证').click();
  await bookToConfirm(page, '公章刻制备案');
  await text(page, '提交预约').click();
  await text(page, '网络不稳定，正在重试…').waitFor();
  await shown(page, '[data-testid="booking-code"]').waitFor();
  await text(page, '已预约').waitFor();
  await shot(page, 'e2e-bad-network-02-booking');

  expect(bookings.keys.length).toBeGreaterThanOrEqual(2);
  expect(new Set(bookings.keys).size).toBe(1);
  expect(bookings.statuses).toEqual(bookings.statuses.map(() => 201));
  const after = await apiCall<{ items: { id: string; status: string }[] }>('GET', '/bookings?limit=50', undefined, session.accessToken);
  const known = new Set(before.items.map((b) => b.id));
  expect(after.items.filter((b) => !known.has(b.id))).toHaveLength(1);
  await ctx.close();
});
