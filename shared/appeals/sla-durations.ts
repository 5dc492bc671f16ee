/**
 * The standard 办理时限 per type and urgency, apart from the SLA arithmetic (sla.ts, which carries the holiday
 * calendar) so the mini-program's report form can show the deadline before submitting without bundling it.
 */
import type { AppealType, Urgency } from './catalogue';

/** How long something may take. Clock hours ignore the calendar: an urgent dispute does not wait for Monday. */
export type SlaDuration = { unit: 'working_days'; amount: number } | { unit: 'working_hours'; amount: number } | { unit: 'clock_hours'; amount: number };

const days = (amount: number): SlaDuration => ({ unit: 'working_days', amount });
const clockHours = (amount: number): SlaDuration => ({ unit: 'clock_hours', amount });

/**
 * The brief fixes normal urgency per type and urgent disputes at 24 clock hours. Urgent help is also 24 clock
 * hours (a business asking for urgent help cannot wait a week); an urgent policy question gets 1 working day;
 * suggestions are never time-critical, so urgency does not shorten them.
 */
export const DEFAULT_RESOLVE_DURATIONS: Record<AppealType, Record<Urgency, SlaDuration>> = {
  policy: { normal: days(2), urgent: days(1) },
  dispute: { normal: days(5), urgent: clockHours(24) },
  suggestion: { normal: days(5), urgent: days(5) },
  help: { normal: days(5), urgent: clockHours(24) },
};
