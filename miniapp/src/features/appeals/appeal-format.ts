/**
 * How appeals read on screen: labels, deadlines and dates in Beijing time. Pure functions, no Taro.
 *
 * Deliberately not imported here: shared/appeals/queues.ts and sla.ts. They pull the official holiday
 * calendar (chinese-days) and dayjs time zones into the bundle, and the app only needs "which Shanghai day
 * is this instant" — China has no daylight saving time, so UTC+8 is exact.
 */
import { APPEAL_TYPE_LABELS, RATING_LABELS, STATUS_LABELS, URGENCY_LABELS, categoryLabel, isOpen, type AppealStatus, type AppealType, type RatingLevel } from '../../../../shared/appeals/catalogue';
import type { EnterpriseGroup, StationView } from '../../../../shared/appeals/queues';
import { shanghaiDate } from '../../../../shared/dates';

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** 'YYYY-MM-DD' of an instant in Beijing time. */
export function shanghaiDay(at: string | number | Date): string {
  return shanghaiDate(at);
}

/** The Beijing day `n` days before the day of `now` (n = 0: today). */
export function shanghaiDayBefore(now: number, n: number): string {
  return shanghaiDay(now - n * DAY_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** '3月5日 14:30', with the year when it is not this year. */
export function formatDateTime(at: string, now: number = Date.now()): string {
  const d = new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS);
  const year = d.getUTCFullYear();
  const thisYear = new Date(now + SHANGHAI_OFFSET_MS).getUTCFullYear();
  const date = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return `${year !== thisYear ? `${year}年` : ''}${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** '03-05' for chart axes. */
export function shortDay(day: string): string {
  return `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
}

export type DeadlineState = 'overdue' | 'due_today' | 'pending' | 'none';

/** Where an appeal stands against its current deadline (only open appeals have one). */
export function deadlineState(status: AppealStatus, dueAt: string, now: number = Date.now()): DeadlineState {
  if (!isOpen(status)) return 'none';
  // While the officer waits for the enterprise the resolution clock is stopped.
  if (status === 'awaiting_info') return 'none';
  const due = new Date(dueAt).getTime();
  if (due < now) return 'overdue';
  if (shanghaiDay(due) === shanghaiDay(now)) return 'due_today';
  return 'pending';
}

export const DEADLINE_BADGES: Record<Exclude<DeadlineState, 'pending' | 'none'>, string> = {
  overdue: '已超期',
  due_today: '今日到期',
};

/** '受理时限 3月5日 17:30' / '办结时限 …' — the deadline that matters now. */
export function deadlineText(status: AppealStatus, dueAt: string, now: number = Date.now()): string | null {
  if (!isOpen(status)) return null;
  if (status === 'awaiting_info') return '等待企业补充材料，办理时限暂停';
  const label = status === 'submitted' ? '受理时限' : '办结时限';
  return `${label} ${formatDateTime(dueAt, now)}`;
}

/** Tone of the status chip (.app-status): new, being handled, waiting for the enterprise, resolved, over. */
export type StatusTone = 'warning' | 'primary' | 'accent' | 'success' | 'muted';

export function statusTone(status: AppealStatus): StatusTone {
  switch (status) {
    case 'submitted':
      return 'warning';
    case 'accepted':
    case 'in_progress':
    case 'transferred':
      return 'primary';
    case 'awaiting_info':
      return 'accent';
    case 'resolved':
      return 'success';
    default:
      return 'muted';
  }
}

export const statusLabel = (status: AppealStatus) => STATUS_LABELS[status];

/** '矛盾纠纷 · 阻工/封门堵路 · 紧急' */
export function classificationText(a: { type: AppealType; category: string; urgency: 'normal' | 'urgent'; grade?: number }): string {
  const parts = [APPEAL_TYPE_LABELS[a.type], categoryLabel(a.type, a.category), URGENCY_LABELS[a.urgency]];
  if (a.type === 'dispute' && a.grade) parts.push(`${GRADE_SHORT[a.grade as 1 | 2 | 3] ?? ''}纠纷`);
  return parts.join(' · ');
}

export const GRADE_SHORT: Record<1 | 2 | 3, string> = { 1: '一级', 2: '二级', 3: '三级' };

export function ratingLabel(level: number | undefined): string | null {
  return level && level >= 1 && level <= 5 ? RATING_LABELS[level as RatingLevel] : null;
}

/** '★★★★☆' for a 1–5 rating. */
export function stars(level: number): string {
  const n = Math.max(0, Math.min(5, Math.round(level)));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

/** The enterprise's groups of 我的诉求 (labels as in shared/appeals/queues.ts, which is not imported: see above). */
export const ENTERPRISE_GROUP_CHIPS: { key: EnterpriseGroup | 'all'; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'open', label: '办理中' },
  { key: 'resolved', label: '待评价' },
  { key: 'done', label: '已完结' },
];

/** The chief's daily tabs, in the order of a working day. ('open' stays out: it is the sum of the others.) */
export const STATION_TABS: { view: StationView; label: string }[] = [
  { view: 'new', label: '今日新增' },
  { view: 'due_today', label: '今日到期' },
  { view: 'overdue', label: '已超期' },
  { view: 'escalated', label: '已上报' },
  { view: 'unassigned', label: '待分配' },
  { view: 'resolved_today', label: '今日办结' },
  { view: 'awaiting_rating', label: '待评价' },
  { view: 'bad_ratings', label: '差评整改' },
];
