/**
 * 预约办证 end to end, in headless Chromium against the H5 build and the local stack (district seed): an
 * enterprise demo account books the first open slot of 居住登记 in four steps (service and materials → day →
 * time → confirm, going back once to check its choices are kept), sees where the station is with 查看地图 and
 * 拨打电话, finds its booking code in 我的预约, and cancels it with a reason.
 */
import { bookingStep, bookToConfirm, nextStep } from './support/booking';
import { baseUrl, context, shot, shown, signIn, text, useBrowser } from './support/browser';

const browser = useBrowser();

test('an enterprise books 居住登记, sees its code in 我的预约 and cancels it', async () => {
  const ctx = await context(browser(), 'phone');
  const page = await ctx.newPage();
  await signIn(page, { role: 'enterprise' });

  // 预约办证 → step ① of four, with the indicator; 下一步 with nothing chosen says what is missing.
  await text(page, '预约办证').click();
  await shown(page, '[data-testid="booking-step-bar"][aria-label="第1步，共4步"]').waitFor();
  await shown(page, '[data-testid="booking-next"]').click();
  expect(await shown(page, '[data-testid="booking-blocked"]').textContent()).toBe('请先选择要办理的业务');
  expect(await bookingStep(page)).toBe('service');

  // ① 居住登记 with what to bring → ② the first day with seats → ③ its first free slot → ④ confirm.
  await bookToConfirm(page, '居住登记/居住证办理');
  await shown(page, '[data-testid="booking-step-bar"][aria-label="第4步，共4步"]').waitFor();
  const when = (await shown(page, '[data-testid="booking-summary-time"]').textContent())!;
  expect(when).toMatch(/^\d+月\d+日 周. \d\d:\d\d–\d\d:\d\d$/);

  // Back to the time and the day: the choices are still marked; forward again to the same summary.
  await shown(page, '.form-footer__secondary').click();
  await shown(page, '[data-testid="booking-steps"][data-step="time"]').waitFor();
  expect(await page.locator('[data-testid="slot"][aria-checked="true"]').filter({ visible: true }).count()).toBe(1);
  await shown(page, '[data-testid="booking-back"]').click();
  await shown(page, '[data-testid="booking-steps"][data-step="day"]').waitFor();
  expect(await page.locator('[data-testid="day"][aria-checked="true"]').filter({ visible: true }).count()).toBe(1);
  await nextStep(page, 'time');
  await nextStep(page, 'confirm');
  expect(await shown(page, '[data-testid="booking-summary-time"]').textContent()).toBe(when);

  // Where to go: the station's name, address and phone, with 查看地图 (高德 on H5, at the seed's GCJ-02 point) and 拨打电话.
  const place = shown(page, '[data-testid="booking-summary"] [data-testid="station-place"]');
  expect(await place.textContent()).toMatch(/办理地点.+派出所重庆市渝中区.+号电话 023-63\d{6}/);
  await page.evaluate(() => {
    window.open = (url?: string | URL) => {
      (window as unknown as { opened: string }).opened = String(url);
      return null;
    };
  });
  await place.locator('[data-testid="station-map"]').click();
  const opened = await page.evaluate(() => (window as unknown as { opened?: string }).opened);
  expect(opened).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=106\.\d+,29\.\d+&name=/);
  expect(decodeURIComponent(opened!)).toMatch(/name=.+派出所/);
  await place.locator('[data-testid="station-call"]').waitFor();
  await shot(page, 'e2e-booking-01-form');
  await text(page, '提交预约').click();

  // The booking page with its 6-character code.
  const codeEl = shown(page, '[data-testid="booking-code"]');
  await codeEl.waitFor();
  const code = (await codeEl.textContent())!.trim();
  expect(code).toMatch(/^[23456789A-HJKMNP-Z]{6}$/);
  await text(page, '已预约').waitFor();
  // The booking page says where to go, with the same two actions.
  await shown(page, '[data-testid="booking-detail"] [data-testid="station-map"]').waitFor();
  await shown(page, '[data-testid="booking-detail"] [data-testid="station-call"]').waitFor();
  await shot(page, 'e2e-booking-02-booked');

  // 我的预约 lists it.
  await page.goto(`${baseUrl()}/#/packages/bookings/pages/mine/index`);
  await text(page, `预约码 ${code}`).click();

  // Cancel with a reason, after the confirmation.
  await shown(page, '[data-testid="booking-code"]').waitFor();
  await text(page, '取消预约').click();
  await shown(page, '[data-testid="booking-reason"] textarea').fill('员工临时出差，改日再约');
  await text(page, '确认取消').click();
  const confirm = shown(page, '.taro-model__confirm');
  await confirm.waitFor();
  await confirm.click();
  await shown(page, '[data-testid="booking-status"]').filter({ hasText: '已取消' }).waitFor();
  await text(page, '员工临时出差，改日再约').waitFor();
  await shot(page, 'e2e-booking-03-cancelled');
  await ctx.close();
});
