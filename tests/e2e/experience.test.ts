/**
 * The app as its users see it, in headless Chromium against the H5 build and the local stack (district seed):
 * every main screen of each role at 375×812, in the standard size and in 大字模式 (适老化, switched on in 我的),
 * written to .artifacts/screenshots as `exp-<size>-<role>-<screen>.png`. On every screen:
 *   - no text overflows its box (an element's scrollWidth beyond its clientWidth) or runs off the screen;
 *   - every tap target (buttons, chips, tiles, options, list rows) is at least 44 px high and wide, and in
 *     大字模式 buttons are at least 1.25 × 44 px high;
 * and, as flows: the report form's deadline preview before submitting, and pull-to-refresh reloading a list.
 */
import jsQR from 'jsqr';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { apiCall, baseUrl, pullToRefresh, SCREENSHOTS, shown, signIn, text, useBrowser } from './support/browser';

const browser = useBrowser(600_000);

const ENTERPRISE = 'enterprise-en0002'; // 渝中区博利串串香店, 解放碑派出所
type Session = { accessToken: string; me: { enterprise: { id: string; officerId: string; stationId: string; contactName: string; contactMobile: string } | null } };

/** What the screens need that the seed may not give this enterprise: an open appeal, and a booking. */
const fixture = { officer: '', appealId: '', booking: { id: '', code: '', date: '' } };

beforeAll(async () => {
  const ent = await apiCall<Session>('POST', '/auth/demo', { accountId: ENTERPRISE });
  const enterprise = ent.me.enterprise!;
  fixture.officer = `officer-${enterprise.officerId}`;
  const filed = await apiCall<{ appeal: { id: string } }>(
    'POST',
    '/appeals',
    { type: 'help', category: 'fraud-prevention', urgency: 'normal', title: '收到冒充客服的退款电话', description: '店员接到自称美团客服的电话，要求下载会议软件办理退款，想请联络官帮忙辨别。' },
    ent.accessToken,
  );
  fixture.appealId = filed.appeal.id;
  const slots = await apiCall<{ items: { start: string; date: string; left: number }[] }>('GET', `/stations/${enterprise.stationId}/booking-services/residence/slots?days=30`, undefined, ent.accessToken);
  // The last free slot of the window: the booking and bad-network tests, with the same demo enterprise, take the first.
  const slot = slots.items.findLast((x) => x.left > 0)!;
  const booked = await apiCall<{ booking: { id: string; code: string } }>(
    'POST',
    '/bookings',
    { serviceId: 'residence', slotStart: slot.start, contactName: enterprise.contactName, contactMobile: '13800138000', people: 2, onSite: false },
    ent.accessToken,
  );
  fixture.booking = { id: booked.booking.id, code: booked.booking.code, date: slot.date };
});

const TAP_MIN = 44;
const LARGE_BUTTON_MIN = 44 * 1.25;

type Size = 'standard' | 'large';
interface Screen {
  name: string;
  /** Hash path of the page, or a function that opens it (pages reached from a list). */
  open: string | ((page: Page) => Promise<void>);
}

async function phone(): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser().newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return { ctx, page: await ctx.newPage() };
}

async function goto(page: Page, path: string) {
  await page.goto(`${baseUrl()}/#${path}`);
}

/** Wait until the shown page has no loading state left (skeletons, 正在加载…), then for its animations. */
async function settled(page: Page) {
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('.status-view--loading, .skeleton')).some((el) => (el as HTMLElement).checkVisibility()), undefined, { timeout: 15_000 });
  await page.waitForTimeout(500);
}

interface Problem {
  what: string;
  text: string;
  detail: string;
}

/** Text that overflows its box or leaves the screen, and tap targets below the minimum, on the shown page. */
async function layoutProblems(page: Page, size: Size): Promise<Problem[]> {
  return page.evaluate(
    ({ tapMin, largeButtonMin, large }) => {
      const problems: { what: string; text: string; detail: string }[] = [];
      const width = window.innerWidth;
      const label = (el: Element) => (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        if (!el.checkVisibility() || el.closest('input, textarea, .weui-picker, .taro__toast, .taro-modal__mask, .taro__modal')) continue;
        const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (!ownText) continue;
        const style = getComputedStyle(el);
        // One-line titles cut with an ellipsis are a choice of the design, not a clipped text.
        if (style.textOverflow === 'ellipsis') continue;
        if (style.display !== 'inline' && el.scrollWidth > el.clientWidth + 1) {
          problems.push({ what: 'text overflows its box', text: label(el), detail: `${el.className}: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}` });
          continue;
        }
        // Chips in a sideways-scrolling row (filters, dates) are meant to run past the edge.
        let scroller: HTMLElement | null = el.parentElement;
        while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
        if (scroller) continue;
        const range = document.createRange();
        range.selectNodeContents(el);
        for (const rect of Array.from(range.getClientRects())) {
          if (rect.width > 0 && (rect.right > width + 1 || rect.left < -1)) {
            problems.push({ what: 'text runs off the screen', text: label(el), detail: `${el.className}: ${Math.round(rect.left)}–${Math.round(rect.right)} of ${width}` });
            break;
          }
        }
      }
      const targets = 'taro-button-core, .choice-chips__chip, .tile-grid__tile, .report-form__option, .enterprise-home__shortcut, .enterprise-home__report, .mine-page__row--link, .slot-picker__slot';
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(targets))) {
        if (!el.checkVisibility()) continue;
        const rect = el.getBoundingClientRect();
        if (rect.height < tapMin - 0.5 || rect.width < tapMin - 0.5) {
          problems.push({ what: 'tap target too small', text: label(el), detail: `${el.className}: ${Math.round(rect.width)}×${Math.round(rect.height)}` });
        } else if (large && el.matches('taro-button-core.app-button') && rect.height < largeButtonMin - 0.5) {
          problems.push({ what: 'button not enlarged in 大字模式', text: label(el), detail: `${el.className}: height ${Math.round(rect.height)}` });
        }
      }
      return problems;
    },
    { tapMin: TAP_MIN, largeButtonMin: LARGE_BUTTON_MIN, large: size === 'large' },
  );
}

/** On a booking step: tap the first free choice (if any), then 下一步 to the expected step. */
async function tapThenNext(page: Page, choice: string | null, expected: string) {
  if (choice) await shown(page, choice).click();
  await shown(page, '[data-testid="booking-next"]').click();
  await shown(page, `[data-testid="booking-steps"][data-step="${expected}"]`).waitFor();
}

/** 我的 → 大字模式 on, as a user does it. */
async function switchLargeText(page: Page) {
  await goto(page, '/pages/mine/index');
  const row = shown(page, '[data-testid="mine-large-text"]');
  await row.waitFor();
  await row.locator('input').click();
  await page.waitForFunction(() => document.documentElement.style.getPropertyValue('--zq-fs') === '1.3');
}

async function storedEnterpriseId(page: Page): Promise<string> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('zq.session.v1') ?? '{}').data.me.enterprise.id);
}

const ROLES: { role: string; account: string; home: string; screens: (page: Page) => Promise<Screen[]> }[] = [
  {
    role: 'enterprise',
    account: ENTERPRISE,
    home: '[data-testid="home-report"]',
    screens: async (page) => [
      { name: 'home', open: '/pages/index/index' },
      { name: 'report', open: '/packages/appeals/pages/report/index' },
      { name: 'my-appeals', open: '/packages/appeals/pages/mine/index' },
      { name: 'appeal', open: `/packages/appeals/pages/detail/index?id=${fixture.appealId}` },
      { name: 'booking', open: '/packages/bookings/pages/book/index' },
      // 预约办证's steps, walked as a user does (nothing is booked: the booking tests take the first free slot).
      { name: 'booking-1-service', open: async (p) => void (await text(p, '居住登记/居住证办理').click()) },
      { name: 'booking-2-day', open: (p) => tapThenNext(p, null, 'day') },
      { name: 'booking-3-time', open: (p) => tapThenNext(p, '.slot-picker__slot:not(.slot-picker__slot--disabled)', 'time') },
      { name: 'booking-4-confirm', open: (p) => tapThenNext(p, '.slot-picker__slot:not(.slot-picker__slot--disabled)', 'confirm') },
      { name: 'my-bookings', open: '/packages/bookings/pages/mine/index' },
      { name: 'booking-qr', open: `/packages/bookings/pages/detail/index?id=${fixture.booking.id}` },
      { name: 'feed', open: '/packages/bulletins/pages/feed/index' },
      { name: 'knowledge', open: '/packages/knowledge/pages/search/index' },
      { name: 'notifications', open: '/packages/notifications/pages/list/index' },
      { name: 'file', open: `/packages/enterprise/pages/file/index?enterpriseId=${await storedEnterpriseId(page)}` },
      { name: 'access-log', open: '/packages/enterprise/pages/access-log/index' },
      { name: 'mine', open: '/pages/mine/index' },
    ],
  },
  {
    role: 'officer',
    account: '', // the enterprise's own officer, who has its appeal (fixture.officer)
    home: '[data-testid="enterprise-search"]',
    screens: async () => [
      { name: 'home', open: '/pages/index/index' },
      { name: 'inbox', open: '/packages/appeals/pages/inbox/index' },
      { name: 'appeal', open: `/packages/appeals/pages/detail/index?id=${fixture.appealId}` },
      { name: 'bookings', open: `/packages/bookings/pages/station/index?date=${fixture.booking.date}` },
      { name: 'visits', open: '/packages/fieldwork/pages/visits/index' },
      { name: 'rectifications', open: '/packages/fieldwork/pages/rectifications/index' },
      { name: 'mine', open: '/pages/mine/index' },
    ],
  },
  {
    role: 'chief',
    account: 'chief-st01',
    home: '.tile-grid',
    screens: async () => [
      { name: 'home', open: '/pages/index/index' },
      { name: 'queue', open: '/packages/appeals/pages/queue/index' },
      { name: 'stats', open: '/packages/reports/pages/stats/index' },
      { name: 'digest', open: '/packages/reports/pages/digest/index' },
      { name: 'publish', open: '/packages/bulletins/pages/manage/index' },
      { name: 'mine', open: '/pages/mine/index' },
    ],
  },
  {
    role: 'centre',
    account: 'centre-c1',
    home: '.tile-grid',
    screens: async () => [
      { name: 'home', open: '/pages/index/index' },
      { name: 'queue', open: '/packages/appeals/pages/queue/index' },
      { name: 'stats', open: '/packages/reports/pages/stats/index' },
      { name: 'calendar', open: '/packages/calendar/pages/year/index' },
      { name: 'mine', open: '/pages/mine/index' },
    ],
  },
];

describe.each(['standard', 'large'] as const)('every main screen at 375×812, %s text', (size) => {
  test.each(ROLES.map((r) => [r.role, r] as const))('%s', async (_role, role) => {
    const { ctx, page } = await phone();
    await signIn(page, role.account || fixture.officer);
    await shown(page, role.home).waitFor();
    if (size === 'large') await switchLargeText(page);

    const found: Record<string, Problem[]> = {};
    for (const screen of await role.screens(page)) {
      if (typeof screen.open === 'string') await goto(page, screen.open);
      else await screen.open(page);
      await settled(page);
      await page.screenshot({ path: `${SCREENSHOTS}/exp-${size}-${role.role}-${screen.name}.png`, fullPage: true });
      const problems = await layoutProblems(page, size);
      if (problems.length > 0) found[screen.name] = problems;
    }
    expect(found).toEqual({});
    await ctx.close();
  });
});

test('大字模式 makes the text at least 1.3× larger', async () => {
  const { ctx, page } = await phone();
  await signIn(page, ENTERPRISE);
  const title = shown(page, '.enterprise-home__report-title');
  await title.waitFor();
  const before = await title.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  await switchLargeText(page);
  await goto(page, '/pages/index/index');
  await title.waitFor();
  const after = await title.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(after / before).toBeGreaterThanOrEqual(1.3 - 0.01);
  await ctx.close();
});

test('the report form shows the deadline that follows before submitting (紧急：24小时内办结)', async () => {
  const { ctx, page } = await phone();
  await signIn(page, ENTERPRISE);
  await shown(page, '[data-testid="home-report"]').click();
  await shown(page, '[data-testid="report-page"]').waitFor();
  expect(await shown(page, '[data-testid="report-question"]').textContent()).toBe('你遇到了什么事？');
  await shown(page, 'input[placeholder="如：工地大门被堵无法施工"]').fill('工地大门被堵无法施工');
  await shown(page, '[data-testid="report-description"] textarea').fill('今天上午十余名外来人员堵住工地大门，施工车辆无法进出。');
  await shown(page, '[data-testid="report-next"]').click();
  expect(await shown(page, '[data-testid="report-question"]').textContent()).toBe('属于哪一类？');
  await shown(page, '[data-testid="report-type"] [data-key="dispute"]').click();
  await text(page, '点击选择分类').click();
  const overlay = shown(page, '.weui-picker');
  await overlay.waitFor();
  await page.waitForTimeout(400);
  await overlay.locator('.weui-picker__item', { hasText: '阻工/封门堵路' }).first().click({ force: true });
  await overlay.locator('.weui-picker__action', { hasText: '确定' }).click();
  await overlay.waitFor({ state: 'hidden' });
  await shown(page, '[data-testid="report-grade"] [data-key="2"]').click();
  await shown(page, '[data-testid="report-next"]').click();
  expect(await shown(page, '[data-testid="report-question"]').textContent()).toBe('有多急？');
  await shown(page, '[data-testid="report-urgency"] [data-key="urgent"]').click();
  expect(await shown(page, '[data-testid="report-deadline"]').textContent()).toBe('紧急：24小时内办结');
  await page.screenshot({ path: `${SCREENSHOTS}/exp-report-deadline.png`, fullPage: true });
  await ctx.close();
});

test('the booking is a QR code the counter scans to check it in (scan simulated in H5 by pasting its text)', async () => {
  // The enterprise shows its booking: the QR code on the page decodes to the booking's id and code.
  const { ctx, page } = await phone();
  await signIn(page, ENTERPRISE);
  await shown(page, '[data-testid="home-report"]').waitFor();
  await goto(page, `/packages/bookings/pages/detail/index?id=${fixture.booking.id}`);
  const qr = shown(page, '[data-testid="booking-qr"] img');
  await qr.waitFor();
  const png = PNG.sync.read(await qr.screenshot());
  const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  expect(scanned).toBe(`ZQBK:${fixture.booking.id}:${fixture.booking.code}`);
  await page.screenshot({ path: `${SCREENSHOTS}/exp-booking-qr.png` });
  await ctx.close();

  // The officer at the counter: 扫码核验到场 → (H5: paste what the scanner read) → the booking is found and 登记到场 is asked.
  const counter = await phone();
  await signIn(counter.page, fixture.officer);
  await shown(counter.page, '[data-testid="enterprise-search"]').waitFor();
  await goto(counter.page, `/packages/bookings/pages/station/index?date=${fixture.booking.date}`);
  await shown(counter.page, '[data-testid="scan-check-in"]').click();
  await shown(counter.page, '[data-testid="scan-input"] input').fill(scanned!);
  await counter.page.screenshot({ path: `${SCREENSHOTS}/exp-booking-scan.png` });
  await shown(counter.page, '[data-testid="scan-submit"]').click();
  const modal = shown(counter.page, '.taro-modal__content');
  await modal.waitFor();
  expect(await modal.textContent()).toContain(`预约码 ${fixture.booking.code}`);
  expect(await modal.textContent()).toContain('核验通过');
  await counter.page.screenshot({ path: `${SCREENSHOTS}/exp-booking-checked.png` });
  // Arriving is allowed only on the booking's day (the server's rule); this run's booking may be on a later day.
  await shown(counter.page, '.taro-model__cancel').click();

  // The 6 characters typed by hand find it on the day's list too; a wrong code says so.
  await shown(counter.page, '[data-testid="scan-check-in"]').click();
  await shown(counter.page, '[data-testid="scan-input"] input').fill('ZZZZZZ');
  await shown(counter.page, '[data-testid="scan-submit"]').click();
  await text(counter.page, '没有预约码为 ZZZZZZ 的预约', false).waitFor();
  await shown(counter.page, '[data-testid="scan-input"] input').fill(fixture.booking.code.toLowerCase());
  await shown(counter.page, '[data-testid="scan-submit"]').click();
  await shown(counter.page, '.taro-modal__content').filter({ hasText: '核验通过' }).waitFor();
  await shown(counter.page, '.taro-model__cancel').click();
  await counter.ctx.close();
});

test('pulling the officer’s inbox down loads it again', async () => {
  const { ctx, page } = await phone();
  await signIn(page, fixture.officer);
  await shown(page, '[data-testid="enterprise-search"]').waitFor();
  await goto(page, '/packages/appeals/pages/inbox/index');
  await shown(page, '[data-testid="appeal-item"]').waitFor();
  const reloaded = page.waitForRequest((req) => /\/api\/officers\/[^/]+\/inbox/.test(req.url()), { timeout: 10_000 });
  await pullToRefresh(page);
  await reloaded;
  await shown(page, '[data-testid="appeal-item"]').waitFor();
  await ctx.close();
});
