/**
 * 政策咨询 end to end, in headless Chromium against the H5 build and the local stack (district and module
 * seeds): an enterprise searches 居住证材料, finds the entry on 居住证 materials first and opens it; then
 * searches something nobody has answered and 「问我的联络官」 opens the 政策咨询 form pre-filled with it.
 */
import type { Page } from 'playwright-core';
import { baseUrl, context, shot, shown, signIn, text, useBrowser } from './support/browser';

const browser = useBrowser();

async function search(page: Page, q: string) {
  const input = shown(page, '[data-testid="knowledge-query"] input');
  await input.fill(q);
  await shown(page, '[data-testid="knowledge-search-button"]').click();
}

test('an enterprise finds 居住证材料 first, opens it, and asks its officer what the base cannot answer', async () => {
  const ctx = await context(browser(), 'phone');
  const page = await ctx.newPage();
  await signIn(page, { role: 'enterprise' });

  // 政策咨询 on the home page opens the knowledge search with its hot questions.
  await text(page, '政策咨询').click();
  await shown(page, '[data-testid="hot-questions"]').waitFor();
  await shot(page, 'e2e-knowledge-01-search');

  await search(page, '居住证材料');
  const first = shown(page, '[data-testid="knowledge-item"]');
  await first.waitFor();
  expect(await first.getAttribute('data-entry-id')).toBe('kb-residence-materials');
  expect(await first.locator('[data-testid="hit-mark"]').count()).toBeGreaterThan(0);
  await shot(page, 'e2e-knowledge-02-results');

  await first.click();
  const question = shown(page, '[data-testid="knowledge-entry-question"]');
  await question.waitFor();
  expect(await question.textContent()).toBe('员工办理居住证需要准备哪些材料？');
  await text(page, '居住证', false).waitFor();
  await shot(page, 'e2e-knowledge-03-entry');

  // Nothing answers this: the empty state offers the liaison officer, with the question carried over.
  await page.goto(`${baseUrl()}/#/packages/knowledge/pages/search/index`);
  await search(page, 'qwertyzxcv');
  await shown(page, '[data-testid="knowledge-empty"]').waitFor();
  await shot(page, 'e2e-knowledge-04-empty');
  await text(page, '没有找到答案？问我的联络官').click();
  await shown(page, '[data-testid="report-page"]').waitFor();
  const title = shown(page, '[data-testid="report-title"] input');
  await title.waitFor();
  expect(await title.inputValue()).toBe('qwertyzxcv');
  expect(await shown(page, '[data-testid="report-description"] textarea').inputValue()).toContain('qwertyzxcv');
  await shot(page, 'e2e-knowledge-05-ask-officer');
  await ctx.close();
});
