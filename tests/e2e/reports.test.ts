/**
 * 统计、晨报与台账导出 end to end, in headless Chromium (desktop, the chief at a desk) against the H5 build
 * and the seeded local stack: chief-st01 reads today's 每日晨报, opens 统计分析, and downloads this month's
 * ledger from 台账导出 — the file is opened with exceljs and holds the three sheets with Chinese headers and
 * the station's visits of the month.
 */
import ExcelJS from 'exceljs';
import { isOfficialWorkday } from '../../shared/appeals/sla';
import { baseUrl, context, shot, signIn, text, useBrowser } from './support/browser';

const browser = useBrowser();

/** The seed writes today's digest only on an official working day (the same rule as the 08:30 function). */
function isWorkdayInShanghai(): boolean {
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return isOfficialWorkday(day);
}

test('chief-st01 reads the morning digest, the statistics, and downloads a ledger that opens with the right rows', async () => {
  const ctx = await context(browser(), 'desktop');
  const page = await ctx.newPage();
  await signIn(page, 'chief-st01');

  // 每日晨报: the seed ran today's digest (on a working day) — or the page says there is none yet.
  await text(page, '每日晨报').click();
  const card = page.locator('[data-testid^="digest-"]').filter({ visible: true }).first();
  await card.or(text(page, '还没有晨报')).waitFor();
  if (isWorkdayInShanghai()) expect(await card.textContent()).toContain('每日晨报');
  await shot(page, 'e2e-reports-01-digest');
  await page.goBack();

  // 统计分析: this month's figures per officer of the station.
  await text(page, '统计分析').click();
  await text(page, '诉求按类型').waitFor();
  // The officers' table sorts by a header: 走访 largest first, a second click smallest first, with aria-sort and an arrow.
  const visits = page.locator('[data-testid="sort-visits"]').filter({ visible: true }).last();
  const table = page.locator('[role="table"]').filter({ has: visits });
  const column = async () => table.locator('[data-testid^="row-"]').evaluateAll((rows) => rows.map((r) => Number((r.lastElementChild as HTMLElement).textContent)));
  expect(await visits.getAttribute('aria-sort')).toBe('none');
  await visits.click();
  expect(await visits.getAttribute('aria-sort')).toBe('descending');
  expect(await visits.textContent()).toBe('走访↓');
  const down = await column();
  expect(down.length).toBeGreaterThan(1);
  expect(down).toEqual([...down].sort((a, b) => b - a));
  await visits.click();
  expect(await visits.getAttribute('aria-sort')).toBe('ascending');
  expect(await column()).toEqual([...down].sort((a, b) => a - b));
  await shot(page, 'e2e-reports-02-stats');
  await page.goBack();

  // 每日队列 on the desktop: 办理时限 sorts the loaded appeals, soonest first, and a second click reverses.
  await page.goto(`${baseUrl()}/#/packages/appeals/pages/queue/index`);
  const due = page.locator('[data-testid="sort-dueAt"]').filter({ visible: true }).first();
  await due.waitFor();
  expect(await due.getAttribute('aria-sort')).toBe('none');
  await due.click();
  expect(await due.getAttribute('aria-sort')).toBe('ascending');
  expect(await due.textContent()).toBe('办理时限↑');
  await due.click();
  expect(await due.getAttribute('aria-sort')).toBe('descending');
  expect(await page.locator('[data-testid="sort-createdAt"]').filter({ visible: true }).first().getAttribute('aria-sort')).toBe('none');
  await shot(page, 'e2e-reports-02b-queue-sorted');
  await page.goBack();
  await text(page, '台账导出').waitFor();

  // 台账导出: this month's ledger as xlsx.
  await text(page, '台账导出').click();
  const button = text(page, '下载台账');
  await button.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = await download.path();
  await page.locator('[data-testid="export-done"]').filter({ visible: true }).first().waitFor();
  await shot(page, 'e2e-reports-03-exported');

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  expect(book.worksheets.map((w) => w.name)).toEqual(['诉求台账', '走访台账', '整改台账']);
  const appeals = book.getWorksheet('诉求台账')!;
  const headers = (appeals.getRow(1).values as unknown[]).filter(Boolean);
  expect(headers).toEqual(expect.arrayContaining(['企业', '类型', '标题', '联络官', '状态']));
  // The field-work seed leaves visits in the last weeks for every station: this month's sheet has rows.
  expect(book.getWorksheet('走访台账')!.rowCount).toBeGreaterThan(1);
  await ctx.close();
});
