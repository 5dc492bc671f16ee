/**
 * 预约办证 on DynamoDB Local: holidays and 调休, the change cut-off, seats freed and moved, closures that
 * cancel and tell the enterprise, the active limit, and the counter side. Where the day matters the services
 * are called with a fixed `now`; the HTTP round trip runs on today's clock.
 */
import { handler as bookings } from '../../../functions/handlers/bookings';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as notifications } from '../../../functions/handlers/notifications';
import { actOnBooking, bookAppointment, closeBookingDay, closeBookingSlot, getBooking, listBookingSlots } from '../../../functions/services/booking-service';
import { bookingRepository } from '../../../functions/repositories/booking-repository';
import { runSlaSweep } from '../../../functions/services/scheduler-service';
import { collectAll } from '../../../functions/lib/dynamo';
import type { Principal } from '../../../shared/domain/principal';
import { localDateOf } from '../../../shared/bookings/slots';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';
import { drainOutbox } from '../../support/outbox';

type Owner = { token: string; principal: Principal; enterpriseId: string };

let a: Side;
let serial = 9100;

/** Shanghai wall time 'YYYY-MM-DD HH:mm' as a Date. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const at = (local: string) => sh(local).toISOString();
/** Monday 2026-09-14 08:00: the window runs to Sunday 09-27. */
const MONDAY = sh('2026-09-14 08:00');

async function owner(): Promise<Owner> {
  const n = serial++;
  const g = await guest(`booking-owner-${n}`);
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, n) });
  expect(reg.status).toBe(201);
  const enterpriseId = reg.body.enterprise.id;
  return { token: reg.body.session.accessToken, enterpriseId, principal: { role: 'enterprise', userId: g.user.userId, enterpriseId, memberRole: 'owner' } };
}

const request = (serviceId: string, slotStart: string, extra: Record<string, unknown> = {}) =>
  ({
    serviceId,
    slotStart,
    contactName: '王芳',
    contactMobile: '13800138000',
    people: 2,
    onSite: false,
    ...extra,
  }) as Parameters<typeof bookAppointment>[1];

const counterOf = async (slotStart: string, serviceId: string) => {
  const day = localDateOf(slotStart);
  const counters = await bookingRepository.dayCounters(a.stationId, day);
  return counters.slots[`${a.stationId}#${serviceId}#${new Date(slotStart).toISOString()}`]?.booked ?? 0;
};
const dayList = (day: string) => collectAll((cursor) => bookingRepository.listStationDay(a.stationId, day, { cursor, limit: 100 }));

beforeAll(async () => {
  await createTestTable('bookings');
  ({ a } = await twoStations());
});

describe('holidays and 调休', () => {
  const beforeHoliday = sh('2026-09-28 08:00');

  it('has no slots on 国庆 2026-10-01 and refuses a booking there', async () => {
    const o = await owner();
    const slots = await listBookingSlots(o.principal, a.stationId, 'residence', { from: '2026-10-01', days: 1 }, beforeHoliday);
    expect(slots.items).toEqual([]);
    await expect(bookAppointment(o.principal, request('residence', at('2026-10-01 10:00')), beforeHoliday)).rejects.toMatchObject({ code: 'SLOT_UNAVAILABLE' });
  });

  it('opens the 调休 Saturday 2026-10-10 with weekday hours and takes a booking there', async () => {
    const o = await owner();
    const slots = await listBookingSlots(o.principal, a.stationId, 'residence', { from: '2026-10-10', days: 1 }, beforeHoliday);
    expect(slots.items.length).toBeGreaterThan(0);
    expect(slots.items[0]).toMatchObject({ date: '2026-10-10', start: at('2026-10-10 09:00'), capacity: 3, left: 3 });
    const booked = await bookAppointment(o.principal, request('residence', at('2026-10-10 10:00')), beforeHoliday);
    expect(booked.booking).toMatchObject({ status: 'booked', slotStart: at('2026-10-10 10:00'), slotEnd: at('2026-10-10 10:20'), version: 1 });
    expect(booked.booking.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
  });
});

describe('the change cut-off', () => {
  it('refuses cancel and reschedule within 60 minutes of the start, allows them before', async () => {
    const o = await owner();
    const { booking } = await bookAppointment(o.principal, request('residence', at('2026-09-15 10:00')), MONDAY);
    const late = sh('2026-09-15 09:30');
    await expect(actOnBooking(o.principal, booking.id, { action: 'cancel', version: 1, reason: '临时有事来不了' }, late)).rejects.toMatchObject({ code: 'BOOKING_CHANGE_TOO_LATE' });
    await expect(actOnBooking(o.principal, booking.id, { action: 'reschedule', version: 1, slotStart: at('2026-09-16 10:00'), reason: '改到明天' }, late)).rejects.toMatchObject({
      code: 'BOOKING_CHANGE_TOO_LATE',
      message: expect.stringContaining('60分钟'),
    });
    const cancelled = await actOnBooking(o.principal, booking.id, { action: 'cancel', version: 1, reason: '临时有事来不了' }, sh('2026-09-15 08:59'));
    expect(cancelled.booking).toMatchObject({ status: 'cancelled', cancelledBy: 'enterprise', cancelReason: '临时有事来不了', version: 2 });
  });
});

describe('seats', () => {
  beforeAll(async () => {
    const reply = await call(bookings, 'setBookingService', { token: a.tokens.chief, params: { stationId: a.stationId, serviceId: 'household' }, body: { enabled: true, seatsPerSlot: 1, slotMinutes: 30 } });
    expect(reply.status).toBe(200);
  });

  it('refuses a new slot length while bookings lie ahead (overlapping slots would each fill), allows it once none do', async () => {
    const { setBookingService } = await import('../../../functions/services/booking-service');
    const x = await owner();
    const start = at('2026-09-17 14:00');
    const booked = await bookAppointment(x.principal, request('household', start), MONDAY);
    await expect(setBookingService(a.principals.chief, a.stationId, 'household', { enabled: true, seatsPerSlot: 1, slotMinutes: 45 }, MONDAY)).rejects.toMatchObject({ code: 'BOOKINGS_PENDING' });
    // Same length, other settings: fine.
    await expect(setBookingService(a.principals.chief, a.stationId, 'household', { enabled: true, seatsPerSlot: 2, slotMinutes: 30 }, MONDAY)).resolves.toBeTruthy();
    await actOnBooking(x.principal, booked.booking.id, { action: 'cancel', version: 1, reason: '材料还没准备好' }, MONDAY);
    // Other household bookings of this file may still lie ahead: only the one just cancelled is known gone.
    const later = new Date('2026-12-01T00:00:00Z');
    await expect(setBookingService(a.principals.chief, a.stationId, 'household', { enabled: true, seatsPerSlot: 1, slotMinutes: 45 }, later)).resolves.toBeTruthy();
    await setBookingService(a.principals.chief, a.stationId, 'household', { enabled: true, seatsPerSlot: 1, slotMinutes: 30 }, later);
  });

  it('a cancellation frees the seat for the next enterprise', async () => {
    const [x, y] = [await owner(), await owner()];
    const start = at('2026-09-16 09:00');
    const first = await bookAppointment(x.principal, request('household', start), MONDAY);
    await expect(bookAppointment(y.principal, request('household', start), MONDAY)).rejects.toMatchObject({ code: 'SLOT_FULL', message: expect.stringContaining('已约满') });
    expect(await counterOf(start, 'household')).toBe(1);
    await actOnBooking(x.principal, first.booking.id, { action: 'cancel', version: 1, reason: '材料还没准备好' }, MONDAY);
    expect(await counterOf(start, 'household')).toBe(0);
    const second = await bookAppointment(y.principal, request('household', start), MONDAY);
    expect(second.booking.status).toBe('booked');
    expect(await counterOf(start, 'household')).toBe(1);
  });

  it('a reschedule gives up the old seat and takes the new one in one write, and tells the station', async () => {
    const x = await owner();
    const from = at('2026-09-16 14:00');
    const to = at('2026-09-17 15:00');
    const { booking } = await bookAppointment(x.principal, request('household', from), MONDAY);
    const moved = await actOnBooking(x.principal, booking.id, { action: 'reschedule', version: 1, slotStart: to, reason: '原时段要开会' }, MONDAY);
    expect(moved.booking).toMatchObject({ status: 'booked', slotStart: to, rescheduleCount: 1, version: 2 });
    expect(moved.history.map((h) => h.action)).toEqual(['create', 'reschedule']);
    expect(moved.history[1]).toMatchObject({ previousSlotStart: from, slotStart: to, reason: '原时段要开会' });
    expect([await counterOf(from, 'household'), await counterOf(to, 'household')]).toEqual([0, 1]);
    expect((await dayList('2026-09-16')).map((b) => b.id)).not.toContain(booking.id);
    expect((await dayList('2026-09-17')).find((b) => b.id === booking.id)).toMatchObject({ slotStart: to });

    const y = await owner();
    await expect(actOnBooking(x.principal, booking.id, { action: 'reschedule', version: 2, slotStart: to, reason: '再改一次' }, MONDAY)).rejects.toMatchObject({ code: 'BOOKING_TRANSITION_NOT_ALLOWED' });
    await expect(bookAppointment(y.principal, request('household', to), MONDAY)).rejects.toMatchObject({ code: 'SLOT_FULL' });
    await drainOutbox();
    const inbox = await call(notifications, 'listNotifications', { token: a.tokens.chief });
    expect(inbox.body.items.some((n: { title: string; body: string }) => n.title === '企业改约' && n.body.includes('2026-09-17 15:00'))).toBe(true);
  });
});

describe('closures (临时停约)', () => {
  it('closing a day cancels its bookings with the reason, tells each enterprise, and refuses new bookings', async () => {
    const [x, y, z] = [await owner(), await owner(), await owner()];
    const reason = '辖区突发停电，暂停办理';
    const bx = await bookAppointment(x.principal, request('exit-entry', at('2026-09-18 10:00')), MONDAY);
    const by = await bookAppointment(y.principal, request('residence', at('2026-09-18 14:00')), MONDAY);

    const result = await closeBookingDay(a.principals.chief, a.stationId, { date: '2026-09-18', reason }, MONDAY);
    expect(result).toEqual({ closed: true, cancelled: 2, skipped: 0 });

    for (const [o, b] of [
      [x, bx],
      [y, by],
    ] as const) {
      const detail = await call(bookings, 'getBooking', { token: o.token, params: { bookingId: b.booking.id } });
      expect(detail.body.booking).toMatchObject({ status: 'cancelled', cancelledBy: 'station', cancelReason: reason });
      expect(detail.body.history.at(-1)).toMatchObject({ action: 'cancel', actorRole: 'chief', reason });
      await drainOutbox();
      const inbox = await call(notifications, 'listNotifications', { token: o.token });
      expect(inbox.body.items[0]).toMatchObject({ title: '预约已被派出所取消', event: 'booking_update', link: { kind: 'booking', id: expect.any(String) } });
      expect(inbox.body.items[0].body).toContain(reason);
    }
    expect(await counterOf(at('2026-09-18 10:00'), 'exit-entry')).toBe(0);
    await expect(bookAppointment(z.principal, request('residence', at('2026-09-18 11:00')), MONDAY)).rejects.toMatchObject({
      code: 'SLOT_UNAVAILABLE',
      message: expect.stringContaining('停电'),
    });
    expect((await listBookingSlots(z.principal, a.stationId, 'residence', { from: '2026-09-18', days: 1 }, MONDAY)).items).toEqual([]);
  });

  it('closing one slot cancels only that slot and leaves its neighbours bookable', async () => {
    const [x, y] = [await owner(), await owner()];
    const closed = at('2026-09-21 10:00');
    const b = await bookAppointment(x.principal, request('consultation', closed), MONDAY);
    const result = await closeBookingSlot(a.principals.chief, a.stationId, { serviceId: 'consultation', slotStart: closed, reason: '民警外出处警' }, MONDAY);
    expect(result).toEqual({ closed: true, cancelled: 1, skipped: 0 });
    expect((await getBooking(x.principal, b.booking.id, MONDAY)).booking.status).toBe('cancelled');
    await expect(bookAppointment(y.principal, request('consultation', closed), MONDAY)).rejects.toMatchObject({ code: 'SLOT_UNAVAILABLE' });
    const slots = await listBookingSlots(y.principal, a.stationId, 'consultation', { from: '2026-09-21', days: 1 }, MONDAY);
    expect(slots.items.map((s) => s.start)).not.toContain(new Date(closed).toISOString());
    expect((await bookAppointment(y.principal, request('consultation', at('2026-09-21 10:30')), MONDAY)).booking.status).toBe('booked');
  });
});

describe('the active limit (2 per enterprise and service)', () => {
  it('refuses a third, takes it after a cancellation, and no longer counts slots that have passed', async () => {
    const o = await owner();
    const first = await bookAppointment(o.principal, request('hazardous-approval', at('2026-09-22 09:00')), MONDAY);
    await bookAppointment(o.principal, request('hazardous-approval', at('2026-09-22 09:30')), MONDAY);
    await expect(bookAppointment(o.principal, request('hazardous-approval', at('2026-09-22 10:00')), MONDAY)).rejects.toMatchObject({ code: 'ACTIVE_BOOKING_LIMIT' });
    // Another service is a separate count.
    await bookAppointment(o.principal, request('seal-filing', at('2026-09-22 10:00')), MONDAY);
    await actOnBooking(o.principal, first.booking.id, { action: 'cancel', version: 1, reason: '已在网上办理' }, MONDAY);
    await bookAppointment(o.principal, request('hazardous-approval', at('2026-09-22 10:00')), MONDAY);
    expect(await bookingRepository.activeIds(o.enterpriseId, 'hazardous-approval')).toHaveLength(2);
    // The next morning both have passed with nothing recorded: they are stale, not active.
    const nextDay = sh('2026-09-23 08:00');
    await expect(bookAppointment(o.principal, request('hazardous-approval', at('2026-09-24 10:00')), nextDay)).resolves.toMatchObject({ booking: { status: 'booked' } });
    expect(await bookingRepository.activeIds(o.enterpriseId, 'hazardous-approval')).toHaveLength(1);
  });
});

describe('at the counter', () => {
  it('an officer of the station records arrival and completion; the enterprise is told and the active place freed', async () => {
    const o = await owner();
    const { booking } = await bookAppointment(o.principal, request('seal-filing', at('2026-09-23 10:00')), MONDAY);
    await expect(actOnBooking(a.principals.officer, booking.id, { action: 'arrive', version: 1 }, MONDAY)).rejects.toMatchObject({ code: 'BOOKING_TRANSITION_NOT_ALLOWED' });
    const arrived = await actOnBooking(a.principals.officer, booking.id, { action: 'arrive', version: 1 }, sh('2026-09-23 09:55'));
    expect(arrived.booking.status).toBe('arrived');
    expect(await bookingRepository.activeIds(o.enterpriseId, 'seal-filing')).not.toContain(booking.id);
    const done = await actOnBooking(a.principals.officer, booking.id, { action: 'complete', version: 2, note: '新刻公章已备案' }, sh('2026-09-23 10:15'));
    expect(done.booking).toMatchObject({ status: 'completed', completionNote: '新刻公章已备案', version: 3 });
    expect(done.allowedActions).toEqual([]);
    await drainOutbox();
    const inbox = await call(notifications, 'listNotifications', { token: o.token });
    expect(inbox.body.items[0].title).toBe('预约业务已办结');
    await expect(actOnBooking(o.principal, booking.id, { action: 'no_show', version: 3 }, sh('2026-09-23 11:00'))).rejects.toMatchObject({ code: 'BOOKING_ACTION_FORBIDDEN' });
  });
});

describe("over HTTP, on today's clock", () => {
  it('lists services and slots, books, shows the booking to both sides, and cancels with the version', async () => {
    const o = await owner();
    const services = await call(bookings, 'listBookingServices', { token: o.token, params: { stationId: a.stationId } });
    expect(services.status).toBe(200);
    expect(services.body.services.map((s: { service: { id: string } }) => s.service.id)).toContain('residence');
    const foreign = await call(bookings, 'listBookingServices', { token: o.token, params: { stationId: 'stb' } });
    expect(foreign.status).toBe(404);

    const slots = await call(bookings, 'listBookingSlots', { token: o.token, params: { stationId: a.stationId, serviceId: 'residence' } });
    const slot = slots.body.items.find((s: { date: string }) => s.date > localDateOf(Date.now()));
    expect(slot).toBeDefined();

    const invalid = await call(bookings, 'createBooking', { token: o.token, body: { ...request('residence', slot.start), contactMobile: '123', people: 30 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues.map((i: { field: string }) => i.field)).toContain('contactMobile');
    const tooMany = await call(bookings, 'createBooking', { token: o.token, body: request('residence', slot.start, { people: 30 }) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.issues[0]).toMatchObject({ field: 'people', message: expect.stringContaining('上门集中采集') });

    const created = await call(bookings, 'createBooking', { token: o.token, body: request('residence', slot.start) });
    expect(created.status).toBe(201);
    expect(created.body.allowedActions).toEqual(['cancel', 'reschedule']);
    const id = created.body.booking.id;

    const mine = await call(bookings, 'listMyBookings', { token: o.token });
    expect(mine.body.items[0]).toMatchObject({ id, status: 'booked', stationName: '测试a派出所' });
    const day = await call(bookings, 'listStationBookings', { token: a.tokens.officer, params: { stationId: a.stationId }, query: { date: slot.date } });
    expect(day.status).toBe(200);
    expect(day.body.items.map((b: { id: string }) => b.id)).toContain(id);
    const officerView = await call(bookings, 'getBooking', { token: a.tokens.officer, params: { bookingId: id } });
    expect(officerView.status).toBe(200);
    expect(officerView.body.allowedActions).toEqual(['cancel']);

    const stale = await call(bookings, 'actOnBooking', { token: o.token, params: { bookingId: id }, body: { action: 'cancel', version: 7, reason: '计划有变' } });
    expect(stale.status).toBe(409);
    const cancelled = await call(bookings, 'actOnBooking', { token: o.token, params: { bookingId: id }, body: { action: 'cancel', version: 1, reason: '计划有变' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.booking.status).toBe('cancelled');
    const after = await call(bookings, 'listStationBookings', { token: a.tokens.officer, params: { stationId: a.stationId }, query: { date: slot.date } });
    expect(after.body.items.find((b: { id: string }) => b.id === id).status).toBe('cancelled');
  });

  it('the chief keeps the schedule and its planned closures; blocked days have no slots', async () => {
    const current = await call(bookings, 'getBookingSchedule', { token: a.tokens.chief, params: { stationId: a.stationId } });
    expect(current.body).toMatchObject({ bookingWindowDays: 14, maxActivePerEnterpriseService: 2, blocked: [] });
    const bad = await call(bookings, 'setBookingSchedule', { token: a.tokens.chief, params: { stationId: a.stationId }, body: { ...current.body, changeCutoffMinutes: -1 } });
    expect(bad.status).toBe(400);
    const blocked = [{ startDate: '2026-09-24', reason: '全所集中培训' }];
    const saved = await call(bookings, 'setBookingSchedule', { token: a.tokens.chief, params: { stationId: a.stationId }, body: { ...current.body, blocked } });
    expect(saved.status).toBe(200);
    const o = await owner();
    expect((await listBookingSlots(o.principal, a.stationId, 'residence', { from: '2026-09-24', days: 1 }, MONDAY)).items).toEqual([]);
    expect((await listBookingSlots(o.principal, a.stationId, 'residence', { from: '2026-09-25', days: 1 }, MONDAY)).items).toEqual([]); // 2026-09-25 中秋
    await expect(bookAppointment(o.principal, request('residence', at('2026-09-24 10:00')), MONDAY)).rejects.toMatchObject({ code: 'SLOT_UNAVAILABLE' });
    await call(bookings, 'setBookingSchedule', { token: a.tokens.chief, params: { stationId: a.stationId }, body: { ...current.body, blocked: [] } });
  });
});

describe("reminders (the scheduler's second sweep)", () => {
  it("reminds each enterprise of tomorrow's live bookings once, from 09:00 the day before", async () => {
    const [x, y] = [await owner(), await owner()];
    const kept = await bookAppointment(x.principal, request('exit-entry', at('2026-09-15 14:00')), MONDAY);
    const dropped = await bookAppointment(y.principal, request('exit-entry', at('2026-09-15 14:20')), MONDAY);
    await actOnBooking(y.principal, dropped.booking.id, { action: 'cancel', version: 1, reason: '不需要办理了' }, MONDAY);

    expect((await runSlaSweep(sh('2026-09-14 08:30'))).reminded).toBe(0);
    const sweep = await runSlaSweep(sh('2026-09-14 09:05'));
    expect(sweep).toMatchObject({ escalated: 0, closed: 0, reminded: 1 });
    expect((await runSlaSweep(sh('2026-09-14 09:10'))).reminded).toBe(0);

    await drainOutbox();
    const inbox = await call(notifications, 'listNotifications', { token: x.token });
    expect(inbox.body.items[0]).toMatchObject({ title: '明日预约提醒' });
    expect(inbox.body.items[0].body).toContain(kept.booking.code);
    const other = await call(notifications, 'listNotifications', { token: y.token });
    expect(other.body.items.some((n: { title: string }) => n.title === '明日预约提醒')).toBe(false);

    // And an hour before the slot, once (other tests' bookings may be reminded by the same sweeps).
    const soon = async () => {
      await drainOutbox();
      return (await call(notifications, 'listNotifications', { token: x.token })).body.items.filter((n: { title: string }) => n.title === '预约即将开始');
    };
    await runSlaSweep(sh('2026-09-15 12:55'));
    expect(await soon()).toHaveLength(0);
    await runSlaSweep(sh('2026-09-15 13:02'));
    await runSlaSweep(sh('2026-09-15 13:07'));
    const sent = await soon();
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toContain(kept.booking.code);
  });
});
