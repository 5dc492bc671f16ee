/**
 * The district's working calendar: the State Council's notices the centre keeps in the table, the notices
 * bundled with chinese-days for years the table does not hold, and the statutory holidays for years with
 * no notice at all. SLA deadlines, booking slots, the morning digest and statistics all read it from here.
 *
 * Loaded once per container and kept for five minutes: a notice entered by the centre reaches every
 * Lambda within that time (at once in the container that stored it).
 */
import type { Principal } from '../../shared/domain/principal';
import { Forbidden, ValidationFailed } from '../../shared/errors';
import { BUNDLED_NOTICES } from '../../shared/calendar/bundled';
import { missingNoticeYear, workingCalendar, yearDays, type HolidayNotice, type WorkingCalendar } from '../../shared/calendar/days';
import { statutoryHolidays } from '../../shared/calendar/statutory';
import { noticeIssues, type CalendarNoticeBody, type CalendarYearView } from '../../shared/calendar/schemas';
import { shanghaiDay } from '../../shared/appeals/queues';
import { calendarRepository, type StoredNotice } from '../repositories/calendar-repository';
import { logger } from '../lib/logger';

const TTL_MS = 5 * 60_000;
let cached: { at: number; calendar: WorkingCalendar; stored: Map<number, StoredNotice> } | null = null;

/** The TTL runs on the wall clock, not on a request's business time (tests and the seed set that freely). */
async function load() {
  const at = Date.now();
  if (cached && at - cached.at < TTL_MS) return cached;
  const stored = await calendarRepository.listYears();
  const notices: HolidayNotice[] = [...BUNDLED_NOTICES, ...stored];
  cached = { at, calendar: workingCalendar(notices, statutoryHolidays), stored: new Map(stored.map((n) => [n.year, n])) };
  return cached;
}

/** The calendar every working-day rule uses (cached for five minutes per container). */
export async function loadWorkingCalendar(): Promise<WorkingCalendar> {
  return (await load()).calendar;
}

/** Drop the cached calendar (after a write here, and in tests). */
export function forgetWorkingCalendar(): void {
  cached = null;
}

/**
 * From 1 November while next year's notice is missing: the text the centre's home and the digest show, and
 * an EMF metric line (CalendarNoticeMissing = 1) that an alarm can watch.
 */
export async function missingNoticeWarning(now: Date): Promise<string | undefined> {
  const year = missingNoticeYear(await loadWorkingCalendar(), shanghaiDay(now));
  if (year === null) return undefined;
  logger.warn('calendar notice missing', {
    _aws: { Timestamp: now.getTime(), CloudWatchMetrics: [{ Namespace: 'zqztc', Dimensions: [[]], Metrics: [{ Name: 'CalendarNoticeMissing', Unit: 'Count' }] }] },
    CalendarNoticeMissing: 1,
    year,
  });
  return `${year}年节假日安排尚未录入，办理时限暂按法定节假日计算（调休未知），请助企警务中心在“工作日历”中录入国务院通知`;
}

export async function getCalendarYear(year: number, now: Date): Promise<CalendarYearView> {
  const { calendar, stored } = await load();
  const own = stored.get(year);
  const bundled = BUNDLED_NOTICES.find((n) => n.year === year);
  const notice = own ?? bundled ?? null;
  const days = yearDays(calendar, year);
  const warning = await missingNoticeWarning(now);
  return {
    year,
    version: own?.version ?? 0,
    hasNotice: notice !== null,
    notice: notice && { holidays: notice.holidays, workdays: notice.workdays },
    ...(own && { updatedAt: own.updatedAt, updatedBy: own.updatedBy }),
    days,
    workdayCount: days.filter((d) => d.workday).length,
    ...(warning && { warning }),
  };
}

/** The centre enters (or corrects) a year's notice; conditional on the version it was read at. */
export async function setCalendarYear(caller: Principal, year: number, body: CalendarNoticeBody, now: Date): Promise<CalendarYearView> {
  if (caller.role !== 'centre') throw new Forbidden();
  const issues = noticeIssues(year, body);
  if (issues.length > 0) throw new ValidationFailed(issues);
  const notice: HolidayNotice = { year, holidays: body.holidays, workdays: body.workdays };
  await calendarRepository.putYear(notice, body.version, caller.adminId, now.toISOString());
  forgetWorkingCalendar();
  return getCalendarYear(year, now);
}
