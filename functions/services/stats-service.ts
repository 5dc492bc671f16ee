/**
 * Statistics (统计) for the chief and the centre, read from the incremental counters: a period is one
 * Query per station (and per officer for the per-officer rows), never a scan of the records.
 * `recountStation` recomputes the same figures from the records; it exists for the test that proves the
 * counters right and is on no request path.
 */
import type { Principal } from '../../shared/domain/principal';
import { canManageStation } from '../../shared/domain/access';
import { Forbidden, NotFound } from '../../shared/errors';
import { shanghaiDay } from '../../shared/appeals/queues';
import type { AppealSummary } from '../../shared/appeals/views';
import { addCounters, aggregateDeltas, emptyCounters, figuresOf, sumCounters, type Counters, type StatsEvent } from '../../shared/stats/counters';
import { daysOf, type Period } from '../../shared/stats/period';
import type { CentreStats, StationStats } from '../../shared/stats/schemas';
import type { Station } from '../../shared/schemas/organisation';
import { collectAll } from '../lib/dynamo';
import { appealRepository } from '../repositories/appeal-repository';
import { enterpriseRepository } from '../repositories/enterprise-repository';
import { organisationRepository } from '../repositories/organisation-repository';
import { statsRepository } from '../repositories/stats-repository';
import { followUpRepository } from '../repositories/followup-repository';
import { FOLLOW_UP_STATUSES, isSatisfiedAfter, wasSatisfiedBefore } from '../../shared/followups/rules';
import { RECTIFICATION_STATUS_LABELS } from '../../shared/fieldwork/rules';
import type { Rectification, Visit } from '../../shared/fieldwork/schemas';
import { listStationRectifications, listStationRectificationsOpenedOn, listStationVisits, stationRectificationsDue, stationVisitsDue } from './fieldwork-service';

/**
 * Field work (走访、整改) as this module reads it. Visits and rectifications belong to fieldwork-service;
 * the adapter maps their records to the few fields statistics, the digest and the ledger need.
 */
export type FieldVisit = { id: string; officerId: string; officerName?: string; enterpriseId: string; enterpriseName?: string; at: string; summary?: string; problems?: string[]; attachmentCount: number };
export type FieldRectification = {
  id: string;
  officerId: string;
  officerName?: string;
  enterpriseId: string;
  enterpriseName?: string;
  title: string;
  status: string;
  openedAt: string;
  dueAt?: string;
  closedAt?: string;
  onTime: boolean;
};
const asVisit = (v: Visit): FieldVisit => ({
  id: v.id,
  officerId: v.officerId,
  officerName: v.officerName,
  enterpriseId: v.enterpriseId,
  enterpriseName: v.enterpriseName,
  at: v.createdAt,
  summary: v.content,
  problems: v.problems.map((p) => p.description),
  // 工作影像资料: the visit item carries its files' ids (written with it; visits never change).
  attachmentCount: v.attachmentIds?.length ?? 0,
});
const asRectification = (r: Rectification): FieldRectification => {
  const done = r.status === 'done' && !!r.closedAt;
  return {
    id: r.id,
    officerId: r.ownerOfficerId,
    officerName: r.ownerName,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    title: r.description,
    status: RECTIFICATION_STATUS_LABELS[r.status],
    openedAt: r.openedAt,
    dueAt: r.deadline,
    ...(done && { closedAt: r.closedAt! }),
    onTime: done && (r.closedDay ?? '') <= r.deadline,
  };
};
export const fieldwork = {
  /** visits made in the period (by visit day) */
  visits: async (stationId: string, p: Period): Promise<FieldVisit[]> => (await listStationVisits(stationId, p.from, p.to)).map(asVisit),
  /** rectification items opened in the period */
  rectifications: async (stationId: string, p: Period): Promise<FieldRectification[]> => (await listStationRectifications(stationId, p.from, p.to)).map(asRectification),
  visitsDue: async (stationId: string, day: string): Promise<number> => (await stationVisitsDue(stationId, day)).count,
  rectificationsDue: async (stationId: string, day: string): Promise<number> => (await stationRectificationsDue(stationId, day)).count,
  rectificationsOpenedOn: async (stationId: string, day: string): Promise<FieldRectification[]> => (await listStationRectificationsOpenedOn(stationId, day)).map(asRectification),
};

async function visibleStation(caller: Principal, stationId: string): Promise<Station> {
  if (!canManageStation(caller, stationId)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  const station = await organisationRepository.getStation(stationId);
  if (!station) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  return station;
}

/** A station's figures over a period, with one row per officer (chief included). */
export async function stationStats(caller: Principal, stationId: string, p: Period, now: Date = new Date()): Promise<StationStats> {
  const station = await visibleStation(caller, stationId);
  const [totals, officers, overdue] = await Promise.all([statsRepository.period('station', stationId, p), organisationRepository.allStationOfficers(stationId), overdueNow(`STATION#${stationId}#OPEN`, p, now)]);
  const rows = await Promise.all(
    officers.map(async (o) => {
      const [counters, late] = await Promise.all([statsRepository.period('officer', o.id, p), overdueNow(`OFFICER#${o.id}#INBOX`, p, now)]);
      return { officerId: o.id, name: o.name, isChief: o.isChief, figures: figuresOf(counters.counters, late) };
    }),
  );
  return { stationId, stationName: station.name, from: p.from, to: p.to, totals: figuresOf(totals.counters, overdue), officers: rows };
}

/**
 * Open cases past their deadline now, read from the deadline-ordered queue the chief's 已超期 reads (a
 * COUNT); they are late for the on-time rate. Only a period that includes today sees them.
 */
async function overdueNow(queuePk: string, p: Period, now: Date): Promise<number> {
  if (p.to < shanghaiDay(now)) return 0;
  return appealRepository.countQueue(queuePk, { before: now.toISOString() });
}

export async function allStations(): Promise<Station[]> {
  return collectAll((cursor) => organisationRepository.listStations({ cursor, limit: 100 }));
}

/** The district: one row per station (per-station Queries in parallel), and their sum. */
export async function centreStats(caller: Principal, p: Period, now: Date = new Date()): Promise<CentreStats> {
  if (caller.role !== 'centre') throw new Forbidden();
  const stations = await allStations();
  const per = await Promise.all(stations.map(async (s) => ({ station: s, counters: (await statsRepository.period('station', s.id, p)).counters, overdue: await overdueNow(`STATION#${s.id}#OPEN`, p, now) })));
  const totals = per.reduce((sum, x) => addCounters(sum, x.counters), emptyCounters());
  const overdue = per.reduce((n, x) => n + x.overdue, 0);
  return { from: p.from, to: p.to, totals: figuresOf(totals, overdue), stations: per.map((x) => ({ stationId: x.station.id, stationName: x.station.name, figures: figuresOf(x.counters, x.overdue) })) };
}

/** Per day of the period: appeals filed, resolved and visits made (the chart on the statistics page). */
export async function stationSeries(caller: Principal, stationId: string, p: Period) {
  await visibleStation(caller, stationId);
  const { days } = await statsRepository.period('station', stationId, p);
  const byDay = new Map(days.map((d) => [String(d.day), sumCounters([d])]));
  return { stationId, days: daysOf(p).map((day) => ({ day, filed: byDay.get(day)?.filed ?? 0, resolved: byDay.get(day)?.resolved ?? 0, visits: byDay.get(day)?.visits ?? 0 })) };
}

// ---- recount (tests only) -------------------------------------------------------------------------------

export type Recount = { station: Counters; officers: Map<string, Counters> };

/**
 * The same counters recomputed from the records: the station's enterprises, the appeals filed in the
 * period (its NEW#<day> queues) replayed through their history, and the field work of the period. Events
 * outside the period are dropped, so choose a period that holds all the activity of those appeals.
 */
export async function recountStation(stationId: string, p: Period): Promise<Recount> {
  const events: StatsEvent[] = [];
  const inPeriod = (at: string) => {
    const d = shanghaiDay(at);
    return d >= p.from && d <= p.to;
  };
  const enterprises = await collectAll((cursor) => enterpriseRepository.listByStation(stationId, { cursor, limit: 100 }));
  for (const e of enterprises) if (inPeriod(e.createdAt)) events.push({ kind: 'enterprise_registered', stationId, officerId: e.officerId, enterpriseId: e.id, at: e.createdAt });

  const filed: AppealSummary[] = [];
  for (const day of daysOf(p)) filed.push(...(await collectAll((cursor) => appealRepository.listQueue(`STATION#${stationId}#NEW#${day}`, { cursor, limit: 100 }))));
  for (const summary of filed) {
    const appeal = await appealRepository.require(summary.id);
    const history = await appealRepository.history(appeal.id);
    // Replay: the appeal as it stood after each entry, rebuilt from the entries themselves.
    // The officer it was routed to at filing is on the submit entry (older appeals: the current officer, when never reassigned).
    const submit = history.find((h) => h.action === 'submit');
    const firstOfficer = submit?.targetOfficerId ?? (history.some((h) => h.action === 'reassign') ? null : appeal.officerId);
    let state = { ...appeal, status: 'submitted' as typeof appeal.status, officerId: firstOfficer, resolvedAt: undefined as string | undefined, rating: undefined as typeof appeal.rating };
    events.push({ kind: 'appeal_filed', appeal: { ...appeal, status: 'submitted', officerId: firstOfficer } });
    for (const h of history) {
      if (h.action === 'submit') continue;
      const before = state;
      const after = {
        ...state,
        status: h.to,
        ...(h.action === 'resolve' && { resolvedAt: h.at, resolveDueAt: h.dueAt ?? appeal.resolveDueAt }),
        ...(h.action === 'rate' && { rating: h.rating }),
        ...(h.action === 'reassign' && { officerId: h.targetOfficerId ?? null }),
      };
      // On-time is judged against the deadline in force when resolved, which the resolve entry records
      // (older entries: the stored resolveDueAt, right for the last resolution).
      if (inPeriod(h.at)) events.push({ kind: 'appeal_changed', before, after, history: h });
      else if (before.status !== after.status) events.push({ kind: 'appeal_changed', before, after, history: { ...h, action: 'start' } });
      state = after;
    }
  }

  const [visits, rects] = await Promise.all([fieldwork.visits(stationId, p), fieldwork.rectifications(stationId, p)]);
  for (const v of visits) events.push({ kind: 'visit_made', stationId, officerId: v.officerId, enterpriseId: v.enterpriseId, at: v.at });
  for (const r of rects) {
    if (inPeriod(r.openedAt)) events.push({ kind: 'rectification_opened', stationId, officerId: r.officerId, enterpriseId: r.enterpriseId, at: r.openedAt });
    if (r.closedAt && inPeriod(r.closedAt)) events.push({ kind: 'rectification_closed', stationId, officerId: r.officerId, enterpriseId: r.enterpriseId, at: r.closedAt, onTime: r.onTime });
  }
  // 回访: a task and its record count on the day the task was created.
  for (const status of FOLLOW_UP_STATUSES) {
    for (const t of await collectAll((cursor) => followUpRepository.listStation(stationId, status, { cursor, limit: 100 }))) {
      if (!inPeriod(t.createdAt)) continue;
      events.push({ kind: 'followup_created', stationId, at: t.createdAt });
      if (t.status === 'done') {
        events.push({
          kind: 'followup_recorded',
          stationId,
          createdAt: t.createdAt,
          reached: t.reached === true,
          satisfiedBefore: wasSatisfiedBefore(t.rating),
          satisfiedAfter: t.satisfaction !== undefined && isSatisfiedAfter(t.satisfaction),
        });
      }
    }
  }

  const station = emptyCounters();
  const officers = new Map<string, Counters>();
  for (const b of aggregateDeltas(events)) {
    if (b.scope === 'station' && b.id === stationId) Object.assign(station, addCounters(station, { ...emptyCounters(), ...b.deltas }));
    if (b.scope === 'officer') officers.set(b.id, addCounters(officers.get(b.id) ?? emptyCounters(), { ...emptyCounters(), ...b.deltas }));
  }
  return { station, officers };
}
