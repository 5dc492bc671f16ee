/**
 * The calendar page's editing rules, kept out of the component: a notice being typed (date ranges as
 * text), what it would make of the year (the preview), and its problems in the words the server uses.
 */
import { addDays, rangesOf, weekdayOf, workingCalendar, yearDays, type CalendarDay, type HolidayNotice } from '../../../../shared/calendar/days';
import { CalendarNoticeBody, noticeIssues } from '../../../../shared/calendar/schemas';
import { statutoryHolidays } from '../../../../shared/calendar/statutory';

export type HolidayRow = { name: string; start: string; end: string };
export type WorkdayRow = { name: string; date: string };
export type NoticeDraft = { holidays: HolidayRow[]; workdays: WorkdayRow[] };

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 2月5日（周五） */
export const dayText = (ymd: string) => `${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日（周${WEEKDAYS[weekdayOf(ymd)]}）`;

/**
 * The draft to start from: the year's notice if there is one, else the statutory holidays the server
 * computed (so the centre only widens the ranges and adds the 调休 days from the notice).
 */
export function draftFrom(notice: Omit<HolidayNotice, 'year'> | null, days: readonly CalendarDay[]): NoticeDraft {
  if (notice) return { holidays: notice.holidays.map((h) => ({ ...h })), workdays: notice.workdays.map((w) => ({ ...w })) };
  const statutory = days.filter((d) => d.source === 'statutory').map((d) => ({ date: d.date, name: d.name ?? '节假日' }));
  return { holidays: rangesOf(statutory), workdays: [] };
}

export type DraftCheck =
  | { ok: false; problems: string[] }
  | {
      ok: true;
      body: Omit<CalendarNoticeBody, 'version'>;
      workdayCount: number;
      changes: Array<{ date: string; text: string }>;
      /** Statutory days the notice leaves as working days: almost surely a typing slip (the law fixes them). */
      warnings: string[];
    };

/** Validate the draft as the server will, and compare the year it gives with the year as it stands. */
export function checkDraft(year: number, draft: NoticeDraft, current: readonly CalendarDay[]): DraftCheck {
  const parsed = CalendarNoticeBody.safeParse({ version: 0, ...draft });
  if (!parsed.success) return { ok: false, problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
  const issues = noticeIssues(year, parsed.data);
  if (issues.length > 0) return { ok: false, problems: issues.map((i) => i.message) };
  const { version: _v, ...body } = parsed.data;
  const days = yearDays(workingCalendar([{ year, ...body }]), year);
  const before = new Map(current.map((d) => [d.date, d.workday]));
  const changes = days
    .filter((d) => before.has(d.date) && before.get(d.date) !== d.workday)
    .map((d) => ({ date: d.date, text: `${dayText(d.date)} ${d.workday ? '改为上班' : '改为放假'}${d.name ? `（${d.name}）` : ''}` }));
  const warnings = [...statutoryHolidays(year)].filter(([date]) => days.find((d) => d.date === date)?.workday).map(([date, name]) => `注意：${dayText(date)}是法定节假日（${name}），按此安排却要上班，请核对通知`);
  return { ok: true, body, workdayCount: days.filter((d) => d.workday).length, changes, warnings };
}

export type SpecialLine = { key: string; text: string; source: string; workday: boolean };

/** Days off and 调休 days of a year as lines: "春节 2月5日（周五）至2月13日（周六）放假", with their source. */
export function specialDays(days: readonly CalendarDay[]): SpecialLine[] {
  const groups: Array<{ start: string; end: string; day: CalendarDay }> = [];
  for (const d of days.filter((x) => x.source === 'official' || x.source === 'statutory')) {
    const last = groups[groups.length - 1];
    const joins = last && !d.workday && !last.day.workday && last.day.name === d.name && last.day.source === d.source && addDays(last.end, 1) === d.date;
    if (joins) last.end = d.date;
    else groups.push({ start: d.date, end: d.date, day: d });
  }
  return groups.map(({ start, end, day }) => ({
    key: start,
    workday: day.workday,
    source: day.source === 'official' ? '国务院通知' : '法定节假日（推算）',
    text: day.workday ? `${dayText(start)}调休上班${day.name ? `（${day.name}）` : ''}` : `${day.name ?? ''} ${start === end ? dayText(start) : `${dayText(start)}至${dayText(end)}`}放假`,
  }));
}
