/**
 * Bulletins (通知公告): publish to an audience, deliver to each enterprise's feed, read receipts for risk
 * warnings, scheduled publication and withdrawal. Delivery is a resumable job (see bulletin-repository):
 * a small audience is delivered inside the publishing request, a large one continues from the scheduler.
 */
import { ulid } from 'ulid';
import { addresses, audienceProblem, canAddressEnterprise, describeAudience, type Audience } from '../../shared/bulletins/audience';
import { BULLETIN_KINDS, MAX_SCHEDULE_DAYS, needsAcknowledgement, REMIND_INTERVAL_HOURS, type BulletinKind } from '../../shared/bulletins/catalogue';
import { summaryOf } from '../../shared/bulletins/rich-text';
import type { Bulletin, BulletinSummary, BulletinView, CreateBulletinBody, FeedQuery, Publisher, UnreadCounts } from '../../shared/bulletins/schemas';
import { canManageBulletin } from '../../shared/domain/access';
import type { Principal } from '../../shared/domain/principal';
import { Conflict, DomainError, Forbidden, NotFound, ValidationFailed } from '../../shared/errors';
import type { Page, PageQuery } from '../../shared/schemas/common';
import { collectAll } from '../lib/dynamo';
import { logger } from '../lib/logger';
import { bulletinRepository, type AudiencePart, type BulletinJob } from '../repositories/bulletin-repository';
import { enterpriseRepository } from '../repositories/enterprise-repository';
import { indexKeys } from '../repositories/keys';
import { organisationRepository } from '../repositories/organisation-repository';
import { attachmentViewsById, prepareLinks } from './attachment-service';
import { notify } from './notification-service';

/**
 * Enterprises delivered inside the publishing request (a station's ~150–250 always are; at the few hundred
 * entries a second DynamoDB Local manages, 1,000 stays well inside the 10 s Lambda timeout); the rest
 * continue from the scheduler, which moves every unfinished delivery on by up to `sweepBudget` per run.
 */
export const bulletinSettings = { inlineBudget: 1000, sweepBudget: 40_000, slice: 100 };

type Police = Extract<Principal, { role: 'officer' | 'chief' | 'centre' }>;

function asPolice(caller: Principal): Police {
  if (caller.role === 'officer' || caller.role === 'chief' || caller.role === 'centre') return caller;
  throw new Forbidden();
}

// The rule lives in shared/domain/access so the attachment service reads a bulletin's file by it too.
export { canManageBulletin };

async function publisherOf(p: Police): Promise<Publisher> {
  if (p.role === 'centre') {
    const admin = await organisationRepository.getAdmin(p.adminId);
    return { role: 'centre', id: p.adminId, name: admin ? `助企警务中心 ${admin.name}` : '助企警务中心', stationId: null };
  }
  const [officer, station] = await Promise.all([organisationRepository.getOfficer(p.officerId), organisationRepository.getStation(p.stationId)]);
  const stationName = station?.name ?? '派出所';
  return { role: p.role, id: p.officerId, name: p.role === 'chief' ? stationName : `${stationName} ${officer?.name ?? ''}`.trim(), stationId: p.stationId };
}

/** Check the audience against the caller's scope and turn it into the slices the delivery job walks. */
async function resolveAudience(p: Police, audience: Audience): Promise<{ parts: AudiencePart[]; label: string }> {
  const problem = audienceProblem(p, audience);
  if (problem) throw new Forbidden(problem, 'AUDIENCE_OUT_OF_SCOPE');
  const stationNames = new Map<string, string>();
  const requireStations = async (ids: string[]) => {
    for (const id of ids) {
      const station = await organisationRepository.getStation(id);
      if (!station) throw new ValidationFailed([{ field: 'audience.stationIds', message: `派出所 ${id} 不存在` }]);
      stationNames.set(id, station.name);
    }
  };
  let parts: AudiencePart[];
  switch (audience.type) {
    case 'all': {
      const stations = await collectAll((cursor) => organisationRepository.listStations({ cursor, limit: 100 }));
      parts = stations.map((s) => ({ index: 'gsi2', pk: indexKeys.stationEnterprises(s.id) }));
      break;
    }
    case 'stations':
      await requireStations(audience.stationIds);
      parts = audience.stationIds.map((id) => ({ index: 'gsi2', pk: indexKeys.stationEnterprises(id) }));
      break;
    case 'industry':
      if (audience.stationId) await requireStations([audience.stationId]);
      parts = [{ index: 'gsi3', pk: indexKeys.industryEnterprises(audience.industry), ...(audience.stationId ? { prefix: `${audience.stationId}#` } : {}) }];
      break;
    case 'enterprises': {
      const found = await Promise.all(audience.enterpriseIds.map((id) => enterpriseRepository.get(id)));
      // An enterprise the caller may not address is reported like one that does not exist.
      if (found.some((e) => !e || !canAddressEnterprise(p, e))) throw new NotFound('所选企业');
      parts = [{ ids: audience.enterpriseIds }];
      break;
    }
  }
  return { parts, label: describeAudience(audience, { station: (id) => stationNames.get(id) }) };
}

function schedule(body: CreateBulletinBody, now: Date): string | null {
  if (!body.publishAt) return null;
  const at = new Date(body.publishAt);
  if (at.getTime() <= now.getTime() + 60_000) throw new ValidationFailed([{ field: 'publishAt', message: '定时发布时间应晚于当前时间至少1分钟' }]);
  if (at.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000) throw new ValidationFailed([{ field: 'publishAt', message: `定时发布最多提前${MAX_SCHEDULE_DAYS}天` }]);
  return at.toISOString();
}

const newJob = (bulletinId: string, mode: BulletinJob['mode'], parts: AudiencePart[], now: string): BulletinJob => ({
  bulletinId,
  mode,
  parts,
  partIndex: 0,
  position: null,
  processed: 0,
  createdAt: now,
  version: 1,
});

/** The detail, with its image or PDF (link included) when it has one. */
async function view(caller: Principal, b: Bulletin, readAt: string | null, canManage: boolean): Promise<BulletinView> {
  const attachment = b.attachmentId ? ((await attachmentViewsById(caller, [b.attachmentId])).get(b.attachmentId) ?? null) : null;
  return { bulletin: b, readAt, canManage, ...(b.attachmentId && { attachment }) };
}
const summary = ({ body: _body, ...rest }: Bulletin): BulletinSummary => rest;

/** 发布: immediately (delivered now, the rest of a large audience by the scheduler) or at a set time. */
export async function createBulletin(caller: Principal, body: CreateBulletinBody, now: Date): Promise<BulletinView> {
  const p = asPolice(caller);
  const publishAt = schedule(body, now);
  const [{ parts, label }, publisher] = await Promise.all([resolveAudience(p, body.audience), publisherOf(p)]);
  const at = now.toISOString();
  const id = ulid(now.getTime());
  // Its one image or PDF: the publisher's own upload, not yet attached, linked in the creating transaction.
  const links = await prepareLinks(caller, body.attachmentId ? [body.attachmentId] : [], { purpose: 'bulletin', bulletinId: id }, 'attachmentId');
  const bulletin: Bulletin = {
    id,
    kind: body.kind,
    title: body.title,
    body: body.body,
    summary: summaryOf(body.body),
    audience: body.audience,
    audienceLabel: label,
    publisher,
    status: publishAt ? 'scheduled' : 'published',
    createdAt: at,
    publishAt: publishAt ?? at,
    publishedAt: publishAt ? null : at,
    withdrawnAt: null,
    audienceCount: 0,
    readCount: 0,
    delivered: false,
    remindedAt: null,
    ...(links.ids.length > 0 && { attachmentId: links.ids[0] }),
    version: 1,
  };
  const outcome = await bulletinRepository.create(bulletin, publishAt ? null : newJob(id, 'fanout', parts, at), links.writes);
  if (outcome === 'attachments') throw new ValidationFailed([{ field: 'attachmentId', message: '附件不存在或已提交，请重新上传' }]);
  if (!publishAt) await runBulletinJob(id, now, bulletinSettings.inlineBudget);
  return view(caller, (await bulletinRepository.get(id)) ?? bulletin, null, true);
}

/**
 * Walk a bulletin's delivery job for up to `budget` enterprises: write (or, after withdrawal, delete) the
 * feed entries slice by slice, checkpointing after each. Stops when the job changed under it (withdrawn,
 * or another worker is ahead). New risk warnings are also sent to each newly reached enterprise.
 */
export async function runBulletinJob(bulletinId: string, now: Date, budget = Infinity): Promise<{ processed: number; done: boolean }> {
  let job = await bulletinRepository.getJob(bulletinId);
  const bulletin = await bulletinRepository.get(bulletinId);
  let processed = 0;
  if (!job || !bulletin?.publishedAt) return { processed, done: true };
  const b = bulletin as Bulletin & { publishedAt: string };
  if (job.mode === 'fanout' && b.status !== 'published') return { processed, done: false };
  while (processed < budget) {
    if (job.partIndex >= job.parts.length) return { processed, done: await bulletinRepository.finishJob(job) };
    const slice = await bulletinRepository.audienceSlice(job.parts[job.partIndex], job.position, bulletinSettings.slice);
    // Chosen sets may name an enterprise twice through no fault of the audience walk; the audience rule is checked once more here.
    const members = slice.members.filter((m) => job!.mode === 'retract' || addresses(b.audience, m));
    const reached = job.mode === 'fanout' ? await bulletinRepository.putEntries(b, members) : await bulletinRepository.deleteEntries(b, members).then((): string[] => []);
    const partIndex: number = slice.done ? job.partIndex + 1 : job.partIndex;
    const position: BulletinJob['position'] = slice.done ? null : slice.next;
    if (!(await bulletinRepository.checkpoint(job, partIndex, position, job.mode === 'fanout' ? members.length : 0))) return { processed, done: false };
    job = { ...job, partIndex, position, processed: job.processed + members.length, version: job.version + 1 };
    processed += Math.max(1, slice.members.length);
    if (reached.length && needsAcknowledgement(b.kind)) {
      // The feed entry is the in-app record; only the WeChat subscribe message goes out.
      await notify(
        reached.map((id) => `enterprise:${id}` as const),
        { event: 'risk_warning', title: `风险预警：${b.title}`, body: b.summary, link: { kind: 'bulletin', id: b.id } },
        now,
        { inApp: false },
      );
    }
  }
  return { processed, done: false };
}

/**
 * The scheduler's part (every 5 minutes, from runSlaSweep): publish scheduled bulletins that are due, then
 * move every unfinished delivery on. Both read their own queue (a Query), never a Scan.
 */
export async function runBulletinJobs(now: Date): Promise<{ published: number; delivered: number }> {
  let published = 0;
  let delivered = 0;
  let cursor: string | undefined;
  do {
    const page = await bulletinRepository.listDue(now.toISOString(), { cursor, limit: 50 });
    for (const b of page.items) {
      try {
        const { parts } = await resolveAudienceForSystem(b.audience);
        await bulletinRepository.publishScheduled(b, b.publishAt, newJob(b.id, 'fanout', parts, now.toISOString()));
        published++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        logger.info('scheduled bulletin skipped', { bulletinId: b.id, reason: error.code });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  let budget = bulletinSettings.sweepBudget;
  const jobs = await collectAll((c) => bulletinRepository.listJobs({ cursor: c, limit: 50 }));
  for (const job of jobs) {
    if (budget <= 0) break;
    const result = await runBulletinJob(job.bulletinId, now, budget);
    budget -= result.processed;
    delivered += result.processed;
  }
  return { published, delivered };
}

/** A scheduled bulletin's audience was checked against its publisher when it was created. */
async function resolveAudienceForSystem(audience: Audience) {
  return resolveAudience({ role: 'centre', userId: 'system', adminId: 'system', centreId: 'system' }, audience);
}

async function managed(caller: Principal, bulletinId: string): Promise<Bulletin> {
  const b = await bulletinRepository.get(bulletinId);
  if (!b || !canManageBulletin(caller, b)) throw new NotFound('通知');
  return b;
}

/** 我发布的: an officer's own, the chief's station's, the centre's. */
export async function listManagedBulletins(caller: Principal, page: PageQuery): Promise<Page<BulletinSummary>> {
  const p = asPolice(caller);
  const result = p.role === 'officer' ? await bulletinRepository.listByPublisher(p.officerId, page) : await bulletinRepository.listByStation(p.role === 'chief' ? p.stationId : null, page);
  return { items: result.items.map(summary), nextCursor: result.nextCursor };
}

export async function getBulletin(caller: Principal, bulletinId: string): Promise<BulletinView> {
  if (caller.role === 'enterprise') {
    const b = await bulletinRepository.get(bulletinId);
    if (b?.status !== 'published' || !b.publishedAt) throw new NotFound('通知');
    const entry = await bulletinRepository.getEntry(caller.enterpriseId, b.publishedAt, b.id);
    if (!entry) throw new NotFound('通知');
    return view(caller, b, entry.readAt, false);
  }
  return view(caller, await managed(caller, bulletinId), null, true);
}

/** 撤回: gone from every feed (retracted by the delivery job), no more deliveries or reminders. */
export async function withdrawBulletin(caller: Principal, bulletinId: string, body: { version: number }, now: Date): Promise<BulletinView> {
  const b = await managed(caller, bulletinId);
  if (b.status === 'withdrawn') throw new Conflict('BULLETIN_WITHDRAWN', '该通知已撤回');
  if (b.version !== body.version) throw new Conflict('VERSION_CONFLICT', '通知已被他人修改，请刷新后重试');
  const at = now.toISOString();
  const retract = b.status === 'published' ? newJob(b.id, 'retract', (await resolveAudienceForSystem(b.audience)).parts, at) : null;
  const withdrawn = await bulletinRepository.withdraw(b, at, retract);
  if (retract) await runBulletinJob(b.id, now, bulletinSettings.inlineBudget);
  return view(caller, withdrawn, null, true);
}

export async function listBulletinReceipts(caller: Principal, bulletinId: string, query: { state: 'read' | 'unread'; cursor?: string; limit: number }) {
  const b = await managed(caller, bulletinId);
  if (!needsAcknowledgement(b.kind)) return { items: [], nextCursor: null };
  return bulletinRepository.listReceipts(b.id, query.state, query);
}

/** 提醒未阅企业: each enterprise that has not confirmed, at most once per 24 hours per bulletin. */
export async function remindBulletinUnread(caller: Principal, bulletinId: string, now: Date): Promise<{ reminded: number }> {
  const b = await managed(caller, bulletinId);
  if (!needsAcknowledgement(b.kind)) throw new Conflict('NOT_A_WARNING', '只有风险预警需要企业确认阅知');
  if (b.status !== 'published') throw new Conflict('BULLETIN_NOT_PUBLISHED', '该通知未发布或已撤回，不能提醒');
  const notBefore = new Date(now.getTime() - REMIND_INTERVAL_HOURS * 3_600_000).toISOString();
  if (!(await bulletinRepository.claimReminder(b.id, now.toISOString(), notBefore))) throw new Conflict('REMINDED_RECENTLY', '24小时内已提醒过，请明天再提醒');
  let reminded = 0;
  let cursor: string | undefined;
  do {
    const page = await bulletinRepository.listReceipts(b.id, 'unread', { cursor, limit: 100 });
    await notify(
      page.items.map((r) => `enterprise:${r.enterpriseId}` as const),
      { event: 'bulletin_reminder', title: `请确认阅知：${b.title}`, body: '派出所提醒您阅读并确认这条风险预警。', link: { kind: 'bulletin', id: b.id } },
      now,
    );
    reminded += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { reminded };
}

/** 已阅知 (risk warnings) or opened (other kinds): once; a second call answers with the first time. */
export async function readBulletin(caller: Principal, bulletinId: string, now: Date): Promise<{ readAt: string; readCount: number }> {
  if (caller.role !== 'enterprise') throw new Forbidden();
  const b = await bulletinRepository.get(bulletinId);
  if (b?.status !== 'published' || !b.publishedAt) throw new NotFound('通知');
  const entry = await bulletinRepository.getEntry(caller.enterpriseId, b.publishedAt, b.id);
  if (!entry) throw new NotFound('通知');
  const { readAt, first } = await bulletinRepository.markRead(b as Bulletin & { publishedAt: string }, caller.enterpriseId, now.toISOString());
  return { readAt, readCount: b.readCount + (first && needsAcknowledgement(b.kind) ? 1 : 0) };
}

export async function listFeed(caller: Principal, query: FeedQuery) {
  if (caller.role !== 'enterprise') throw new Forbidden();
  const page = await bulletinRepository.listFeed(caller.enterpriseId, query.kind, query);
  return { items: page.items, nextCursor: page.nextCursor };
}

export async function feedUnreadCounts(caller: Principal): Promise<UnreadCounts> {
  if (caller.role !== 'enterprise') throw new Forbidden();
  const { kinds, capped } = await bulletinRepository.unreadKinds(caller.enterpriseId);
  const byKind = Object.fromEntries(BULLETIN_KINDS.map((k) => [k, 0])) as Record<BulletinKind, number>;
  for (const k of kinds) byKind[k] += 1;
  return { total: kinds.length, byKind, capped };
}
