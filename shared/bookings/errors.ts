/** Named errors of 预约办证. Each says what the user can do next; functions/lib/http.ts maps the kind to a status. */
import { Conflict, Forbidden } from '../errors';
import type { BookingAction } from './catalogue';

/** The slot has no seat left (409). The repository's conditional write is the real guard; this is the early check. */
export class SlotFull extends Conflict {
  constructor() {
    super('SLOT_FULL', '该时段已约满，请选择其他时段');
  }
}

/** The enterprise already holds a seat in this slot (a double tap, a second member): one seat per enterprise per slot (409). */
export class SlotAlreadyHeld extends Conflict {
  constructor() {
    super('SLOT_ALREADY_BOOKED', '您已预约该时段，请在“我的预约”中查看');
  }
}

/** The chosen start is not a bookable slot: outside hours, a holiday, blocked, too soon or too far ahead (409). */
export class SlotUnavailable extends Conflict {
  constructor(message = '该时段不可预约（非办公时间、节假日、已停约或不在可预约时间内），请重新选择时段') {
    super('SLOT_UNAVAILABLE', message);
  }
}

export class ServiceNotOffered extends Conflict {
  constructor(serviceName: string) {
    super('SERVICE_NOT_OFFERED', `本派出所暂不提供“${serviceName}”预约，请选择其他业务或致电派出所咨询`);
  }
}

export class ActiveBookingLimit extends Conflict {
  constructor(readonly limit: number) {
    super('ACTIVE_BOOKING_LIMIT', `贵企业该业务已有${limit}个待办理的预约，请办理完成或取消其中一个后再预约`);
  }
}

/** The enterprise is past the cut-off before the slot (409). */
export class BookingChangeTooLate extends Conflict {
  constructor(readonly cutoffMinutes: number) {
    super('BOOKING_CHANGE_TOO_LATE', `距预约开始已不足${cutoffMinutes}分钟，不能再取消或改约；如无法按时到达，请直接致电派出所`);
  }
}

/** The action is not possible in the booking's current status or at this time (409). */
export class BookingTransitionNotAllowed extends Conflict {
  constructor(
    message: string,
    readonly action?: BookingAction,
  ) {
    super('BOOKING_TRANSITION_NOT_ALLOWED', message);
  }
}

/** This role can never take this action on a booking (403). */
export class BookingActionForbidden extends Forbidden {
  constructor(
    message: string,
    readonly action?: BookingAction,
  ) {
    super(message, 'BOOKING_ACTION_FORBIDDEN');
  }
}
