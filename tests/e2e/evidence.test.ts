/**
 * 证据材料 end to end, in headless Chromium against the H5 build and the local stack (DynamoDB Local, the local
 * S3 that enforces presigned POST policies, the fake WeChat that fetches each image and pushes its verdict):
 *   (a) a new enterprise (its own, registered here in 解放碑派出所) reports 门口被堵 with two photos picked from
 *       the album; a third photo that WeChat finds risky shows 未通过审核 on its tile and is removed;
 *   (b) its liaison officer opens the appeal, sees both thumbnails (and no third), opens one full size, and
 *       replies with a photo the enterprise then sees;
 *   (c) the officer logs a visit with a photo (工作影像资料), and the chief of st01 sees it in the enterprise's file.
 * The photos are real PNGs (the app decodes and resizes them on a canvas before uploading, as it does on H5).
 */
import { createHash } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { apiCall, baseUrl, context, shot, shown, signIn, text, useBrowser, pick, uniqueCreditCode } from './support/browser';
import { png } from './support/png';

const browser = useBrowser(240_000);

const photo = (name: string, rgb: [number, number, number]) => ({ name, mimeType: 'image/png', buffer: png(96, 72, rgb) });

/** 相册 in an attachment picker: the H5 app opens a file input, the "user" chooses these files in it. */
async function chooseFromAlbum(page: Page, picker: string, files: ReturnType<typeof photo>[]) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), shown(page, `[data-testid="${picker}"] [data-testid="pick-album"]`).click()]);
  await chooser.setFiles(files);
}

/** The image inside a thumbnail has been fetched (from its presigned GET) and decoded. */
async function imageLoaded(page: Page, tile: Locator) {
  await tile.scrollIntoViewIfNeeded(); // thumbnails load lazily, once on screen
  const img = tile.locator('img').first();
  await img.waitFor({ state: 'attached' });
  await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle());
}

/** Reload until `what` is shown: a file becomes visible to others only once WeChat's verdict has arrived. */
async function reloadUntil(page: Page, what: () => Locator, tries = 10) {
  for (let i = 0; ; i++) {
    try {
      await what().waitFor({ timeout: 5000 });
      return;
    } catch (error) {
      if (i >= tries) throw error;
      await page.reload();
    }
  }
}

/** The stored session's access token (Taro H5 keeps `{ data }` JSON under the app's key). */
const accessToken = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('zq.session.v1') ?? '{}').data.accessToken as string);

/**
 * Signs in as any seeded officer: the demo picker lists only ~2 per station, and POST /auth/demo (dev stage, the
 * route the picker calls) signs in as any of them; the session is stored under the app's key as after a tap.
 */
async function signInOfficer(page: Page, officerId: string) {
  const session = await apiCall<{ accessToken: string; refreshToken: string; expiresIn: number; me: unknown }>('POST', '/auth/demo', { accountId: `officer-${officerId}` });
  await page.goto(`${baseUrl()}/#/pages/index/index`);
  await text(page, '同意并继续').click();
  await text(page, '微信一键登录').waitFor();
  await page.evaluate((s) => {
    localStorage.setItem('zq.session.v1', JSON.stringify({ data: { accessToken: s.accessToken, refreshToken: s.refreshToken, expiresAt: Date.now() + s.expiresIn * 1000, me: s.me } }));
  }, session);
  // A fresh load (not a hash change, which the running app would route to 登录 before reading the storage).
  await page.goto('about:blank');
  await page.goto(`${baseUrl()}/#/pages/index/index`);
  await text(page, '，您好', false)
    .waitFor()
    .catch(async (error) => {
      await shot(page, 'e2e-evidence-officer-signin-failed');
      throw error;
    });
}

/**
 * Photos posted to the local S3 while `armed` are made risky for WeChat's check (POST /__fake/risky with the
 * file's MD5): the app re-encodes each photo before upload, so only the bytes it posts are known.
 */
async function riskyUploads(page: Page): Promise<{ arm: (on: boolean) => void; marked: () => number }> {
  let armed = false;
  let marked = 0;
  await page.route(
    (url) => url.pathname.replace(/\/$/, '').endsWith('-evidence'),
    async (route) => {
      const body = route.request().postDataBuffer();
      if (armed && route.request().method() === 'POST' && body) {
        const head = body.indexOf('name="file"');
        const start = body.indexOf('\r\n\r\n', head) + 4;
        const end = body.lastIndexOf('\r\n--');
        const md5 = createHash('md5').update(body.subarray(start, end)).digest('hex');
        const res = await fetch(`${process.env.E2E_WECHAT_URL}/__fake/risky`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ md5 }) });
        expect(res.ok).toBe(true);
        marked++;
      }
      await route.continue();
    },
  );
  return { arm: (on) => (armed = on), marked: () => marked };
}

test('photos of a dispute reach the officer after WeChat passes them; a risky one never does; visit photos reach the chief', async () => {
  const suffix = Date.now().toString(36).slice(-4).toUpperCase();
  const enterpriseName = `重庆渝中证据测试商贸有限公司${suffix}`;
  const appealTitle = `仓库门口被堵货车无法进出${suffix}`;

  // ---- (a) the enterprise registers, then reports with photos --------------------------------------------
  const entContext = await context(browser(), 'phone');
  const ent = await entContext.newPage();
  const risky = await riskyUploads(ent);
  // What the browser refused (CORS, a failed upload) is printed, so a failure says why.
  ent.on('requestfailed', (r) => console.log(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
  ent.on('console', (m) => m.type() === 'error' && console.log(`console error: ${m.text()}`));
  await ent.goto(`${baseUrl()}/#/pages/index/index`);
  await text(ent, '同意并继续').click();
  await text(ent, '微信一键登录').click();
  await text(ent, '企业注册', true).click();
  await shown(ent, 'input[placeholder="与营业执照一致"]').fill(enterpriseName);
  await shown(ent, 'input[placeholder="18位，见营业执照"]').fill(uniqueCreditCode());
  await pick(ent, '点击选择行业', '批发和零售业');
  await shown(ent, 'input[placeholder="经营场所详细地址"]').fill('渝中区民族路166号');
  await pick(ent, '点击选择企业所在地的派出所', '解放碑派出所');
  await shown(ent, 'input[placeholder="如 50"]').fill('30');
  await shown(ent, 'input[placeholder="联系人姓名"]').fill('李晓梅');
  await shown(ent, 'input[placeholder="联系人手机号码"]').fill('13900139000');
  await text(ent, '提交注册').click();
  await shown(ent, '.officer-card__name').waitFor();

  await text(ent, '矛盾纠纷上报').click();
  await shown(ent, '[data-testid="report-page"]').waitFor();
  await shown(ent, 'input[placeholder="如：工地大门被堵无法施工"]').fill(appealTitle);
  await shown(ent, '[data-testid="report-description"] textarea').fill('今天早上起有人把三辆面包车停在仓库门口，货车进不来也出不去，附现场照片。');
  await shown(ent, 'input[placeholder="如：民族路88号工地"]').fill('渝中区民族路166号仓库大门');

  await chooseFromAlbum(ent, 'attachment-picker', [photo('门口1.png', [200, 60, 40]), photo('门口2.png', [40, 90, 200])]);
  const tiles = ent.locator('[data-testid="attachment-picker"] [data-testid="picked-file"]').filter({ visible: true });
  // Each tile: 上传中 → 待审核 (uploaded and confirmed) → 已通过 once WeChat's verdict is pushed.
  await ent.locator('[data-testid="attachment-picker"] [data-testid="picked-file"][data-status="available"]').nth(1).waitFor();
  expect(await tiles.allTextContents()).toEqual(['已通过×', '已通过×']);

  risky.arm(true);
  await chooseFromAlbum(ent, 'attachment-picker', [photo('门口3.png', [30, 160, 60])]);
  const rejected = shown(ent, '[data-testid="attachment-picker"] [data-testid="picked-file"][data-status="rejected"]');
  await rejected.waitFor();
  risky.arm(false);
  expect(risky.marked()).toBe(1);
  expect(await rejected.textContent()).toContain('未通过审核');
  await shot(ent, 'e2e-evidence-01-report-photos');
  await rejected.locator('[data-testid="remove-file"]').click();
  await ent.waitForFunction(() => document.querySelectorAll('[data-testid="attachment-picker"] [data-testid="picked-file"]').length === 2);

  await shown(ent, '[data-testid="report-next"]').click();
  await pick(ent, '点击选择分类', '阻工/封门堵路');
  await shown(ent, '[data-testid="report-grade"] [data-key="1"]').click();
  await shown(ent, '[data-testid="report-next"]').click();
  await shown(ent, '[data-testid="report-urgency"] [data-key="normal"]').click();
  await shown(ent, '[data-testid="report-submit"]').click();
  await shown(ent, '[data-testid="appeal-detail"]').waitFor();
  await text(ent, appealTitle).waitFor();
  expect(await shown(ent, '[data-testid="appeal-evidence"]').locator('[data-testid="attachment"]').count()).toBe(2);
  const appealId = new URL(ent.url().replace('/#/', '/')).searchParams.get('id')!;
  const entToken = await accessToken(ent);
  const { appeal } = await apiCall<{ appeal: { officerId: string; enterpriseId: string; stationId: string } }>('GET', `/appeals/${appealId}`, undefined, entToken);
  expect(appeal.stationId).toBe('st01');

  // ---- (b) the officer: both photos, one full size, a reply with a photo ----------------------------------
  const offContext = await context(browser(), 'phone');
  const off = await offContext.newPage();
  await signInOfficer(off, appeal.officerId);
  await off.goto(`${baseUrl()}/#/packages/appeals/pages/detail/index?id=${appealId}`);
  await shown(off, '[data-testid="appeal-detail"]').waitFor();
  await text(off, appealTitle).waitFor();
  const evidence = shown(off, '[data-testid="appeal-evidence"]');
  const thumbs = evidence.locator('[data-testid="attachment"]');
  await thumbs.nth(1).waitFor();
  // Exactly the two passed photos: the risky one was never filed, and no tile carries a review state.
  expect(await thumbs.count()).toBe(2);
  expect((await evidence.textContent())!.includes('未通过')).toBe(false);
  await imageLoaded(off, thumbs.nth(0));
  await imageLoaded(off, thumbs.nth(1));
  await shot(off, 'e2e-evidence-02-officer-thumbnails');

  // Full size: the H5 previewImage viewer over the page, the tapped photo's bytes decoded.
  await thumbs.nth(0).click();
  const viewer = shown(off, '.preview-image');
  await viewer.waitFor();
  const big = viewer.locator('img');
  expect(await big.count()).toBe(2);
  await off.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await big.first().elementHandle());
  await shot(off, 'e2e-evidence-03-officer-preview');
  await viewer.click();
  await viewer.waitFor({ state: 'detached' });

  await shown(off, '[data-testid="message-input"] textarea').fill('民警已联系车主挪车，现场照片见附件。');
  await chooseFromAlbum(off, 'message-picker', [photo('现场.png', [120, 120, 30])]);
  await off.locator('[data-testid="message-picker"] [data-testid="picked-file"]:not([data-status="uploading"])').first().waitFor();
  await shown(off, '[data-testid="message-send"]').click();
  const reply = shown(off, '[data-testid="appeal-message"]').filter({ hasText: '民警已联系车主挪车' });
  await reply.locator('[data-testid="message-attachments"] [data-testid="attachment"]').waitFor();

  // The enterprise sees the reply's photo once WeChat has passed it.
  await ent.reload();
  await reloadUntil(ent, () => shown(ent, '[data-testid="appeal-message"]').filter({ hasText: '民警已联系车主挪车' }).locator('[data-testid="message-attachments"] [data-testid="attachment"]'));
  await imageLoaded(ent, shown(ent, '[data-testid="message-attachments"] [data-testid="attachment"]'));
  await shot(ent, 'e2e-evidence-04-enterprise-reply-photo');

  // ---- (c) a visit with a photo, seen by the chief in the enterprise's file -------------------------------
  await off.goto(`${baseUrl()}/#/packages/fieldwork/pages/visit/index?enterpriseId=${appeal.enterpriseId}&name=${encodeURIComponent(enterpriseName)}`);
  await shown(off, '[data-testid="visit-new"]').waitFor();
  await shown(off, '[data-testid="visit-met-with"] input').fill('企业负责人李晓梅');
  await shown(off, '[data-testid="visit-content"] textarea').fill('回访仓库门口堵车问题，车辆已挪走，通道畅通。');
  await chooseFromAlbum(off, 'visit-picker', [photo('走访.png', [90, 30, 140])]);
  await off.locator('[data-testid="visit-picker"] [data-testid="picked-file"][data-status="available"]').first().waitFor();
  await shown(off, '[data-testid="visit-submit"]').click();
  await shown(off, '[data-testid="visit-detail"]').waitFor();

  const chiefContext = await context(browser(), 'phone');
  const chief = await chiefContext.newPage();
  await signIn(chief, 'chief-st01');
  await text(chief, '每日队列').waitFor();
  await chief.goto(`${baseUrl()}/#/packages/enterprise/pages/file/index?enterpriseId=${appeal.enterpriseId}`);
  const visitPhotos = shown(chief, '[data-testid="file-visits"] [data-testid="visit-photos"]');
  await visitPhotos.waitFor();
  expect(await visitPhotos.locator('[data-testid="attachment"]').count()).toBe(1);
  await imageLoaded(chief, visitPhotos.locator('[data-testid="attachment"]').first());
  await shot(chief, 'e2e-evidence-05-chief-file-visit-photo');

  await Promise.all([entContext.close(), offContext.close(), chiefContext.close()]);
});
