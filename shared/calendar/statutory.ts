/**
 * Statutory public holidays (法定节假日) of a year, by 《全国年节及纪念日放假办法》 as amended in 2024
 * (in force from 2025): 元旦 1 day, 春节 4 days (除夕 and 正月初一至初三), 清明 1 day (the solar term),
 * 劳动节 2 days (5月1日、2日), 端午 1 day (五月初五), 中秋 1 day (八月十五), 国庆 3 days (10月1日至3日) —
 * 13 days. The State Council's notice adds bridging days and 调休 on top; those cannot be computed.
 *
 * Lunar dates come from chinese-days' lunar table. Its `getLunarDate` counts whole days from a fixed epoch,
 * so it is given noon UTC of each date: the count, and hence the result, is then the same in every host
 * time zone (its string formatting is not, so only the lunar fields are read).
 */
import { getLunarDate } from 'chinese-days';
import { addDays, datesOf, type StatutoryDays } from './days';

const pad = (n: number) => String(n).padStart(2, '0');

/** 清明: the solar term's day by the usual 21st-century formula (寿星通式), exact for 2000–2099. */
function qingming(year: number): string {
  const y = year % 100;
  return `${year}-04-${pad(Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4))}`;
}

function lunarDays(year: number): { newYear: string; duanwu: string; midAutumn: string } {
  let newYear = '';
  let duanwu = '';
  let midAutumn = '';
  for (const ymd of datesOf(`${year}-01-15`, `${year}-10-15`)) {
    const [y, m, d] = ymd.split('-').map(Number);
    const l = getLunarDate(new Date(Date.UTC(y, m - 1, d, 12)));
    if (l.isLeap) continue;
    if (l.lunarMon === 1 && l.lunarDay === 1 && !newYear) newYear = ymd;
    if (l.lunarMon === 5 && l.lunarDay === 5) duanwu = ymd;
    if (l.lunarMon === 8 && l.lunarDay === 15) midAutumn = ymd;
  }
  return { newYear, duanwu, midAutumn };
}

const memo = new Map<number, ReadonlyMap<string, string>>();

/** The 13 statutory days off of `year` (2025 onwards; the lunar table covers up to 2099). */
export const statutoryHolidays: StatutoryDays = (year) => {
  let days = memo.get(year);
  if (days) return days;
  const { newYear, duanwu, midAutumn } = lunarDays(year);
  const map = new Map<string, string>();
  map.set(`${year}-01-01`, '元旦');
  for (const d of datesOf(addDays(newYear, -1), addDays(newYear, 2))) map.set(d, '春节');
  map.set(qingming(year), '清明节');
  map.set(`${year}-05-01`, '劳动节');
  map.set(`${year}-05-02`, '劳动节');
  map.set(duanwu, '端午节');
  map.set(midAutumn, '中秋节');
  for (const d of [`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]) map.set(d, map.has(d) ? `国庆节、${map.get(d)}` : '国庆节');
  days = map;
  memo.set(year, days);
  return days;
};

