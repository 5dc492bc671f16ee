import { randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import { actingAs, type Principal } from '../../shared/domain/principal';
import { canManageStation, canSeeBooking } from '../../shared/domain/access';
import { Conflict, DomainError, Forbidden, NotFound } from '../../shared/errors';
import { toMs } from '../../shared/appeals/sla';
import { BOOKING_ACTION_LABELS, SERVICE_CATALOGUE, defaultServiceSettings, serviceById, type BookingAction, type ServiceId } from '../../shared/bookings/catalogue';
import { generateBookingCode } from '../../shared/bookings/code';
import { SlotUnavailable } from '../../shared/bookings/errors';
import { changeDeadline, computeSlots, findSlot, isActiveBooking, localDateOf, slotKey, type SlotQuery } from '../../shared/bookings/slots';
import { applyBookingAction, allowedBookingActions, createBooking, type BookingActor, type BookingEffect } from '../../shared/bookings/state-machine';
import type { BlockedPeriod, BookingActionBody, BookingHistoryEntry, CreateBookingBody, ServiceDefinition, Slot, StationSchedule, StationServiceSettings } from '../../shared/bookings/schemas';
import type { PageQuery } from '../../shared/schemas/common';
import { collectAll } from '../lib/dynamo';
import { bookingRepository, BookingCodeClash, type BookingRecord, type DayCounters, type Seat, type StationBookingConfig } from '../repositories/booking-repository';
import { enterpriseRepository } from '../repositories/enterprise-repository';
import { notice, notify as send, type Recipient } from './notification-service';
import { organisationRepository } from '../repositories/organisation-repository';
import { logger } from '../lib/logger';
import { loadWorkingCalendar } from './calendar-service';
import type { WorkingCalendar } from '../../shared/calendar/days';

export type BookingView = {
  booking: BookingRecord;
  serviceName: string;
  history: Awaited<ReturnType<typeof bookingRepository.history>>;
  allowedActions: BookingAction[];
  changeDeadline: string;
};

/** Crypto randomness in [0, 1) for the booking code. */
const cryptoRandom = () => randomInt(0, 2 ** 47) / 2 ** 47;

/** The station side of the counter: its officers and chief, and the centre. */
function servesStation(p: Principal, stationId: string): boolean {
  return ((p.role === 'officer' || p.role === 'chief') && p.stationId === stationId) || p.role === 'centre';
}

function requireService(serviceId: string): ServiceDefinition {
  const service = serviceById(serviceId);
  if (!service) throw new NotFound('业务', 'SERVICE_NOT_FOUND');
  return service;
}

const settingsOf = (config: StationBookingConfig, service: ServiceDefinition): StationServiceSettings => config.services[service.id] ?? defaultServiceSettings(service);

const seatOf = (b: Pick<BookingRecord, 'stationId' | 'serviceId' | 'slotStart'>): Seat => ({
  stationId: b.stationId,
  day: localDateOf(b.slotStart),
  key: slotKey(b.stationId, b.serviceId, b.slotStart),
});

/** An enterprise member sees its own station; the station's police and the centre see theirs; others get 404. */
async function visibleStation(caller: Principal, stationId: string): Promise<void> {
  let allowed = servesStation(caller, stationId);
  if (caller.role === 'enterprise') allowed = (await enterpriseRepository.get(caller.enterpriseId))?.stationId === stationId;
  if (!allowed) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  await organisationRepository.requireStation(stationId);
}

async function managedStation(caller: Principal, stationId: string): Promise<void> {
  if (!canManageStation(caller, stationId)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  await organisationRepository.requireStation(stationId);
}

async function visibleBooking(caller: Principal, id: string): Promise<BookingRecord> {
  const booking = await bookingRepository.get(id);
  if (!booking || !canSeeBooking(caller, booking)) throw new NotFound('预约', 'BOOKING_NOT_FOUND');
  return booking;
}

function slotQuery(stationId: string, config: StationBookingConfig, service: ServiceDefinition, now: Date, calendar: WorkingCalendar, booked: Record<string, number> = {}): SlotQuery {
  return { stationId, schedule: config.schedule, settings: settingsOf(config, service), service, blocked: config.blocked, now, booked, calendar };
}

const bookedOf = (counters: DayCounters) => Object.fromEntries(Object.entries(counters.slots).map(([k, c]) => [k, c.booked]));
const isOpen = (slot: Slot, counters: DayCounters) => !counters.closed && !counters.slots[slot.key]?.closed;

/** The bookable slot starting at `start` with its current seat count, or a clear refusal if the station closed it. */
async function openSlot(stationId: string, config: StationBookingConfig, service: ServiceDefinition, start: string, now: Date): Promise<{ slot: Slot | null; day: string }> {
  const day = localDateOf(start);
  const [counters, calendar] = await Promise.all([bookingRepository.dayCounters(stationId, day), loadWorkingCalendar()]);
  if (counters.closed) throw new SlotUnavailable(`派出所已临时停止当天预约${counters.closeReason ? `（${counters.closeReason}）` : ''}，请选择其他日期`);
  const slot = findSlot(slotQuery(stationId, config, service, now, calendar, bookedOf(counters)), start);
  if (slot && !isOpen(slot, counters)) throw new SlotUnavailable('派出所已临时停止该时段预约，请选择其他时段');
  return { slot, day };
}

async function view(caller: Principal, booking: BookingRecord, now: Date, schedule?: StationSchedule): Promise<BookingView> {
  const [history, config] = await Promise.all([bookingRepository.history(booking.id), schedule ? null : bookingRepository.getConfig(booking.stationId)]);
  return viewOf(caller, booking, history, schedule ?? config!.schedule, now);
}

/** The view from what the caller already holds (no reads): used right after a write has committed. */
function viewOf(caller: Principal, booking: BookingRecord, history: BookingHistoryEntry[], s: StationSchedule, now: Date): BookingView {
  return {
    booking,
    serviceName: serviceById(booking.serviceId)?.name ?? booking.serviceId,
    history,
    allowedActions: caller.role === 'guest' ? [] : allowedBookingActions(booking, actingAs(caller), now, s),
    changeDeadline: changeDeadline(booking, s).toISOString(),
  };
}

// ---- catalogue, settings and slots --------------------------------------------------------------------

/** The services a station offers, with its settings and rules. Enterprises see only the services that are open. */
export async function listBookingServices(caller: Principal, stationId: string) {
  await visibleStation(caller, stationId);
  const config = await bookingRepository.getConfig(stationId);
  const services = SERVICE_CATALOGUE.map((service) => ({ service, settings: settingsOf(config, service) })).filter((s) => caller.role !== 'enterprise' || s.settings.enabled);
  return { stationId, services, schedule: config.schedule };
}

export async function setBookingService(caller: Principal, stationId: string, serviceId: string, settings: StationServiceSettings, now: Date): Promise<StationServiceSettings> {
  await managedStation(caller, stationId);
  const service = requireService(serviceId);
  // Seat counters are keyed by a slot's start: under another slot length, a booked 09:00–09:30 and a new
  // 09:15–10:00 would each fill to capacity. So the length changes only while nothing is booked ahead.
  const config = await bookingRepository.getConfig(stationId);
  if (settings.slotMinutes !== settingsOf(config, service).slotMinutes) {
    const pending = await futureBookings(stationId, service.id, now);
    if (pending > 0) {
      throw new Conflict('BOOKINGS_PENDING', `该业务还有${pending}个尚未到时间的预约，暂不能修改时段时长；请等这些预约办结后再改，或先停约相关时段`);
    }
  }
  await bookingRepository.putServiceSettings(stationId, service.id, settings, now);
  return settings;
}

/** How far ahead bookings can lie: the longest booking window the schedule allows, and some margin. */
const BOOKING_HORIZON_DAYS = 62;

/** Bookings of one service still to come at a station: one Query per day of the horizon (a rare, admin-only read). */
async function futureBookings(stationId: string, serviceId: ServiceId, now: Date): Promise<number> {
  const days = Array.from({ length: BOOKING_HORIZON_DAYS }, (_, i) => localDateOf(now.getTime() + i * 86_400_000));
  const perDay = await Promise.all(
    days.map(async (day) => {
      const all = await collectAll((cursor) => bookingRepository.listStationDay(stationId, day, { cursor, limit: 100 }));
      return all.filter((b) => b.serviceId === serviceId && isActiveBooking(b, now)).length;
    }),
  );
  return perDay.reduce((n, x) => n + x, 0);
}

export async function getBookingSchedule(caller: Principal, stationId: string): Promise<StationSchedule & { blocked: BlockedPeriod[] }> {
  await managedStation(caller, stationId);
  const config = await bookingRepository.getConfig(stationId);
  return { ...config.schedule, blocked: config.blocked };
}

/**
 * Planned closures (`blocked`) stop new bookings only; bookings already made in a newly blocked period stay,
 * and the station cancels them with a reason through the slot or day closure, which tells the enterprises.
 */
export async function setBookingSchedule(caller: Principal, stationId: string, body: StationSchedule & { blocked: BlockedPeriod[] }, now: Date) {
  await managedStation(caller, stationId);
  const { blocked, ...schedule } = body;
  await bookingRepository.putSchedule(stationId, schedule, blocked, now);
  return body;
}

/** Slots of a service with the seats left: one Query per day partition for the counters, never a Scan. */
export async function listBookingSlots(caller: Principal, stationId: string, serviceId: string, query: { from?: string; days?: number }, now: Date) {
  await visibleStation(caller, stationId);
  const service = requireService(serviceId);
  const [config, calendar] = await Promise.all([bookingRepository.getConfig(stationId), loadWorkingCalendar()]);
  const from = query.from ? `${query.from}T00:00:00+08:00` : now;
  const window = { from, ...(query.days !== undefined && { days: query.days }) };
  const days = [...new Set(computeSlots({ ...slotQuery(stationId, config, service, now, calendar), ...window }).map((s) => s.date))];
  const counters = new Map(await Promise.all(days.map(async (d) => [d, await bookingRepository.dayCounters(stationId, d)] as const)));
  const booked = Object.assign({}, ...[...counters.values()].map(bookedOf)) as Record<string, number>;
  const items = computeSlots({ ...slotQuery(stationId, config, service, now, calendar, booked), ...window }).filter((s) => isOpen(s, counters.get(s.date)!));
  return { items };
}

// ---- bookings -----------------------------------------------------------------------------------------

/**
 * How many of the enterprise's bookings of a service count toward its limit. The active set is maintained
 * by the writes; a booking whose slot passed without the station recording arrival or no-show stays in it
 * until someone looks. So at the limit, each member is re-read and the stale ones are dropped (idempotent).
 */
async function activeCount(enterpriseId: string, serviceId: ServiceId, limit: number, now: Date): Promise<number> {
  const ids = await bookingRepository.activeIds(enterpriseId, serviceId);
  if (ids.length < limit) return ids.length;
  let live = 0;
  for (const id of ids) {
    const booking = await bookingRepository.get(id);
    if (booking && isActiveBooking(booking, now)) live++;
    else await bookingRepository.leaveActive(enterpriseId, serviceId, id);
  }
  return live;
}

/** An enterprise books a slot at its own station. The seat is taken in the write itself: never overbooked. */
export async function bookAppointment(caller: Principal, body: CreateBookingBody, now: Date, random: () => number = cryptoRandom): Promise<BookingView> {
  if (caller.role !== 'enterprise') throw new Forbidden();
  const enterprise = await enterpriseRepository.get(caller.enterpriseId);
  if (!enterprise) throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
  const station = await organisationRepository.requireStation(enterprise.stationId);
  const config = await bookingRepository.getConfig(station.id);
  const service = requireService(body.serviceId);
  const settings = settingsOf(config, service);
  const { slot, day } = await openSlot(station.id, config, service, body.slotStart, now);
  const limit = config.schedule.maxActivePerEnterpriseService;
  const active = await activeCount(enterprise.id, service.id, limit, now);
  const id = ulid(now.getTime());
  for (let attempt = 1; ; attempt++) {
    const { booking, history, effects } = createBooking({ id, code: generateBookingCode(random), enterpriseId: enterprise.id, stationId: station.id, createdBy: caller.userId, body }, now, {
      service,
      settings,
      schedule: config.schedule,
      slot,
      activeCount: active,
    });
    const record: BookingRecord = { ...booking, enterpriseName: enterprise.name, stationName: station.name };
    try {
      await bookingRepository.create(record, history, { stationId: station.id, day, key: slot!.key, capacity: settings.seatsPerSlot }, limit, notices(record, effects, 'create', now));
    } catch (error) {
      if (error instanceof BookingCodeClash && attempt < 5) continue;
      throw error;
    }
    // Committed with its outbox item: the answer is built from what is in hand (a new booking has exactly
    // this history entry), so no read after the commit can turn a booked seat into an error the user would retry.
    return viewOf(caller, record, [history], config.schedule, now);
  }
}

export async function getBooking(caller: Principal, id: string, now: Date): Promise<BookingView> {
  return view(caller, await visibleBooking(caller, id), now);
}

/** Apply one action of the state machine as this caller; the write is conditional on the version seen. */
export async function actOnBooking(caller: Principal, id: string, body: BookingActionBody, now: Date): Promise<BookingView> {
  const before = await visibleBooking(caller, id);
  const after = await transition(before, body, actingAs(caller), now);
  return view(caller, after, now);
}

async function transition(before: BookingRecord, body: BookingActionBody, actor: BookingActor, now: Date): Promise<BookingRecord> {
  const config = await bookingRepository.getConfig(before.stationId);
  const service = requireService(before.serviceId);
  const newSlot = body.action === 'reschedule' ? (await openSlot(before.stationId, config, service, body.slotStart, now)).slot : undefined;
  const { next, history, effects } = applyBookingAction(before, body, actor, now, { schedule: config.schedule, newSlot });
  const after: BookingRecord = { ...next, enterpriseName: before.enterpriseName, stationName: before.stationName };
  await bookingRepository.saveTransition(
    before,
    after,
    history,
    {
      beforeDay: localDateOf(before.slotStart),
      afterDay: localDateOf(after.slotStart),
      ...(effects.includes('release_seat') && { release: seatOf(before) }),
      ...(effects.includes('claim_seat') && { claim: { ...seatOf(after), capacity: settingsOf(config, service).seatsPerSlot } }),
    },
    notices(after, effects, body.action, now),
  );
  return after;
}

export async function listMyBookings(caller: Principal, page: PageQuery) {
  if (caller.role !== 'enterprise') throw new Forbidden();
  return bookingRepository.listByEnterprise(caller.enterpriseId, page);
}

export async function listStationBookings(caller: Principal, stationId: string, query: PageQuery & { date: string }) {
  if (!servesStation(caller, stationId)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  return bookingRepository.listStationDay(stationId, query.date, query);
}

// ---- closures (临时停约) --------------------------------------------------------------------------------

/** Close one slot: first mark it so no new seat can be claimed, then cancel what is booked in it. */
export async function closeBookingSlot(caller: Principal, stationId: string, body: { serviceId: ServiceId; slotStart: string; reason: string }, now: Date) {
  await managedStation(caller, stationId);
  const seat = seatOf({ stationId, serviceId: body.serviceId, slotStart: body.slotStart });
  await bookingRepository.closeSlot(seat, body.reason, now);
  const start = toMs(body.slotStart);
  const affected = (await dayBookings(stationId, seat.day)).filter((b) => b.serviceId === body.serviceId && toMs(b.slotStart) === start);
  return cancelAll(caller, affected, body.reason, now);
}

/** Close a whole day (emergency): mark the day so no booking lands there, then cancel every booking of it. */
export async function closeBookingDay(caller: Principal, stationId: string, body: { date: string; reason: string }, now: Date) {
  await managedStation(caller, stationId);
  await bookingRepository.closeDay(stationId, body.date, body.reason, now);
  return cancelAll(caller, await dayBookings(stationId, body.date), body.reason, now);
}

const dayBookings = (stationId: string, day: string) => collectAll((cursor) => bookingRepository.listStationDay(stationId, day, { cursor, limit: 100 }));

/** Each booking is its own conditional transition; one that has moved on (arrived, already over) is skipped. */
async function cancelAll(caller: Principal, affected: BookingRecord[], reason: string, now: Date) {
  const result = { closed: true as const, cancelled: 0, skipped: 0 };
  for (const entry of affected.filter((b) => b.status === 'booked')) {
    try {
      const before = await bookingRepository.get(entry.id);
      if (!before) continue;
      await transition(before, { action: 'cancel', version: before.version, reason }, actingAs(caller), now);
      result.cancelled++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result.skipped++;
      logger.info('closure skipped a booking', { bookingId: entry.id, reason: error.code });
    }
  }
  return result;
}

// ---- reminders (the scheduler) ------------------------------------------------------------------------

/** Reminders go out from this Shanghai hour on the day before; a booking made later is reminded by the next sweep. */
const REMIND_FROM_HOUR = 9;

/**
 * Remind each enterprise of its bookings twice: the day before (from 09:00) and an hour before the slot.
 * Each reminder list is read with a Query and each entry is deleted conditionally before its notification
 * is written, so two sweeps never both send it.
 */
export async function sendBookingReminders(now: Date): Promise<number> {
  let sent = 0;
  const remind = async (kind: 'day' | 'hour', day: string, startsBy?: string) => {
    let cursor: string | undefined;
    do {
      const page = await bookingRepository.listReminders(day, { cursor, limit: 100 }, kind, startsBy);
      for (const b of page.items) {
        if (!(await bookingRepository.takeReminder(b, day, kind))) continue;
        const service = serviceById(b.serviceId)?.name ?? b.serviceId;
        const title = kind === 'day' ? '明日预约提醒' : '预约即将开始';
        await send(
          [`enterprise:${b.enterpriseId}`],
          { event: 'booking_reminder', title, body: `您预约的${service}在${wallClock(b.slotStart)}（${b.stationName}），预约码 ${b.code}，请按时到场并带齐所需材料。`, link: { kind: 'booking', id: b.id } },
          now,
        );
        sent++;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  };
  const shanghaiHour = new Date(now.getTime() + 8 * 3_600_000).getUTCHours();
  if (shanghaiHour >= REMIND_FROM_HOUR) await remind('day', localDateOf(now.getTime() + 24 * 3_600_000));
  await remind('hour', localDateOf(now), new Date(now.getTime() + 3_600_000).toISOString());
  return sent;
}

// ---- notifications ------------------------------------------------------------------------------------

/** Shanghai wall-clock 'YYYY-MM-DD HH:mm' (no daylight saving since 1991). */
const wallClock = (iso: string) => `${localDateOf(iso)} ${new Date(toMs(iso) + 8 * 3_600_000).toISOString().slice(11, 16)}`;

const TEXTS: Partial<Record<'create' | BookingAction, (b: BookingRecord, service: string) => { title: string; body: string }>> = {
  create: (b, s) => ({ title: '新预约', body: `${b.enterpriseName}预约了${s}，${wallClock(b.slotStart)}，${b.people}人，预约码 ${b.code}` }),
  cancel: (b, s) =>
    b.cancelledBy === 'station'
      ? { title: '预约已被派出所取消', body: `您预约的${s}（${wallClock(b.slotStart)}）已取消：${b.cancelReason ?? ''}。请重新选择时段预约，给您带来不便，敬请谅解。` }
      : { title: '企业取消了预约', body: `${b.enterpriseName}取消了${s}（${wallClock(b.slotStart)}）：${b.cancelReason ?? ''}` },
  reschedule: (b, s) => ({ title: '企业改约', body: `${b.enterpriseName}将${s}改约到${wallClock(b.slotStart)}，预约码 ${b.code}` }),
  complete: (b, s) => ({ title: '预约业务已办结', body: `您预约的${s}（${wallClock(b.slotStart)}）已办结${b.completionNote ? `：${b.completionNote}` : ''}` }),
  no_show: (b, s) => ({ title: '预约未到场', body: `您预约的${s}（${wallClock(b.slotStart)}）未按时到场，已登记为未到。如仍需办理，请重新预约。` }),
};

/** The outbox write of a booking change's notification, for the change's own transaction. */
function notices(b: BookingRecord, effects: BookingEffect[], action: 'create' | BookingAction, now: Date) {
  const recipients: Recipient[] = [];
  for (const e of effects) {
    if (e === 'notify_enterprise') recipients.push(`enterprise:${b.enterpriseId}`);
    if (e === 'notify_station') recipients.push(`station:${b.stationId}`);
  }
  if (recipients.length === 0) return [];
  const service = serviceById(b.serviceId)?.name ?? b.serviceId;
  const text = TEXTS[action]?.(b, service) ?? { title: `预约${action === 'create' ? '已创建' : BOOKING_ACTION_LABELS[action]}`, body: `${service}（${wallClock(b.slotStart)}）` };
  return notice(recipients, { event: 'booking_update', ...text, link: { kind: 'booking', id: b.id } }, now);
}
