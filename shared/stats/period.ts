/** Periods (统计周期) as Shanghai calendar days, YYYY-MM-DD, both ends included. Pure. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { TIME_ZONE } from '../appeals/sla';

dayjs.extend(utc);
dayjs.extend(timezone);

export type Period = { from: string; to: string };
export const MAX_STATS_DAYS = 366;
export const MAX_EXPORT_DAYS = 93;

const today = (now: Date) => dayjs(now).tz(TIME_ZONE);

/** Number of days in the period, both ends counted. */
export const periodDays = (p: Period) => dayjs(p.to).diff(dayjs(p.from), 'day') + 1;

/** Every day of the period in order. */
export function daysOf(p: Period): string[] {
  const out: string[] = [];
  for (let d = dayjs(p.from); !d.isAfter(dayjs(p.to)); d = d.add(1, 'day')) out.push(d.format('YYYY-MM-DD'));
  return out;
}

export const PERIOD_PRESETS = ['this_month', 'last_month', 'this_quarter'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = { this_month: '本月', last_month: '上月', this_quarter: '本季度' };

export function presetPeriod(preset: PeriodPreset, now: Date): Period {
  const t = today(now);
  const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
  switch (preset) {
    case 'this_month':
      return { from: fmt(t.startOf('month')), to: fmt(t) };
    case 'last_month': {
      const m = t.startOf('month').subtract(1, 'month');
      return { from: fmt(m), to: fmt(m.endOf('month')) };
    }
    case 'this_quarter': {
      const q = quarterOf(fmt(t));
      return { from: quarterPeriod(q).from, to: fmt(t) };
    }
  }
}

/** "2026Q4" for a day. */
export function quarterOf(day: string): string {
  const d = dayjs(day);
  return `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;
}

export function quarterPeriod(quarter: string): Period {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`bad quarter ${quarter}`);
  const start = dayjs(`${m[1]}-01-01`).add((Number(m[2]) - 1) * 3, 'month');
  return { from: start.format('YYYY-MM-DD'), to: start.add(2, 'month').endOf('month').format('YYYY-MM-DD') };
}

export const quarterLabel = (quarter: string) => quarter.replace(/^(\d{4})Q([1-4])$/, (_, y, q) => `${y}年第${'一二三四'[Number(q) - 1]}季度`);
export const dayLabel = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
