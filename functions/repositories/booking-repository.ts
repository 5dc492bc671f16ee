import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, VersionConflict } from '../../shared/errors';
import { ActiveBookingLimit, SlotAlreadyHeld, SlotFull, SlotUnavailable } from '../../shared/bookings/errors';
import { DEFAULT_STATION_SCHEDULE, StationSchedule, type BlockedPeriod, type Booking, type BookingHistoryEntry, type StationServiceSettings } from '../../shared/bookings/schemas';
import type { ServiceId } from '../../shared/bookings/catalogue';
import type { Page } from '../../shared/schemas/common';
import { cancellationCodes, db, isConditionFailure, queryPage, readAllWithPrefix, table, TRANSACTION_ATTEMPTS, transactionBackoff } from '../lib/dynamo';
import { TTL_DAYS, ttlAfter } from '../lib/ttl';
import { strip } from './keys';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * Appointments (预约办证). Access patterns and keys:
 *   a station's booking configuration, one Query:      pk BOOKCFG#<sid>
 *     its schedule and planned closures                 sk SCHEDULE
 *     its settings of one service                       sk SERVICE#<serviceId>
 *   a station's day: seat counters and closures, one Query per day (the slots of a window):
 *                                                       pk SLOTS#<sid>#<yyyy-mm-dd>
 *     seats taken in one slot (booked, closed)          sk SLOT#<slotKey>
 *     the whole day closed (emergency)                  sk DAY
 *   booking by id                                       pk BOOKING#<id>      sk BOOKING
 *   its history, oldest first                           pk BOOKING#<id>      sk H#<at>#<version>
 *   booking-code uniqueness marker                      pk BOOKCODE#<code>   sk BOOKCODE
 *   one seat per enterprise per slot (holder marker)    pk SLOTS#<sid>#<yyyy-mm-dd>#HOLDERS  sk <slotKey>#<eid>   (ttl: 2 days after)
 *   an enterprise's active bookings of a service        pk ENT#<eid>#ACTIVE  sk <serviceId>   (ids: a string set)
 *   an enterprise's bookings, newest first              pk ENT#<eid>#BOOKINGS                sk <bookingId (ULID)>
 *   a station's bookings of a day, by time              pk STATION#<sid>#BOOKINGS#<yyyy-mm-dd> sk <slotStart>#<id>
 *   scheduler: booked, to remind the day before          pk BOOKINGS#REMIND#<yyyy-mm-dd>          sk <slotStart>#<id>
 *   scheduler: booked, to remind an hour before          pk BOOKINGS#REMIND1H#<yyyy-mm-dd>        sk <slotStart>#<id>
 *     (only while `booked`; the sweep deletes the entry as it sends the reminder)
 *
 * The invariants live in the writes: a booking takes its seat (`booked < capacity`, slot and day not closed),
 * its place under the enterprise's active limit (`size(ids) < max`) and its code in one transaction with the
 * booking itself, so concurrent bookers can never overbook. Every later change is conditional on the version
 * read and moves the counters and queue entries in the same transaction.
 *
 * The active set holds booking ids, not a number: releasing is a set DELETE, which is idempotent, so a
 * booking released early as stale (its slot passed with no arrival or no-show recorded, see
 * `isActiveBooking`) and released again when the station records the no-show is never counted twice.
 */
export type BookingRecord = Booking & { enterpriseName: string; stationName: string };

export type StationBookingConfig = {
  schedule: StationSchedule;
  blocked: BlockedPeriod[];
  services: Partial<Record<ServiceId, StationServiceSettings>>;
};

export type DayCounters = {
  closed: boolean;
  closeReason?: string;
  /** By slotKey. */
  slots: Record<string, { booked: number; closed: boolean; closeReason?: string }>;
};

/** One seat of one slot: the counter item it lives in. */
export type Seat = { stationId: string; day: string; key: string };

/** Another live booking drew the same code; the service draws again. */
export class BookingCodeClash extends Conflict {
  constructor() {
    super('BOOKING_CODE_CLASH', '预约码生成冲突，请重试');
  }
}

export const bookingKeys = {
  config: (stationId: string) => `BOOKCFG#${stationId}`,
  schedule: (stationId: string) => ({ pk: `BOOKCFG#${stationId}`, sk: 'SCHEDULE' }),
  service: (stationId: string, serviceId: string) => ({ pk: `BOOKCFG#${stationId}`, sk: `SERVICE#${serviceId}` }),
  dayPk: (stationId: string, day: string) => `SLOTS#${stationId}#${day}`,
  slot: (s: Seat) => ({ pk: `SLOTS#${s.stationId}#${s.day}`, sk: `SLOT#${s.key}` }),
  day: (stationId: string, day: string) => ({ pk: `SLOTS#${stationId}#${day}`, sk: 'DAY' }),
  booking: (id: string) => ({ pk: `BOOKING#${id}`, sk: 'BOOKING' }),
  history: (bookingId: string, h: BookingHistoryEntry, version: number) => ({ pk: `BOOKING#${bookingId}`, sk: `H#${h.at}#${String(version).padStart(6, '0')}` }),
  code: (code: string) => ({ pk: `BOOKCODE#${code}`, sk: 'BOOKCODE' }),
  holder: (s: Seat, enterpriseId: string) => ({ pk: `SLOTS#${s.stationId}#${s.day}#HOLDERS`, sk: `${s.key}#${enterpriseId}` }),
  active: (enterpriseId: string, serviceId: string) => ({ pk: `ENT#${enterpriseId}#ACTIVE`, sk: serviceId }),
  enterpriseQueue: (enterpriseId: string) => `ENT#${enterpriseId}#BOOKINGS`,
  stationDayQueue: (stationId: string, day: string) => `STATION#${stationId}#BOOKINGS#${day}`,
  reminders: (day: string) => `BOOKINGS#REMIND#${day}`,
  hourReminders: (day: string) => `BOOKINGS#REMIND1H#${day}`,
};

// ---------------------------------------------------------------------------------------------------------
// Transaction items

const bookingItem = (b: BookingRecord) => ({ ...bookingKeys.booking(b.id), entity: 'booking', ...b });
const historyItem = (b: BookingRecord, h: BookingHistoryEntry) => ({ ...bookingKeys.history(b.id, h, b.version), entity: 'booking-history', bookingId: b.id, ...h });

export function queueKeys(b: BookingRecord, day: string): Array<{ pk: string; sk: string }> {
  return [
    { pk: bookingKeys.enterpriseQueue(b.enterpriseId), sk: b.id },
    { pk: bookingKeys.stationDayQueue(b.stationId, day), sk: `${b.slotStart}#${b.id}` },
    ...(b.status === 'booked'
      ? [
          { pk: bookingKeys.reminders(day), sk: `${b.slotStart}#${b.id}` },
          { pk: bookingKeys.hourReminders(day), sk: `${b.slotStart}#${b.id}` },
        ]
      : []),
  ];
}

/** Puts for the queue entries of `after`; deletes for the entries `before` had and `after` has not (a reschedule). */
function queueWrites(before: { record: BookingRecord; day: string } | null, after: { record: BookingRecord; day: string }): TransactItem[] {
  const next = queueKeys(after.record, after.day);
  const keep = new Set(next.map((k) => `${k.pk}|${k.sk}`));
  const gone = before ? queueKeys(before.record, before.day).filter((k) => !keep.has(`${k.pk}|${k.sk}`)) : [];
  return [...next.map((k): TransactItem => ({ Put: { TableName: table(), Item: { ...k, entity: 'booking-queue', ...after.record } } })), ...gone.map((k): TransactItem => ({ Delete: { TableName: table(), Key: k } }))];
}

/** Take one seat: only while seats are left and neither the slot nor (next item) the day is closed. */
function claimSeat(seat: Seat, capacity: number): TransactItem[] {
  return [
    {
      Update: {
        TableName: table(),
        Key: bookingKeys.slot(seat),
        UpdateExpression: 'SET entity = :e ADD booked :one',
        ConditionExpression: '(attribute_not_exists(booked) OR booked < :capacity) AND attribute_not_exists(closed)',
        ExpressionAttributeValues: { ':e': 'slot-counter', ':one': 1, ':capacity': capacity },
      },
    },
    { ConditionCheck: { TableName: table(), Key: bookingKeys.day(seat.stationId, seat.day), ConditionExpression: 'attribute_not_exists(closed)' } },
  ];
}

/** Give a seat back. Unconditional: the booking's version condition in the same transaction makes it happen once. */
function releaseSeat(seat: Seat): TransactItem {
  return { Update: { TableName: table(), Key: bookingKeys.slot(seat), UpdateExpression: 'ADD booked :minus', ExpressionAttributeValues: { ':minus': -1 } } };
}

/** The enterprise holds a seat of this slot: only one at a time (您已预约该时段). Expires two days after the slot's day. */
function holdSlot(seat: Seat, b: Booking): TransactItem {
  const ttl = Math.floor(Date.parse(`${seat.day}T00:00:00+08:00`) / 1000) + 3 * 86_400;
  return { Put: { TableName: table(), Item: { ...bookingKeys.holder(seat, b.enterpriseId), entity: 'slot-holder', bookingId: b.id, ttl }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

function leaveSlot(seat: Seat, b: Booking): TransactItem {
  return { Delete: { TableName: table(), Key: bookingKeys.holder(seat, b.enterpriseId) } };
}

function joinActive(b: Booking, max: number): TransactItem {
  return {
    Update: {
      TableName: table(),
      Key: bookingKeys.active(b.enterpriseId, b.serviceId),
      UpdateExpression: 'SET entity = :e ADD ids :id',
      ConditionExpression: 'attribute_not_exists(ids) OR size(ids) < :max',
      ExpressionAttributeValues: { ':e': 'booking-active', ':id': new Set([b.id]), ':max': max },
    },
  };
}

function leaveActive(b: Booking): TransactItem {
  return { Update: { TableName: table(), Key: bookingKeys.active(b.enterpriseId, b.serviceId), UpdateExpression: 'DELETE ids :id', ExpressionAttributeValues: { ':id': new Set([b.id]) } } };
}

// ---------------------------------------------------------------------------------------------------------

export const bookingRepository = {
  /** a station's booking configuration: schedule, planned closures and per-service settings (defaults where unset) */
  async getConfig(stationId: string): Promise<StationBookingConfig> {
    const config: StationBookingConfig = { schedule: DEFAULT_STATION_SCHEDULE, blocked: [], services: {} };
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db().send(
        new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': bookingKeys.config(stationId) }, ExclusiveStartKey: start, ConsistentRead: true }),
      );
      for (const item of out.Items ?? []) {
        if (item.sk === 'SCHEDULE') {
          config.schedule = StationSchedule.parse(item.schedule);
          config.blocked = (item.blocked as BlockedPeriod[]) ?? [];
        } else if (typeof item.sk === 'string' && item.sk.startsWith('SERVICE#')) {
          config.services[item.sk.slice('SERVICE#'.length) as ServiceId] = item.settings as StationServiceSettings;
        }
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return config;
  },

  async putSchedule(stationId: string, schedule: StationSchedule, blocked: BlockedPeriod[], now: Date): Promise<void> {
    await db().send(new PutCommand({ TableName: table(), Item: { ...bookingKeys.schedule(stationId), entity: 'booking-schedule', schedule, blocked, updatedAt: now.toISOString() } }));
  },

  async putServiceSettings(stationId: string, serviceId: ServiceId, settings: StationServiceSettings, now: Date): Promise<void> {
    await db().send(new PutCommand({ TableName: table(), Item: { ...bookingKeys.service(stationId, serviceId), entity: 'booking-service', settings, updatedAt: now.toISOString() } }));
  },

  /** seat counters and closures of a station's day (one Query of the day partition) */
  async dayCounters(stationId: string, day: string): Promise<DayCounters> {
    const counters: DayCounters = { closed: false, slots: {} };
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db().send(
        new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': bookingKeys.dayPk(stationId, day) }, ExclusiveStartKey: start, ConsistentRead: true }),
      );
      for (const item of out.Items ?? []) {
        if (item.sk === 'DAY') {
          counters.closed = item.closed === true;
          if (item.closeReason) counters.closeReason = item.closeReason as string;
        } else if (typeof item.sk === 'string' && item.sk.startsWith('SLOT#')) {
          counters.slots[item.sk.slice('SLOT#'.length)] = {
            booked: Number(item.booked ?? 0),
            closed: item.closed === true,
            ...(item.closeReason ? { closeReason: item.closeReason as string } : {}),
          };
        }
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return counters;
  },

  /** booking by id (strongly consistent: it is read right before a conditional write) */
  async get(id: string): Promise<BookingRecord | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: bookingKeys.booking(id), ConsistentRead: true }));
    return out.Item ? strip<BookingRecord>(out.Item) : null;
  },

  /** history of a booking, oldest first (a handful of entries, read in full) */
  async history(bookingId: string): Promise<BookingHistoryEntry[]> {
    const items = await readAllWithPrefix(bookingKeys.booking(bookingId).pk, 'H#');
    return items.map((item) => {
      const { bookingId: _b, ...entry } = strip<BookingHistoryEntry & { bookingId: string }>(item);
      return entry;
    });
  },

  /**
   * A new booking, all or nothing: its seat, the day-not-closed check, the booking and its first history
   * entry, its place under the active limit, its code marker and its queue entries. A failed seat condition
   * is 已约满 (or 已停约 when the slot was closed); transactions cancelled only by a concurrent one on the
   * same counter are retried while seats are left.
   */
  async create(b: BookingRecord, history: BookingHistoryEntry, seat: Seat & { capacity: number }, maxActive: number, also: TransactItem[] = []): Promise<void> {
    const items: TransactItem[] = [
      ...claimSeat(seat, seat.capacity), // 0 seat, 1 day
      { Put: { TableName: table(), Item: bookingItem(b), ConditionExpression: 'attribute_not_exists(pk)' } }, // 2
      { Put: { TableName: table(), Item: historyItem(b, history), ConditionExpression: 'attribute_not_exists(pk)' } }, // 3
      joinActive(b, maxActive), // 4
      { Put: { TableName: table(), Item: { ...bookingKeys.code(b.code), entity: 'booking-code', bookingId: b.id, ttl: ttlAfter(b.slotStart, TTL_DAYS.bookingCode) }, ConditionExpression: 'attribute_not_exists(pk)' } }, // 5
      holdSlot(seat, b), // 6
      ...queueWrites(null, { record: b, day: seat.day }),
      ...also, // e.g. its notification's outbox item, last so the positions above stay put
    ];
    for (let attempt = 1; ; attempt++) {
      try {
        await db().send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        const failed = (i: number) => codes[i] === 'ConditionalCheckFailed';
        if (failed(6)) throw new SlotAlreadyHeld();
        if (failed(4)) throw new ActiveBookingLimit(maxActive);
        if (failed(5)) throw new BookingCodeClash();
        if (failed(2) || failed(3)) throw new VersionConflict('预约');
        // A failed seat or day condition, or a concurrent booker on the same counter: look at the counter.
        const refusal = await this.seatRefusal(seat, seat.capacity);
        if (refusal) throw refusal;
        if (attempt >= TRANSACTION_ATTEMPTS) throw new Conflict('BOOKING_BUSY', '预约的人较多，请稍后重试');
        await transactionBackoff(attempt);
      }
    }
  },

  /** Why a seat cannot be claimed now: the day or the slot was closed (停约), or it is full (已约满); null if it can. */
  async seatRefusal(seat: Seat, capacity: number): Promise<SlotUnavailable | SlotFull | null> {
    const counters = await this.dayCounters(seat.stationId, seat.day);
    if (counters.closed) return new SlotUnavailable(`派出所已临时停止当天预约${counters.closeReason ? `（${counters.closeReason}）` : ''}，请选择其他日期`);
    const slot = counters.slots[seat.key];
    if (slot?.closed) return new SlotUnavailable(`派出所已临时停止该时段预约${slot.closeReason ? `（${slot.closeReason}）` : ''}，请选择其他时段`);
    return (slot?.booked ?? 0) >= capacity ? new SlotFull() : null;
  },

  /**
   * One transition: the booking is written only if nobody changed it since it was read (version), its history
   * entry is appended, its seats move (a reschedule releases the old and claims the new one in the same
   * write), it leaves the active set once it is no longer `booked`, and its queue entries follow.
   */
  async saveTransition(
    before: BookingRecord,
    after: BookingRecord,
    history: BookingHistoryEntry,
    moves: { beforeDay: string; afterDay: string; release?: Seat; claim?: Seat & { capacity: number } },
    also: TransactItem[] = [],
  ): Promise<void> {
    const items: TransactItem[] = [
      { Put: { TableName: table(), Item: bookingItem(after), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': before.version } } },
      { Put: { TableName: table(), Item: historyItem(after, history), ConditionExpression: 'attribute_not_exists(pk)' } },
    ];
    const claimAt = items.length;
    if (moves.claim) items.push(...claimSeat(moves.claim, moves.claim.capacity));
    if (moves.release) items.push(releaseSeat(moves.release));
    const sameSlot = moves.claim && moves.release && moves.claim.key === moves.release.key && moves.claim.day === moves.release.day;
    const holdAt = items.length;
    if (moves.claim && !sameSlot) items.push(holdSlot(moves.claim, after));
    if (moves.release && !sameSlot) items.push(leaveSlot(moves.release, before));
    if (after.status !== 'booked') items.push(leaveActive(after));
    items.push(...queueWrites({ record: before, day: moves.beforeDay }, { record: after, day: moves.afterDay }), ...also);

    for (let attempt = 1; ; attempt++) {
      try {
        await db().send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        if (codes[0] === 'ConditionalCheckFailed' || codes[1] === 'ConditionalCheckFailed') throw new VersionConflict('预约');
        if (moves.claim && !sameSlot && codes[holdAt] === 'ConditionalCheckFailed') throw new SlotAlreadyHeld();
        if (moves.claim) {
          const refusal = await this.seatRefusal(moves.claim, moves.claim.capacity);
          if (refusal) throw refusal;
          if (codes[claimAt] === 'ConditionalCheckFailed' || codes[claimAt + 1] === 'ConditionalCheckFailed') throw new SlotFull();
        }
        if (attempt >= TRANSACTION_ATTEMPTS) throw new VersionConflict('预约');
        await transactionBackoff(attempt);
      }
    }
  },

  /** ids in an enterprise's active set of a service */
  async activeIds(enterpriseId: string, serviceId: string): Promise<string[]> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: bookingKeys.active(enterpriseId, serviceId), ConsistentRead: true }));
    const ids = out.Item?.ids as Set<string> | undefined;
    return ids ? [...ids] : [];
  },

  /** Drop a stale booking from the active set (idempotent). */
  async leaveActive(enterpriseId: string, serviceId: string, bookingId: string): Promise<void> {
    await db().send(new UpdateCommand({ TableName: table(), Key: bookingKeys.active(enterpriseId, serviceId), UpdateExpression: 'DELETE ids :id', ExpressionAttributeValues: { ':id': new Set([bookingId]) } }));
  },

  /** Mark one slot closed (停约): no seat can be claimed in it any more. */
  async closeSlot(seat: Seat, reason: string, now: Date): Promise<void> {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: bookingKeys.slot(seat),
        UpdateExpression: 'SET entity = :e, closed = :t, closeReason = :r, closedAt = :at',
        ExpressionAttributeValues: { ':e': 'slot-counter', ':t': true, ':r': reason, ':at': now.toISOString() },
      }),
    );
  },

  /** Mark a whole day closed: every seat claim of that day checks this item. */
  async closeDay(stationId: string, day: string, reason: string, now: Date): Promise<void> {
    await db().send(new PutCommand({ TableName: table(), Item: { ...bookingKeys.day(stationId, day), entity: 'slot-day', closed: true, closeReason: reason, closedAt: now.toISOString() } }));
  },

  /** an enterprise's bookings, newest first */
  listByEnterprise(enterpriseId: string, page: { cursor?: string; limit: number }): Promise<Page<BookingRecord>> {
    return queryPage({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': bookingKeys.enterpriseQueue(enterpriseId) }, ScanIndexForward: false }, page, (i) => strip<BookingRecord>(i));
  },

  /** bookings of a day still to be reminded (the day before, or an hour before: those starting by `startsBy`), by time */
  listReminders(day: string, page: { cursor?: string; limit: number }, kind: 'day' | 'hour' = 'day', startsBy?: string): Promise<Page<BookingRecord>> {
    const pk = kind === 'day' ? bookingKeys.reminders(day) : bookingKeys.hourReminders(day);
    const range = startsBy ? ' AND sk <= :by' : '';
    return queryPage({ KeyConditionExpression: `pk = :pk${range}`, ExpressionAttributeValues: { ':pk': pk, ...(startsBy ? { ':by': `${startsBy}~` } : {}) } }, page, (i) => strip<BookingRecord>(i));
  },

  /** Take one reminder off its list; false if another sweep (or a transition) took it first. */
  async takeReminder(b: BookingRecord, day: string, kind: 'day' | 'hour' = 'day'): Promise<boolean> {
    const pk = kind === 'day' ? bookingKeys.reminders(day) : bookingKeys.hourReminders(day);
    try {
      await db().send(new DeleteCommand({ TableName: table(), Key: { pk, sk: `${b.slotStart}#${b.id}` }, ConditionExpression: 'attribute_exists(pk)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** a station's bookings of a day, by time (strongly consistent: a closure cancels exactly what it reads) */
  listStationDay(stationId: string, day: string, page: { cursor?: string; limit: number }): Promise<Page<BookingRecord>> {
    return queryPage({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': bookingKeys.stationDayQueue(stationId, day) }, ConsistentRead: true }, page, (i) => strip<BookingRecord>(i));
  },
};
