/**
 * The chief's morning digest (每日晨报): at 08:30 on working days (调休 Saturdays included, holidays not),
 * one digest per station — new cases, due today, overdue, escalated, bad ratings awaiting 整改, visits and
 * rectifications due — stored once per station and day and delivered to the chief's desk.
 */
import dayjs from 'dayjs';
import type { Principal } from '../../shared/domain/principal';
import { canManageStation } from '../../shared/domain/access';
import { NotFound } from '../../shared/errors';
import { DEFAULT_WORKING_CALENDAR } from '../../shared/appeals/sla';
import type { WorkingCalendar } from '../../shared/calendar/days';
import { shanghaiDay } from '../../shared/appeals/queues';
import { dayLabel, daysOf } from '../../shared/stats/period';

/** The working day before `day` (at most a few weeks back: the longest holiday is 8 days). */
export function previousWorkday(day: string, calendar: Pick<WorkingCalendar, 'isWorkday'> = DEFAULT_WORKING_CALENDAR): string {
  let d = dayjs(day).subtract(1, 'day');
  for (let i = 0; i < 30 && !calendar.isWorkday(d.format('YYYY-MM-DD')); i++) d = d.subtract(1, 'day');
  return d.format('YYYY-MM-DD');
}
import type { Digest, DigestFigures } from '../../shared/stats/schemas';
import type { PageQuery } from '../../shared/schemas/common';
import type { Station } from '../../shared/schemas/organisation';
import { appealRepository } from '../repositories/appeal-repository';
import { digestRepository } from '../repositories/digest-repository';
import { stationDaySummary } from './appeal-service';
import { notify } from './notification-service';
import { allStations, fieldwork } from './stats-service';
import { loadWorkingCalendar, missingNoticeWarning } from './calendar-service';

/** The scheduler reads every station's queues as the centre would. */
const SYSTEM: Principal = { role: 'centre', userId: 'system', adminId: 'system', centreId: 'system' };

export async function buildDigest(station: Station, now: Date): Promise<Digest> {
  const day = shanghaiDay(now);
  const yesterday = dayjs(day).subtract(1, 'day').format('YYYY-MM-DD');
  // New rectification items since the previous digest: Monday's covers Friday to Sunday, the day after a
  // holiday covers the holiday too.
  const [calendar, calendarWarning] = await Promise.all([loadWorkingCalendar(), missingNoticeWarning(now)]);
  const since = previousWorkday(day, calendar);
  const [summary, newYesterday, visitsDue, rectificationsDue, openedPerDay] = await Promise.all([
    stationDaySummary(SYSTEM, station.id, now),
    appealRepository.countQueue(`STATION#${station.id}#NEW#${yesterday}`),
    fieldwork.visitsDue(station.id, day),
    fieldwork.rectificationsDue(station.id, day),
    Promise.all(daysOf({ from: since, to: yesterday }).map((d) => fieldwork.rectificationsOpenedOn(station.id, d))),
  ]);
  const opened = openedPerDay.flat();
  const c = summary.counts;
  const figures: DigestFigures = {
    newYesterday,
    newToday: c.new,
    dueToday: c.due_today,
    overdue: c.overdue,
    escalated: c.escalated,
    unassigned: c.unassigned,
    awaitingRating: c.awaiting_rating,
    badRatings: c.bad_ratings,
    visitsDue,
    rectificationsDue,
    rectificationsNew: opened.length,
  };
  const lines = [
    `昨日新增诉求 ${figures.newYesterday} 件，今日已新增 ${figures.newToday} 件`,
    `今日到期 ${figures.dueToday} 件，已超期 ${figures.overdue} 件，已上报所长 ${figures.escalated} 件`,
    ...(figures.unassigned ? [`待分配 ${figures.unassigned} 件，请尽快指派联络官`] : []),
    `差评待整改 ${figures.badRatings} 件，待企业评价 ${figures.awaitingRating} 件`,
    `今日应走访 ${figures.visitsDue} 家，整改到期 ${figures.rectificationsDue} 项，新增整改 ${figures.rectificationsNew} 项`,
    ...opened.slice(0, 10).map((r) => `新增整改：${r.enterpriseName ? `${r.enterpriseName}，` : ''}${r.title}`),
    ...(calendarWarning ? [`提示：${calendarWarning}`] : []),
  ];
  return {
    stationId: station.id,
    stationName: station.name,
    day,
    createdAt: now.toISOString(),
    title: `每日晨报 ${dayLabel(day)}`,
    lines,
    figures,
    rectifications: opened.map((r) => ({ id: r.id, title: r.title, ...(r.enterpriseName && { enterpriseName: r.enterpriseName }) })),
  };
}

/**
 * The 08:30 run. Nothing on a day off; otherwise every station's digest, stored once (a rerun the same day
 * neither rewrites nor re-sends it).
 */
export async function runMorningDigest(now: Date): Promise<{ day: string; workday: boolean; stations: number; delivered: number }> {
  const day = shanghaiDay(now);
  if (!(await loadWorkingCalendar()).isWorkday(day)) return { day, workday: false, stations: 0, delivered: 0 };
  const stations = await allStations();
  let delivered = 0;
  for (const station of stations) {
    const digest = await buildDigest(station, now);
    if (!(await digestRepository.putOnce(digest))) continue;
    await notify([`station:${station.id}`], { event: 'morning_digest', title: digest.title, body: digest.lines.slice(0, 3).join('；'), link: { kind: 'digest', id: `${station.id}:${day}` } }, now);
    delivered += 1;
  }
  return { day, workday: true, stations: stations.length, delivered };
}

export async function listDigests(caller: Principal, stationId: string, page: PageQuery) {
  if (!canManageStation(caller, stationId)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  return digestRepository.list(stationId, page);
}

export async function getDigest(caller: Principal, stationId: string, day: string): Promise<Digest> {
  if (!canManageStation(caller, stationId)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  const digest = await digestRepository.get(stationId, day);
  if (!digest) throw new NotFound('晨报', 'DIGEST_NOT_FOUND');
  return digest;
}
