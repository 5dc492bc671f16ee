import { ulid } from 'ulid';
import { actingAs, type Principal } from '../../shared/domain/principal';
import { canManageStation, canSeeAppeal, canSeeEnterprise, canSeeOfficer } from '../../shared/domain/access';
import { Forbidden, NotFound, ValidationFailed, VersionConflict } from '../../shared/errors';
import { applyAction, allowedActions, canPostMessage, createAppeal, type AppealEffect } from '../../shared/appeals/state-machine';
import { autoCloseDaysOf, DEFAULT_SLA_POLICY, slaPolicyWith, type SlaPolicy } from '../../shared/appeals/sla';
import { endOfShanghaiDay, shanghaiDay, STATION_VIEWS, type CentreView, type EnterpriseGroup, type StationView } from '../../shared/appeals/queues';
import { STATUS_LABELS, ACTION_LABELS } from '../../shared/appeals/catalogue';
import { isBadRating, isSatisfied } from '../../shared/appeals/rating';
import { complaintSlaPolicy, COMPLAINT_MESSAGES, isComplaintFiling, routeComplaint, type Complaint, type ComplaintCounts } from '../../shared/appeals/complaints';
import type { AppealActionBody, CreateAppealBody, HistoryEntry } from '../../shared/appeals/schemas';
import type { Enterprise } from '../../shared/schemas/enterprise';
import type { AppealMessage, AppealSummary, AppealView, StationDaySummary, StationWeek } from '../../shared/appeals/views';
import type { Page, PageQuery } from '../../shared/schemas/common';
import type { Station } from '../../shared/schemas/organisation';
import { appealRepository, type AppealRecord } from '../repositories/appeal-repository';
import { cancelledIndexes, collectAll } from '../lib/dynamo';
import { enterpriseRepository } from '../repositories/enterprise-repository';
import { notice, type NotifyEvent, type Recipient } from './notification-service';
import { organisationRepository, type OfficerRecord } from '../repositories/organisation-repository';
import { logger } from '../lib/logger';
import { officerCard } from './enterprise-service';
import { loadWorkingCalendar } from './calendar-service';
import { appealAttachments, prepareLinks, viewsByRecord } from './attachment-service';
import { screenText } from './content-security-service';
import { showHeld } from '../../shared/evidence/held-text';
import { followUpOnClose } from './followup-service';

/**
 * Per-station SLA settings override the defaults; stations without any use the defaults. Deadlines are
 * counted on the district's working calendar (the notices the centre keeps), attached here.
 */
async function policyOf(station: Station & { slaPolicy?: Parameters<typeof slaPolicyWith>[0] }): Promise<SlaPolicy> {
  const calendar = await loadWorkingCalendar();
  return { ...(station.slaPolicy ? slaPolicyWith(station.slaPolicy) : DEFAULT_SLA_POLICY), calendar };
}

/** A complaint about police runs on its own SLA within the station's office hours (and the same calendar). */
async function policyFor(station: Station, appeal: { complaint?: unknown }): Promise<SlaPolicy> {
  const policy = await policyOf(station);
  return appeal.complaint ? complaintSlaPolicy(policy) : policy;
}

async function visibleAppeal(caller: Principal, id: string): Promise<AppealRecord> {
  const appeal = await appealRepository.get(id);
  if (!appeal || !canSeeAppeal(caller, appeal)) throw new NotFound('诉求', 'APPEAL_NOT_FOUND');
  return appeal;
}

/** The appeal as its page shows it. Callers that already read the station pass it in. */
async function view(caller: Principal, appeal: AppealRecord, now: Date, knownStation?: Station): Promise<AppealView> {
  const [history, officer, station, attachments] = await Promise.all([
    appealRepository.history(appeal.id),
    appeal.officerId ? organisationRepository.getOfficer(appeal.officerId) : null,
    knownStation ?? organisationRepository.requireStation(appeal.stationId),
    appealAttachments(caller, appeal.id),
  ]);
  return { ...(await viewOf(caller, appeal, history, officer, station, now)), attachments: attachments.own };
}

/** The view from what the caller already holds (no reads): used right after a write has committed. */
async function viewOf(caller: Principal, appeal: AppealRecord, history: HistoryEntry[], officer: OfficerRecord | null, station: Station, now: Date): Promise<AppealView> {
  const { enterpriseName, officerName: _o, stationName, ...plain } = appeal;
  // Text held by the later 内容安全 check: the author reads it with a note, everyone else the placeholder.
  const { heldNote, ...shown } = showHeld(plain, caller.userId === appeal.createdBy);
  return {
    appeal: shown,
    ...(heldNote && { heldNote }),
    enterpriseName,
    stationName,
    officer: officer ? officerCard(officer, station) : null,
    history,
    allowedActions: caller.role === 'guest' ? [] : allowedActions(appeal, actingAs(caller), now, await policyFor(station, appeal)),
    canMessage: canPostMessage(appeal) && (caller.role !== 'centre' || appeal.complaint?.handler === 'centre'),
  };
}

/**
 * An enterprise files an appeal. It goes to the enterprise's liaison officer, or — when that officer is
 * on leave or gone — to the station chief's unassigned queue.
 */
export async function fileAppeal(caller: Principal, body: CreateAppealBody, now: Date): Promise<AppealView> {
  if (caller.role !== 'enterprise') throw new Forbidden();
  const enterprise = await enterpriseRepository.get(caller.enterpriseId);
  if (!enterprise) throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
  const station = await organisationRepository.requireStation(enterprise.stationId);
  const { officer: available, complaint } = isComplaintFiling(body)
    ? await complaintRouting(station, body.subjectOfficerId ?? enterprise.officerId, body.anonymous === true)
    : { officer: await liaisonOnDuty(enterprise.officerId, station), complaint: undefined };
  const base = await policyOf(station);
  const policy = complaint ? complaintSlaPolicy(base) : base;
  const id = ulid(now.getTime());
  // 内容安全 before anything is stored: a risky title or description is refused naming the field.
  const unchecked = await screenText(
    caller,
    [
      { field: 'title', label: '标题', text: body.title },
      { field: 'description', label: '诉求描述', text: body.description },
      { field: 'place', label: '地点', text: body.place },
    ],
    3,
    { kind: 'appeal', id },
    now,
  );
  const links = await prepareLinks(caller, body.attachmentIds, { purpose: 'appeal', appealId: id });
  const { appeal, history, effects } = createAppeal(
    { id, enterpriseId: enterprise.id, stationId: station.id, officerId: available?.id ?? null, createdBy: caller.userId, body, ...(complaint && { complaint }) },
    now,
    policy,
  );
  const record: AppealRecord = {
    ...appeal,
    ...(links.ids.length > 0 && { attachmentCount: links.ids.length }),
    enterpriseName: enterprise.name,
    officerName: available?.name ?? null,
    stationName: station.name,
  };
  const entry = { ...history, actorName: enterprise.name };
  // The notification is an outbox item in the appeal's own transaction (delivered by the notifier), and
  // the answer is built from what is in hand — the new appeal has exactly this one history entry — so
  // nothing after the commit can turn it into an error the user would retry.
  await appealRepository.create(record, entry, policy.autoCloseAfterDays, [...notices(record, null, effects, 'submit', now, station), ...links.writes, ...unchecked]);
  return { ...(await viewOf(caller, record, [entry], available, station, now)), attachments: (await viewsByRecord(caller, links.attachments)).own };
}

/** The enterprise's liaison officer when on duty at the station, else nobody (the chief's unassigned queue). */
async function liaisonOnDuty(officerId: string, station: Station) {
  const officer = await organisationRepository.getOfficer(officerId);
  return officer && !officer.onLeave && officer.stationId === station.id ? officer : null;
}

/** 投诉民警: the accused must be an officer of the station; the complaint goes to the chief, or the centre. */
async function complaintRouting(station: Station, subjectOfficerId: string, anonymous: boolean) {
  const [subject, chief] = await Promise.all([organisationRepository.getOfficer(subjectOfficerId), station.chiefOfficerId ? organisationRepository.getOfficer(station.chiefOfficerId) : null]);
  if (!subject || subject.stationId !== station.id) throw new ValidationFailed([{ field: 'subjectOfficerId', message: COMPLAINT_MESSAGES.subjectNotOfStation }]);
  const handler = chief && chief.stationId === station.id ? chief : null;
  const routed = routeComplaint(subject.id, handler);
  const complaint: Complaint = { subjectOfficerId: subject.id, handler: routed.handler, anonymous };
  return { officer: routed.officerId ? handler : null, complaint };
}

/**
 * 代企业上报: an appeal a police officer files for an enterprise (a problem found on a visit). Built here by
 * the same rules as the enterprise's own filing — routed to the enterprise's liaison officer unless on
 * leave, deadlines from the station's SLA policy — but not written: the caller writes it in its own
 * transaction (`appealRepository.createWrites`). The enterprise follows and rates it like any other.
 */
export async function prepareAppealForEnterprise(
  filer: { userId: string; officerName: string },
  enterprise: Pick<Enterprise, 'id' | 'name' | 'stationId' | 'officerId'>,
  body: CreateAppealBody,
  now: Date,
): Promise<{ record: AppealRecord; history: HistoryEntry; autoCloseDays: number }> {
  if (isComplaintFiling(body)) throw new ValidationFailed([{ field: 'category', message: COMPLAINT_MESSAGES.filedByPolice }]);
  const [station, officer] = await Promise.all([organisationRepository.requireStation(enterprise.stationId), organisationRepository.getOfficer(enterprise.officerId)]);
  const available = officer && !officer.onLeave && officer.stationId === station.id ? officer : null;
  const policy = await policyOf(station);
  const { appeal, history } = createAppeal({ id: ulid(now.getTime()), enterpriseId: enterprise.id, stationId: station.id, officerId: available?.id ?? null, createdBy: filer.userId, body }, now, policy);
  const record: AppealRecord = { ...appeal, enterpriseName: enterprise.name, officerName: available?.name ?? null, stationName: station.name };
  return { record, history: { ...history, actorRole: 'officer', actorName: `${filer.officerName}（走访代企业上报）` }, autoCloseDays: policy.autoCloseAfterDays };
}

export async function getAppeal(caller: Principal, id: string, now: Date): Promise<AppealView> {
  return view(caller, await visibleAppeal(caller, id), now);
}

/** Apply one action of the state machine as this caller; the write is conditional on the version seen. */
export async function actOnAppeal(caller: Principal, id: string, body: AppealActionBody, now: Date): Promise<AppealView> {
  const before = await visibleAppeal(caller, id);
  const station = await organisationRepository.requireStation(before.stationId);
  const policy = await policyFor(station, before);
  const { next, history, effects } = applyAction(before, body, actingAs(caller), now, policy);
  let officerName = before.officerName;
  if (next.officerId !== before.officerId) {
    const target = next.officerId ? await organisationRepository.getOfficer(next.officerId) : null;
    if (!target || target.stationId !== before.stationId) throw new ValidationFailed([{ field: 'targetOfficerId', message: '只能改派给本所的民警' }]);
    officerName = target.name;
  }
  const after: AppealRecord = { ...next, enterpriseName: before.enterpriseName, officerName, stationName: before.stationName };
  const entry = { ...history, actorName: await authorName(caller) };
  // Closing a rated case may give the station a 回访 task: in this transaction, so it exists exactly when the close does.
  const followUp = followUpOnClose(before, after, station, now);
  await appealRepository.saveTransition(before, after, entry, policy.autoCloseAfterDays, [...notices(after, before, effects, body.action, now, station), ...followUp.writes], followUp.stats);
  return viewAfterCommit(caller, after, entry, station, now);
}

/**
 * The view of a record just written. The write has committed, so a failed read must not turn the answer
 * into an error the user would "fix" by doing it again: without the full history the view carries the
 * entry just written, without the officer no officer card.
 */
async function viewAfterCommit(caller: Principal, appeal: AppealRecord, entry: HistoryEntry, station: Station, now: Date): Promise<AppealView> {
  const [history, officer] = await Promise.allSettled([appealRepository.history(appeal.id), appeal.officerId ? organisationRepository.getOfficer(appeal.officerId) : null]);
  if (history.status === 'rejected' || officer.status === 'rejected') logger.warn('view after commit degraded', { appealId: appeal.id });
  return viewOf(caller, appeal, history.status === 'fulfilled' ? history.value : [entry], officer.status === 'fulfilled' ? officer.value : null, station, now);
}

/** The scheduler's actions (escalate when overdue, close without a rating): same path, system actor. */
export async function systemAction(id: string, action: 'escalate' | 'auto_close', now: Date, note?: string): Promise<AppealRecord> {
  const before = await appealRepository.require(id);
  const station = await organisationRepository.requireStation(before.stationId);
  const policy = await policyFor(station, before);
  const body = action === 'escalate' ? { action, version: before.version, note: note ?? '超过办理时限，系统自动上报所长' } : { action, version: before.version };
  const { next, history, effects } = applyAction(before, body, { id: 'system', role: 'system' }, now, policy);
  const after: AppealRecord = { ...next, enterpriseName: before.enterpriseName, officerName: before.officerName, stationName: before.stationName };
  const followUp = followUpOnClose(before, after, station, now);
  await appealRepository.saveTransition(before, after, { ...history, actorName: '系统' }, policy.autoCloseAfterDays, [...notices(after, before, effects, action, now, station), ...followUp.writes], followUp.stats);
  return after;
}

/** The subscribe-message event of an action (the rest are 'appeal_update'). */
const EVENTS: Partial<Record<string, NotifyEvent>> = { submit: 'appeal_assigned', reassign: 'appeal_assigned', resolve: 'appeal_resolved', escalate: 'appeal_overdue' };

const TEXTS: Partial<Record<string, (a: AppealRecord) => { title: string; body: string }>> = {
  submit: (a) => ({ title: '新诉求待受理', body: `${a.enterpriseName}：${a.title}` }),
  escalate: (a) => ({ title: '诉求已上报所长', body: `「${a.title}」已上报，请关注办理进度` }),
  reassign: (a) => ({ title: '诉求已改派', body: `「${a.title}」现由${a.officerName ?? '所长'}办理` }),
  resolve: (a) => ({ title: '诉求已办结', body: `「${a.title}」已办结，请确认并评价` }),
  rate: (a) => ({ title: a.rating && isBadRating(a.rating) ? '收到差评，需整改' : '企业已评价', body: `「${a.title}」：${a.ratingComment ?? ''}` }),
};

/** The outbox write of a transition's notification, for the transition's own transaction. */
function notices(after: AppealRecord, before: AppealRecord | null, effects: AppealEffect[], action: string, now: Date, station: Station) {
  const recipients: Recipient[] = [];
  for (const e of effects) {
    if (e === 'notify_enterprise') recipients.push(`enterprise:${after.enterpriseId}`);
    if (e === 'notify_officer' && after.officerId) recipients.push(officerBox(after, after.officerId, station));
    if (e === 'notify_previous_officer' && before?.officerId) recipients.push(officerBox(after, before.officerId, station));
    // A complaint the centre handles never reaches the station's box: its chief is the subject.
    if (e === 'notify_chief') recipients.push(after.complaint?.handler === 'centre' ? 'centre' : `station:${after.stationId}`);
    if (e === 'notify_centre') recipients.push('centre');
  }
  if (recipients.length === 0) return [];
  const text = TEXTS[action]?.(after) ?? {
    title: `诉求${ACTION_LABELS[action as keyof typeof ACTION_LABELS] ?? '有更新'}`,
    body: `「${after.title}」当前状态：${STATUS_LABELS[after.status]}`,
  };
  return notice(recipients, { event: EVENTS[action] ?? 'appeal_update', ...text, link: { kind: 'appeal', id: after.id } }, now);
}

/** A complaint the chief handles reaches the box the chief reads (the station desk), not their officer box. */
function officerBox(appeal: AppealRecord, officerId: string, station: Pick<Station, 'id' | 'chiefOfficerId'>): Recipient {
  return appeal.complaint && officerId === station.chiefOfficerId ? `station:${station.id}` : `officer:${officerId}`;
}

// ---- conversation -------------------------------------------------------------------------------------

export async function listMessages(caller: Principal, appealId: string, page: PageQuery): Promise<Page<AppealMessage>> {
  await visibleAppeal(caller, appealId);
  const [messages, attachments] = await Promise.all([appealRepository.listMessages(appealId, page), appealAttachments(caller, appealId)]);
  return { ...messages, items: messages.items.map((m) => ({ ...showHeld(m, caller.userId === m.authorId), attachments: attachments.byMessage.get(m.id) ?? [] })) };
}

/** Attempts at a message whose files move the appeal's count while transitions may be committing. */
const COUNT_ATTEMPTS = 3;

export async function postMessage(caller: Principal, appealId: string, text: string, now: Date, displayName: string, attachmentIds?: string[]): Promise<AppealMessage> {
  const appeal = await visibleAppeal(caller, appealId);
  if (!canPostMessage(appeal)) throw new ValidationFailed([{ field: 'text', message: '该诉求已关闭，不能再留言' }]);
  const centreHandles = caller.role === 'centre' && appeal.complaint?.handler === 'centre';
  if ((caller.role === 'centre' && !centreHandles) || caller.role === 'guest') throw new Forbidden('助企警务中心请通过改派或上报处理诉求');
  const handlerBox = async (officerId: string) => (appeal.complaint ? officerBox(appeal, officerId, await organisationRepository.requireStation(appeal.stationId)) : (`officer:${officerId}` as const));
  const police: Recipient = appeal.officerId ? await handlerBox(appeal.officerId) : appeal.complaint?.handler === 'centre' ? 'centre' : `station:${appeal.stationId}`;
  const to: Recipient[] = caller.role === 'enterprise' ? [police] : [`enterprise:${appeal.enterpriseId}`];
  const said = notice(
    to,
    {
      event: caller.role === 'enterprise' ? 'appeal_update' : 'appeal_replied',
      title: caller.role === 'enterprise' ? '企业留言' : '联络官回复',
      body: `「${appeal.title}」：${text.slice(0, 60)}`,
      link: { kind: 'appeal', id: appealId },
    },
    now,
  );
  const messageId = ulid(now.getTime());
  const unchecked = await screenText(caller, [{ field: 'text', label: '消息内容', text }], 2, { kind: 'appeal-message', id: `${appealId}#${messageId}` }, now);
  const links = await prepareLinks(caller, attachmentIds, { purpose: 'message', appealId, messageId });
  const fields = { appealId, authorId: caller.userId, authorRole: caller.role, authorName: displayName, text, at: now.toISOString() };
  const also = [...said, ...links.writes, ...unchecked];
  // Files also move the appeal's count (its item and queue entries), conditional on the version read: a
  // transition committed meanwhile cancels it, and it is written again against the appeal as it is now.
  let current = appeal;
  let message: AppealMessage | undefined;
  for (let attempt = 1; !message; attempt++) {
    const counted = links.ids.length > 0 ? appealRepository.attachmentCountWrites(current, links.ids.length, autoCloseDaysOf(await organisationRepository.requireStation(current.stationId))) : [];
    try {
      message = await appealRepository.addMessage(fields, now, [...also, ...counted], messageId);
    } catch (error) {
      // Index 0 is the message itself; the count's writes come after `also`.
      const countMoved = cancelledIndexes(error)?.some((i) => i > also.length) ?? false;
      if (!countMoved) throw error;
      if (attempt >= COUNT_ATTEMPTS) throw new VersionConflict('诉求');
      current = await visibleAppeal(caller, appealId);
      if (!canPostMessage(current)) throw new ValidationFailed([{ field: 'text', message: '该诉求已关闭，不能再留言' }]);
    }
  }
  return { ...message, attachments: (await viewsByRecord(caller, links.attachments)).byMessage.get(messageId) ?? [] };
}

export async function authorName(caller: Principal): Promise<string> {
  if (caller.role === 'officer' || caller.role === 'chief') {
    const o = await organisationRepository.getOfficer(caller.officerId);
    return o ? `${o.name}（${o.isChief ? '所长' : o.title}）` : '民警';
  }
  if (caller.role === 'enterprise') {
    const e = await enterpriseRepository.get(caller.enterpriseId);
    return e ? e.name : '企业';
  }
  return '助企警务中心';
}

// ---- queues -------------------------------------------------------------------------------------------

export async function listEnterpriseAppeals(caller: Principal, enterpriseId: string, group: EnterpriseGroup | undefined, page: PageQuery) {
  const enterprise = await enterpriseRepository.get(enterpriseId);
  if (!enterprise || !canSeeEnterprise(caller, enterprise)) throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
  const pk = group ? `ENT#${enterpriseId}#APPEALS#${group}` : `ENT#${enterpriseId}#APPEALS`;
  return withoutHiddenComplaints(caller, await appealRepository.listQueue(pk, page, { newestFirst: true }));
}

/**
 * Drops complaints the caller may not see from a page of an enterprise's appeals (the enterprise's officer
 * reads those lists, and is usually whom its complaints accuse). The page may come back shorter than asked;
 * its cursor still continues after the last entry read.
 */
export function withoutHiddenComplaints<P extends { items: AppealSummary[] }>(caller: Principal, page: P): P {
  return { ...page, items: page.items.filter((a) => !a.complaint || canSeeAppeal(caller, a)) };
}

/** The officer's inbox: their open cases, the nearest deadline first. */
export async function officerInbox(caller: Principal, officerId: string, page: PageQuery) {
  // An officer (or chief) reading their own inbox needs no lookup: the token already says who they are.
  const own = (caller.role === 'officer' || caller.role === 'chief') && caller.officerId === officerId;
  const officer = own ? null : await organisationRepository.getOfficer(officerId);
  if (!own && (!officer || !canSeeOfficer(caller, officer))) throw new NotFound('联络官', 'OFFICER_NOT_FOUND');
  return appealRepository.listQueue(`OFFICER#${officerId}#INBOX`, page);
}

/** Where each of the chief's views lives, for a given moment. */
export function stationQueue(stationId: string, v: StationView, now: Date): { pk: string; newestFirst?: boolean; range?: { before?: string; from?: string; to?: string } } {
  const nowIso = now.toISOString();
  const day = shanghaiDay(now);
  switch (v) {
    case 'new':
      return { pk: `STATION#${stationId}#NEW#${day}`, newestFirst: true };
    case 'due_today':
      return { pk: `STATION#${stationId}#OPEN`, range: { from: nowIso, to: `${endOfShanghaiDay(now)}~` } };
    case 'overdue':
      return { pk: `STATION#${stationId}#OPEN`, range: { before: nowIso } };
    case 'escalated':
      return { pk: `STATION#${stationId}#ESCALATED`, newestFirst: true };
    case 'unassigned':
      return { pk: `STATION#${stationId}#UNASSIGNED` };
    case 'resolved_today':
      return { pk: `STATION#${stationId}#RESOLVED#${day}`, newestFirst: true };
    case 'awaiting_rating':
      return { pk: `STATION#${stationId}#AWAITING`, newestFirst: true };
    case 'bad_ratings':
      return { pk: `STATION#${stationId}#BAD`, newestFirst: true };
    case 'open':
      return { pk: `STATION#${stationId}#OPEN` };
  }
}

export async function listStationQueue(caller: Principal, stationId: string, v: StationView, page: PageQuery, now: Date) {
  if (!canManageStation(caller, stationId)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  const q = stationQueue(stationId, v, now);
  return appealRepository.listQueue(q.pk, page, q);
}

/** The chief's day at a glance: a count per view, and how today's resolved cases were rated. */
export async function stationDaySummary(caller: Principal, stationId: string, now: Date): Promise<StationDaySummary> {
  if (!canManageStation(caller, stationId)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  const entries = await Promise.all(
    STATION_VIEWS.map(async (v) => {
      const q = stationQueue(stationId, v, now);
      return [v, await appealRepository.countQueue(q.pk, q.range)] as const;
    }),
  );
  const resolved = await allOf(stationQueue(stationId, 'resolved_today', now).pk);
  const rated = resolved.filter((a) => a.rating !== undefined);
  return {
    stationId,
    day: shanghaiDay(now),
    counts: Object.fromEntries(entries) as StationDaySummary['counts'],
    ratings: { rated: rated.length, satisfied: rated.filter((a) => isSatisfied(a.rating!)).length, bad: rated.filter((a) => isBadRating(a.rating!)).length },
  };
}

/** Seven days back from today: per day, a COUNT of the new-cases partition and the resolved-cases partition read. */
export async function stationWeek(caller: Principal, stationId: string, now: Date): Promise<StationWeek> {
  if (!canManageStation(caller, stationId)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  const days = Array.from({ length: 7 }, (_, i) => shanghaiDay(new Date(now.getTime() - (6 - i) * 86_400_000)));
  const perDay = await Promise.all(
    days.map(async (day) => {
      const [created, resolved] = await Promise.all([appealRepository.countQueue(`STATION#${stationId}#NEW#${day}`), allOf(`STATION#${stationId}#RESOLVED#${day}`)]);
      return { day, created, resolved: resolved.length, resolvedOnTime: resolved.filter((a) => a.resolvedAt! <= a.resolveDueAt).length };
    }),
  );
  const resolved = perDay.reduce((n, d) => n + d.resolved, 0);
  return { stationId, days: perDay, onTimeRate: resolved ? perDay.reduce((n, d) => n + d.resolvedOnTime, 0) / resolved : null };
}

const allOf = (pk: string) => collectAll((cursor) => appealRepository.listQueue(pk, { cursor, limit: 100 }));

/** 督察: every complaint about police, newest first; of one station; or one station's still open (by deadline). */
export async function listComplaints(caller: Principal, stationId: string | undefined, openOnly: boolean, page: PageQuery) {
  if (caller.role !== 'centre') throw new Forbidden();
  if (!stationId) return appealRepository.listQueue('COMPLAINTS#ALL', page, { newestFirst: true });
  return openOnly ? appealRepository.listQueue(`COMPLAINTS#STATION#${stationId}#OPEN`, page) : appealRepository.listQueue(`COMPLAINTS#STATION#${stationId}`, page, { newestFirst: true });
}

/** 督察: complaints per station (all time and still open), two COUNT queries per station. */
export async function complaintCounts(caller: Principal): Promise<ComplaintCounts> {
  if (caller.role !== 'centre') throw new Forbidden();
  const stations = await collectAll((cursor) => organisationRepository.listStations({ cursor, limit: 100 }));
  const perStation = await Promise.all(
    stations.map(async (st) => ({
      stationId: st.id,
      stationName: st.name,
      total: await appealRepository.countQueue(`COMPLAINTS#STATION#${st.id}`),
      open: await appealRepository.countQueue(`COMPLAINTS#STATION#${st.id}#OPEN`),
    })),
  );
  return { stations: perStation, total: perStation.reduce((n, s) => n + s.total, 0), open: perStation.reduce((n, s) => n + s.open, 0) };
}

export async function listCentreQueue(caller: Principal, v: CentreView, page: PageQuery, now: Date) {
  if (caller.role !== 'centre') throw new Forbidden();
  if (v === 'grade3') return appealRepository.listQueue('CENTRE#GRADE3', page, { newestFirst: true });
  return appealRepository.listQueue('DISTRICT#OPEN', page, v === 'overdue' ? { range: { before: now.toISOString() } } : {});
}
