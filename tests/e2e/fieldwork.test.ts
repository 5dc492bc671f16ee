/**
 * 走访与整改 end to end, in headless Chromium against the H5 build and the local stack (district and module
 * seeds): officer-of001 opens 走访企业, picks an enterprise overdue for a visit, logs a visit that finds a
 * problem and turns it into a rectification item (转整改) in the same step, finds the item in its ledger
 * (整改台账) and starts the rectification.
 */
import { baseUrl, context, shot, shown, signIn, text, useBrowser } from './support/browser';

const browser = useBrowser();

test('officer-of001 logs a visit whose problem becomes a rectification item, and finds it in the ledger', async () => {
  const ctx = await context(browser(), 'phone');
  const page = await ctx.newPage();
  await signIn(page, 'officer-of001');

  // 走访企业: the enterprises overdue for a visit come first (the seed leaves several of them unvisited).
  await text(page, '走访企业').click();
  await shown(page, '[data-testid="visits-page"]').waitFor();
  const due = shown(page, '[data-testid="due-item"]');
  await due.waitFor();
  const enterpriseName = (await due.locator('.field-item__title').textContent())!;
  await shot(page, 'e2e-fieldwork-01-due');

  await due.click();
  await shown(page, '[data-testid="visit-new"]').waitFor();
  expect(await shown(page, '.visit-form__enterprise').textContent()).toBe(enterpriseName);
  await shown(page, '[data-testid="visit-met-with"] input').fill('企业负责人王经理');
  await shown(page, '[data-testid="visit-content"] textarea').fill('了解企业安全生产和治安防范情况，宣传电信网络诈骗防范知识。');
  await shown(page, '[data-testid="visit-add-problem"]').click();
  const problem = `仓库消防通道堆放杂物${Date.now().toString(36)}`;
  await shown(page, '[data-testid="visit-problem-0"] textarea').fill(problem);
  await shown(page, '[data-testid="visit-problem-0-deadline"]').getByText('7天', { exact: true }).click();
  await shot(page, 'e2e-fieldwork-02-visit-form');
  await shown(page, '[data-testid="visit-submit"]').click();

  // The visit's page: the problem is already a ledger item.
  await shown(page, '[data-testid="visit-detail"]').waitFor();
  await text(page, `1. ${problem}`).waitFor();
  await text(page, '转整改', false).waitFor();
  await shot(page, 'e2e-fieldwork-03-visit');

  // 一企一档: the new visit heads its visits, the item its ledger section.
  await text(page, '查看企业档案').click();
  const visits = shown(page, '[data-testid="file-visits"]');
  await visits.waitFor();
  expect(await visits.textContent()).toContain('发现问题1个');
  expect(await shown(page, '[data-testid="file-rectifications"]').textContent()).toContain(problem);
  await shown(page, '[data-testid="file-plan"]').waitFor();
  await shot(page, 'e2e-fieldwork-03b-file');

  // 整改台账 (待整改): the new item, then its page, and 开始整改.
  await page.goto(`${baseUrl()}/#/packages/fieldwork/pages/rectifications/index`);
  await shown(page, '[data-testid="rectifications-page"]').waitFor();
  const item = page.locator('[data-testid="rectification-item"]').filter({ visible: true }).filter({ hasText: problem }).first();
  await item.waitFor();
  expect(await item.textContent()).toContain(enterpriseName);
  await shot(page, 'e2e-fieldwork-04-ledger');
  await item.click();
  await shown(page, '[data-testid="rectification-detail"]').waitFor();
  expect(await shown(page, '[data-testid="rectification-status"]').textContent()).toBe('待整改');
  await text(page, '开始整改').click();
  await shown(page, '.taro-model__confirm').click();
  await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="rectification-status"]')).some((n) => n.textContent === '整改中'));
  await shot(page, 'e2e-fieldwork-05-rectification');
  await ctx.close();
});
