import { seedCalendar } from '../../scripts/seed/calendar';
import { calendarRepository } from '../../functions/repositories/calendar-repository';
import { getCalendarYear } from '../../functions/services/calendar-service';
import { BUNDLED_NOTICES } from '../../shared/calendar/bundled';
import { createTestTable } from '../support/table';

beforeAll(() => createTestTable('seedcal'));

it('writes every bundled year once; a rerun keeps what is stored', async () => {
  const now = new Date('2026-12-04T01:00:00Z');
  expect(await seedCalendar(now)).toBe(BUNDLED_NOTICES.length);
  expect(await seedCalendar(now)).toBe(0);
  const years = await calendarRepository.listYears();
  expect(years.map((y) => y.year)).toEqual(BUNDLED_NOTICES.map((n) => n.year));
  const view = await getCalendarYear(2026, now);
  expect(view).toMatchObject({ version: 1, hasNotice: true });
  // chinese-days' own getWorkdaysInRange('2026-01-01', '2026-12-31') counts 248 as well.
  expect(view.workdayCount).toBe(248);
});
