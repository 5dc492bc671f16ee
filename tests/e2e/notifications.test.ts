/**
 * 消息 end to end, in headless Chromium against the H5 build and the local stack (district seed, fake
 * WeChat): an enterprise demo account has granted one 诉求回复通知 subscription (as the mini-program would
 * record it after the user's tap); its officer replies to its appeal; the WeChat message goes out through
 * the fake (delivery log: sent), and in the browser the notification shows unread, opens the appeal, is
 * read afterwards, and 全部已读 clears the rest after confirmation. H5 explains that subscribing needs WeChat.
 */
import { apiCall, baseUrl, context, demoAccount, shot, shown, signIn, text, useBrowser } from './support/browser';

const browser = useBrowser();

/** Reads until `ok` holds (up to 10 s): for what the notifier delivers after the request answered. */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Session = { accessToken: string; me: { enterprise: { id: string; officerId: string } | null } };

test('a reply reaches the enterprise in WeChat and in 消息; read, open, read-all', async () => {
  const enterprise = await demoAccount({ role: 'enterprise' });
  const ent = await apiCall<Session>('POST', '/auth/demo', { accountId: enterprise.accountId });
  const officer = await apiCall<Session>('POST', '/auth/demo', { accountId: `officer-${ent.me.enterprise!.officerId}` });

  const templates = (await apiCall<{ items: { event: string; templateId: string }[] }>('GET', '/notifications/templates', undefined, ent.accessToken)).items;
  const replied = templates.find((t) => t.event === 'appeal_replied')!;
  await apiCall('POST', '/notifications/subscriptions', { results: { [replied.templateId]: 'accept' } }, ent.accessToken);

  const title = `消息测试诉求${Date.now().toString(36).slice(-4)}`;
  const filed = await apiCall<{ appeal: { id: string } }>(
    'POST',
    '/appeals',
    { type: 'policy', category: 'other', urgency: 'normal', title, description: '想咨询一下办理营业执照变更需要准备哪些材料。' },
    ent.accessToken,
  );
  await apiCall('POST', `/appeals/${filed.appeal.id}/messages`, { text: '您好，需携带营业执照正副本和法定代表人身份证。' }, officer.accessToken);

  // Delivery is asynchronous (the outbox, read from the table's stream by the local stack): wait for it.
  const deliveries = await eventually(
    async () => (await apiCall<{ items: { status: string; templateId: string; errcode: number | null }[] }>('GET', '/notifications/deliveries', undefined, ent.accessToken)).items,
    (items) => items.length > 0,
  );
  expect(deliveries[0]).toMatchObject({ status: 'sent', templateId: replied.templateId, errcode: 0 });

  const ctx = await context(browser(), 'phone');
  const page = await ctx.newPage();
  await signIn(page, enterprise.accountId);
  await text(page, '消息').first().waitFor();

  await page.goto(`${baseUrl()}/#/packages/notifications/pages/list/index`);
  const item = shown(page, '[data-testid="notification-item"]').filter({ hasText: title });
  await item.waitFor();
  expect(await item.getAttribute('data-unread')).toBe('true');
  await text(page, '条未读', false).waitFor();
  await shown(page, '[data-testid="subscribe-unsupported"]').waitFor();
  await shot(page, 'e2e-notifications-01-unread');

  await item.click();
  await shown(page, '[data-testid="appeal-detail"]').waitFor();
  await page.goto(`${baseUrl()}/#/packages/notifications/pages/list/index`);
  await page.reload();
  const again = shown(page, '[data-testid="notification-item"]').filter({ hasText: title });
  await again.waitFor();
  await page.waitForFunction((t) => {
    const el = Array.from(document.querySelectorAll('[data-testid="notification-item"]')).find((e) => e.textContent?.includes(t as string));
    return el?.getAttribute('data-unread') === 'false';
  }, title);

  const unread = await apiCall<{ count: number }>('GET', '/notifications/unread-count', undefined, ent.accessToken);
  if (unread.count > 0) {
    await shown(page, '[data-testid="read-all"]').click();
    const confirm = shown(page, '.taro-model__confirm');
    await confirm.waitFor();
    await confirm.click();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="notification-item"]')).every((e) => e.getAttribute('data-unread') === 'false'));
  }
  expect((await apiCall<{ count: number }>('GET', '/notifications/unread-count', undefined, ent.accessToken)).count).toBe(0);
  await shot(page, 'e2e-notifications-02-read');
  await ctx.close();
});
