/**
 * 工作日历 end to end, in headless Chromium against the H5 build and the seeded local stack: the centre
 * opens 工作日历 from its home, picks 2027 (no notice yet: the statutory holidays are shown as computed),
 * enters a sample notice — 春节 widened to 02-05..02-13 and Sunday 02-14 worked — sees the preview, saves,
 * and the API then answers 2027 from the notice.
 */
import { apiCall, context, demoAccount, shot, shown, signIn, text, useBrowser } from './support/browser';

const browser = useBrowser();

test('the centre enters a sample 2027 notice on the calendar page', async () => {
  const ctx = await context(browser(), 'desktop');
  const page = await ctx.newPage();
  await signIn(page, 'centre-c1');

  await text(page, '工作日历').click();
  await text(page, '2027年').click();
  await text(page, '春节 2月5日（周五）至2月8日（周一）放假').waitFor();
  await shot(page, 'e2e-calendar-01-statutory');

  await text(page, '录入国务院节假日安排').click();
  const end = shown(page, '[data-testid="holiday-end-1"] input');
  await end.fill('2027-02-13');
  await text(page, '＋ 添加调休上班日').click();
  await shown(page, '[data-testid="workday-name-0"] input').fill('春节');
  await shown(page, '[data-testid="workday-date-0"] input').fill('2027-02-14');
  await text(page, '2月9日（周二） 改为放假（春节）').waitFor();
  await text(page, '2月14日（周日） 改为上班（春节）').waitFor();
  await shot(page, 'e2e-calendar-02-preview');

  await shown(page, '[data-testid="calendar-save"]').click();
  await text(page, '2月14日（周日）调休上班（春节）').waitFor();
  await shot(page, 'e2e-calendar-03-saved');

  const centre = await demoAccount('centre-c1');
  const session = await apiCall<{ accessToken: string }>('POST', '/auth/demo', { accountId: centre.accountId });
  const year = await apiCall<{ version: number; hasNotice: boolean; days: Array<{ date: string; workday: boolean; source: string }> }>('GET', '/calendar/2027', undefined, session.accessToken);
  expect(year.hasNotice).toBe(true);
  expect(year.days.find((d) => d.date === '2027-02-10')).toMatchObject({ workday: false, source: 'official' });
  expect(year.days.find((d) => d.date === '2027-02-14')).toMatchObject({ workday: true, source: 'official' });
  await ctx.close();
});
