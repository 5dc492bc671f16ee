/**
 * Service-level deadlines on the official Chinese working calendar.
 *
 * Working days come from one `WorkingCalendar` (shared/calendar): the State Council's notice of each year
 * as the centre keeps it, and for a year without a notice the statutory holidays computed from the law
 * (only 调休 is unknown there). The Lambdas load the stored notices and attach the calendar to the policy
 * they pass in (`SlaPolicy.calendar`); without one, the notices bundled with chinese-days (2004–2026) plus
 * the statutory computation are used, so 2027-01-01 is a holiday even before anyone enters the notice.
 *
 * All wall-clock reasoning happens in Asia/Shanghai, whatever the time zone of the Lambda or the phone.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { z } from 'zod';
import { BUNDLED_NOTICES } from '../calendar/bundled';
import { addDays, workingCalendar, type WorkingCalendar } from '../calendar/days';
import { shanghaiDate } from '../dates';
import { statutoryHolidays } from '../calendar/statutory';
import { APPEAL_TYPES, URGENCIES, type AppealStatus, type AppealType, type Urgency } from './catalogue';
import { DEFAULT_RESOLVE_DURATIONS, type SlaDuration } from './sla-durations';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TIME_ZONE = 'Asia/Shanghai';

/** The calendar without the centre's stored notices: chinese-days' notices and the statutory holidays. */
export const DEFAULT_WORKING_CALENDAR: WorkingCalendar = workingCalendar(BUNDLED_NOTICES, statutoryHolidays);
export const OFFICIAL_CALENDAR_FIRST_YEAR = BUNDLED_NOTICES[0].year;
export const OFFICIAL_CALENDAR_LAST_YEAR = BUNDLED_NOTICES[BUNDLED_NOTICES.length - 1].year;

/** Whether the bundled data holds the State Council's arrangement of `year` (the stored calendar may know more). */
export function hasOfficialCalendar(year: number): boolean {
  return DEFAULT_WORKING_CALENDAR.hasNotice(year);
}

export type TimeInput = Date | string | number;

/** One office-hours window in local time, 'HH:mm'–'HH:mm'. */
export type OfficeWindow = { start: string; end: string };
export const DEFAULT_OFFICE_HOURS: readonly OfficeWindow[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

export interface WorkCalendar {
  timeZone: string;
  /** Sorted, non-overlapping windows within one day. */
  officeHours: readonly OfficeWindow[];
  /** `ymd` is a local calendar date 'YYYY-MM-DD'. */
  isWorkday: (ymd: string) => boolean;
}

/** On the default calendar: a 调休 working day, or a weekday that is not a holiday (statutory ones included). */
export function isOfficialWorkday(ymd: string): boolean {
  return DEFAULT_WORKING_CALENDAR.isWorkday(ymd);
}

export function workCalendar(officeHours: readonly OfficeWindow[] = DEFAULT_OFFICE_HOURS, days: WorkingCalendar = DEFAULT_WORKING_CALENDAR): WorkCalendar {
  return { timeZone: TIME_ZONE, officeHours, isWorkday: (ymd) => days.isWorkday(ymd) };
}
export const DEFAULT_CALENDAR: WorkCalendar = workCalendar();

export type { SlaDuration } from './sla-durations';

/** Plain JSON so a station can store its own override; see `slaPolicyWith`. */
export interface SlaPolicy {
  officeHours: OfficeWindow[];
  /** `working_days` 0 = by the end of the working day of submission. */
  accept: SlaDuration;
  resolve: Record<AppealType, Record<Urgency, SlaDuration>>;
  /** Calendar days after resolution before an unrated appeal closes itself. */
  autoCloseAfterDays: number;
  /** Calendar days after resolution during which the enterprise may ask to reopen. */
  reopenWithinDays: number;
  /**
   * 最短受理时间: when fewer working minutes than this remain in the working day of filing, an acceptance
   * deadline in working days moves to the next working day (filed Friday 17:29 → accept by Monday 17:30).
   */
  minAcceptMinutes: number;
  /** The district's working calendar, attached by the service that loads it; never stored with the policy. */
  calendar?: WorkingCalendar;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  officeHours: DEFAULT_OFFICE_HOURS.map((w) => ({ ...w })),
  accept: { unit: 'working_days', amount: 0 },
  resolve: DEFAULT_RESOLVE_DURATIONS,
  autoCloseAfterDays: 7,
  reopenWithinDays: 7,
  minAcceptMinutes: 60,
};

export type SlaPolicyOverride = Partial<Omit<SlaPolicy, 'resolve'>> & {
  resolve?: Partial<Record<AppealType, Partial<Record<Urgency, SlaDuration>>>>;
};

/**
 * The days a resolved case waits for a rating under a station's policy: what its auto-close queue entry is
 * keyed by when the appeal predates `autoCloseAt`. Complaints' own SLA keeps the station's value. (The
 * station item carries the optional `slaPolicy` override its settings route stores; the Station schema
 * does not list it.)
 */
export const autoCloseDaysOf = (station: object): number => (station as { slaPolicy?: SlaPolicyOverride }).slaPolicy?.autoCloseAfterDays ?? DEFAULT_SLA_POLICY.autoCloseAfterDays;

export function slaPolicyWith(override: SlaPolicyOverride, base: SlaPolicy = DEFAULT_SLA_POLICY): SlaPolicy {
  const resolve = { ...base.resolve };
  for (const type of APPEAL_TYPES) resolve[type] = { ...base.resolve[type], ...override.resolve?.[type] };
  return { ...base, ...override, resolve };
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const SlaDurationSchema = z
  .object({
    unit: z.enum(['working_days', 'working_hours', 'clock_hours'], { error: '时限单位应为工作日、工作小时或自然小时' }),
    amount: z.number({ error: '时限应为数字' }).min(0, '时限不能为负数').max(365, '时限过长，请核对'),
  })
  .refine((d) => d.unit !== 'working_days' || Number.isInteger(d.amount), { message: '工作日时限应为整数天', path: ['amount'] });

/** Validates a station's stored override before it is used. */
export const SlaPolicySchema = z.object({
  officeHours: z
    .array(z.object({ start: z.string().regex(HHMM, '办公时间格式应为 HH:mm'), end: z.string().regex(HHMM, '办公时间格式应为 HH:mm') }))
    .min(1, '至少设置一段办公时间')
    .max(4, '办公时间最多4段')
    .superRefine((windows, ctx) => {
      let previousEnd = -1;
      for (const w of windows) {
        if (minutesOf(w.start) >= minutesOf(w.end) || minutesOf(w.start) < previousEnd) {
          ctx.addIssue({ code: 'custom', message: '办公时间段应按时间先后排列且互不重叠' });
          return;
        }
        previousEnd = minutesOf(w.end);
      }
    }),
  accept: SlaDurationSchema,
  resolve: z.object(Object.fromEntries(APPEAL_TYPES.map((t) => [t, z.object(Object.fromEntries(URGENCIES.map((u) => [u, SlaDurationSchema])))]))),
  autoCloseAfterDays: z.number({ error: '自动关闭天数应为数字' }).int('自动关闭天数应为整数').min(1, '自动关闭天数至少1天').max(30, '自动关闭天数最多30天'),
  reopenWithinDays: z.number({ error: '重新办理期限应为数字' }).int('重新办理期限应为整数').min(1, '重新办理期限至少1天').max(30, '重新办理期限最多30天'),
  minAcceptMinutes: z.number({ error: '最短受理时间应为数字' }).int('最短受理时间应为整数分钟').min(0, '最短受理时间不能为负数').max(240, '最短受理时间最多240分钟').default(DEFAULT_SLA_POLICY.minAcceptMinutes),
});

// ---------------------------------------------------------------------------------------------------------
// Calendar arithmetic. Instants are epoch milliseconds internally; local dates are 'YYYY-MM-DD' strings.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A calendar with no working day at all would loop forever; ten years without one is a configuration error. */
const MAX_DAYS_SCANNED = 3660;

export function toMs(t: TimeInput): number {
  const ms = t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
  if (Number.isNaN(ms)) throw new RangeError(`invalid time: ${String(t)}`);
  return ms;
}

// Shanghai's date comes from the fixed +08:00 offset (shared/dates.ts): dayjs' zone lookup goes through Intl
// and was most of the CPU time of filing an appeal (~1 ms of deadline arithmetic per request).
function localDate(ms: number, cal: WorkCalendar): string {
  return cal.timeZone === TIME_ZONE ? shanghaiDate(ms) : dayjs(ms).tz(cal.timeZone).format('YYYY-MM-DD');
}

const nextDate = (ymd: string): string => addDays(ymd, 1);

// Resolving a zone offset goes through Intl and costs tens of microseconds, and the loops below ask for the
// same few dates again and again; local midnights are memoised (a few hundred bytes per distinct date).
const midnights = new Map<string, number>();
function localMidnight(ymd: string, cal: WorkCalendar): number {
  const key = `${cal.timeZone}|${ymd}`;
  let ms = midnights.get(key);
  if (ms === undefined) {
    ms = dayjs.tz(`${ymd} 00:00`, cal.timeZone).valueOf();
    if (midnights.size > 20_000) midnights.clear();
    midnights.set(key, ms);
  }
  return ms;
}

/**
 * Local wall time on a date as an instant. Adding minutes to local midnight is exact for zones without
 * daylight saving on that day, which holds for Asia/Shanghai (no DST since 1991).
 */
function atLocal(ymd: string, hhmm: string, cal: WorkCalendar): number {
  return localMidnight(ymd, cal) + minutesOf(hhmm) * MINUTE;
}

/** Office windows of one local date as [startMs, endMs) pairs; none on a non-working day. */
function windowsOn(ymd: string, cal: WorkCalendar): Array<[number, number]> {
  if (!cal.isWorkday(ymd)) return [];
  return cal.officeHours.map((w) => [atLocal(ymd, w.start, cal), atLocal(ymd, w.end, cal)]);
}

function endOfOfficeOn(ymd: string, cal: WorkCalendar): number {
  return atLocal(ymd, cal.officeHours[cal.officeHours.length - 1].end, cal);
}

function nextWorkday(ymd: string, cal: WorkCalendar): string {
  let d = ymd;
  for (let i = 0; i < MAX_DAYS_SCANNED; i++) {
    d = nextDate(d);
    if (cal.isWorkday(d)) return d;
  }
  throw new RangeError('no working day found in the calendar');
}

/** The local date of the working day "in which" `t` falls: today if office hours are not over yet, else the next. */
function workingDayOf(t: number, cal: WorkCalendar): string {
  const today = localDate(t, cal);
  return cal.isWorkday(today) && t < endOfOfficeOn(today, cal) ? today : nextWorkday(today, cal);
}

/**
 * End of office hours of the working day in which `start` falls; after hours or on a non-working day that is
 * the next working day. This is the default acceptance deadline.
 */
export function endOfWorkingDay(start: TimeInput, cal: WorkCalendar = DEFAULT_CALENDAR): Date {
  return new Date(endOfOfficeOn(workingDayOf(toMs(start), cal), cal));
}

/**
 * End of office hours on the `n`th working day after the working day in which `start` falls (so
 * `addWorkingDays(t, 0)` equals `endOfWorkingDay(t)`). A submission after hours therefore counts from the
 * next working morning, matching the usual 次日起算 practice.
 */
export function addWorkingDays(start: TimeInput, n: number, cal: WorkCalendar = DEFAULT_CALENDAR): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let ymd = workingDayOf(toMs(start), cal);
  for (let i = 0; i < n; i++) ymd = nextWorkday(ymd, cal);
  return new Date(endOfOfficeOn(ymd, cal));
}

/**
 * `start` plus `ms` of office time. Time outside office hours does not count; a result that lands exactly on
 * the end of a window stays there rather than jumping to the next morning.
 */
export function addWorkingMs(start: TimeInput, ms: number, cal: WorkCalendar = DEFAULT_CALENDAR): Date {
  const t = toMs(start);
  if (!(ms >= 0)) throw new RangeError(`working time must be ≥ 0, got ${ms}`);
  if (ms === 0) return new Date(t);
  let remaining = ms;
  let ymd = localDate(t, cal);
  for (let i = 0; i < MAX_DAYS_SCANNED; i++, ymd = nextDate(ymd)) {
    for (const [from, to] of windowsOn(ymd, cal)) {
      if (to <= t) continue;
      const begin = Math.max(from, t);
      if (remaining <= to - begin) return new Date(begin + remaining);
      remaining -= to - begin;
    }
  }
  throw new RangeError('no working time found in the calendar');
}

export function addWorkingHours(start: TimeInput, hours: number, cal: WorkCalendar = DEFAULT_CALENDAR): Date {
  return addWorkingMs(start, Math.round(hours * HOUR), cal);
}

/** Office time between two instants, negative when `to` is before `from`. */
export function workingMsBetween(from: TimeInput, to: TimeInput, cal: WorkCalendar = DEFAULT_CALENDAR): number {
  const a = toMs(from);
  const b = toMs(to);
  if (b < a) return -workingMsBetween(b, a, cal);
  let total = 0;
  let ymd = localDate(a, cal);
  for (let i = 0; i < MAX_DAYS_SCANNED + 1; i++, ymd = nextDate(ymd)) {
    if (atLocal(ymd, '00:00', cal) >= b) return total;
    for (const [s, e] of windowsOn(ymd, cal)) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  throw new RangeError('interval too long for working-time arithmetic');
}

export function deadlineAfter(start: TimeInput, duration: SlaDuration, cal: WorkCalendar = DEFAULT_CALENDAR): Date {
  switch (duration.unit) {
    case 'working_days':
      return addWorkingDays(start, duration.amount, cal);
    case 'working_hours':
      return addWorkingHours(start, duration.amount, cal);
    case 'clock_hours':
      return new Date(toMs(start) + Math.round(duration.amount * HOUR));
  }
}

export function calendarOf(policy: SlaPolicy): WorkCalendar {
  return workCalendar(policy.officeHours, policy.calendar);
}

/**
 * The acceptance deadline. In working days it keeps a minimum window: filed with fewer than
 * `minAcceptMinutes` of office time left in its working day, the count starts from the next working day.
 */
export function acceptDeadline(submittedAt: TimeInput, policy: SlaPolicy, cal: WorkCalendar = calendarOf(policy)): Date {
  const due = deadlineAfter(submittedAt, policy.accept, cal);
  if (policy.accept.unit !== 'working_days') return due;
  const minimum = (policy.minAcceptMinutes ?? DEFAULT_SLA_POLICY.minAcceptMinutes) * MINUTE;
  if (workingMsBetween(submittedAt, due, cal) >= minimum) return due;
  return addWorkingDays(submittedAt, policy.accept.amount + 1, cal);
}

export function resolveDuration(type: AppealType, urgency: Urgency, policy: SlaPolicy = DEFAULT_SLA_POLICY): SlaDuration {
  return policy.resolve[type][urgency];
}

export type Deadlines = { acceptDueAt: string; resolveDueAt: string };

/**
 * Deadlines of a new appeal, as UTC ISO strings. Acceptance never falls after resolution: an urgent dispute
 * submitted on a Friday night must be accepted within its 24 hours, not on Monday.
 */
export function computeDeadlines(type: AppealType, urgency: Urgency, submittedAt: TimeInput, policy: SlaPolicy = DEFAULT_SLA_POLICY): Deadlines {
  const cal = calendarOf(policy);
  const resolveDue = deadlineAfter(submittedAt, resolveDuration(type, urgency, policy), cal).getTime();
  const acceptDue = Math.min(acceptDeadline(submittedAt, policy, cal).getTime(), resolveDue);
  return { acceptDueAt: new Date(acceptDue).toISOString(), resolveDueAt: new Date(resolveDue).toISOString() };
}

/** A fresh resolution deadline counted from `from`, used when a resolved appeal is reopened. */
export function resolveDueFrom(type: AppealType, urgency: Urgency, from: TimeInput, policy: SlaPolicy = DEFAULT_SLA_POLICY): string {
  return deadlineAfter(from, resolveDuration(type, urgency, policy), calendarOf(policy)).toISOString();
}

/**
 * New resolution deadline when the enterprise answers a request for information.
 *
 * Approach: measure how much time was left at the moment of pausing, in the unit of the rule (office time
 * for working-day/hour rules, clock time for clock-hour rules), and grant exactly that much again from the
 * moment of resuming. This is simpler and more obviously correct than adding "paused working time" to the
 * old deadline, and it naturally keeps an appeal that was already overdue when paused overdue.
 * `pausedMs` is the clock time spent waiting, kept for reporting.
 */
export function resumeDeadline(
  paused: { type: AppealType; urgency: Urgency; resolveDueAt: string; slaPausedAt: string },
  resumedAt: TimeInput,
  policy: SlaPolicy = DEFAULT_SLA_POLICY,
): { resolveDueAt: string; pausedMs: number } {
  const cal = calendarOf(policy);
  const pausedAt = toMs(paused.slaPausedAt);
  const due = toMs(paused.resolveDueAt);
  const now = Math.max(toMs(resumedAt), pausedAt);
  const pausedMs = now - pausedAt;
  if (due <= pausedAt) return { resolveDueAt: paused.resolveDueAt, pausedMs };
  const clock = resolveDuration(paused.type, paused.urgency, policy).unit === 'clock_hours';
  const next = clock ? new Date(now + (due - pausedAt)) : addWorkingMs(now, workingMsBetween(pausedAt, due, cal), cal);
  return { resolveDueAt: next.toISOString(), pausedMs };
}

type SlaView = { status: AppealStatus; acceptDueAt: string; resolveDueAt: string; slaPausedAt?: string | undefined };

/**
 * Which deadline an appeal has missed, if any. While waiting for information the clock is stopped, so such an
 * appeal is overdue only if it already was when paused. The clock keeps running while transferred: the
 * station stays accountable for chasing the other department.
 */
export function overdueStage(appeal: SlaView, now: TimeInput): 'accept' | 'resolve' | null {
  const t = toMs(now);
  switch (appeal.status) {
    case 'submitted':
      return t > toMs(appeal.acceptDueAt) ? 'accept' : null;
    case 'accepted':
    case 'in_progress':
    case 'transferred':
      return t > toMs(appeal.resolveDueAt) ? 'resolve' : null;
    case 'awaiting_info':
      return appeal.slaPausedAt && toMs(appeal.slaPausedAt) > toMs(appeal.resolveDueAt) ? 'resolve' : null;
    default:
      return null;
  }
}

export function isOverdue(appeal: SlaView, now: TimeInput): boolean {
  return overdueStage(appeal, now) !== null;
}

/** Whole calendar days, as used by the reopen and auto-close windows. */
export function addCalendarDays(t: TimeInput, n: number): Date {
  return new Date(toMs(t) + n * DAY);
}
