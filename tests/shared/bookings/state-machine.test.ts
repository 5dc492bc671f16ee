import { ValidationFailed, VersionConflict } from '../../../shared/errors';
import { BOOKING_ACTIONS, BOOKING_STATUSES, defaultServiceSettings, type BookingAction, type BookingActorRole } from '../../../shared/bookings/catalogue';
import { ActiveBookingLimit, BookingActionForbidden, BookingChangeTooLate, BookingTransitionNotAllowed, ServiceNotOffered, SlotFull, SlotUnavailable } from '../../../shared/bookings/errors';
import type { Slot } from '../../../shared/bookings/schemas';
import { findSlot } from '../../../shared/bookings/slots';
import { BOOKING_TRANSITIONS, allowedBookingActions, applyBookingAction, bookingRefusal, createBooking, type BookingActor, type TimeRule } from '../../../shared/bookings/state-machine';
import { booking, query, service, sh } from './fixtures';

const schedule = query().schedule;
const ENTERPRISE: BookingActor = { id: 'user-1', role: 'enterprise' };
const OFFICER: BookingActor = { id: 'off-1', role: 'officer' };
const actorOf = (role: BookingActorRole): BookingActor => ({ id: `${role}-1`, role });

/** A moment at which the time rule holds for `booking()` (Wednesday 2026-09-16 10:00–10:20). */
const NOW_FOR: Record<TimeRule, string> = {
  before_cutoff: sh('2026-09-15 16:00'),
  before_end: sh('2026-09-16 09:30'),
  on_the_day: sh('2026-09-16 09:50'),
  from_the_day: sh('2026-09-16 10:15'),
  after_start: sh('2026-09-16 10:30'),
};

const bodyFor = (action: BookingAction, version = 1): Record<string, unknown> =>
  action === 'cancel' ? { action, version, reason: '负责人临时出差' } : action === 'reschedule' ? { action, version, slotStart: sh('2026-09-17 14:00'), reason: '员工当天上夜班' } : { action, version };

describe('the transitions table', () => {
  it('is the explicit rule set: enterprise changes before the cut-off, the station records the day and may close', () => {
    expect(BOOKING_TRANSITIONS.map((t) => `${t.by} ${t.action}: ${t.from.join('|')} -> ${t.to} (${t.when})`)).toEqual([
      'enterprise cancel: booked -> cancelled (before_cutoff)',
      'enterprise reschedule: booked -> booked (before_cutoff)',
      'station cancel: booked -> cancelled (before_end)',
      'station arrive: booked -> arrived (on_the_day)',
      'station complete: arrived -> completed (from_the_day)',
      'station no_show: booked -> no_show (after_start)',
    ]);
  });

  const roles: BookingActorRole[] = ['enterprise', 'officer', 'chief', 'centre'];
  for (const role of roles) {
    for (const action of BOOKING_ACTIONS) {
      for (const status of BOOKING_STATUSES) {
        const party = role === 'enterprise' ? 'enterprise' : 'station';
        const rule = BOOKING_TRANSITIONS.find((t) => t.action === action && t.by === party);
        const expected = !rule ? 'forbidden' : rule.from.includes(status) ? 'allowed' : 'not allowed';
        it(`${role} × ${action} × ${status}: ${expected}`, () => {
          const now = rule ? NOW_FOR[rule.when] : sh('2026-09-16 09:50');
          const refusal = bookingRefusal(booking({ status }), action, actorOf(role), now, schedule);
          if (expected === 'allowed') expect(refusal).toBeNull();
          else if (expected === 'forbidden') expect(refusal).toBeInstanceOf(BookingActionForbidden);
          else expect(refusal).toBeInstanceOf(BookingTransitionNotAllowed);
          if (refusal) expect(refusal.message).toMatch(/[\u4e00-\u9fa5]/);
        });
      }
    }
  }

  it('lists the buttons each side sees', () => {
    expect(allowedBookingActions(booking(), ENTERPRISE, sh('2026-09-15 16:00'), schedule)).toEqual(['cancel', 'reschedule']);
    expect(allowedBookingActions(booking(), ENTERPRISE, sh('2026-09-16 09:30'), schedule)).toEqual([]);
    expect(allowedBookingActions(booking(), OFFICER, sh('2026-09-16 09:50'), schedule)).toEqual(['cancel', 'arrive']);
    expect(allowedBookingActions(booking(), OFFICER, sh('2026-09-16 10:10'), schedule)).toEqual(['cancel', 'arrive', 'no_show']);
    expect(allowedBookingActions(booking({ status: 'arrived' }), OFFICER, sh('2026-09-16 10:10'), schedule)).toEqual(['complete']);
    expect(allowedBookingActions(booking({ status: 'completed' }), OFFICER, sh('2026-09-16 10:30'), schedule)).toEqual([]);
  });
});

describe('time rules', () => {
  it('refuses an enterprise change after the cut-off with BookingChangeTooLate', () => {
    for (const action of ['cancel', 'reschedule'] as const) {
      const error = bookingRefusal(booking(), action, ENTERPRISE, sh('2026-09-16 09:01'), schedule);
      expect(error).toBeInstanceOf(BookingChangeTooLate);
      expect(error?.message).toBe('距预约开始已不足60分钟，不能再取消或改约；如无法按时到达，请直接致电派出所');
    }
    expect(bookingRefusal(booking(), 'cancel', ENTERPRISE, sh('2026-09-16 09:00'), schedule)).toBeNull();
  });

  it('lets the station cancel up to the end of the slot, not after', () => {
    expect(bookingRefusal(booking(), 'cancel', OFFICER, sh('2026-09-16 10:19'), schedule)).toBeNull();
    expect(bookingRefusal(booking(), 'cancel', OFFICER, sh('2026-09-16 10:20'), schedule)?.message).toBe('预约时段已结束，不能再取消，请登记到场或未到');
  });

  it('records arrival on the day only, completion from the day on, no-show once the slot has begun', () => {
    expect(bookingRefusal(booking(), 'arrive', OFFICER, sh('2026-09-15 17:00'), schedule)?.message).toBe('预约当天才能登记到场');
    expect(bookingRefusal(booking(), 'arrive', OFFICER, sh('2026-09-17 09:00'), schedule)?.message).toBe('已过预约当天，不能再登记到场');
    expect(bookingRefusal(booking(), 'arrive', OFFICER, sh('2026-09-16 17:30'), schedule)).toBeNull();
    const arrived = booking({ status: 'arrived' });
    expect(bookingRefusal(arrived, 'complete', OFFICER, sh('2026-09-15 17:00'), schedule)).toBeInstanceOf(BookingTransitionNotAllowed);
    expect(bookingRefusal(arrived, 'complete', OFFICER, sh('2026-09-17 09:00'), schedule)).toBeNull();
    expect(bookingRefusal(booking(), 'no_show', OFFICER, sh('2026-09-16 09:59'), schedule)?.message).toBe('预约时间还没到，不能登记未到');
    expect(bookingRefusal(booking(), 'no_show', OFFICER, sh('2026-09-18 09:00'), schedule)).toBeNull();
  });

  it('judges "the day" in Shanghai: 00:30 local is the same day although it is the previous day in UTC', () => {
    const early = booking({ slotStart: sh('2026-09-16 09:00'), slotEnd: sh('2026-09-16 09:20') });
    expect(bookingRefusal(early, 'arrive', OFFICER, sh('2026-09-16 00:30'), schedule)).toBeNull();
    expect(bookingRefusal(early, 'arrive', OFFICER, sh('2026-09-15 23:59'), schedule)).toBeInstanceOf(BookingTransitionNotAllowed);
  });

  it('explains a completion before arrival', () => {
    expect(bookingRefusal(booking(), 'complete', OFFICER, sh('2026-09-16 10:10'), schedule)?.message).toBe('请先登记到场，再登记办结');
  });
});

describe('applyBookingAction', () => {
  it('an enterprise cancels with a reason: the seat is released and the station told', () => {
    const { next, history, effects } = applyBookingAction(booking(), bodyFor('cancel'), ENTERPRISE, sh('2026-09-15 16:00'), { schedule });
    expect(next).toMatchObject({ status: 'cancelled', cancelledBy: 'enterprise', cancelReason: '负责人临时出差', cancelledAt: sh('2026-09-15 16:00'), version: 2 });
    expect(history).toEqual({ at: sh('2026-09-15 16:00'), actorId: 'user-1', actorRole: 'enterprise', action: 'cancel', from: 'booked', to: 'cancelled', reason: '负责人临时出差' });
    expect(effects).toEqual(['release_seat', 'notify_station']);
  });

  it('the station closes: cancelledBy station, the enterprise is told', () => {
    const body = { action: 'cancel', version: 1, reason: '所内停电，暂停办理' };
    const { next, effects } = applyBookingAction(booking(), body, { id: 'chief-1', role: 'chief' }, sh('2026-09-16 09:30'), { schedule });
    expect(next).toMatchObject({ status: 'cancelled', cancelledBy: 'station', cancelReason: '所内停电，暂停办理' });
    expect(effects).toEqual(['release_seat', 'notify_enterprise']);
  });

  it('requires a cancel reason, in Chinese', () => {
    expect(() => applyBookingAction(booking(), { action: 'cancel', version: 1 }, ENTERPRISE, sh('2026-09-15 16:00'), { schedule })).toThrow(
      expect.objectContaining({ name: 'ValidationFailed', issues: [{ field: 'reason', message: '请填写取消原因' }] }),
    );
  });

  it('refuses a stale version before anything else', () => {
    expect(() => applyBookingAction(booking({ version: 3 }), bodyFor('cancel', 2), ENTERPRISE, sh('2026-09-15 16:00'), { schedule })).toThrow(VersionConflict);
  });

  it('reschedules into a free slot: moves the times, counts the change, releases and claims seats', () => {
    const newSlot = findSlot(query({ now: sh('2026-09-15 16:00') }), sh('2026-09-17 14:00'));
    const { next, history, effects } = applyBookingAction(booking(), bodyFor('reschedule'), ENTERPRISE, sh('2026-09-15 16:00'), { schedule, newSlot });
    expect(next).toMatchObject({ status: 'booked', slotStart: sh('2026-09-17 14:00'), slotEnd: sh('2026-09-17 14:20'), rescheduleCount: 1, version: 2 });
    expect(history).toMatchObject({ action: 'reschedule', from: 'booked', to: 'booked', previousSlotStart: sh('2026-09-16 10:00'), slotStart: sh('2026-09-17 14:00'), reason: '员工当天上夜班' });
    expect(effects).toEqual(['release_seat', 'claim_seat', 'notify_station']);
  });

  it('refuses a reschedule into a full, unavailable, mismatched or identical slot', () => {
    const now = sh('2026-09-15 16:00');
    const slot: Slot = { key: 'k', date: '2026-09-17', start: sh('2026-09-17 14:00'), end: sh('2026-09-17 14:20'), capacity: 3, booked: 3, left: 0 };
    expect(() => applyBookingAction(booking(), bodyFor('reschedule'), ENTERPRISE, now, { schedule, newSlot: slot })).toThrow(SlotFull);
    expect(() => applyBookingAction(booking(), bodyFor('reschedule'), ENTERPRISE, now, { schedule, newSlot: null })).toThrow(SlotUnavailable);
    const elsewhere = { ...slot, start: sh('2026-09-17 15:00'), left: 1 };
    expect(() => applyBookingAction(booking(), bodyFor('reschedule'), ENTERPRISE, now, { schedule, newSlot: elsewhere })).toThrow(SlotUnavailable);
    const same = { ...slot, start: sh('2026-09-16 10:00'), end: sh('2026-09-16 10:20'), left: 1 };
    const body = { ...bodyFor('reschedule'), slotStart: sh('2026-09-16 10:00') };
    expect(() => applyBookingAction(booking(), body, ENTERPRISE, now, { schedule, newSlot: same })).toThrow('新时段与原预约时段相同，请选择其他时段');
  });

  it('the officer records arrival, then completion with a note, or a no-show; never mutating the input', () => {
    const original = booking();
    const arrived = applyBookingAction(original, bodyFor('arrive'), OFFICER, sh('2026-09-16 09:55'), { schedule });
    expect(arrived.next).toMatchObject({ status: 'arrived', arrivedAt: sh('2026-09-16 09:55'), version: 2 });
    expect(original.status).toBe('booked');
    const done = applyBookingAction(arrived.next, { action: 'complete', version: 2, note: '已采集12人信息' }, OFFICER, sh('2026-09-16 10:15'), { schedule });
    expect(done.next).toMatchObject({ status: 'completed', completedAt: sh('2026-09-16 10:15'), completionNote: '已采集12人信息', version: 3 });
    expect(done.effects).toEqual(['notify_enterprise']);
    const missed = applyBookingAction(original, bodyFor('no_show'), OFFICER, sh('2026-09-16 10:40'), { schedule });
    expect(missed.next).toMatchObject({ status: 'no_show', noShowAt: sh('2026-09-16 10:40') });
  });

  it('throws the refusal: an enterprise cannot record its own arrival', () => {
    expect(() => applyBookingAction(booking(), bodyFor('arrive'), ENTERPRISE, sh('2026-09-16 09:55'), { schedule })).toThrow('只有派出所可以登记到场');
  });
});

describe('createBooking', () => {
  const residence = service('residence');
  const NOW = sh('2026-09-11 18:00');
  const slot = findSlot(query(), sh('2026-09-14 09:20'));
  const body = { serviceId: 'residence', slotStart: '2026-09-14T09:20:00+08:00', contactName: '王芳', contactMobile: '13800138000', people: 3, onSite: false };
  const ctx = { service: residence, settings: defaultServiceSettings(residence), schedule, slot, activeCount: 0 };
  const input = (b: Record<string, unknown> = body) => ({ id: 'bk-9', code: 'k7m2qx', enterpriseId: 'ent-1', stationId: 'st-1', createdBy: 'user-1', body: b });

  it('creates a booked appointment at version 1 with the slot times, code upper-cased', () => {
    const { booking: b, history, effects } = createBooking(input(), NOW, ctx);
    expect(b).toMatchObject({ id: 'bk-9', code: 'K7M2QX', status: 'booked', slotStart: sh('2026-09-14 09:20'), slotEnd: sh('2026-09-14 09:40'), greenChannel: false, rescheduleCount: 0, version: 1, createdAt: NOW });
    expect(b).not.toHaveProperty('siteAddress');
    expect(history).toEqual({ at: NOW, actorId: 'user-1', actorRole: 'enterprise', action: 'create', from: null, to: 'booked', slotStart: sh('2026-09-14 09:20') });
    expect(effects).toEqual(['claim_seat', 'notify_station']);
  });

  it('marks a green-channel service', () => {
    const hazardous = service('hazardous-approval');
    const s = findSlot(query({ service: hazardous }), sh('2026-09-14 09:30'));
    const { booking: b } = createBooking(input({ ...body, serviceId: 'hazardous-approval', slotStart: sh('2026-09-14 09:30'), people: 1 }), NOW, {
      ...ctx,
      service: hazardous,
      settings: defaultServiceSettings(hazardous),
      slot: s,
    });
    expect(b.greenChannel).toBe(true);
  });

  it('books 上门集中采集 for 10 or more workers with the site address', () => {
    const onSite = { ...body, people: 25, onSite: true, siteAddress: '工业园区8号厂房二楼会议室' };
    const { booking: b } = createBooking(input(onSite), NOW, ctx);
    expect(b).toMatchObject({ onSite: true, people: 25, siteAddress: '工业园区8号厂房二楼会议室' });
  });

  it('refuses on-site for fewer people, too many people at the counter, and on-site for a counter-only service', () => {
    const issues = (b: Record<string, unknown>, c = ctx) => {
      try {
        createBooking(input(b), NOW, c);
      } catch (e) {
        if (e instanceof ValidationFailed) return e.issues;
        throw e;
      }
      throw new Error('expected a refusal');
    };
    expect(issues({ ...body, people: 5, onSite: true, siteAddress: '工业园区8号厂房' })).toEqual([{ field: 'people', message: '上门集中采集需10人及以上，人数较少请选择到派出所窗口办理' }]);
    expect(issues({ ...body, people: 12 })).toEqual([{ field: 'people', message: '到窗口办理每次最多9人，10人及以上可预约上门集中采集' }]);
    const seal = service('seal-filing');
    const sealCtx = { ...ctx, service: seal, settings: defaultServiceSettings(seal) };
    expect(issues({ ...body, serviceId: 'seal-filing', people: 12, onSite: true, siteAddress: '工业园区8号厂房' }, sealCtx)).toEqual([{ field: 'onSite', message: '“公章刻制备案”不提供上门办理，请选择到派出所办理' }]);
  });

  it('refuses a disabled service, the active-booking limit, an unavailable slot and a full slot, by name', () => {
    expect(() => createBooking(input(), NOW, { ...ctx, settings: { ...ctx.settings, enabled: false } })).toThrow(ServiceNotOffered);
    expect(() => createBooking(input(), NOW, { ...ctx, activeCount: 2 })).toThrow(ActiveBookingLimit);
    expect(() => createBooking(input(), NOW, { ...ctx, activeCount: 2 })).toThrow('贵企业该业务已有2个待办理的预约，请办理完成或取消其中一个后再预约');
    expect(() => createBooking(input(), NOW, { ...ctx, slot: null })).toThrow(SlotUnavailable);
    const full = { ...slot!, booked: 3, left: 0 };
    expect(() => createBooking(input(), NOW, { ...ctx, slot: full })).toThrow(SlotFull);
    expect(() => createBooking(input(), NOW, { ...ctx, slot: full })).toThrow('该时段已约满，请选择其他时段');
  });

  it('SlotFull is a Conflict so the API answers 409', () => {
    const error = new SlotFull();
    expect(error).toMatchObject({ kind: 'conflict', code: 'SLOT_FULL', name: 'SlotFull' });
  });
});
