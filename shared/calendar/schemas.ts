/** The calendar's request and response shapes (GET/PUT /calendar/{year}). */
import { z } from 'zod';
import { DayField } from '../schemas/common';
import { ValidationFailed } from '../errors';
import { DAY_SOURCES, datesOf, isWeekend } from './days';

export const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

export const CalendarYearParam = z.coerce.number({ error: '年份应为数字' }).int('年份应为整数').min(2004, '年份不能早于2004年').max(2099, '年份不能晚于2099年');

/** The year of a path, or a 400 that says what is wrong. */
export function parseCalendarYear(raw: string): number {
  const parsed = CalendarYearParam.safeParse(raw);
  if (!parsed.success) throw new ValidationFailed([{ field: 'year', message: parsed.error.issues[0].message }]);
  return parsed.data;
}

const HolidayName = z.string({ error: '请填写节日名称' }).trim().min(1, '请填写节日名称').max(30, '节日名称最多30个字');

export const HolidayRangeSchema = z
  .object({ name: HolidayName, start: DayField('放假开始日期'), end: DayField('放假结束日期') })
  .refine((r) => r.start <= r.end, { message: '放假结束日期不能早于开始日期', path: ['end'] })
  .refine((r) => datesOf(r.start, r.end).length <= 15, { message: '一段放假最长15天，请核对通知', path: ['end'] });

export const MakeUpWorkdaySchema = z.object({ name: HolidayName, date: DayField('调休上班日期') });

/**
 * The State Council's notice of one year, entered as date ranges, and the version it was edited from (0
 * for a year the table does not hold yet). The year itself is in the path.
 */
export const CalendarNoticeBody = z.object({
  version: z.number({ error: '缺少版本号，请刷新后重试' }).int('版本号应为整数').min(0, '版本号无效'),
  holidays: z.array(HolidayRangeSchema).min(1, '请至少填写一段放假安排').max(20, '放假安排最多20段'),
  workdays: z.array(MakeUpWorkdaySchema).max(20, '调休上班日最多20天'),
});
export type CalendarNoticeBody = z.infer<typeof CalendarNoticeBody>;

/** The checks that need the year: every date in it, no overlaps, 调休上班 only on weekends outside 放假. */
export function noticeIssues(year: number, body: Pick<CalendarNoticeBody, 'holidays' | 'workdays'>): Array<{ field: string; message: string }> {
  const issues: Array<{ field: string; message: string }> = [];
  const inYear = (d: string) => d.slice(0, 4) === String(year);
  const off = new Map<string, number>();
  body.holidays.forEach((r, i) => {
    if (!inYear(r.start) || !inYear(r.end)) issues.push({ field: `holidays.${i}`, message: `放假日期应在${year}年内（跨年的元旦假期请分别在两年中填写）` });
    for (const d of datesOf(r.start, r.end)) {
      if (off.has(d)) issues.push({ field: `holidays.${i}`, message: `${d} 已在第${off.get(d)! + 1}段放假中，放假时间段不能重叠` });
      else off.set(d, i);
    }
  });
  const seen = new Set<string>();
  body.workdays.forEach((w, i) => {
    if (!inYear(w.date)) issues.push({ field: `workdays.${i}.date`, message: `调休上班日应在${year}年内` });
    else if (!isWeekend(w.date)) issues.push({ field: `workdays.${i}.date`, message: `${w.date} 不是周六或周日，调休上班日应为周末` });
    else if (off.has(w.date)) issues.push({ field: `workdays.${i}.date`, message: `${w.date} 已在放假安排中，不能同时是调休上班日` });
    if (seen.has(w.date)) issues.push({ field: `workdays.${i}.date`, message: `${w.date} 重复填写` });
    seen.add(w.date);
  });
  return issues;
}

export const CalendarDaySchema = z.object({ date: z.string(), workday: z.boolean(), source: z.enum(DAY_SOURCES), name: z.string().optional() });

export const CalendarYearView = z.object({
  year: z.number().int(),
  /** 0 while the table holds no notice for the year. */
  version: z.number().int(),
  /** Whether the State Council's arrangement is known (entered, seeded or bundled). */
  hasNotice: z.boolean(),
  notice: z.object({ holidays: z.array(z.object({ name: z.string(), start: z.string(), end: z.string() })), workdays: z.array(z.object({ name: z.string(), date: z.string() })) }).nullable(),
  updatedAt: z.string().optional(),
  updatedBy: z.string().optional(),
  /** Every day of the year with its status and where that comes from. */
  days: z.array(CalendarDaySchema),
  workdayCount: z.number().int(),
  /** Set from 1 November while next year's notice is missing. */
  warning: z.string().optional(),
});
export type CalendarYearView = z.infer<typeof CalendarYearView>;
