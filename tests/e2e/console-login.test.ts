/**
 * 扫码登录 end to end, in headless Chromium against the H5 build and the local stack: a desktop context opens
 * the app on a wide screen and its login page shows the mini-program code (made by the fake WeChat's
 * wxacode.getUnlimited); the test "scans" the PNG (jsQR) and a phone-size context signed in as chief-st01
 * opens the decoded link — the confirm page — and taps 确认登录; the desktop, polling every 2 s, lands on the
 * chief's queue within 3 s (measured). The phone then lists the computer under 登录设备 and signs it out,
 * after which the desktop's token is refused. An enterprise account opening a code is refused plainly.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { apiCall, baseUrl, context, demoAccount, shot, shown, signIn, text, useBrowser } from './support/browser';

const browser = useBrowser();

/** What a phone's camera would read from the QR code an <img> shows. */
async function scanQr(page: Page): Promise<string> {
  await page.waitForFunction(() => !!(document.querySelector('[data-testid="console-qr"] img') as HTMLImageElement | null)?.src);
  const src = await page.evaluate(() => {
    const el = document.querySelector('[data-testid="console-qr"] img') as HTMLImageElement | null;
    return el?.src ?? '';
  });
  expect(src).toMatch(/^data:image\/png;base64,/);
  const png = PNG.sync.read(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const decoded = jsQR(Uint8ClampedArray.from(png.data), png.width, png.height);
  if (!decoded) throw new Error('the QR code does not decode');
  return decoded.data;
}

const storedToken = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('zq.session.v1') ?? '{}').data?.accessToken as string | undefined);

test('the desktop signs in by scanning; the chief confirms on the phone; the desktop lands on the queue; the phone signs it out', async () => {
  const desktop = await (await context(browser(), 'desktop')).newPage();
  await desktop.goto(`${baseUrl()}/#/pages/index/index`);
  await text(desktop, '同意并继续').click();
  await shown(desktop, '[data-testid="console-qr"][data-state="pending"]').waitFor();
  const link = await scanQr(desktop);
  expect(link).toMatch(new RegExp(`^${baseUrl().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/#/packages/auth/pages/console-confirm/index\\?scene=[A-Za-z0-9_-]{24}$`));
  await shot(desktop, 'e2e-console-01-desktop-qr');

  const phone = await (await context(browser(), 'phone')).newPage();
  await signIn(phone, 'chief-st01');
  await shown(phone, '.home-page').waitFor();
  await phone.goto(link);
  const confirm = shown(phone, '[data-testid="console-confirm"][data-status="pending"]');
  await confirm.waitFor();
  await text(phone, '在电脑上登录助企直通车后台？').waitFor();
  await text(phone, 'Chrome', false).waitFor();
  await text(phone, '127.0.0.1', false).waitFor();
  await shot(phone, 'e2e-console-02-phone-confirm');

  const confirmedAt = Date.now();
  await shown(phone, '[data-testid="console-confirm-button"]').click();
  await shown(desktop, '[data-testid="station-queue"]').waitFor({ timeout: 10_000 });
  const landedMs = Date.now() - confirmedAt;
  console.log(`扫码登录: desktop on the chief's queue ${landedMs} ms after 确认登录`);
  expect(landedMs).toBeLessThanOrEqual(3000);
  await shown(phone, '[data-testid="console-confirm"][data-status="confirmed"]').waitFor();
  await shot(desktop, 'e2e-console-03-desktop-queue');

  // The desktop's session is a console session of the chief: it works, and shows on the phone.
  const desktopToken = await storedToken(desktop);
  expect(desktopToken).toBeTruthy();
  const me = await apiCall<{ role: string }>('GET', '/me', undefined, desktopToken);
  expect(me.role).toBe('chief');
  await phone.goto(`${baseUrl()}/#/packages/auth/pages/devices/index`);
  const device = shown(phone, '[data-testid="console-session"]');
  await device.waitFor();
  await text(phone, 'Chrome', false).waitFor();
  await shot(phone, 'e2e-console-04-phone-devices');

  // 退出 from the phone ends the desktop's session at its next request.
  await device.getByText('退出', { exact: true }).click();
  const modalConfirm = shown(phone, '.taro-model__confirm');
  await modalConfirm.waitFor();
  expect(await modalConfirm.textContent()).toBe('退出');
  await modalConfirm.click();
  await text(phone, '没有在电脑上登录').waitFor();
  const after = await fetch(`${baseUrl()}/api/me`, { headers: { authorization: `Bearer ${desktopToken}` } });
  expect(after.status).toBe(401);
});

test('an enterprise account that scans the code is told it cannot sign the console in', async () => {
  const desktop = await (await context(browser(), 'desktop')).newPage();
  await desktop.goto(`${baseUrl()}/#/packages/auth/pages/console/index`);
  await shown(desktop, '[data-testid="console-qr"][data-state="pending"]').waitFor();
  const link = await scanQr(desktop);

  const enterprise = await demoAccount({ role: 'enterprise' });
  const phone = await (await context(browser(), 'phone')).newPage();
  await signIn(phone, enterprise.accountId);
  await shown(phone, '.home-page').waitFor();
  await phone.goto(link);
  await shown(phone, '[data-testid="console-refused"]').waitFor();
  await text(phone, '企业账号不能登录助企直通车后台').waitFor();
  await shot(phone, 'e2e-console-05-enterprise-refused');
  // The desktop keeps waiting: nothing was confirmed.
  await desktop.waitForTimeout(2500);
  expect(await shown(desktop, '[data-testid="console-qr"]').getAttribute('data-state')).toBe('pending');
});
