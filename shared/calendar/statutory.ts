/**
 * Statutory public holidays (法定节假日) of a year, by 《全国年节及纪念日放假办法》 as amended in 2024
 * (in force from 2025): 元旦 1 day, 春节 4 days (除夕 and 正月初一至初三), 清明 1 day (the solar term),
 * 劳动节 2 days (5月1日、2日), 端午 1 day (五月初五), 中秋 1 day (八月十五), 国庆 3 days (10月1日至3日) —
 * 13 days. The State Council's notice adds bridging days and 调休 on top; those cannot be computed.
 *
 * The lunar dates are a table generated from chinese-days' lunar conversion (`getLunarDate`) and checked
 * against it by tests/shared/calendar/statutory.test.ts for every year. A table rather than a call: the
 * package's ES build cannot be bundled by the mini-program's webpack (its package.json says CommonJS), and
 * ~1 KB of dates is lighter than the conversion code for a phone that only previews.
 */
import { addDays, datesOf, type StatutoryDays } from './days';

export const LUNAR_TABLE_FIRST_YEAR = 2025;
/** 正月初一, 五月初五, 八月十五 of each year from 2025 as MMDD MMDD MMDD. */
const LUNAR =
  '012905311006 021706190925 020606090915 012605281003 021306160922 020306050912 012306241001 021106120919 ' +
  '013106010908 021906200927 020806100916 012805301004 021506180924 020406070913 012405271002 021206140920 ' +
  '020106030910 012206220928 021006110917 013005311005 021706190925 020606080915 012605291004 021406150922 ' +
  '020206040911 012306230930 021106130919 020106010907 021906200926 020806100916 012805301005 021506170924 ' +
  '020406060913 012406251002 021206140921 020206030909 012106220928 020906110917 012906011006 021706190925 ' +
  '020506080915 012605281003 021406160923 020306040911 012306230929 021106130919 013106020908 021906200926 ' +
  '020706100916 012705301005 021506170924 020506060912 012406241001 021206140920 020206040910 012206220928 ' +
  '020906110917 012906011006 021706190926 020606070914 012605271003 021406150922 020306050911 012406230929 ' +
  '021006130918 013006020908 021806210927 020706090916 012705291005 021506170924 020506060913 012506240930 ' +
  '021206140920 020106040909 012106230929';
const lunarRows = LUNAR.split(' ');
export const LUNAR_TABLE_LAST_YEAR = LUNAR_TABLE_FIRST_YEAR + lunarRows.length - 1;

const pad = (n: number) => String(n).padStart(2, '0');
const mmdd = (year: number, s: string) => `${year}-${s.slice(0, 2)}-${s.slice(2, 4)}`;

/** 清明: the solar term's day by the usual 21st-century formula (寿星通式), exact for 2000–2099. */
export function qingming(year: number): string {
  const y = year % 100;
  return `${year}-04-${pad(Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4))}`;
}

/** 正月初一, 端午 and 中秋 of a year, or null outside the table. */
export function lunarFestivals(year: number): { newYear: string; duanwu: string; midAutumn: string } | null {
  const row = lunarRows[year - LUNAR_TABLE_FIRST_YEAR];
  if (!row) return null;
  return { newYear: mmdd(year, row.slice(0, 4)), duanwu: mmdd(year, row.slice(4, 8)), midAutumn: mmdd(year, row.slice(8, 12)) };
}

const memo = new Map<number, ReadonlyMap<string, string>>();

/** The statutory days off of `year` (13, or 12 when 中秋 falls within 国庆); outside the table only the solar ones. */
export const statutoryHolidays: StatutoryDays = (year) => {
  let days = memo.get(year);
  if (days) return days;
  const map = new Map<string, string>();
  map.set(`${year}-01-01`, '元旦');
  const lunar = lunarFestivals(year);
  if (lunar) for (const d of datesOf(addDays(lunar.newYear, -1), addDays(lunar.newYear, 2))) map.set(d, '春节');
  map.set(qingming(year), '清明节');
  map.set(`${year}-05-01`, '劳动节');
  map.set(`${year}-05-02`, '劳动节');
  if (lunar) {
    map.set(lunar.duanwu, '端午节');
    map.set(lunar.midAutumn, '中秋节');
  }
  for (const d of [`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]) map.set(d, map.has(d) ? `国庆节、${map.get(d)}` : '国庆节');
  days = map;
  memo.set(year, days);
  return days;
};
