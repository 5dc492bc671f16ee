/**
 * 通知公告 end to end, in headless Chromium against the H5 build and the local stack (district seed + module
 * seeds): the chief of 解放碑派出所 publishes a fraud warning to the station's 住宿和餐饮业 enterprises; an
 * enterprise of that industry (en0002, 渝中区博利串串香店) finds it in 助企动态 and confirms 已阅知; the chief's
 * list and 阅知情况 show it read; an enterprise of the same station in another industry (en0014,
 * 租赁和商务服务业) never sees it.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl, context, pullToRefresh, shot, shown, shownWith, signIn, text, useBrowser } from './support/browser';

const browser = useBrowser(240_000);

/** A phone of its own for the demo account, signed in and on its home (showing `homeTile`). */
async function phoneOf(accountId: string, homeTile: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await context(browser(), 'phone');
  const page = await ctx.newPage();
  await signIn(page, accountId);
  await text(page, homeTile).waitFor();
  return { ctx, page };
}

async function open(page: Page, path: string, ready: string) {
  await page.goto(`${baseUrl()}/#${path}`);
  await shown(page, `[data-testid="${ready}"]`).waitFor();
}

const FEED = '/packages/bulletins/pages/feed/index';

test('a chief warns one industry; an enterprise of it confirms 已阅知; another industry never sees it', async () => {
  const title = `警惕冒充平台客服退款诈骗（${Date.now().toString(36).slice(-5)}）`;

  // The chief composes: 风险预警, title, body, 本所某一行业 → 住宿和餐饮业, preview, publish after confirming.
  const chief = await phoneOf('chief-st01', '发布信息'); // 陈晓东（解放碑派出所所长）
  await open(chief.page, '/packages/bulletins/pages/compose/index', 'bulletin-compose');
  await shown(chief.page, 'input[placeholder="如：警惕冒充税务人员“退税”诈骗"]').fill(title);
  await shown(chief.page, '[data-testid="compose-body"] textarea').fill('近期有不法分子冒充外卖、酒店预订平台客服，以“订单异常退款”为由诱导转账。\n- 平台**不会**要求共享屏幕\n- 如遇可疑来电请拨打96110');
  await text(chief.page, '本所某一行业').click();
  await text(chief.page, '住宿和餐饮业').click();
  await shown(chief.page, '[data-testid="compose-preview"]').click();
  await shown(chief.page, '[data-testid="rich-text"]').waitFor();
  await shot(chief.page, 'e2e-bulletins-01-compose');
  await shown(chief.page, '[data-testid="compose-submit"]').click();
  const confirm = shown(chief.page, '.taro-model__confirm');
  await confirm.waitFor();
  expect(await confirm.textContent()).toBe('发布');
  await confirm.click();
  await shown(chief.page, '[data-testid="bulletin-manage"]').waitFor();
  const item = shownWith(chief.page, '[data-testid="managed-item"]', title);
  await item.waitFor();
  const reads = (await item.locator('[data-testid="managed-reads"]').textContent())!;
  const [, readBefore, audience] = reads.match(/已阅知 (\d+)\/(\d+)/)!;
  expect(Number(readBefore)).toBe(0);
  expect(Number(audience)).toBeGreaterThan(1);

  // The enterprise of that industry: 助企动态 → the warning (highlighted) → 已阅知.
  const ent = await phoneOf('enterprise-en0002', '助企动态'); // 袁伟（企业负责人）
  await open(ent.page, FEED, 'bulletin-feed');
  const entry = shownWith(ent.page, '[data-testid="feed-item"]', title);
  await entry.waitFor();
  expect(await entry.getAttribute('data-kind')).toBe('risk');
  await shot(ent.page, 'e2e-bulletins-02-feed');
  await entry.click();
  await shownWith(ent.page, '[data-testid="bulletin-detail"]', title).waitFor();
  await shown(ent.page, '[data-testid="acknowledge"]').click();
  await shown(ent.page, '[data-testid="acknowledged"]').waitFor();
  expect(await shown(ent.page, '[data-testid="acknowledged"]').textContent()).toMatch(/^已于.+阅知$/);
  await shot(ent.page, 'e2e-bulletins-03-acknowledged');
  await ent.ctx.close();

  // An enterprise of the same station in another industry: its feed has the district-wide items, not this one.
  const other = await phoneOf('enterprise-en0014', '助企动态'); // 罗海燕（企业负责人）
  await open(other.page, FEED, 'bulletin-feed');
  await shown(other.page, '[data-testid="feed-item"]').waitFor();
  expect(await other.page.locator('[data-testid="feed-item"]', { hasText: title }).count()).toBe(0);
  await other.ctx.close();

  // The chief: the list shows one more read; 阅知情况 lists the enterprise under 已阅知.
  await open(chief.page, '/packages/bulletins/pages/manage/index', 'bulletin-manage');
  await pullToRefresh(chief.page); // a phone pulls down: the 刷新 button is for a desktop browser only
  const after = shownWith(chief.page, '[data-testid="managed-item"]', title);
  await after.locator('[data-testid="managed-reads"]', { hasText: `已阅知 1/${audience}` }).waitFor();
  await after.locator('[data-testid="open-receipts"]').click();
  await shown(chief.page, '[data-testid="bulletin-receipts"]').waitFor();
  await shownWith(chief.page, '[data-testid="receipt-item"]', '渝中区博利串串香店').waitFor();
  await shot(chief.page, 'e2e-bulletins-04-receipts');
  await text(chief.page, '未阅知').click();
  await shownWith(chief.page, '[data-testid="receipt-item"]', /未阅知$/).waitFor();
  expect(await chief.page.locator('[data-testid="receipt-item"]', { hasText: '渝中区博利串串香店' }).filter({ visible: true }).count()).toBe(0);
  await chief.ctx.close();
});
