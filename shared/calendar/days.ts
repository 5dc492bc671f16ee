/**
 * The working calendar (工作日历): which dates are working days in mainland China.
 *
 * A year's holidays come from the State Council's notice (国务院办公厅关于某年部分节假日安排的通知), which the
 * centre keeps as data: 放假 date ranges and 调休上班 days. For a year whose notice is not in yet, the
 * statutory holidays (法定节假日, computed in ./statutory) are still days off; only the 调休 arrangement is
 * unknown, so Saturdays and Sundays are days off as usual.
 *
 * This module is pure and has no lunar arithmetic of its own: the statutory days are passed in, so the
 * mini-program can preview a notice without bundling the lunar tables.
 */

/** One 放假 range of a notice, both ends included. */
export type HolidayRange = { name: string; start: string; end: string };
/** One 调休上班 day (a Saturday or Sunday worked). */
export type MakeUpWorkday = { name: string; date: string };
/** A year's notice as the centre enters it. */
export type HolidayNotice = { year: number; holidays: HolidayRange[]; workdays: MakeUpWorkday[] };

/**
 * Where a day's status comes from: the notice of its year (`official`), the law when the year has no
 * notice yet (`statutory`), or the ordinary week (`weekend` / `weekday`).
 */
export const DAY_SOURCES = ['official', 'statutory', 'weekend', 'weekday'] as const;
export type DaySource = (typeof DAY_SOURCES)[number];
export type CalendarDay = { date: string; workday: boolean; source: DaySource; name?: string };

export interface WorkingCalendar {
  /** `ymd` is a Shanghai calendar date 'YYYY-MM-DD'. */
  isWorkday(ymd: string): boolean;
  day(ymd: string): CalendarDay;
  /** Whether the State Council's arrangement of `year` is known. */
  hasNotice(year: number): boolean;
}

/** Statutory holidays of a year by date (name as value). */
export type StatutoryDays = (year: number) => ReadonlyMap<string, string>;

type YearDays = { holidays: Map<string, string>; workdays: Map<string, string> };

export function addDays(ymd: string, n: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function weekdayOf(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export const isWeekend = (ymd: string) => weekdayOf(ymd) === 0 || weekdayOf(ymd) === 6;

const isDate = (ymd: string) => /^\d{4}-\d{2}-\d{2}$/.test(ymd) && !Number.isNaN(Date.parse(`${ymd}T00:00:00Z`));

/** Every date of a range, both ends included (empty when `end` is before `start` or either is not a date). */
export function datesOf(start: string, end: string): string[] {
  const out: string[] = [];
  if (!isDate(start) || !isDate(end)) return out;
  for (let d = start; d <= end && out.length < 400; d = addDays(d, 1)) out.push(d);
  return out;
}

function daysOfNotice(notice: HolidayNotice): YearDays {
  const holidays = new Map<string, string>();
  for (const r of notice.holidays) for (const d of datesOf(r.start, r.end)) holidays.set(d, r.name);
  const workdays = new Map(notice.workdays.map((w) => [w.date, w.name] as const));
  return { holidays, workdays };
}

/**
 * The calendar from the notices known (a later notice of the same year wins) and the statutory holidays
 * for years without one.
 */
export function workingCalendar(notices: Iterable<HolidayNotice>, statutory: StatutoryDays = () => new Map()): WorkingCalendar {
  const byYear = new Map<number, YearDays>();
  for (const n of notices) byYear.set(n.year, daysOfNotice(n));
  const day = (ymd: string): CalendarDay => {
    const year = Number(ymd.slice(0, 4));
    const official = byYear.get(year);
    if (official) {
      const work = official.workdays.get(ymd);
      if (work !== undefined) return { date: ymd, workday: true, source: 'official', name: work };
      const off = official.holidays.get(ymd);
      if (off !== undefined) return { date: ymd, workday: false, source: 'official', name: off };
    } else {
      const name = statutory(year).get(ymd);
      if (name !== undefined) return { date: ymd, workday: false, source: 'statutory', name };
    }
    return isWeekend(ymd) ? { date: ymd, workday: false, source: 'weekend' } : { date: ymd, workday: true, source: 'weekday' };
  };
  return { day, isWorkday: (ymd) => day(ymd).workday, hasNotice: (year) => byYear.has(year) };
}

/** Every day of a year on a calendar. */
export function yearDays(calendar: WorkingCalendar, year: number): CalendarDay[] {
  return datesOf(`${year}-01-01`, `${year}-12-31`).map((d) => calendar.day(d));
}

/** Consecutive dates with the same name become one range (used to turn day lists into a notice). */
export function rangesOf(days: ReadonlyArray<{ date: string; name: string }>): HolidayRange[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const out: HolidayRange[] = [];
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && last.name === d.name && addDays(last.end, 1) === d.date) last.end = d.date;
    else out.push({ name: d.name, start: d.date, end: d.date });
  }
  return out;
}

/**
 * From 1 November the next year's notice is due (the State Council publishes it around then); until it is
 * entered the centre is warned. Returns the year whose notice is missing, or null.
 */
export function missingNoticeYear(calendar: WorkingCalendar, today: string): number | null {
  const year = Number(today.slice(0, 4));
  if (today.slice(5) < '11-01') return null;
  return calendar.hasNotice(year + 1) ? null : year + 1;
}
