/**
 * 回访: the station calls back enterprises after their appeals close. Tasks are born in the transaction
 * that closes the appeal (rated, or auto-closed without a rating) — `followUpOnClose` gives that
 * transaction its writes — and are listed and recorded by the station's officers and chief.
 */
import type { Principal } from '../../shared/domain/principal';
import { Forbidden, NotFound } from '../../shared/errors';
import { shanghaiDay } from '../../shared/appeals/queues';
import { closesAppeal, DEFAULT_FOLLOW_UP_SAMPLE_PERCENT, followUpDueDay, followUpReason, isSatisfiedAfter, wasSatisfiedBefore, type FollowUpStatus } from '../../shared/followups/rules';
import type { FollowUpTask, RecordFollowUpBody } from '../../shared/followups/schemas';
import type { Page, PageQuery } from '../../shared/schemas/common';
import type { Station } from '../../shared/schemas/organisation';
import type { StatsEvent } from '../../shared/stats/counters';
import type { AppealRecord } from '../repositories/appeal-repository';
import { followUpRepository } from '../repositories/followup-repository';
import { organisationRepository } from '../repositories/organisation-repository';
import { statsRepository, type TransactItem } from '../repositories/stats-repository';

/**
 * The follow-up task a transition creates, as writes for its transaction: none unless the appeal goes from
 * resolved to closed and the rule selects it. Complaints about police are left to 督察 (the station would be
 * calling back about its own officers). The task's counter is a stats event, merged by the caller.
 */
export function followUpOnClose(before: AppealRecord, after: AppealRecord, station: Station, now: Date): { writes: TransactItem[]; stats: StatsEvent[] } {
  if (!closesAppeal(before, after) || after.complaint) return { writes: [], stats: [] };
  const reason = followUpReason(after, station.followUpSamplePercent ?? DEFAULT_FOLLOW_UP_SAMPLE_PERCENT);
  if (!reason) return { writes: [], stats: [] };
  const at = now.toISOString();
  const closedAt = after.closedAt ?? at;
  const task: FollowUpTask = {
    id: after.id,
    appealId: after.id,
    stationId: after.stationId,
    enterpriseId: after.enterpriseId,
    enterpriseName: after.enterpriseName,
    appealTitle: after.title,
    appealType: after.type,
    officerId: after.officerId,
    officerName: after.officerName,
    reason,
    ...(after.rating !== undefined && { rating: after.rating }),
    ...(after.ratingComment && { ratingComment: after.ratingComment }),
    closedAt,
    dueDay: followUpDueDay(shanghaiDay(closedAt)),
    status: 'pending',
    createdAt: at,
    version: 1,
  };
  return { writes: [followUpRepository.createWrite(task)], stats: [{ kind: 'followup_created', stationId: after.stationId, at }] };
}

/** The station's officers and chief work its tasks; the centre reads every station's. Others: 404. */
const canSeeStationTasks = (caller: Principal, stationId: string) => ((caller.role === 'officer' || caller.role === 'chief') && caller.stationId === stationId) || caller.role === 'centre';

export async function listStationFollowUps(caller: Principal, stationId: string, status: FollowUpStatus, page: PageQuery): Promise<Page<FollowUpTask>> {
  if (!canSeeStationTasks(caller, stationId)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  const { items, nextCursor } = await followUpRepository.listStation(stationId, status, page);
  return { items, nextCursor };
}

async function visibleTask(caller: Principal, id: string): Promise<FollowUpTask> {
  const task = await followUpRepository.get(id);
  if (!task || !canSeeStationTasks(caller, task.stationId)) throw new NotFound('回访任务', 'FOLLOWUP_NOT_FOUND');
  return task;
}

export const getFollowUp = (caller: Principal, id: string): Promise<FollowUpTask> => visibleTask(caller, id);

/** Record the call or visit, once: a second record (or a colleague's at the same moment) is 409. */
export async function recordFollowUp(caller: Principal, id: string, body: RecordFollowUpBody, now: Date): Promise<FollowUpTask> {
  const before = await visibleTask(caller, id);
  if (caller.role !== 'officer' && caller.role !== 'chief') throw new Forbidden();
  const officer = await organisationRepository.getOfficer(caller.officerId);
  const after: FollowUpTask = {
    ...before,
    status: 'done',
    method: body.method,
    reached: body.reached,
    ...(body.satisfaction && { satisfaction: body.satisfaction }),
    ...(body.notes && { notes: body.notes }),
    recordedAt: now.toISOString(),
    recordedBy: caller.officerId,
    recordedByName: officer ? `${officer.name}（${officer.isChief ? '所长' : officer.title}）` : '民警',
    version: before.version + 1,
  };
  const counters = statsRepository.updatesFor({
    kind: 'followup_recorded',
    stationId: before.stationId,
    createdAt: before.createdAt,
    reached: body.reached,
    satisfiedBefore: wasSatisfiedBefore(before.rating),
    satisfiedAfter: body.satisfaction !== undefined && isSatisfiedAfter(body.satisfaction),
  });
  await followUpRepository.record(before, after, counters);
  return after;
}
