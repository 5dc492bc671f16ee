/**
 * 走访记录、一企一策、问题整改台账. Officers log visits to their enterprises; a problem found on a visit becomes a
 * rectification item in the same request; a bad rating can open one too. Who may see what: the officer of
 * the enterprise, the chief of its station, the centre. Visits and the ledger are police notes: enterprises
 * never see them (they read only their service plan).
 */
import { ulid } from 'ulid';
import type { Principal } from '../../shared/domain/principal';
import { canManageStation, canSeeAppeal, canSeeEnterprise, canSeeOfficer, canSeeRectification } from '../../shared/domain/access';
import { Conflict, Forbidden, NotFound, ValidationFailed, VersionConflict } from '../../shared/errors';
import { isBadRating } from '../../shared/appeals/rating';
import { COMPLAINT_MESSAGES } from '../../shared/appeals/complaints';
import type { Enterprise } from '../../shared/schemas/enterprise';
import type { Page, PageQuery } from '../../shared/schemas/common';
import type {
  CreateRectificationBody,
  CreateVisitBody,
  PutServicePlanBody,
  Rectification,
  RectificationActionBody,
  RectificationView,
  ServicePlan,
  Visit,
  VisitDueItem,
  VisitPolicy,
} from '../../shared/fieldwork/schemas';
import { OPEN_RECTIFICATION_STATUSES, RECTIFICATION_ACTION_LABELS, addDays, isRectificationOverdue, nextRectificationStatus, shanghaiDay, visitDueDay } from '../../shared/fieldwork/rules';
import { collectAll } from '../lib/dynamo';
import { appealRepository } from '../repositories/appeal-repository';
import { enterpriseRepository } from '../repositories/enterprise-repository';
import { organisationRepository } from '../repositories/organisation-repository';
import { fieldworkRepository, type ContactRecord } from '../repositories/fieldwork-repository';
import { notify } from './notification-service';
import { prepareAppealForEnterprise } from './appeal-service';
import { attachmentViewsById, prepareLinks, visitAttachmentViews } from './attachment-service';
import type { CreateAppealBody } from '../../shared/appeals/schemas';

export type { Visit, Rectification };

const PAGE = { limit: 100 };
const DUE_ITEMS_CAP = 50;

const isPolice = (p: Principal) => p.role === 'officer' || p.role === 'chief' || p.role === 'centre';

/** The enterprise, if this (police) caller may see it. Enterprises do not see field-work records. */
async function policeEnterprise(caller: Principal, enterpriseId: string): Promise<Enterprise> {
  const enterprise = await enterpriseRepository.get(enterpriseId);
  if (!enterprise || !isPolice(caller) || !canSeeEnterprise(caller, enterprise)) throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
  return enterprise;
}

async function visibleOfficer(caller: Principal, officerId: string) {
  const officer = await organisationRepository.getOfficer(officerId);
  if (!officer || !canSeeOfficer(caller, officer)) throw new NotFound('联络官', 'OFFICER_NOT_FOUND');
  return officer;
}

function requireStation(caller: Principal, stationId: string) {
  if (!canManageStation(caller, stationId)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
}

function callerName(caller: Principal): Promise<string> {
  if (caller.role === 'officer' || caller.role === 'chief') return organisationRepository.getOfficer(caller.officerId).then((o) => o?.name ?? caller.officerId);
  if (caller.role === 'centre') return organisationRepository.getAdmin(caller.adminId).then((a) => a?.name ?? '助企警务中心');
  return Promise.resolve('');
}
const callerId = (caller: Principal) => (caller.role === 'officer' || caller.role === 'chief' ? caller.officerId : caller.role === 'centre' ? caller.adminId : caller.userId);

// ---- visits ------------------------------------------------------------------------------------------

/** A new ledger item, 待整改, opened now by `opener` (from a visit's problem or a bad rating). */
function newRectification(o: {
  enterprise: Pick<Enterprise, 'id' | 'name'>;
  stationId: string;
  owner: { id: string; name: string };
  source: Rectification['source'];
  description: string;
  deadline: string;
  opener: { id: string; name: string };
  now: Date;
}): Rectification {
  const at = o.now.toISOString();
  return {
    id: ulid(o.now.getTime()),
    enterpriseId: o.enterprise.id,
    enterpriseName: o.enterprise.name,
    stationId: o.stationId,
    ownerOfficerId: o.owner.id,
    ownerName: o.owner.name,
    source: o.source,
    description: o.description,
    deadline: o.deadline,
    status: 'pending',
    openedDay: shanghaiDay(o.now),
    openedAt: at,
    closedDay: null,
    closedAt: null,
    closingNote: null,
    history: [{ at, by: o.opener.id, byName: o.opener.name, action: 'open', note: null }],
    version: 1,
  };
}

/** The appeal a problem found on a visit becomes: its kind, a title from the problem, the visit as context. */
function visitAppealBody(p: CreateVisitBody['problems'][number], visit: CreateVisitBody, enterpriseName: string): CreateAppealBody {
  const type = p.appealType ?? 'help';
  const title = p.description.length > 46 ? `${p.description.slice(0, 45)}…` : p.description;
  return {
    type,
    category: 'other',
    urgency: 'normal',
    ...(type === 'dispute' && { grade: 1 as const }),
    title: title.length >= 4 ? title : `走访发现：${title}`,
    description: `${visit.day}走访${enterpriseName}（走访对象：${visit.metWith}）时发现：${p.description}`.slice(0, 1000),
  };
}

/**
 * 登记走访: the visit, the rectification items of its problems (转整改 / 转诉求) and the enterprise's
 * last-visit state in one transaction. Two visits logged at once: the loser of the contact-state race
 * re-reads it and retries, so the latest visit day always wins.
 */
export async function logVisit(caller: Principal, body: CreateVisitBody, now: Date): Promise<{ visit: Visit; rectifications: Rectification[] }> {
  if (caller.role !== 'officer' && caller.role !== 'chief') throw new Forbidden('只有民警可以登记走访');
  const enterprise = await policeEnterprise(caller, body.enterpriseId);
  const today = shanghaiDay(now);
  if (body.day > today) throw new ValidationFailed([{ field: 'day', message: '走访日期不能晚于今天' }]);
  const [visitor, owner] = await Promise.all([organisationRepository.requireOfficer(caller.officerId), organisationRepository.requireOfficer(enterprise.officerId)]);
  const visitId = ulid(now.getTime());
  const at = now.toISOString();
  // 工作影像资料: checked (the officer's own, for this enterprise, not yet attached) before the transaction.
  const links = await prepareLinks(caller, body.attachmentIds, { purpose: 'visit', visitId, enterpriseId: enterprise.id });
  const rectifications: Rectification[] = [];
  // 转诉求: each becomes an appeal filed for the enterprise, written after the visit.
  const appeals = await Promise.all(
    body.problems.map((p) => (p.followUp === 'appeal' ? prepareAppealForEnterprise({ userId: caller.userId, officerName: visitor.name }, enterprise, visitAppealBody(p, body, enterprise.name), now) : null)),
  );
  const problems = body.problems.map((p, i) => {
    const appeal = appeals[i];
    if (appeal) return { description: p.description, followUp: p.followUp, deadline: null, rectificationId: null, appealId: appeal.record.id };
    if (p.followUp === 'none') return { description: p.description, followUp: p.followUp, deadline: p.deadline ?? null, rectificationId: null };
    const r = newRectification({ enterprise, stationId: enterprise.stationId, owner, source: { kind: 'visit', visitId, followUp: p.followUp }, description: p.description, deadline: p.deadline!, opener: visitor, now });
    rectifications.push(r);
    return { description: p.description, followUp: p.followUp, deadline: p.deadline ?? null, rectificationId: r.id };
  });
  const visit: Visit = {
    id: visitId,
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    stationId: enterprise.stationId,
    officerId: visitor.id,
    officerName: visitor.name,
    day: body.day,
    metWith: body.metWith,
    content: body.content,
    problems,
    ...(links.ids.length > 0 && { attachmentIds: links.ids }),
    createdAt: at,
    version: 1,
  };

  for (let attempt = 0; ; attempt++) {
    const before = await fieldworkRepository.getContact(enterprise.id);
    const advances = !before || before.lastVisitDay === null || before.lastVisitDay <= visit.day;
    const after: ContactRecord | null = advances
      ? {
          enterpriseId: enterprise.id,
          enterpriseName: enterprise.name,
          stationId: enterprise.stationId,
          officerId: enterprise.officerId,
          lastVisitDay: visit.day,
          lastVisitId: visit.id,
          registeredDay: before?.registeredDay ?? shanghaiDay(new Date(enterprise.createdAt)),
          baselineDay: visit.day,
        }
      : null;
    const outcome = await fieldworkRepository.recordVisit(visit, rectifications, after, before, links.writes);
    if (outcome === 'ok') break;
    if (outcome === 'attachments') throw new ValidationFailed([{ field: 'attachmentIds', message: '有附件不存在或已提交，请重新上传' }]);
    if (attempt >= 6) throw new VersionConflict('走访记录');
    await new Promise((r) => setTimeout(r, 10 + Math.random() * 30 * (attempt + 1)));
  }
  // 转诉求: each appeal in its own transaction once the visit is recorded (ids fixed above, so a write that
  // already went through is not repeated), keeping every request within DynamoDB's transaction limit.
  for (const a of appeals) if (a) await appealRepository.createOnce(a.record, a.history, a.autoCloseDays);

  if (rectifications.length > 0) {
    await notify(
      [`station:${enterprise.stationId}`, ...(owner.id !== visitor.id ? [`officer:${owner.id}` as const] : [])],
      { event: 'rectification', title: '新增整改事项', body: `${enterprise.name}：走访发现${rectifications.length}个问题，已列入整改台账`, link: { kind: 'rectification', id: rectifications[0]!.id } },
      now,
    );
  }
  for (const a of appeals) {
    if (!a) continue;
    const handler = a.record.officerId;
    await notify(
      [`enterprise:${enterprise.id}`, ...(handler && handler !== visitor.id ? [`officer:${handler}` as const] : []), ...(handler ? [] : [`station:${enterprise.stationId}` as const])],
      { event: 'appeal_assigned', title: '走访发现的问题已登记为诉求', body: `「${a.record.title}」由${visitor.name}代为上报，可在我的诉求中查看办理进度`, link: { kind: 'appeal', id: a.record.id } },
      now,
    );
  }
  return { visit: { ...visit, attachments: (await visitAttachmentViews(caller, [visit])).get(visit.id) ?? [] }, rectifications };
}

/** Visits with their 工作影像资料 (one BatchGet for the whole page). */
async function withAttachments(caller: Principal, visits: Visit[]): Promise<Visit[]> {
  const byVisit = await visitAttachmentViews(caller, visits);
  return visits.map((v) => (v.attachmentIds?.length ? { ...v, attachments: byVisit.get(v.id) ?? [] } : v));
}
const pageWithAttachments = async (caller: Principal, page: Page<Visit>): Promise<Page<Visit>> => ({ items: await withAttachments(caller, page.items), nextCursor: page.nextCursor });

export async function getVisit(caller: Principal, visitId: string): Promise<Visit> {
  const visit = await fieldworkRepository.getVisit(visitId);
  if (!visit || !isPolice(caller)) throw new NotFound('走访记录', 'VISIT_NOT_FOUND');
  const ownVisit = (caller.role === 'officer' || caller.role === 'chief') && caller.officerId === visit.officerId;
  if (!ownVisit) {
    const enterprise = await enterpriseRepository.get(visit.enterpriseId);
    if (!enterprise || !canSeeEnterprise(caller, enterprise)) throw new NotFound('走访记录', 'VISIT_NOT_FOUND');
  }
  return (await withAttachments(caller, [visit]))[0]!;
}

export async function listEnterpriseVisits(caller: Principal, enterpriseId: string, page: PageQuery): Promise<Page<Visit>> {
  await policeEnterprise(caller, enterpriseId);
  return pageWithAttachments(caller, await fieldworkRepository.listEnterpriseVisits(enterpriseId, page));
}

export async function listOfficerVisits(caller: Principal, officerId: string, query: PageQuery & { from?: string; to?: string }): Promise<Page<Visit>> {
  await visibleOfficer(caller, officerId);
  return pageWithAttachments(caller, await fieldworkRepository.listOfficerVisits(officerId, { from: query.from, to: query.to }, query));
}

/** All visits of a station with visit day in [fromDay, toDay], by date (statistics, digest, exports). */
export function listStationVisits(stationId: string, fromDay: string, toDay: string): Promise<Visit[]> {
  return collectAll((cursor) => fieldworkRepository.listStationVisits(stationId, fromDay, toDay, { cursor, ...PAGE }));
}

// ---- contact rule and due lists ------------------------------------------------------------------------

const dueItem = (c: ContactRecord, intervalDays: number, day: string): VisitDueItem => {
  const dueDay = visitDueDay(c.baselineDay, intervalDays);
  return { enterpriseId: c.enterpriseId, enterpriseName: c.enterpriseName, officerId: c.officerId, lastVisitDay: c.lastVisitDay, dueDay, overdue: dueDay < day };
};
/** Sort-key bound: enterprises whose baseline day ≤ day − interval, i.e. due on or before `day`. */
const dueBelow = (day: string, intervalDays: number) => addDays(day, -intervalDays + 1);

/**
 * Contact items for a station's enterprises that have none (never visited, registered before registration
 * wrote them): a one-off backfill for the seed and migrations, a Query over the station's enterprises.
 */
export async function backfillStationContacts(stationId: string): Promise<number> {
  const enterprises = await collectAll((cursor) => enterpriseRepository.listByStation(stationId, { cursor, ...PAGE }));
  let created = 0;
  for (const e of enterprises) {
    const day = shanghaiDay(new Date(e.createdAt));
    const made = await fieldworkRepository.putContactIfAbsent({
      enterpriseId: e.id,
      enterpriseName: e.name,
      stationId: e.stationId,
      officerId: e.officerId,
      lastVisitDay: null,
      lastVisitId: null,
      registeredDay: day,
      baselineDay: day,
    });
    if (made) created += 1;
  }
  return created;
}

export async function officerVisitsDue(caller: Principal, officerId: string, view: 'due' | 'all', page: PageQuery, now: Date): Promise<Page<VisitDueItem>> {
  const officer = await visibleOfficer(caller, officerId);
  const policy = await fieldworkRepository.getPolicy(officer.stationId);
  const day = shanghaiDay(now);
  const out = await fieldworkRepository.listOfficerContacts(officerId, view === 'due' ? dueBelow(day, policy.intervalDays) : undefined, page);
  return { items: out.items.map((c) => dueItem(c, policy.intervalDays, day)), nextCursor: out.nextCursor };
}

export async function stationVisitsDuePage(caller: Principal, stationId: string, view: 'due' | 'all', page: PageQuery, now: Date): Promise<Page<VisitDueItem>> {
  requireStation(caller, stationId);
  const policy = await fieldworkRepository.getPolicy(stationId);
  const day = shanghaiDay(now);
  const out = await fieldworkRepository.listStationContacts(stationId, view === 'due' ? dueBelow(day, policy.intervalDays) : undefined, page);
  return { items: out.items.map((c) => dueItem(c, policy.intervalDays, day)), nextCursor: out.nextCursor };
}

/** Enterprises of a station due for a visit as of `day` (the digest): the count, and the first 50. */
export async function stationVisitsDue(stationId: string, day: string) {
  const policy = await fieldworkRepository.getPolicy(stationId);
  const bound = dueBelow(day, policy.intervalDays);
  const [count, first] = await Promise.all([fieldworkRepository.countStationDue(stationId, bound), fieldworkRepository.listStationContacts(stationId, bound, { limit: DUE_ITEMS_CAP })]);
  return {
    count,
    items: first.items.map((c) => {
      const { overdue: _o, ...rest } = dueItem(c, policy.intervalDays, day);
      return rest;
    }),
  };
}

export async function getVisitPolicy(caller: Principal, stationId: string): Promise<VisitPolicy> {
  requireStation(caller, stationId);
  return fieldworkRepository.getPolicy(stationId);
}

export async function putVisitPolicy(caller: Principal, stationId: string, body: { intervalDays: number; version: number }): Promise<VisitPolicy> {
  requireStation(caller, stationId);
  if (!(await organisationRepository.getStation(stationId))) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  return fieldworkRepository.putPolicy({ stationId, intervalDays: body.intervalDays, version: body.version }, body.version);
}

// ---- rectifications ------------------------------------------------------------------------------------

const view = (r: Rectification, today: string): RectificationView => ({ ...r, overdue: isRectificationOverdue(r, today) });

/** Items with their 整改前/整改后 photos and links: one BatchGet for the whole page, from the ids each item carries. */
async function withPhotos(caller: Principal, items: RectificationView[]): Promise<RectificationView[]> {
  const byId = await attachmentViewsById(
    caller,
    items.flatMap((r) => [...(r.beforePhotoIds ?? []), ...(r.afterPhotoIds ?? [])]),
  );
  const pick = (ids: string[]) => ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return items.map((r) => (r.beforePhotoIds?.length || r.afterPhotoIds?.length ? { ...r, beforePhotos: pick(r.beforePhotoIds ?? []), afterPhotos: pick(r.afterPhotoIds ?? []) } : r));
}
const ledgerPage = async (caller: Principal, page: Page<Rectification>, today: string): Promise<Page<RectificationView>> => ({
  items: await withPhotos(
    caller,
    page.items.map((r) => view(r, today)),
  ),
  nextCursor: page.nextCursor,
});

async function visibleRectification(caller: Principal, id: string): Promise<Rectification> {
  const r = await fieldworkRepository.getRectification(id);
  if (!r) throw new NotFound('整改事项', 'RECTIFICATION_NOT_FOUND');
  const enterprise = caller.role === 'officer' && caller.officerId !== r.ownerOfficerId ? await enterpriseRepository.get(r.enterpriseId) : null;
  if (!canSeeRectification(caller, r, enterprise)) throw new NotFound('整改事项', 'RECTIFICATION_NOT_FOUND');
  return r;
}

/** 不满意评价转整改: a badly rated appeal the caller can see becomes a ledger item. */
export async function openRectificationFromRating(caller: Principal, body: CreateRectificationBody, now: Date): Promise<RectificationView> {
  if (caller.role !== 'officer' && caller.role !== 'chief') throw new Forbidden('只有民警或所长可以登记整改事项');
  const appeal = await appealRepository.get(body.source.appealId);
  if (!appeal || !canSeeAppeal(caller, appeal)) throw new NotFound('诉求', 'APPEAL_NOT_FOUND');
  // The ledger sits in the enterprise's file, which the accused officer reads.
  if (appeal.complaint) throw new Conflict('COMPLAINT_NOT_LEDGERED', COMPLAINT_MESSAGES.noLedgerItem);
  const rated = appeal.firstRating ?? appeal.rating;
  if (rated === undefined || !isBadRating(rated)) throw new Conflict('NOT_BADLY_RATED', '该诉求没有收到不满意评价，无需登记整改');
  const enterprise = await enterpriseRepository.get(appeal.enterpriseId);
  if (!enterprise) throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
  const ownerId = body.ownerOfficerId ?? appeal.officerId ?? enterprise.officerId;
  const owner = await organisationRepository.getOfficer(ownerId);
  if (!owner || owner.stationId !== appeal.stationId) throw new ValidationFailed([{ field: 'ownerOfficerId', message: '责任民警须为本所民警' }]);
  if (caller.role === 'officer' && owner.id !== caller.officerId) throw new ValidationFailed([{ field: 'ownerOfficerId', message: '民警只能为自己登记整改事项，指定他人请联系所长' }]);
  const today = shanghaiDay(now);
  if (body.deadline < today) throw new ValidationFailed([{ field: 'deadline', message: '整改期限不能早于今天' }]);
  const r = newRectification({
    enterprise,
    stationId: appeal.stationId,
    owner,
    source: { kind: 'rating', appealId: appeal.id },
    description: body.description,
    deadline: body.deadline,
    opener: { id: callerId(caller), name: await callerName(caller) },
    now,
  });
  await fieldworkRepository.openRectification(r);
  if (owner.id !== callerId(caller)) {
    await notify([`officer:${owner.id}`], { event: 'rectification', title: '新增整改事项', body: `${enterprise.name}：${body.description}`, link: { kind: 'rectification', id: r.id } }, now);
  }
  return view(r, today);
}

export async function getRectification(caller: Principal, id: string, now: Date): Promise<RectificationView> {
  return (await withPhotos(caller, [view(await visibleRectification(caller, id), shanghaiDay(now))]))[0]!;
}

/**
 * 开始整改 / 整改完成 / 销号, conditional on the version the caller saw. Closing may attach 整改前/整改后
 * photos: the closer's own uploads for this item, linked in the closing transaction.
 */
export async function actOnRectification(caller: Principal, id: string, body: RectificationActionBody, now: Date): Promise<RectificationView> {
  const before = await visibleRectification(caller, id);
  if (body.action === 'cancel' && !canManageStation(caller, before.stationId)) throw new Forbidden('只有所长或助企警务中心可以销号');
  if (before.version !== body.version) throw new VersionConflict('整改事项');
  const to = nextRectificationStatus(before.status, body.action);
  if (!to) throw new Conflict('TRANSITION_NOT_ALLOWED', `该整改事项当前不能${RECTIFICATION_ACTION_LABELS[body.action]}`);
  const at = now.toISOString();
  const closing = !OPEN_RECTIFICATION_STATUSES.includes(to);
  // Checked (the closer's own uploads for this item, not yet attached, images, 9 a side) before the transaction.
  const target = { purpose: 'rectification', rectificationId: before.id } as const;
  const [beforeLinks, afterLinks] = closing ? await Promise.all([prepareLinks(caller, body.beforePhotoIds, target, 'beforePhotoIds'), prepareLinks(caller, body.afterPhotoIds, target, 'afterPhotoIds')]) : [null, null];
  const after: Rectification = {
    ...before,
    status: to,
    closedDay: closing ? shanghaiDay(now) : null,
    closedAt: closing ? at : null,
    closingNote: closing ? (body.note ?? null) : before.closingNote,
    ...(beforeLinks?.ids.length && { beforePhotoIds: beforeLinks.ids }),
    ...(afterLinks?.ids.length && { afterPhotoIds: afterLinks.ids }),
    history: [...before.history, { at, by: callerId(caller), byName: await callerName(caller), action: body.action, note: body.note ?? null }],
    version: before.version + 1,
  };
  const outcome = await fieldworkRepository.saveRectification(before, after, [...(beforeLinks?.writes ?? []), ...(afterLinks?.writes ?? [])]);
  if (outcome === 'attachments') throw new ValidationFailed([{ field: 'afterPhotoIds', message: '有照片不存在或已提交，请重新上传' }]);
  return (await withPhotos(caller, [view(after, shanghaiDay(now))]))[0]!;
}

export async function listStationLedger(caller: Principal, stationId: string, status: string, page: PageQuery, now: Date): Promise<Page<RectificationView>> {
  requireStation(caller, stationId);
  return ledgerPage(caller, await fieldworkRepository.listStationRectifications(stationId, status === 'all' ? undefined : status, page), shanghaiDay(now));
}

export async function listOfficerLedger(caller: Principal, officerId: string, status: string, page: PageQuery, now: Date): Promise<Page<RectificationView>> {
  await visibleOfficer(caller, officerId);
  return ledgerPage(caller, await fieldworkRepository.listOfficerRectifications(officerId, status === 'all' ? undefined : status, page), shanghaiDay(now));
}

/** A station's items opened in [fromDay, toDay] or still open at its end (statistics, exports). */
export function listStationRectifications(stationId: string, fromDay: string, toDay: string): Promise<Rectification[]> {
  return collectAll((cursor) => fieldworkRepository.listStationRectificationsOpened(stationId, fromDay, toDay, { cursor, ...PAGE }, true));
}

/** A station's items opened on `day` (the digest's "new rectification items"). */
export function listStationRectificationsOpenedOn(stationId: string, day: string): Promise<Rectification[]> {
  return collectAll((cursor) => fieldworkRepository.listStationRectificationsOpened(stationId, day, day, { cursor, ...PAGE }));
}

/** Open items whose deadline is on or before `day`, by deadline (the digest). */
export async function stationRectificationsDue(stationId: string, day: string): Promise<{ count: number; items: Rectification[] }> {
  const lists = await Promise.all(OPEN_RECTIFICATION_STATUSES.map((status) => collectAll((cursor) => fieldworkRepository.listStationRectificationsDueBy(stationId, status, day, { cursor, ...PAGE }))));
  const items = lists.flat().sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
  return { count: items.length, items };
}

// ---- service plan (一企一策) ---------------------------------------------------------------------------

export async function getPlan(caller: Principal, enterpriseId: string): Promise<ServicePlan> {
  const enterprise = await enterpriseRepository.get(enterpriseId);
  if (!enterprise || !canSeeEnterprise(caller, enterprise)) throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
  return fieldworkRepository.getPlan(enterpriseId);
}

export async function putPlan(caller: Principal, enterpriseId: string, body: PutServicePlanBody, now: Date): Promise<ServicePlan> {
  await policeEnterprise(caller, enterpriseId);
  const plan: ServicePlan = {
    enterpriseId,
    text: body.text,
    targets: body.targets.map((t) => ({ title: t.title, ...(t.due ? { due: t.due } : {}), done: t.done })),
    updatedAt: now.toISOString(),
    updatedBy: await callerName(caller),
    version: body.version,
  };
  return fieldworkRepository.putPlan(plan, body.version);
}

// ---- the enterprise file's field-work sections -----------------------------------------------------------

const FILE_SECTION_SIZE = 10;

/** 一企一档 sections of this module, each one Query by the enterprise's key; visits and the ledger for police only. */
export async function fileSections(caller: Principal, enterpriseId: string, now: Date) {
  const police = isPolice(caller);
  const today = shanghaiDay(now);
  const [plan, visits, rects] = await Promise.all([
    fieldworkRepository.getPlan(enterpriseId),
    police ? fieldworkRepository.listEnterpriseVisits(enterpriseId, { limit: FILE_SECTION_SIZE }) : Promise.resolve(null),
    police ? fieldworkRepository.listEnterpriseRectifications(enterpriseId, { limit: FILE_SECTION_SIZE }) : Promise.resolve(null),
  ]);
  return {
    plan,
    visits: visits ? await pageWithAttachments(caller, visits) : null,
    rectifications: rects ? await ledgerPage(caller, rects, today) : null,
  };
}
