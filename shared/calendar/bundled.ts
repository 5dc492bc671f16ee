/**
 * The notices chinese-days publishes (2004–2026 in v1.5.7), as the calendar's starting data: the seed
 * writes them to the table, and the Lambdas fall back to them for a year the table does not hold. Read
 * from the package's JSON, which is time-zone free (its `isWorkday` is not: it keys dates in host time).
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { rangesOf, type HolidayNotice } from './days';

const DATA: { holidays: Record<string, string>; workdays: Record<string, string> } = chineseDays;

/** 'Spring Festival,春节,4' → '春节' */
const nameOf = (value: string) => value.split(',')[1] ?? value;

function build(): HolidayNotice[] {
  const years = new Map<number, HolidayNotice>();
  const yearOf = (date: string) => {
    const year = Number(date.slice(0, 4));
    let n = years.get(year);
    if (!n) {
      n = { year, holidays: [], workdays: [] };
      years.set(year, n);
    }
    return n;
  };
  const holidayDays = new Map<number, Array<{ date: string; name: string }>>();
  for (const [date, value] of Object.entries(DATA.holidays)) {
    yearOf(date);
    const list = holidayDays.get(Number(date.slice(0, 4))) ?? [];
    list.push({ date, name: nameOf(value) });
    holidayDays.set(Number(date.slice(0, 4)), list);
  }
  for (const [date, value] of Object.entries(DATA.workdays)) yearOf(date).workdays.push({ date, name: nameOf(value) });
  for (const [year, notice] of years) {
    notice.holidays = rangesOf(holidayDays.get(year) ?? []);
    notice.workdays.sort((a, b) => a.date.localeCompare(b.date));
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

export const BUNDLED_NOTICES: readonly HolidayNotice[] = build();
