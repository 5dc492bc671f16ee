import { statutoryHolidays } from '../../../shared/calendar/statutory';
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
});
