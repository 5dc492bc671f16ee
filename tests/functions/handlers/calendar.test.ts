/**
 * The working calendar the centre keeps, on DynamoDB Local: 2027 without a notice still has its statutory
 * holidays; a notice entered through the API changes a 2027 deadline, the booking window and the digest's
 * working-day check; writes are the centre's only and conditional on the version read.
 */
import { handler as meta } from '../../../functions/handlers/meta';
import { fileAppeal } from '../../../functions/services/appeal-service';
import { listBookingSlots } from '../../../functions/services/booking-service';
import { getCalendarYear, forgetWorkingCalendar, loadWorkingCalendar } from '../../../functions/services/calendar-service';
import { previousWorkday } from '../../../functions/services/digest-service';
import type { Principal } from '../../../shared/domain/principal';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';
import { handler as enterprises } from '../../../functions/handlers/enterprises';

const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
let a: Side;
let owner: Principal;
let ownerToken: string;

/** A sample 2027 notice: 元旦 01-01..03; 春节 02-05..02-13 with Sunday 02-14 worked. */
const NOTICE_2027 = {
  holidays: [
    { name: '元旦', start: '2027-01-01', end: '2027-01-03' },
    { name: '春节', start: '2027-02-05', end: '2027-02-13' },
  ],
  workdays: [{ name: '春节', date: '2027-02-14' }],
};
const DISPUTE = { type: 'dispute', category: 'labour-wages', urgency: 'normal', grade: 1, title: '货款纠纷需要调解', description: '合作方拖欠货款三个月，多次沟通无果，希望民警协助调解。' };

beforeAll(async () => {
  await createTestTable('calendar');
  forgetWorkingCalendar();
  ({ a } = await twoStations());
  const g = await guest('cal-owner');
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 7301) });
  expect(reg.status).toBe(201);
  owner = { role: 'enterprise', userId: g.user.userId, enterpriseId: reg.body.enterprise.id, memberRole: 'owner' };
  ownerToken = reg.body.session.accessToken;
});

describe('2027 before the notice is entered', () => {
  it('GET says which days are statutory, and that the notice is missing', async () => {
    const reply = await call(meta, 'getCalendarYear', { token: ownerToken, params: { year: '2027' } });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ year: 2027, version: 0, hasNotice: false, notice: null });
    const day = (d: string) => reply.body.days.find((x: { date: string }) => x.date === d);
    expect(day('2027-01-01')).toEqual({ date: '2027-01-01', workday: false, source: 'statutory', name: '元旦' });
    expect(day('2027-02-05')).toEqual({ date: '2027-02-05', workday: false, source: 'statutory', name: '春节' });
    expect(day('2027-01-02')).toEqual({ date: '2027-01-02', workday: false, source: 'weekend' });
    expect(day('2027-01-04')).toEqual({ date: '2027-01-04', workday: true, source: 'weekday' });
  });

  it('2026 comes from the seeded/bundled notice', async () => {
    const view = await getCalendarYear(2026, sh('2026-06-01 10:00'));
    expect(view.hasNotice).toBe(true);
    expect(view.days.find((d) => d.date === '2026-02-14')).toEqual({ date: '2026-02-14', workday: true, source: 'official', name: '春节' });
    expect(view.warning).toBeUndefined();
  });

  it('warns from 1 November while next year is missing', async () => {
    expect((await getCalendarYear(2027, sh('2026-10-31 10:00'))).warning).toBeUndefined();
    expect((await getCalendarYear(2027, sh('2026-11-01 10:00'))).warning).toMatch(/^2027年节假日安排尚未录入/);
  });

  it('from 2026-12-19 the booking window does not offer New Year’s Day 2027', async () => {
    const slots = await listBookingSlots(owner, a.stationId, 'residence', {}, sh('2026-12-28 08:00'));
    const dates = new Set(slots.items.map((s) => s.date));
    expect(dates.has('2026-12-31')).toBe(true);
    expect(dates.has('2027-01-01')).toBe(false);
    expect(dates.has('2027-01-04')).toBe(true);
  });

  it('filed 2026-12-31 22:00: acceptance skips New Year and the weekend', async () => {
    const view = await fileAppeal(owner, DISPUTE as never, sh('2026-12-31 22:00'));
    expect(view.appeal.acceptDueAt).toBe(sh('2027-01-04 17:30').toISOString());
  });
});

describe('the centre enters the 2027 notice', () => {
  it('refuses a weekday 调休 and overlapping ranges, in Chinese', async () => {
    const reply = await call(meta, 'setCalendarYear', {
      token: a.tokens.centre,
      params: { year: '2027' },
      body: { version: 0, holidays: NOTICE_2027.holidays, workdays: [{ name: '春节', date: '2027-02-15' }] },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues).toEqual([{ field: 'workdays.0.date', message: '2027-02-15 不是周六或周日，调休上班日应为周末' }]);
    const badYear = await call(meta, 'getCalendarYear', { token: ownerToken, params: { year: '1999' } });
    expect(badYear.status).toBe(400);
  });

  it('stores it; a dispute filed 2027-02-04 is then due 02-18 instead of 02-15', async () => {
    const before = await fileAppeal(owner, DISPUTE as never, sh('2027-02-04 10:00'));
    expect(before.appeal.resolveDueAt).toBe(sh('2027-02-15 17:30').toISOString());
    expect(previousWorkday('2027-02-15', await loadWorkingCalendar())).toBe('2027-02-12');

    const reply = await call(meta, 'setCalendarYear', { token: a.tokens.centre, params: { year: '2027' }, body: { version: 0, ...NOTICE_2027 } });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ year: 2027, version: 1, hasNotice: true });
    expect(reply.body.days.find((d: { date: string }) => d.date === '2027-02-14')).toEqual({ date: '2027-02-14', workday: true, source: 'official', name: '春节' });
    expect(reply.body.days.find((d: { date: string }) => d.date === '2027-02-09')).toEqual({ date: '2027-02-09', workday: false, source: 'official', name: '春节' });

    const after = await fileAppeal(owner, DISPUTE as never, sh('2027-02-04 10:00'));
    expect(after.appeal.resolveDueAt).toBe(sh('2027-02-18 17:30').toISOString());
    // The digest's look-back follows the same calendar: the working day before Monday 02-15 is Sunday 02-14.
    expect(previousWorkday('2027-02-15', await loadWorkingCalendar())).toBe('2027-02-14');
    expect((await getCalendarYear(2027, sh('2026-12-04 10:00'))).warning).toBeUndefined();
    // Booking slots follow it too: none in the break, the 调休 Sunday open.
    const slots = await listBookingSlots(owner, a.stationId, 'residence', { from: '2027-02-08', days: 8 }, sh('2027-02-04 08:00'));
    expect([...new Set(slots.items.map((s) => s.date))]).toEqual(['2027-02-14', '2027-02-15']);
  });

  it('a write from a stale version answers 409 and changes nothing', async () => {
    const stale = await call(meta, 'setCalendarYear', { token: a.tokens.centre, params: { year: '2027' }, body: { version: 0, ...NOTICE_2027, workdays: [] } });
    expect(stale.status).toBe(409);
    const fresh = await call(meta, 'setCalendarYear', { token: a.tokens.centre, params: { year: '2027' }, body: { version: 1, ...NOTICE_2027 } });
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(2);
  });

  it('only the centre writes it', async () => {
    const reply = await call(meta, 'setCalendarYear', { token: a.tokens.chief, params: { year: '2027' }, body: { version: 2, ...NOTICE_2027 } });
    expect(reply.status).toBe(403);
  });
});
