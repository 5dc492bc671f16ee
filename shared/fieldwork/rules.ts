/**
 * Field-work rules, pure: the contact rule (走访频次), the rectification state machine (待整改 → 整改中 →
 * 已整改 / 已销号) and day arithmetic on calendar days in Asia/Shanghai.
 */
export const FOLLOW_UPS = ['none', 'rectification', 'appeal'] as const;
export type FollowUpKind = (typeof FOLLOW_UPS)[number];
/** The appeal types a problem found on a visit can be filed as (政策咨询 is the enterprise's own question). */
export const VISIT_APPEAL_TYPES = ['help', 'dispute', 'suggestion'] as const;
export type VisitAppealType = (typeof VISIT_APPEAL_TYPES)[number];

export const RECTIFICATION_STATUSES = ['pending', 'in_progress', 'done', 'cancelled'] as const;
export type RectificationStatusId = (typeof RECTIFICATION_STATUSES)[number];
export const OPEN_RECTIFICATION_STATUSES: readonly RectificationStatusId[] = ['pending', 'in_progress'];
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatusId, string> = {
  pending: '待整改',
  in_progress: '整改中',
  done: '已整改',
  cancelled: '已销号',
};

export const RECTIFICATION_ACTIONS = ['start', 'complete', 'cancel'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];
export const RECTIFICATION_ACTION_LABELS: Record<RectificationAction, string> = { start: '开始整改', complete: '整改完成', cancel: '销号' };

const TRANSITIONS: Record<RectificationAction, { from: readonly RectificationStatusId[]; to: RectificationStatusId }> = {
  start: { from: ['pending'], to: 'in_progress' },
  complete: { from: ['pending', 'in_progress'], to: 'done' },
  cancel: { from: ['pending', 'in_progress'], to: 'cancelled' },
};

/** The status an action leads to, or null if it is not allowed from `status`. */
export function nextRectificationStatus(status: RectificationStatusId, action: RectificationAction): RectificationStatusId | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

export function allowedRectificationActions(status: RectificationStatusId): RectificationAction[] {
  return RECTIFICATION_ACTIONS.filter((a) => nextRectificationStatus(status, a) !== null);
}

export const isOpenRectification = (status: RectificationStatusId) => OPEN_RECTIFICATION_STATUSES.includes(status);

/** Overdue: still open and its deadline has passed (the deadline day itself is still on time). */
export function isRectificationOverdue(r: { status: RectificationStatusId; deadline: string }, today: string): boolean {
  return isOpenRectification(r.status) && r.deadline < today;
}

export const FOLLOW_UP_LABELS: Record<FollowUpKind, string> = { none: '不处理', rectification: '转整改', appeal: '转诉求' };

/** 每月走访: the default contact rule, every enterprise at least once in this many days. */
export const DEFAULT_VISIT_INTERVAL_DAYS = 30;
export const VISIT_INTERVAL_MIN = 7;
export const VISIT_INTERVAL_MAX = 180;

/** 'YYYY-MM-DD' plus n calendar days (UTC arithmetic on a date, no time zone involved). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The calendar day in Asia/Shanghai of an instant (the one rule every module uses). */
export { shanghaiDay } from '../appeals/queues';

/** When the next visit is due: the last visit (or registration, if never visited) plus the interval. */
export function visitDueDay(baselineDay: string, intervalDays: number): string {
  return addDays(baselineDay, intervalDays);
}

/** Due lists are ordered by the baseline day; an enterprise is due on `day` if baseline ≤ day − interval. */
export function latestDueBaseline(day: string, intervalDays: number): string {
  return addDays(day, -intervalDays);
}
