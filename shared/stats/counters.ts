/**
 * Statistics counters (统计): which figures an event moves, pure. The repository turns the deltas into
 * `ADD` updates inside the transaction that records the event, so a figure is never recomputed by
 * scanning and can never disagree with the records it counts.
 *
 * Buckets: one counter item per scope and Shanghai day — the station's (`station`) and the officer's who
 * did the work (`officer`). A period is the sum of its days. The centre sums its stations.
 *
 * Two kinds of figures:
 *  - flows, on the day the event happened: registrations, appeals filed (by type), resolved, resolved on
 *    time, suggestions answered, escalations, withdrawals, auto-closes, ratings per level, 差评整改 done,
 *    visits made, rectifications opened / closed (on time);
 *  - follow-ups (回访), on the day the task was created (the appeal's close): tasks due, done, reached,
 *    and — for those reached whose appeal had a rating — how many were satisfied before and after, so
 *    coverage (done / due) and the change in satisfaction are of the same tasks;
 *  - status, on the day the appeal was filed: `status_<s>` moves −1/+1 on each change of status, so the
 *    appeals filed in a period are known by their current status (诉求按状态).
 * Officer attribution: resolving counts for the officer (or chief) who resolved; ratings for the officer
 * the appeal is with when rated (a closed appeal cannot be reassigned, so that is stable); registrations
 * and filings count for the station only (enterprises and open appeals move between officers). An
 * officer's appeals handled (`assigned`, the 诉求 column of their row) count when an appeal reaches them:
 * routed at filing, or reassigned to them (a hand-over included).
 */
import { APPEAL_STATUSES, APPEAL_TYPES, RATING_LEVELS, type AppealStatus, type AppealType } from '../appeals/catalogue';
import { shanghaiDay } from '../appeals/queues';
import type { Appeal, HistoryEntry } from '../appeals/schemas';

export type StatsScope = 'station' | 'officer';

/** Something that moves a figure. `at` is the ISO instant the event happened. */
export type StatsEvent =
  | { kind: 'visit_made'; stationId: string; officerId: string; enterpriseId: string; at: string }
  | { kind: 'rectification_opened'; stationId: string; officerId: string; enterpriseId: string; at: string }
  | { kind: 'rectification_closed'; stationId: string; officerId: string; enterpriseId: string; at: string; onTime: boolean }
  | { kind: 'enterprise_registered'; stationId: string; officerId: string; enterpriseId: string; at: string }
  | { kind: 'appeal_filed'; appeal: Pick<Appeal, 'stationId' | 'type' | 'status' | 'createdAt' | 'complaint'> & { officerId?: string | null } }
  | { kind: 'followup_created'; stationId: string; at: string }
  | { kind: 'followup_recorded'; stationId: string; createdAt: string; reached: boolean; satisfiedBefore: boolean | null; satisfiedAfter: boolean }
  | { kind: 'appeal_changed'; before: AppealFacts; after: AppealFacts; history: Pick<HistoryEntry, 'action' | 'actorId' | 'actorRole' | 'at' | 'rating'> };

type AppealFacts = Pick<Appeal, 'stationId' | 'officerId' | 'type' | 'status' | 'createdAt' | 'resolveDueAt' | 'complaint'> & { resolvedAt?: string | undefined; rating?: Appeal['rating'] };

export type CounterDelta = { scope: StatsScope; id: string; stationId: string; day: string; deltas: Record<string, number> };

export const FLOW_FIELDS = [
  'enterprises',
  'filed',
  ...APPEAL_TYPES.map((t) => `filed_${t}` as const),
  'assigned',
  'resolved',
  'resolvedOnTime',
  'suggestionsAnswered',
  'escalated',
  'withdrawn',
  'autoClosed',
  'rectified',
  ...RATING_LEVELS.map((l) => `rated_${l}` as const),
  'visits',
  'rectOpened',
  'rectClosed',
  'rectClosedOnTime',
  'followUpsDue',
  'followUpsDone',
  'followUpsReached',
  'followUpsCompared',
  'followUpsSatisfiedBefore',
  'followUpsSatisfiedAfter',
] as const;
export const STATUS_FIELDS = APPEAL_STATUSES.map((s) => `status_${s}` as const);
export const COUNTER_FIELDS = [...FLOW_FIELDS, ...STATUS_FIELDS] as const;
export type CounterField = (typeof COUNTER_FIELDS)[number];
export type Counters = Record<CounterField, number>;

export const emptyCounters = (): Counters => Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0])) as Counters;

/** The counter deltas of one event, one entry per (scope, id, day) bucket; merged so each bucket appears once. */
export function counterDeltas(event: StatsEvent): CounterDelta[] {
  const out: CounterDelta[] = [];
  const add = (scope: StatsScope, id: string | null | undefined, stationId: string, at: string, field: CounterField, n = 1) => {
    if (!id || n === 0) return;
    const day = shanghaiDay(at);
    let bucket = out.find((b) => b.scope === scope && b.id === id && b.day === day);
    if (!bucket) {
      bucket = { scope, id, stationId, day, deltas: {} };
      out.push(bucket);
    }
    bucket.deltas[field] = (bucket.deltas[field] ?? 0) + n;
    if (bucket.deltas[field] === 0) delete bucket.deltas[field];
  };
  const both = (stationId: string, officerId: string | null, at: string, field: CounterField) => {
    add('station', stationId, stationId, at, field);
    add('officer', officerId, stationId, at, field);
  };

  // A complaint the centre handles (its subject is the station's chief) is counted in no station's or
  // officer's figures: the chief reads those. The 督察 view counts complaints per station instead.
  if (event.kind === 'appeal_filed' && event.appeal.complaint?.handler === 'centre') return [];
  if (event.kind === 'appeal_changed' && event.after.complaint?.handler === 'centre') return [];
  switch (event.kind) {
    case 'visit_made':
      both(event.stationId, event.officerId, event.at, 'visits');
      break;
    case 'rectification_opened':
      both(event.stationId, event.officerId, event.at, 'rectOpened');
      break;
    case 'rectification_closed':
      both(event.stationId, event.officerId, event.at, 'rectClosed');
      if (event.onTime) both(event.stationId, event.officerId, event.at, 'rectClosedOnTime');
      break;
    case 'followup_created':
      add('station', event.stationId, event.stationId, event.at, 'followUpsDue');
      break;
    case 'followup_recorded': {
      const st = (field: CounterField) => add('station', event.stationId, event.stationId, event.createdAt, field);
      st('followUpsDone');
      if (!event.reached) break;
      st('followUpsReached');
      if (event.satisfiedBefore === null) break;
      st('followUpsCompared');
      if (event.satisfiedBefore) st('followUpsSatisfiedBefore');
      if (event.satisfiedAfter) st('followUpsSatisfiedAfter');
      break;
    }
    case 'enterprise_registered':
      add('station', event.stationId, event.stationId, event.at, 'enterprises');
      break;
    case 'appeal_filed': {
      const a = event.appeal;
      add('station', a.stationId, a.stationId, a.createdAt, 'filed');
      add('station', a.stationId, a.stationId, a.createdAt, `filed_${a.type}`);
      add('station', a.stationId, a.stationId, a.createdAt, `status_${a.status}`);
      add('officer', a.officerId, a.stationId, a.createdAt, 'assigned');
      break;
    }
    case 'appeal_changed': {
      const { before, after, history: h } = event;
      const sid = after.stationId;
      if (before.status !== after.status) {
        add('station', sid, sid, after.createdAt, `status_${before.status}`, -1);
        add('station', sid, sid, after.createdAt, `status_${after.status}`, 1);
      }
      const actorOfficer = h.actorRole === 'officer' || h.actorRole === 'chief' ? h.actorId : null;
      switch (h.action) {
        case 'resolve':
          both(sid, actorOfficer, h.at, 'resolved');
          if (isOnTime(after)) both(sid, actorOfficer, h.at, 'resolvedOnTime');
          if (after.type === 'suggestion') both(sid, actorOfficer, h.at, 'suggestionsAnswered');
          break;
        case 'rate':
          if (after.rating) both(sid, after.officerId, h.at, `rated_${after.rating}`);
          break;
        case 'reassign':
          if (after.officerId && after.officerId !== before.officerId) add('officer', after.officerId, sid, h.at, 'assigned');
          break;
        case 'escalate':
          add('station', sid, sid, h.at, 'escalated');
          break;
        case 'withdraw':
          add('station', sid, sid, h.at, 'withdrawn');
          break;
        case 'auto_close':
          add('station', sid, sid, h.at, 'autoClosed');
          break;
        case 'rectify':
          add('station', sid, sid, h.at, 'rectified');
          break;
      }
      break;
    }
  }
  return out.filter((b) => Object.keys(b.deltas).length > 0);
}

/** Resolved no later than the resolution deadline in force (按时办结). */
export function isOnTime(a: { resolvedAt?: string | undefined; resolveDueAt: string }): boolean {
  return !!a.resolvedAt && Date.parse(a.resolvedAt) <= Date.parse(a.resolveDueAt);
}

/** Sum counter items (unknown attributes ignored). */
export function sumCounters(items: readonly Partial<Record<string, unknown>>[]): Counters {
  const total = emptyCounters();
  for (const item of items) for (const f of COUNTER_FIELDS) if (typeof item[f] === 'number') total[f] += item[f] as number;
  return total;
}

export function addCounters(a: Counters, b: Counters): Counters {
  const out = emptyCounters();
  for (const f of COUNTER_FIELDS) out[f] = a[f] + b[f];
  return out;
}

export type StatsFigures = {
  enterprises: number;
  filed: number;
  byType: Record<AppealType, number>;
  byStatus: Record<AppealStatus, number>;
  disputes: number;
  suggestionsAnswered: number;
  /** Appeals that reached the officer (routed at filing or reassigned to them); 0 for a station. */
  assigned: number;
  resolved: number;
  /** Open cases past their deadline now (only for periods that include today): late, for the on-time rate. */
  overdueOpen: number;
  resolvedOnTime: number;
  onTimeRate: number | null;
  rated: number;
  ratings: Record<string, number>;
  satisfaction: number | null;
  bad: number;
  badRate: number | null;
  escalated: number;
  rectified: number;
  visits: number;
  rectOpened: number;
  rectClosed: number;
  rectClosedOnTime: number;
  /** 回访 of the appeals closed in the period: tasks, done, coverage = done / tasks. */
  followUpsDue: number;
  followUpsDone: number;
  followUpCoverage: number | null;
  /** Of the follow-ups that reached a rated enterprise: share satisfied at the rating, and after the call. */
  followUpsCompared: number;
  satisfactionBeforeFollowUp: number | null;
  satisfactionAfterFollowUp: number | null;
};

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

/** The figures people read, from summed counters. Satisfaction = (满意 + 非常满意) / rated; bad = 不满意 + 非常不满意. */
/**
 * `overdueOpen`: open cases past their deadline now (the queue's 已超期). They count as late in the on-time
 * rate — otherwise a station whose cases are all late but unresolved shows 100 %.
 */
export function figuresOf(c: Counters, overdueOpen = 0): StatsFigures {
  const rated = RATING_LEVELS.reduce((n, l) => n + c[`rated_${l}`], 0);
  const satisfied = c.rated_4 + c.rated_5;
  const bad = c.rated_1 + c.rated_2;
  return {
    enterprises: c.enterprises,
    filed: c.filed,
    byType: Object.fromEntries(APPEAL_TYPES.map((t) => [t, c[`filed_${t}`]])) as Record<AppealType, number>,
    byStatus: Object.fromEntries(APPEAL_STATUSES.map((s) => [s, c[`status_${s}`]])) as Record<AppealStatus, number>,
    disputes: c.filed_dispute,
    suggestionsAnswered: c.suggestionsAnswered,
    assigned: c.assigned,
    resolved: c.resolved,
    overdueOpen,
    resolvedOnTime: c.resolvedOnTime,
    onTimeRate: rate(c.resolvedOnTime, c.resolved + overdueOpen),
    rated,
    ratings: Object.fromEntries(RATING_LEVELS.map((l) => [String(l), c[`rated_${l}`]])),
    satisfaction: rate(satisfied, rated),
    bad,
    badRate: rate(bad, rated),
    escalated: c.escalated,
    rectified: c.rectified,
    visits: c.visits,
    rectOpened: c.rectOpened,
    rectClosed: c.rectClosed,
    rectClosedOnTime: c.rectClosedOnTime,
    followUpsDue: c.followUpsDue,
    followUpsDone: c.followUpsDone,
    followUpCoverage: rate(c.followUpsDone, c.followUpsDue),
    followUpsCompared: c.followUpsCompared,
    satisfactionBeforeFollowUp: rate(c.followUpsSatisfiedBefore, c.followUpsCompared),
    satisfactionAfterFollowUp: rate(c.followUpsSatisfiedAfter, c.followUpsCompared),
  };
}

/** Many events' deltas merged per bucket: what writing the events one by one would leave in the table. */
export function aggregateDeltas(events: readonly StatsEvent[]): CounterDelta[] {
  const buckets = new Map<string, CounterDelta>();
  for (const event of events) {
    for (const d of counterDeltas(event)) {
      const key = `${d.scope}|${d.id}|${d.day}`;
      const b = buckets.get(key) ?? { ...d, deltas: {} };
      for (const [f, n] of Object.entries(d.deltas)) b.deltas[f] = (b.deltas[f] ?? 0) + n;
      buckets.set(key, b);
    }
  }
  return [...buckets.values()];
}
