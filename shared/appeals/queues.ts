/**
 * Which work queues an appeal is in, derived from its state alone. The repository keeps one small queue
 * entry per membership and rewrites the set in the same transaction as every transition, so each queue is
 * one Query on one key — strongly consistent and never stale (a GSI would be eventually consistent).
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { shanghaiDate } from '../dates';
import { isOpen } from './catalogue';
import type { Appeal } from './schemas';
import { addCalendarDays, DEFAULT_SLA_POLICY, isOverdue, TIME_ZONE } from './sla';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The calendar day in Shanghai (YYYY-MM-DD) of an instant. */
export const shanghaiDay = (iso: string | Date) => shanghaiDate(iso);
/** The end of that Shanghai day, as an ISO instant. */
export const endOfShanghaiDay = (iso: string | Date) => dayjs(iso).tz(TIME_ZONE).endOf('day').toISOString();

export const STATION_VIEWS = ['new', 'due_today', 'overdue', 'escalated', 'unassigned', 'resolved_today', 'awaiting_rating', 'bad_ratings', 'open'] as const;
export type StationView = (typeof STATION_VIEWS)[number];
export const STATION_VIEW_LABELS: Record<StationView, string> = {
  new: '今日新增',
  due_today: '今日到期',
  overdue: '已超期',
  escalated: '已上报所长',
  unassigned: '待分配',
  resolved_today: '今日办结',
  awaiting_rating: '待评价',
  bad_ratings: '差评整改',
  open: '全部在办',
};

export const ENTERPRISE_GROUPS = ['open', 'resolved', 'done'] as const;
export type EnterpriseGroup = (typeof ENTERPRISE_GROUPS)[number];
export const ENTERPRISE_GROUP_LABELS: Record<EnterpriseGroup, string> = { open: '办理中', resolved: '待评价', done: '已完结' };

export const CENTRE_VIEWS = ['open', 'overdue', 'grade3'] as const;
export type CentreView = (typeof CENTRE_VIEWS)[number];

export function enterpriseGroup(a: Pick<Appeal, 'status'>): EnterpriseGroup {
  if (isOpen(a.status)) return 'open';
  return a.status === 'resolved' ? 'resolved' : 'done';
}

/**
 * When a resolved case closes unless rated: the time stored at resolution. Appeals resolved before that
 * field existed fall back to the policy given (what their queue entry was keyed by; see the migration
 * scripts/migrations/auto-close-at.ts).
 */
export function autoCloseTime(a: Pick<Appeal, 'resolvedAt' | 'autoCloseAt'>, autoCloseAfterDays: number): Date | null {
  if (a.autoCloseAt) return new Date(a.autoCloseAt);
  return a.resolvedAt ? addCalendarDays(a.resolvedAt, autoCloseAfterDays) : null;
}

/** The deadline that matters now: acceptance until accepted, then resolution. */
export function currentDueAt(a: Pick<Appeal, 'status' | 'acceptDueAt' | 'resolveDueAt'>): string {
  return a.status === 'submitted' ? a.acceptDueAt : a.resolveDueAt;
}

/**
 * Deadline-ordered queues (inbox, station and district open) place a case waiting for the enterprise after
 * every deadline: its clock is stopped, so it must not fall into a "before now" range (已超期, the centre's
 * overdue list, the digest's count) — unless it was already overdue when paused, which keeps its deadline.
 * `~` sorts after every ISO timestamp. Resuming (`provide_info`) extends the deadline by the paused working
 * time and the case takes its place by that new deadline again.
 */
export const PAUSED_ORDER = '~paused';

export function deadlineOrder(a: Pick<Appeal, 'id' | 'status' | 'acceptDueAt' | 'resolveDueAt' | 'slaPausedAt'>): string {
  if (a.status === 'awaiting_info' && !isOverdue(a, a.slaPausedAt ?? a.resolveDueAt)) return `${PAUSED_ORDER}#${a.id}`;
  return `${currentDueAt(a)}#${a.id}`;
}

export type QueueMembership =
  | { queue: 'enterprise-all'; enterpriseId: string; order: string }
  | { queue: 'enterprise-group'; enterpriseId: string; group: EnterpriseGroup; order: string }
  | { queue: 'officer-inbox'; officerId: string; order: string }
  | { queue: 'station-new'; stationId: string; day: string; order: string }
  | { queue: 'station-open'; stationId: string; order: string }
  | { queue: 'station-escalated'; stationId: string; order: string }
  | { queue: 'station-unassigned'; stationId: string; order: string }
  | { queue: 'station-resolved'; stationId: string; day: string; order: string }
  | { queue: 'station-awaiting-rating'; stationId: string; order: string }
  | { queue: 'station-bad'; stationId: string; order: string }
  | { queue: 'centre-grade3'; order: string }
  | { queue: 'district-open'; order: string }
  | { queue: 'sla-watch'; order: string }
  | { queue: 'auto-close'; order: string }
  | { queue: 'complaints-all'; order: string }
  | { queue: 'complaints-station'; stationId: string; order: string }
  | { queue: 'complaints-station-open'; stationId: string; order: string };

/**
 * Resolved and not yet rated. (After a rectification the enterprise may rate once more, but that second
 * chance is not a queue of the station's: it would never empty for enterprises that do not come back.)
 */
export function awaitingRating(a: Appeal): boolean {
  return a.status === 'resolved';
}

/**
 * Every queue the appeal belongs to in its current state. `order` is the sort key within the queue
 * (a deadline or a time, then the id so it is unique).
 */
export function queueMemberships(a: Appeal, autoCloseAfterDays = DEFAULT_SLA_POLICY.autoCloseAfterDays): QueueMembership[] {
  const all = memberships(a, autoCloseAfterDays);
  if (!a.complaint) return all;
  // Complaints: the centre's 督察 view lists them all, with counts per station. One the centre handles (the
  // chief is its subject) stays out of every station queue, since the chief reads those and the digest
  // counts them.
  const created = `${a.createdAt}#${a.id}`;
  const kept = a.complaint.handler === 'centre' ? all.filter((m) => !STATION_QUEUES.has(m.queue)) : all;
  kept.push({ queue: 'complaints-all', order: created }, { queue: 'complaints-station', stationId: a.stationId, order: created });
  if (isOpen(a.status)) kept.push({ queue: 'complaints-station-open', stationId: a.stationId, order: `${currentDueAt(a)}#${a.id}` });
  return kept;
}

/** Queues a station's chief reads (lists, counts, the morning digest). */
const STATION_QUEUES: ReadonlySet<QueueMembership['queue']> = new Set(['station-new', 'station-open', 'station-escalated', 'station-unassigned', 'station-resolved', 'station-awaiting-rating', 'station-bad']);

function memberships(a: Appeal, autoCloseAfterDays: number): QueueMembership[] {
  const id = a.id;
  const created = `${a.createdAt}#${id}`;
  const due = deadlineOrder(a);
  const out: QueueMembership[] = [
    { queue: 'enterprise-all', enterpriseId: a.enterpriseId, order: created },
    { queue: 'enterprise-group', enterpriseId: a.enterpriseId, group: enterpriseGroup(a), order: created },
    { queue: 'station-new', stationId: a.stationId, day: shanghaiDay(a.createdAt), order: created },
  ];
  if (isOpen(a.status)) {
    if (a.officerId) out.push({ queue: 'officer-inbox', officerId: a.officerId, order: due });
    else out.push({ queue: 'station-unassigned', stationId: a.stationId, order: created });
    out.push({ queue: 'station-open', stationId: a.stationId, order: due }, { queue: 'district-open', order: due });
    if (a.escalated) out.push({ queue: 'station-escalated', stationId: a.stationId, order: `${a.escalatedAt ?? a.updatedAt}#${id}` });
    if (a.type === 'dispute' && a.grade === 3) out.push({ queue: 'centre-grade3', order: created });
    // The scheduler escalates what is overdue, once per deadline: not cases already escalated for this
    // deadline (the chief may have reassigned them since) nor those waiting for the enterprise.
    if (!a.escalated && a.escalatedFor !== currentDueAt(a) && a.status !== 'awaiting_info') out.push({ queue: 'sla-watch', order: `${currentDueAt(a)}#${id}` });
  }
  if (a.resolvedAt) out.push({ queue: 'station-resolved', stationId: a.stationId, day: shanghaiDay(a.resolvedAt), order: `${a.resolvedAt}#${id}` });
  if (awaitingRating(a)) out.push({ queue: 'station-awaiting-rating', stationId: a.stationId, order: `${a.resolvedAt ?? a.updatedAt}#${id}` });
  const autoClose = a.status === 'resolved' ? autoCloseTime(a, autoCloseAfterDays) : null;
  if (autoClose) out.push({ queue: 'auto-close', order: `${autoClose.toISOString()}#${id}` });
  if (a.rectification === 'required') out.push({ queue: 'station-bad', stationId: a.stationId, order: `${a.ratedAt ?? a.updatedAt}#${id}` });
  return out;
}
