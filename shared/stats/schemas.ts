/** Request and response shapes of statistics, digests and exports (zod, Chinese messages). */
import { DayField } from '../schemas/common';
import { z } from 'zod';
import { APPEAL_STATUSES, APPEAL_TYPES } from '../appeals/catalogue';
import { MAX_EXPORT_DAYS, MAX_STATS_DAYS, periodDays } from './period';

/** A day that also exists on the calendar (a period's bounds). */
const Day = (label: string) => DayField(label).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label}不是有效日期`);

const period = (maxDays: number) =>
  z.object({ from: Day('开始日期'), to: Day('结束日期') }, { error: '请选择统计周期' }).superRefine((p, ctx) => {
    if (p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
    else if (periodDays(p) > maxDays) ctx.addIssue({ code: 'custom', path: ['to'], message: `统计周期最长${maxDays}天，请缩短周期` });
  });

export const StatsQuery = period(MAX_STATS_DAYS);
export type StatsQuery = z.infer<typeof StatsQuery>;
export const LedgerQuery = period(MAX_EXPORT_DAYS);
export const RiskReportQuery = z.object({ quarter: z.string({ error: '请选择季度' }).regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q4') });
export const DigestDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const count = z.number().int();
const share = z.number().nullable();

export const StatsFigures = z.object({
  enterprises: count,
  filed: count,
  byType: z.record(z.enum(APPEAL_TYPES), count),
  byStatus: z.record(z.enum(APPEAL_STATUSES), count),
  disputes: count,
  suggestionsAnswered: count,
  /** An officer's appeals handled: routed to them at filing or reassigned to them. */
  assigned: count.default(0),
  resolved: count,
  /** Open cases past their deadline now (periods that include today); late in the on-time rate. */
  overdueOpen: count.default(0),
  resolvedOnTime: count,
  onTimeRate: share,
  rated: count,
  ratings: z.record(z.string(), count),
  satisfaction: share,
  bad: count,
  badRate: share,
  escalated: count,
  rectified: count,
  visits: count,
  rectOpened: count,
  rectClosed: count,
  rectClosedOnTime: count,
  /** 回访 of the appeals closed in the period (default 0 / null: digests and exports stored before it). */
  followUpsDue: count.default(0),
  followUpsDone: count.default(0),
  followUpCoverage: share.default(null),
  followUpsCompared: count.default(0),
  satisfactionBeforeFollowUp: share.default(null),
  satisfactionAfterFollowUp: share.default(null),
});

export const StationStats = z.object({
  stationId: z.string(),
  stationName: z.string(),
  from: z.string(),
  to: z.string(),
  totals: StatsFigures,
  officers: z.array(z.object({ officerId: z.string(), name: z.string(), isChief: z.boolean(), figures: StatsFigures })),
});
export type StationStats = z.infer<typeof StationStats>;

export const CentreStats = z.object({
  from: z.string(),
  to: z.string(),
  totals: StatsFigures,
  stations: z.array(z.object({ stationId: z.string(), stationName: z.string(), figures: StatsFigures })),
});
export type CentreStats = z.infer<typeof CentreStats>;

export const StatsSeries = z.object({ stationId: z.string(), days: z.array(z.object({ day: z.string(), filed: count, resolved: count, visits: count })) });

export const DigestFigures = z.object({
  newYesterday: count,
  newToday: count,
  dueToday: count,
  overdue: count,
  escalated: count,
  unassigned: count,
  awaitingRating: count,
  badRatings: count,
  visitsDue: count,
  rectificationsDue: count,
  rectificationsNew: count,
});
export type DigestFigures = z.infer<typeof DigestFigures>;

export const Digest = z.object({
  stationId: z.string(),
  stationName: z.string(),
  day: z.string(),
  createdAt: z.string(),
  title: z.string(),
  lines: z.array(z.string()),
  figures: DigestFigures,
  rectifications: z.array(z.object({ id: z.string(), title: z.string(), enterpriseName: z.string().optional() })),
});
export type Digest = z.infer<typeof Digest>;

export const ExportFile = z.object({ filename: z.string(), contentType: z.string(), size: z.number().int(), rows: z.record(z.string(), count), base64: z.string() });
export type ExportFile = z.infer<typeof ExportFile>;
