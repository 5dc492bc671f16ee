/**
 * 预约办证 end to end, in headless Chromium against the H5 build and the local stack (district seed): an
 * enterprise demo account books the first open slot of 居住登记, finds its booking code in 我的预约, and
 * cancels it with a reason.
 */
import { baseUrl, context, shot, shown, signIn, text, useBrowser } from './support/browser';

const browser = useBrowser();

test('an enterprise books 居住登记, sees its code in 我的预约 and cancels it', async () => {
  const ctx = await context(browser(), 'phone');
  const page = await ctx.newPage();
  await signIn(page, { role: 'enterprise' });

  // 预约办证 → the station's services → 居住登记 with what to bring.
  await text(page, '预约办证').click();
  await text(page, '居住登记/居住证办理').click();
  await text(page, '请携带').waitFor();
  const slot = shown(page, '.slot-picker__slot:not(.slot-picker__slot--disabled)');
  await slot.waitFor();
  await slot.click();
  await shot(page, 'e2e-booking-01-form');
  await text(page, '提交预约').click();

  // The booking page with its 6-character code.
  const codeEl = shown(page, '[data-testid="booking-code"]');
  await codeEl.waitFor();
  const code = (await codeEl.textContent())!.trim();
  expect(code).toMatch(/^[23456789A-HJKMNP-Z]{6}$/);
  await text(page, '已预约').waitFor();
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
