/**
 * The policy knowledge base (政策咨询知识库): the centre keeps question-and-answer entries, everyone signed in
 * searches the published ones, and a liaison officer can propose the answer of a resolved 政策咨询 appeal as a
 * new entry for the centre to review.
 */
import { ulid } from 'ulid';
import { actingAs, type Principal } from '../../shared/domain/principal';
import { canSeeAppeal } from '../../shared/domain/access';
import { Conflict, Forbidden, NotFound, ValidationFailed, VersionConflict } from '../../shared/errors';
import { shanghaiDay } from '../../shared/appeals/queues';
import { CATEGORY_FROM_APPEAL, KNOWLEDGE_STATUS_LABELS, type KnowledgeStatus } from '../../shared/knowledge/catalogue';
import { CreateKnowledgeBody, type KnowledgeEntry, type KnowledgeSearchResult, type PromoteAppealBody, type UpdateKnowledgeBody } from '../../shared/knowledge/schemas';
import { isConfident, queryTerms, rank, snippet } from '../../shared/knowledge/search';
import type { KnowledgeCategory } from '../../shared/knowledge/catalogue';
import type { PageQuery } from '../../shared/schemas/common';
import { fieldIssues } from '../lib/http';
import { logger } from '../lib/logger';
import { appealRepository } from '../repositories/appeal-repository';
import { knowledgeRepository } from '../repositories/knowledge-repository';
import { notify } from './notification-service';

const requireCentre = (caller: Principal) => {
  if (caller.role !== 'centre') throw new Forbidden();
};

/** Published entries are for everyone signed in; drafts, pending and archived ones for the centre only. */
const canRead = (caller: Principal, e: KnowledgeEntry) => e.status === 'published' || caller.role === 'centre';

export type SearchCost = { capacity: number };

/**
 * Search: one Query per distinct query term plus the index totals, ranked in memory (BM25F), then one
 * BatchGet of the best entries. A search nothing answers well is recorded as a knowledge gap.
 */
export async function searchKnowledge(caller: Principal, query: { q: string; category?: KnowledgeCategory; limit: number }, now: Date, cost?: SearchCost): Promise<KnowledgeSearchResult> {
  const terms = queryTerms(query.q);
  const index = await knowledgeRepository.readIndex(terms.map((t) => t.term));
  const ranked = rank(terms, index.postings, index.stats, { category: query.category });
  // A few spare candidates: an entry archived a moment ago may still have postings.
  const top = ranked.slice(0, query.limit + 2);
  const { entries, capacity } = await knowledgeRepository.getMany(top.map((r) => r.entryId));
  if (cost) cost.capacity += index.capacity + capacity;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const live = top.filter((r) => byId.get(r.entryId)?.status === 'published').slice(0, query.limit);
  const confident = isConfident(live[0]);
  if (!confident) {
    const at = now.toISOString();
    await knowledgeRepository
      .recordGap({ query: query.q, role: caller.role, topEntryId: live[0]?.entryId ?? null }, shanghaiDay(now).slice(0, 7), at)
      .catch((error: Error) => logger.warn('knowledge gap not recorded', { error: error.message }));
  }
  return {
    query: query.q,
    terms: terms.filter((t) => !t.expanded).map((t) => t.term),
    confident,
    items: live.map((r) => {
      const e = byId.get(r.entryId)!;
      return {
        id: e.id,
        question: e.question,
        category: e.category,
        tags: e.tags,
        status: e.status,
        updatedAt: e.updatedAt,
        version: e.version,
        snippet: snippet(e.answer, r.matched),
        score: Math.round(r.score * 1000) / 1000,
        matched: r.matched,
      };
    }),
  };
}

export async function getEntry(caller: Principal, id: string): Promise<KnowledgeEntry> {
  const e = await knowledgeRepository.get(id);
  if (!e || !canRead(caller, e)) throw new NotFound('知识条目', 'KNOWLEDGE_NOT_FOUND');
  return e;
}

/** Lists by status (and category). Only the centre sees anything but published entries. */
export async function listEntries(caller: Principal, query: PageQuery & { category?: KnowledgeCategory; status: KnowledgeStatus }) {
  if (query.status !== 'published' && caller.role !== 'centre') throw new Forbidden(`只有助企警务中心可以查看${KNOWLEDGE_STATUS_LABELS[query.status]}的条目`);
  const page = { cursor: query.cursor, limit: query.limit };
  return query.category ? knowledgeRepository.listByCategory(query.category, query.status, page) : knowledgeRepository.listByStatus(query.status, page);
}

/** The centre writes a new entry; it starts as a draft. `id` is for the deterministic demo seed. */
export async function createEntry(caller: Principal, body: CreateKnowledgeBody, now: Date, id = ulid(now.getTime())): Promise<KnowledgeEntry> {
  requireCentre(caller);
  const at = now.toISOString();
  const by = actingAs(caller).id;
  const entry: KnowledgeEntry = { id, ...body, status: 'draft', createdAt: at, createdBy: by, updatedAt: at, updatedBy: by, version: 1 };
  await knowledgeRepository.create(entry);
  return entry;
}

async function change(caller: Principal, id: string, version: number, now: Date, edit: (e: KnowledgeEntry) => Partial<KnowledgeEntry>): Promise<KnowledgeEntry> {
  requireCentre(caller);
  const before = await knowledgeRepository.require(id);
  if (before.version !== version) throw new VersionConflict('知识条目');
  const after: KnowledgeEntry = { ...before, ...edit(before), updatedAt: now.toISOString(), updatedBy: actingAs(caller).id, version: before.version + 1 };
  await knowledgeRepository.save(before, after);
  return after;
}

export function updateEntry(caller: Principal, id: string, body: UpdateKnowledgeBody, now: Date): Promise<KnowledgeEntry> {
  const { version, ...fields } = body;
  return change(caller, id, version, now, () => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
}

export function publishEntry(caller: Principal, id: string, version: number, now: Date): Promise<KnowledgeEntry> {
  return change(caller, id, version, now, (e) => {
    if (e.status === 'published') throw new Conflict('ALREADY_PUBLISHED', '该条目已发布');
    return { status: 'published', publishedAt: now.toISOString() };
  });
}

export function archiveEntry(caller: Principal, id: string, version: number, now: Date): Promise<KnowledgeEntry> {
  return change(caller, id, version, now, (e) => {
    if (e.status === 'archived') throw new Conflict('ALREADY_ARCHIVED', '该条目已归档');
    return { status: 'archived' };
  });
}

/**
 * An officer (or chief) who handled a resolved 政策咨询 turns its answer into a pending entry; the centre
 * reviews and publishes it. The officer may reword the question and answer first.
 */
export async function promoteAppeal(caller: Principal, appealId: string, body: PromoteAppealBody, now: Date): Promise<KnowledgeEntry> {
  if (caller.role !== 'officer' && caller.role !== 'chief') throw new Forbidden();
  const appeal = await appealRepository.get(appealId);
  if (!appeal || !canSeeAppeal(caller, appeal)) throw new NotFound('诉求', 'APPEAL_NOT_FOUND');
  if (appeal.type !== 'policy' || appeal.complaint) throw new Conflict('NOT_POLICY_APPEAL', '只有政策咨询类诉求可以转为知识库条目');
  if (appeal.status !== 'resolved' && appeal.status !== 'closed') throw new Conflict('APPEAL_NOT_RESOLVED', '诉求办结后才能转为知识库条目');
  const parsed = CreateKnowledgeBody.safeParse({
    question: body.question ?? appeal.title,
    answer: body.answer ?? appeal.resolution ?? '',
    category: body.category ?? CATEGORY_FROM_APPEAL[appeal.category] ?? 'legal-service',
    tags: body.tags ?? [],
  });
  if (!parsed.success) throw new ValidationFailed(fieldIssues(parsed.error, 'body'));
  const at = now.toISOString();
  const by = actingAs(caller).id;
  const entry: KnowledgeEntry = {
    id: ulid(now.getTime()),
    ...parsed.data,
    status: 'pending',
    source: { appealId: appeal.id, stationId: appeal.stationId, officerId: caller.officerId },
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
    version: 1,
  };
  await knowledgeRepository.create(entry);
  await notify(['centre'], { event: 'knowledge', title: '新的知识库条目待审核', body: `${appeal.stationName}提交：${entry.question}`, link: { kind: 'knowledge', id: entry.id } }, now);
  return entry;
}

/** Searches of a month that found no good answer: what the centre should write next. */
export function listGaps(caller: Principal, month: string, page: PageQuery) {
  requireCentre(caller);
  return knowledgeRepository.listGaps(month, page);
}
