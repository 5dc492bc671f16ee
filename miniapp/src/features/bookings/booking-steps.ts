import type { Slot } from '../../../../shared/bookings/schemas';
import { dateLabel, slotsByDate } from './booking-format';

/** 预约办证 in four steps: one question a screen, the answers kept when the user goes back. */
export const BOOKING_STEPS = [
  { key: 'service', label: '业务', title: '您要办理什么业务？' },
  { key: 'day', label: '日期', title: '哪一天去办？' },
  { key: 'time', label: '时段', title: '几点去办？' },
  { key: 'confirm', label: '确认', title: '核对预约信息' },
] as const;
export type BookingStepKey = (typeof BOOKING_STEPS)[number]['key'];
export const CONFIRM_STEP = BOOKING_STEPS.length - 1;
/** Where a refused slot (taken meanwhile, closed by the station) sends the user back to. */
export const TIME_STEP = 2;

/** What the user has chosen so far ('' / null = not yet). */
export interface BookingChoice {
  serviceId: string | null;
  date: string | null;
  slotStart: string;
}

export interface DayOption {
  date: string;
  label: string;
  /** Seats left over the day's slots. */
  left: number;
}

/** The days that have slots, with their seats left; a day whose slots are all taken shows 已约满. */
export const dayOptions = (slots: readonly Slot[]): DayOption[] => slotsByDate(slots).map((d) => ({ date: d.date, label: dateLabel(d.date), left: d.slots.reduce((n, s) => n + Math.max(0, s.left), 0) }));

/** Why the user cannot leave `step` forward yet, in words; null when the step is answered. */
export function stepBlocker(step: number, choice: BookingChoice, slots: readonly Slot[]): string | null {
  if (step >= 0 && !choice.serviceId) return '请先选择要办理的业务';
  if (step >= 1 && !(choice.date && dayOptions(slots).some((d) => d.date === choice.date && d.left > 0))) return '请选择一个还有名额的日期';
  if (step >= 2 && !slots.some((s) => s.start === choice.slotStart && s.date === choice.date && s.left > 0)) return '请选择一个还有名额的时段';
  return null;
}

/** The first step, up to `upTo`, that is not answered: where to send a user whose choice went stale. */
export function firstOpenStep(choice: BookingChoice, slots: readonly Slot[], upTo = CONFIRM_STEP - 1): number {
  // stepBlocker is cumulative: the first step it stops at is the first one unanswered.
  for (let i = 0; i <= upTo; i++) if (stepBlocker(i, choice, slots)) return i;
  return -1;
}
