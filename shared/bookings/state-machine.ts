/**
 * The life of a booking: created as `booked`, then changed by the enterprise before the cut-off or recorded by
 * the station at the counter.
 *
 * `BOOKING_TRANSITIONS` is the whole rule set, one row per (action, party): who, from which status, to which
 * status, and the time rule. `allowedBookingActions` (the buttons) and `applyBookingAction` (the write) both go
 * through `bookingRefusal`, so a button is shown exactly when pressing it would succeed.
 *
 * Not checked here: whether the actor belongs to the booking's enterprise or station (the service does that
 * with shared/domain/access.ts), and the seat count under concurrency (the repository's conditional write on
 * the slot counter). The early seat check here gives the user a clear message in the common case.
 */
import { ValidationFailed, VersionConflict, type DomainError } from '../errors';
import { toMs, type TimeInput } from '../appeals/sla';
import { BOOKING_ACTIONS, BOOKING_ACTION_LABELS, BOOKING_STATUS_LABELS, partyOf, type BookingAction, type BookingActorRole, type BookingParty, type BookingStatus } from './catalogue';
import { ActiveBookingLimit, BookingActionForbidden, BookingChangeTooLate, BookingTransitionNotAllowed, ServiceNotOffered, SlotFull, SlotUnavailable } from './errors';
import { BookingActionBody, BookingCode, CreateBookingBody, parseOrThrow, type Booking, type BookingHistoryEntry, type ServiceDefinition, type Slot, type StationSchedule, type StationServiceSettings } from './schemas';
import { canChange, localDateOf } from './slots';

export type BookingActor = { id: string; role: BookingActorRole };

/**
 *  - before_cutoff: up to `changeCutoffMinutes` before the start
 *  - before_end:    until the slot is over (a station closing at short notice)
 *  - on_the_day:    on the Shanghai date of the slot
 *  - from_the_day:  on the date of the slot or later (a completion recorded the next morning)
 *  - after_start:   once the slot has begun (or any later day, so a forgotten no-show can still be recorded)
 */
export type TimeRule = 'before_cutoff' | 'before_end' | 'on_the_day' | 'from_the_day' | 'after_start';

export type BookingTransition = {
  readonly action: BookingAction;
  readonly by: BookingParty;
  readonly from: readonly BookingStatus[];
  readonly to: BookingStatus;
  readonly when: TimeRule;
};

export const BOOKING_TRANSITIONS: readonly BookingTransition[] = [
  { action: 'cancel', by: 'enterprise', from: ['booked'], to: 'cancelled', when: 'before_cutoff' },
  { action: 'reschedule', by: 'enterprise', from: ['booked'], to: 'booked', when: 'before_cutoff' },
  // The station cancels for a closure (停电、系统故障、警情); it must give the reason, the enterprise is told.
  { action: 'cancel', by: 'station', from: ['booked'], to: 'cancelled', when: 'before_end' },
  { action: 'arrive', by: 'station', from: ['booked'], to: 'arrived', when: 'on_the_day' },
  { action: 'complete', by: 'station', from: ['arrived'], to: 'completed', when: 'from_the_day' },
  { action: 'no_show', by: 'station', from: ['booked'], to: 'no_show', when: 'after_start' },
];

/** Side effects for the service to carry out; the domain only names them. */
export type BookingEffect = 'claim_seat' | 'release_seat' | 'notify_enterprise' | 'notify_station';

export type BookingActionResult = { next: Booking; history: BookingHistoryEntry; effects: BookingEffect[] };

// ---------------------------------------------------------------------------------------------------------

function ruleFor(action: BookingAction, party: BookingParty): BookingTransition | undefined {
  return BOOKING_TRANSITIONS.find((t) => t.action === action && t.by === party);
}

function statusRefusal(booking: Booking, action: BookingAction): string {
  if (action === 'complete' && booking.status === 'booked') return '请先登记到场，再登记办结';
  return `该预约${BOOKING_STATUS_LABELS[booking.status]}，不能${BOOKING_ACTION_LABELS[action]}`;
}

function timeRefusal(rule: BookingTransition, booking: Booking, now: number, schedule: StationSchedule): DomainError | null {
  const act = BOOKING_ACTION_LABELS[rule.action];
  const today = localDateOf(now);
  const slotDay = localDateOf(booking.slotStart);
  switch (rule.when) {
    case 'before_cutoff':
      return canChange(booking, now, schedule) ? null : new BookingChangeTooLate(schedule.changeCutoffMinutes);
    case 'before_end':
      return now < toMs(booking.slotEnd) ? null : new BookingTransitionNotAllowed('预约时段已结束，不能再取消，请登记到场或未到', rule.action);
    case 'on_the_day':
      if (today < slotDay) return new BookingTransitionNotAllowed(`预约当天才能${act}`, rule.action);
      return today > slotDay ? new BookingTransitionNotAllowed(`已过预约当天，不能再${act}`, rule.action) : null;
    case 'from_the_day':
      return today < slotDay ? new BookingTransitionNotAllowed(`预约当天才能${act}`, rule.action) : null;
    case 'after_start':
      return now < toMs(booking.slotStart) ? new BookingTransitionNotAllowed(`预约时间还没到，不能${act}`, rule.action) : null;
  }
}

function refusalAt(booking: Booking, action: BookingAction, actor: BookingActor, now: number, schedule: StationSchedule): DomainError | null {
  const party = partyOf(actor.role);
  const rule = ruleFor(action, party);
  if (!rule) {
    const who = party === 'enterprise' ? '派出所' : '企业';
    return new BookingActionForbidden(`只有${who}可以${BOOKING_ACTION_LABELS[action]}`, action);
  }
  if (!rule.from.includes(booking.status)) return new BookingTransitionNotAllowed(statusRefusal(booking, action), action);
  return timeRefusal(rule, booking, now, schedule);
}

/** Why `actor` may not take `action` now (ignoring the payload), or null if it may. */
export function bookingRefusal(booking: Booking, action: BookingAction, actor: BookingActor, now: TimeInput, schedule: StationSchedule): DomainError | null {
  return refusalAt(booking, action, actor, toMs(now), schedule);
}

/** The actions `actor` may take now, in a stable order; the app shows exactly these buttons. */
export function allowedBookingActions(booking: Booking, actor: BookingActor, now: TimeInput, schedule: StationSchedule): BookingAction[] {
  const t = toMs(now);
  return BOOKING_ACTIONS.filter((a) => refusalAt(booking, a, actor, t, schedule) === null);
}

export type BookingActionContext = {
  schedule: StationSchedule;
  /** For a reschedule: `findSlot(query, body.slotStart)` with the current seat counts, or null. */
  newSlot?: Slot | null;
};

/**
 * Apply one action. Validates the body, the version, the role, the status and the time rule, and returns the
 * next booking (version + 1), the history entry to append and the effects. Never mutates `booking`.
 */
export function applyBookingAction(booking: Booking, body: BookingActionBody | unknown, actor: BookingActor, now: TimeInput, ctx: BookingActionContext): BookingActionResult {
  const action = parseOrThrow(BookingActionBody, body);
  if (action.version !== booking.version) throw new VersionConflict('预约');
  const nowMs = toMs(now);
  const refused = refusalAt(booking, action.action, actor, nowMs, ctx.schedule);
  if (refused) throw refused;

  const party = partyOf(actor.role);
  const rule = ruleFor(action.action, party)!;
  const at = new Date(nowMs).toISOString();
  const next: Booking = { ...booking, status: rule.to, updatedAt: at, version: booking.version + 1 };
  const history: BookingHistoryEntry = { at, actorId: actor.id, actorRole: actor.role, action: action.action, from: booking.status, to: rule.to };
  const effects: BookingEffect[] = [];

  switch (action.action) {
    case 'cancel':
      next.cancelledAt = at;
      next.cancelReason = action.reason;
      next.cancelledBy = party;
      history.reason = action.reason;
      effects.push('release_seat', party === 'station' ? 'notify_enterprise' : 'notify_station');
      break;
    case 'reschedule': {
      const slot = ctx.newSlot;
      if (!slot || toMs(slot.start) !== toMs(action.slotStart)) throw new SlotUnavailable();
      if (toMs(slot.start) === toMs(booking.slotStart)) {
        throw new BookingTransitionNotAllowed('新时段与原预约时段相同，请选择其他时段', 'reschedule');
      }
      if (slot.left <= 0) throw new SlotFull();
      next.slotStart = slot.start;
      next.slotEnd = slot.end;
      next.rescheduleCount = booking.rescheduleCount + 1;
      history.reason = action.reason;
      history.previousSlotStart = booking.slotStart;
      history.slotStart = slot.start;
      effects.push('release_seat', 'claim_seat', 'notify_station');
      break;
    }
    case 'arrive':
      next.arrivedAt = at;
      break;
    case 'complete':
      next.completedAt = at;
      if (action.note) {
        next.completionNote = action.note;
        history.reason = action.note;
      }
      effects.push('notify_enterprise');
      break;
    case 'no_show':
      next.noShowAt = at;
      effects.push('notify_enterprise');
      break;
  }
  return { next, history, effects };
}

// ---------------------------------------------------------------------------------------------------------

export type NewBookingInput = {
  id: string;
  /** From `generateBookingCode`. */
  code: string;
  enterpriseId: string;
  stationId: string;
  createdBy: string;
  body: CreateBookingBody | unknown;
};

export type NewBookingContext = {
  service: ServiceDefinition;
  settings: StationServiceSettings;
  schedule: StationSchedule;
  /** `findSlot(query, body.slotStart)` with the current seat counts, or null. */
  slot: Slot | null;
  /** The enterprise's active bookings of this service at this station (`isActiveBooking`). */
  activeCount: number;
};

/** People and on-site rules of the chosen service, as field issues so the form can point at the field. */
function checkPeople(body: CreateBookingBody, service: ServiceDefinition): void {
  if (body.onSite) {
    if (!service.onSiteAllowed) {
      throw new ValidationFailed([{ field: 'onSite', message: `“${service.name}”不提供上门办理，请选择到派出所办理` }]);
    }
    const min = service.onSiteMinPeople ?? 1;
    if (body.people < min) {
      throw new ValidationFailed([{ field: 'people', message: `上门集中采集需${min}人及以上，人数较少请选择到派出所窗口办理` }]);
    }
    return;
  }
  if (body.people > service.maxPeoplePerVisit) {
    const message =
      service.onSiteAllowed && service.onSiteMinPeople !== undefined
        ? `到窗口办理每次最多${service.maxPeoplePerVisit}人，${service.onSiteMinPeople}人及以上可预约上门集中采集`
        : `每次预约最多${service.maxPeoplePerVisit}人办理，人数较多请分批预约`;
    throw new ValidationFailed([{ field: 'people', message }]);
  }
}

/** A new booking (version 1) in `booked`, with its history entry. Throws the named error of the first rule broken. */
export function createBooking(input: NewBookingInput, now: TimeInput, ctx: NewBookingContext): { booking: Booking; history: BookingHistoryEntry; effects: BookingEffect[] } {
  const body = parseOrThrow(CreateBookingBody, input.body);
  if (body.serviceId !== ctx.service.id) throw new RangeError(`context is for service ${ctx.service.id}, body asks for ${body.serviceId}`);
  if (!ctx.settings.enabled) throw new ServiceNotOffered(ctx.service.name);
  checkPeople(body, ctx.service);
  if (ctx.activeCount >= ctx.schedule.maxActivePerEnterpriseService) throw new ActiveBookingLimit(ctx.schedule.maxActivePerEnterpriseService);
  const slot = ctx.slot;
  if (!slot || toMs(slot.start) !== toMs(body.slotStart)) throw new SlotUnavailable();
  if (slot.left <= 0) throw new SlotFull();

  const at = new Date(toMs(now)).toISOString();
  const booking: Booking = {
    id: input.id,
    code: parseOrThrow(BookingCode, input.code),
    enterpriseId: input.enterpriseId,
    stationId: input.stationId,
    serviceId: ctx.service.id,
    createdBy: input.createdBy,
    slotStart: slot.start,
    slotEnd: slot.end,
    status: 'booked',
    contactName: body.contactName,
    contactMobile: body.contactMobile,
    people: body.people,
    onSite: body.onSite,
    greenChannel: ctx.service.greenChannel,
    rescheduleCount: 0,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  if (body.onSite && body.siteAddress) booking.siteAddress = body.siteAddress;
  if (body.note) booking.note = body.note;
  const history: BookingHistoryEntry = {
    at,
    actorId: input.createdBy,
    actorRole: 'enterprise',
    action: 'create',
    from: null,
    to: 'booked',
    slotStart: slot.start,
  };
  return { booking, history, effects: ['claim_seat', 'notify_station'] };
}
