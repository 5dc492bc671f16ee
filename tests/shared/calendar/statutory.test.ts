import { getLunarDate } from 'chinese-days';
import { LUNAR_TABLE_FIRST_YEAR, LUNAR_TABLE_LAST_YEAR, lunarFestivals, qingming, statutoryHolidays } from '../../../shared/calendar/statutory';
import { getSolarTermDate } from 'chinese-days';
import { BUNDLED_NOTICES } from '../../../shared/calendar/bundled';
import { workingCalendar } from '../../../shared/calendar/days';

const sorted = (year: number) => [...statutoryHolidays(year).entries()].sort(([a], [b]) => a.localeCompare(b));

describe('statutory holidays (全国年节及纪念日放假办法, from 2025)', () => {
  it('2027: 13 days, lunar and solar-term dates computed', () => {
    expect(sorted(2027)).toEqual([
      ['2027-01-01', '元旦'],
      ['2027-02-05', '春节'],
      ['2027-02-06', '春节'],
      ['2027-02-07', '春节'],
      ['2027-02-08', '春节'],
      ['2027-04-05', '清明节'],
      ['2027-05-01', '劳动节'],
      ['2027-05-02', '劳动节'],
      ['2027-06-09', '端午节'],
      ['2027-09-15', '中秋节'],
      ['2027-10-01', '国庆节'],
      ['2027-10-02', '国庆节'],
      ['2027-10-03', '国庆节'],
    ]);
  });

  it.each([2025, 2026])('%i: every statutory day is a day off in the State Council notice', (year) => {
    const official = workingCalendar(BUNDLED_NOTICES.filter((n) => n.year === year));
    for (const [date] of statutoryHolidays(year)) expect([date, official.isWorkday(date)]).toEqual([date, false]);
  });

  it('has 13 days a year, or 12 when 中秋 falls within 国庆 (2028-10-03)', () => {
    for (let year = 2027; year <= 2040; year++) {
      const size = statutoryHolidays(year).size;
      expect([year, size === 13 || size === 12]).toEqual([year, true]);
    }
    expect(statutoryHolidays(2028).get('2028-10-03')).toBe('国庆节、中秋节');
  });

  it("the lunar table agrees with chinese-days' lunar conversion for every year 2025–2099", () => {
    expect([LUNAR_TABLE_FIRST_YEAR, LUNAR_TABLE_LAST_YEAR]).toEqual([2025, 2099]);
    // Noon UTC: chinese-days counts whole days from its epoch, so the lunar fields are time-zone free.
    const lunar = (ymd: string) => getLunarDate(new Date(`${ymd}T12:00:00Z`));
    for (let year = LUNAR_TABLE_FIRST_YEAR; year <= LUNAR_TABLE_LAST_YEAR; year++) {
      const f = lunarFestivals(year)!;
      const got = [lunar(f.newYear), lunar(f.duanwu), lunar(f.midAutumn)].map((l) => `${l.isLeap ? '闰' : ''}${l.lunarMon}/${l.lunarDay}`);
      expect([year, got]).toEqual([year, ['1/1', '5/5', '8/15']]);
      // The day before 正月初一 is 除夕 (the last day of the twelfth month).
      const eve = lunar(new Date(Date.parse(`${f.newYear}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
      expect([year, eve.lunarMon]).toEqual([year, 12]);
    }
  });

  it("清明 by formula matches chinese-days' solar terms", () => {
    // getSolarTermDate formats in host time; at or east of UTC it is exact.
    if (new Date().getTimezoneOffset() > 0) return;
    for (let year = 2025; year <= 2099; year++) expect(qingming(year)).toBe(getSolarTermDate(year, 4, 'pure_brightness'));
  });
});
