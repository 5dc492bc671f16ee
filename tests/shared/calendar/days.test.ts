import { missingNoticeYear, rangesOf, workingCalendar, yearDays } from '../../../shared/calendar/days';
import { statutoryHolidays } from '../../../shared/calendar/statutory';
import { BUNDLED_NOTICES } from '../../../shared/calendar/bundled';
import { CalendarNoticeBody, noticeIssues } from '../../../shared/calendar/schemas';

const notice2027 = {
  year: 2027,
  holidays: [
    { name: '元旦', start: '2027-01-01', end: '2027-01-03' },
    { name: '春节', start: '2027-02-05', end: '2027-02-13' },
  ],
  workdays: [{ name: '春节', date: '2027-02-14' }],
};

describe('the working calendar', () => {
  const cal = workingCalendar([...BUNDLED_NOTICES, notice2027], statutoryHolidays);

  it('says where each day comes from', () => {
    expect(cal.day('2027-02-10')).toEqual({ date: '2027-02-10', workday: false, source: 'official', name: '春节' });
    expect(cal.day('2027-02-14')).toEqual({ date: '2027-02-14', workday: true, source: 'official', name: '春节' });
    expect(cal.day('2027-02-15')).toEqual({ date: '2027-02-15', workday: true, source: 'weekday' });
    expect(cal.day('2027-02-20')).toEqual({ date: '2027-02-20', workday: false, source: 'weekend' });
    expect(cal.day('2028-01-01')).toEqual({ date: '2028-01-01', workday: false, source: 'statutory', name: '元旦' });
  });

  it('a notice replaces the statutory computation of its year', () => {
    // Without the notice 2027-02-09 is a working day; the notice makes it part of the Spring Festival break.
    expect(workingCalendar(BUNDLED_NOTICES, statutoryHolidays).isWorkday('2027-02-09')).toBe(true);
    expect(cal.isWorkday('2027-02-09')).toBe(false);
    expect(cal.hasNotice(2027)).toBe(true);
    expect(cal.hasNotice(2028)).toBe(false);
  });

  it('a year has its days in order', () => {
    const days = yearDays(cal, 2028);
    expect(days).toHaveLength(366);
    expect(days.filter((d) => d.source === 'statutory')).toHaveLength(12);
  });

  it('bundled notices keep chinese-days exactly: 2026 National Day 10-01..10-07, make-up 09-20 and 10-10', () => {
    const n2026 = BUNDLED_NOTICES.find((n) => n.year === 2026)!;
    expect(n2026.holidays).toContainEqual({ name: '国庆节', start: '2026-10-01', end: '2026-10-07' });
    expect(n2026.workdays.map((w) => w.date)).toEqual(expect.arrayContaining(['2026-09-20', '2026-10-10']));
    expect(
      rangesOf([
        { date: '2026-01-02', name: 'a' },
        { date: '2026-01-01', name: 'a' },
        { date: '2026-01-04', name: 'a' },
      ]),
    ).toEqual([
      { name: 'a', start: '2026-01-01', end: '2026-01-02' },
      { name: 'a', start: '2026-01-04', end: '2026-01-04' },
    ]);
  });

  it('warns from 1 November while next year has no notice', () => {
    const bundled = workingCalendar(BUNDLED_NOTICES, statutoryHolidays);
    expect(missingNoticeYear(bundled, '2026-10-31')).toBeNull();
    expect(missingNoticeYear(bundled, '2026-11-01')).toBe(2027);
    expect(missingNoticeYear(cal, '2026-12-04')).toBeNull();
    expect(missingNoticeYear(bundled, '2025-11-20')).toBeNull();
  });
});

describe('the notice as entered (validation, Chinese messages)', () => {
  it('accepts a sample 2027 notice', () => {
    expect(CalendarNoticeBody.safeParse({ version: 0, ...notice2027 }).success).toBe(true);
    expect(noticeIssues(2027, notice2027)).toEqual([]);
  });
  it('rejects reversed ranges, other years, overlaps and weekday 调休', () => {
    const bad = CalendarNoticeBody.safeParse({ version: 0, holidays: [{ name: '春节', start: '2027-02-13', end: '2027-02-05' }], workdays: [] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toBe('放假结束日期不能早于开始日期');
    const issues = noticeIssues(2027, {
      holidays: [
        { name: '元旦', start: '2026-12-31', end: '2027-01-01' },
        { name: '春节', start: '2027-02-05', end: '2027-02-10' },
        { name: '春节', start: '2027-02-10', end: '2027-02-11' },
      ],
      workdays: [
        { name: '春节', date: '2027-02-15' },
        { name: '春节', date: '2027-02-06' },
      ],
    }).map((i) => i.message);
    expect(issues).toEqual([
      '放假日期应在2027年内（跨年的元旦假期请分别在两年中填写）',
      '2027-02-10 已在第2段放假中，放假时间段不能重叠',
      '2027-02-15 不是周六或周日，调休上班日应为周末',
      '2027-02-06 已在放假安排中，不能同时是调休上班日',
    ]);
  });
});

it('a half-typed range is a validation message, never an exception', () => {
  const parsed = CalendarNoticeBody.safeParse({ version: 0, holidays: [{ name: '春节', start: '', end: '2027-02-3' }], workdays: [] });
  expect(parsed.success).toBe(false);
  expect(parsed.error!.issues.map((i) => i.message)).toContain('放假开始日期格式应为 YYYY-MM-DD，如 2026-11-23');
});
