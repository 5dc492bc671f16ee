/**
 * Bookable slots (预约时段) of one service at one station, in Shanghai wall-clock time.
 *
 * A date has slots only if it is a working day on the district's calendar (`calendar`, default the bundled one):
 * statutory holidays are closed and 调休 make-up Saturdays/Sundays are open, with the hours the schedule gives
 * for that weekday. Each office window is cut into `slotMinutes` pieces from its start; a remainder shorter
 * than a slot is dropped, so no slot crosses the lunch break or closing time.
 *
 * The booking window counts calendar days including today: with 14 days, a booking made on a Monday can be
 * for any slot up to the Sunday of the following week.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { DEFAULT_WORKING_CALENDAR, TIME_ZONE, toMs, type TimeInput } from '../appeals/sla';
import type { WorkingCalendar } from '../calendar/days';
import { minutesOf, type BlockedPeriod, type Booking, type ServiceDefinition, type Slot, type StationSchedule, type StationServiceSettings, type Weekday } from './schemas';

dayjs.extend(utc);
dayjs.extend(timezone);

const MINUTE = 60_000;

export type SlotQuery = {
  stationId: string;
  schedule: StationSchedule;
  settings: StationServiceSettings;
  service: ServiceDefinition;
  blocked: readonly BlockedPeriod[];
  now: TimeInput;
  /** Seats already taken, by `slotKey`. Missing keys count as 0. */
  booked?: Readonly<Record<string, number>>;
  /** The district's working calendar (the centre's notices); the bundled one when absent. */
  calendar?: Pick<WorkingCalendar, 'isWorkday'>;
};

/** The counter a repository keeps per slot. The start is normalised to UTC, so any offset gives the same key. */
export function slotKey(stationId: string, serviceId: string, startIso: TimeInput): string {
  return `${stationId}#${serviceId}#${new Date(toMs(startIso)).toISOString()}`;
}

// Building a formatter is the slow part of time-zone work, so one is built once and reused. Parts, not a
// locale's date pattern, so an ICU update cannot change the output.
const LOCAL_DATE = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Shanghai calendar date 'YYYY-MM-DD' of an instant. */
export function localDateOf(t: TimeInput): string {
  const parts: Record<string, string> = {};
  for (const p of LOCAL_DATE.formatToParts(toMs(t))) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function addDays(ymd: string, n: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

// Resolving a zone offset goes through Intl and costs far more than the rest of a slot; a booking window asks
// for the same few dates again and again, so local midnights are memoised (as in appeals/sla.ts).
const midnights = new Map<string, number>();

/** Shanghai has had no daylight saving since 1991, so local midnight plus minutes is exact. */
function localMidnight(ymd: string): number {
  let ms = midnights.get(ymd);
  if (ms === undefined) {
    ms = dayjs.tz(`${ymd} 00:00`, TIME_ZONE).valueOf();
    if (midnights.size > 20_000) midnights.clear();
    midnights.set(ymd, ms);
  }
  return ms;
}

function weekdayOf(ymd: string): Weekday {
  const d = new Date(`${ymd}T00:00:00Z`).getUTCDay();
  return String(d === 0 ? 7 : d) as Weekday;
}

/** Blocked [start, end) intervals on `ymd` that apply to `serviceId`. */
function blockedIntervals(blocked: readonly BlockedPeriod[], ymd: string, serviceId: string): Array<[number, number]> {
  const midnight = localMidnight(ymd);
  return blocked
    .filter((b) => (b.serviceId === undefined || b.serviceId === serviceId) && b.startDate <= ymd && ymd <= (b.endDate ?? b.startDate))
    .map((b) => (b.from !== undefined && b.to !== undefined ? [midnight + minutesOf(b.from) * MINUTE, midnight + minutesOf(b.to) * MINUTE] : [midnight, localMidnight(addDays(ymd, 1))]));
}

/**
 * Slots from the Shanghai date of `from` for `days` days (default: the whole booking window), never before
 * today nor past the booking window, dropping slots that start earlier than `now + minNoticeMinutes` and
 * slots that overlap a blocked period. Full slots are kept with `left: 0` so the app can show 已约满.
 */
export function computeSlots(query: SlotQuery & { from: TimeInput; days?: number }): Slot[] {
  const { stationId, schedule, settings, service, blocked, booked = {}, calendar = DEFAULT_WORKING_CALENDAR } = query;
  const days = query.days ?? schedule.bookingWindowDays;
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  if (!settings.enabled) return [];

  const now = toMs(query.now);
  const earliestStart = now + schedule.minNoticeMinutes * MINUTE;
  const today = localDateOf(now);
  const lastDay = addDays(today, schedule.bookingWindowDays - 1);
  const requested = localDateOf(query.from);
  // biome-ignore lint/complexity/useMathMinMax: these are YYYY-MM-DD strings, compared as text; Math.max would give NaN
  const firstDay = requested > today ? requested : today;
  const step = settings.slotMinutes * MINUTE;

  const slots: Slot[] = [];
  for (let i = 0; i < days; i++) {
    const ymd = addDays(firstDay, i);
    if (ymd > lastDay) break;
    if (!calendar.isWorkday(ymd)) continue;
    const midnight = localMidnight(ymd);
    const blocks = blockedIntervals(blocked, ymd, service.id);
    for (const window of schedule.hours[weekdayOf(ymd)]) {
      const windowEnd = midnight + minutesOf(window.end) * MINUTE;
      for (let start = midnight + minutesOf(window.start) * MINUTE; start + step <= windowEnd; start += step) {
        const end = start + step;
        if (start < earliestStart) continue;
        if (blocks.some(([from, to]) => start < to && from < end)) continue;
        const startIso = new Date(start).toISOString();
        const key = slotKey(stationId, service.id, startIso);
        const taken = booked[key] ?? 0;
        slots.push({
          key,
          date: ymd,
          start: startIso,
          end: new Date(end).toISOString(),
          capacity: settings.seatsPerSlot,
          booked: taken,
          left: Math.max(0, settings.seatsPerSlot - taken),
        });
      }
    }
  }
  return slots;
}

/** The bookable slot starting exactly at `start` (any offset), or null if `start` is not one right now. */
export function findSlot(query: SlotQuery, start: TimeInput): Slot | null {
  let ms: number;
  try {
    ms = toMs(start);
  } catch {
    return null;
  }
  return computeSlots({ ...query, from: ms, days: 1 }).find((s) => toMs(s.start) === ms) ?? null;
}

/** The last moment the enterprise may still cancel or reschedule. */
export function changeDeadline(booking: Pick<Booking, 'slotStart'>, schedule: Pick<StationSchedule, 'changeCutoffMinutes'>): Date {
  return new Date(toMs(booking.slotStart) - schedule.changeCutoffMinutes * MINUTE);
}

/** Whether the enterprise may still cancel or reschedule: still booked and not past the cut-off. */
export function canChange(booking: Pick<Booking, 'status' | 'slotStart'>, now: TimeInput, schedule: Pick<StationSchedule, 'changeCutoffMinutes'>): boolean {
  return booking.status === 'booked' && toMs(now) <= changeDeadline(booking, schedule).getTime();
}

/**
 * Counts toward `maxActivePerEnterpriseService`: booked and not yet over. A slot that has passed without the
 * station recording arrival or no-show no longer blocks the enterprise.
 */
export function isActiveBooking(booking: Pick<Booking, 'status' | 'slotEnd'>, now: TimeInput): boolean {
  return booking.status === 'booked' && toMs(booking.slotEnd) > toMs(now);
}
