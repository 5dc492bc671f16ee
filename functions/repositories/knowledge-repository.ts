import { BatchGetCommand, type BatchGetCommandOutput, BatchWriteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { NotFound, VersionConflict, Conflict } from '../../shared/errors';
import { indexDocument, type FieldCounts, type IndexStats, type Posting } from '../../shared/knowledge/search';
import type { KnowledgeCategory, KnowledgeStatus } from '../../shared/knowledge/catalogue';
import type { KnowledgeEntry, KnowledgeSummary } from '../../shared/knowledge/schemas';
import type { Page } from '../../shared/schemas/common';
import { TTL_DAYS, ttlAfter } from '../lib/ttl';
import { cancelledIndexes, db, isConditionFailure, queryPage, table } from '../lib/dynamo';
import { strip } from './keys';

/**
 * Policy knowledge base (政策咨询知识库). Access patterns and keys:
 *   entry by id                                 pk KB#<id>              sk KB
 *   entries of a status, newest first           gsi1 KB#STATUS#<status>           / <updatedAt>#<id>
 *   entries of a category and status, newest    gsi2 KB#CAT#<category>#<status>   / <updatedAt>#<id>
 *   an appeal is promoted at most once          pk KBSRC#<appealId>     sk KBSRC   (marker, same transaction)
 *   inverted index: entries containing a term   pk KBTERM#<term>        sk <entryId>
 *     (one posting per published entry and term: category, term frequency and length per field)
 *   index totals (published entries, lengths)   pk KBSTATS              sk KBSTATS
 *   searches without a good answer, by month    pk KBGAP#<yyyy-mm>      sk <at>#<ulid>   (ttl: a year)
 * A search is one Query per distinct query term (in parallel, at most MAX_QUERY_TERMS) plus the stats item,
 * then one BatchGet of the best entries.
 *
 * Consistency: the entry (conditional on its version) and the index totals change in one transaction;
 * the postings follow in batches right after (an entry has a few hundred terms, more than one transaction
 * holds). Search re-reads the entries it returns and drops any that is not published, so an archived entry
 * is never shown even in the instant before its postings are gone.
 */
type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export const knowledgeKeys = {
  entry: (id: string) => ({ pk: `KB#${id}`, sk: 'KB' }),
  source: (appealId: string) => ({ pk: `KBSRC#${appealId}`, sk: 'KBSRC' }),
  posting: (term: string, entryId: string) => ({ pk: `KBTERM#${term}`, sk: entryId }),
  stats: () => ({ pk: 'KBSTATS', sk: 'KBSTATS' }),
  gap: (month: string, at: string) => ({ pk: `KBGAP#${month}`, sk: `${at}#${ulid()}` }),
};
export const knowledgeIndexKeys = {
  byStatus: (status: KnowledgeStatus) => `KB#STATUS#${status}`,
  byCategory: (category: KnowledgeCategory, status: KnowledgeStatus) => `KB#CAT#${category}#${status}`,
};

export const entryItem = (e: KnowledgeEntry) => ({
  ...knowledgeKeys.entry(e.id),
  entity: 'knowledge',
  ...e,
  gsi1pk: knowledgeIndexKeys.byStatus(e.status),
  gsi1sk: `${e.updatedAt}#${e.id}`,
  gsi2pk: knowledgeIndexKeys.byCategory(e.category, e.status),
  gsi2sk: `${e.updatedAt}#${e.id}`,
});

const summaryOf = (e: KnowledgeEntry): KnowledgeSummary => ({ id: e.id, question: e.question, category: e.category, tags: e.tags, status: e.status, updatedAt: e.updatedAt, version: e.version });

/** What a published entry adds to the index totals (nothing when it is not published). */
function contribution(e: KnowledgeEntry | null): { docs: number; len: FieldCounts } {
  if (e?.status !== 'published') return { docs: 0, len: { question: 0, tags: 0, answer: 0 } };
  return { docs: 1, len: indexDocument(e).lengths };
}

function statsUpdate(before: KnowledgeEntry | null, after: KnowledgeEntry): TransactItem[] {
  const b = contribution(before);
  const a = contribution(after);
  const d = { docs: a.docs - b.docs, q: a.len.question - b.len.question, t: a.len.tags - b.len.tags, a: a.len.answer - b.len.answer };
  if (!d.docs && !d.q && !d.t && !d.a) return [];
  return [
    {
      Update: {
        TableName: table(),
        Key: knowledgeKeys.stats(),
        UpdateExpression: 'SET entity = :e ADD docs :d, lenQuestion :q, lenTags :t, lenAnswer :a',
        ExpressionAttributeValues: { ':e': 'knowledge-stats', ':d': d.docs, ':q': d.q, ':t': d.t, ':a': d.a },
      },
    },
  ];
}

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/** Puts for every term of a published entry, deletes for terms its previous published text had and this one lacks. */
function postingWrites(before: KnowledgeEntry | null, after: KnowledgeEntry): WriteRequest[] {
  const now = after.status === 'published' ? indexDocument(after) : null;
  const was = before?.status === 'published' ? indexDocument(before) : null;
  const writes: WriteRequest[] = [];
  if (now) {
    for (const [term, tf] of now.terms) {
      writes.push({ PutRequest: { Item: { ...knowledgeKeys.posting(term, after.id), entity: 'knowledge-posting', c: after.category, tf, len: now.lengths } } });
    }
  }
  if (was) {
    for (const term of was.terms.keys()) if (!now?.terms.has(term)) writes.push({ DeleteRequest: { Key: knowledgeKeys.posting(term, after.id) } });
  }
  return writes;
}

async function batchWrite(writes: WriteRequest[]): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < writes.length; i += 25) chunks.push(writes.slice(i, i + 25));
  // A few batches at a time: fast enough for an entry of a few hundred terms, gentle on the table.
  for (let i = 0; i < chunks.length; i += 4) {
    await Promise.all(
      chunks.slice(i, i + 4).map(async (chunk) => {
        let pending: WriteRequest[] | undefined = chunk;
        for (let attempt = 0; pending?.length; attempt++) {
          if (attempt > 8) throw new Error('knowledge index: unprocessed writes after retries');
          if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
          const out = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: pending as never } }));
          pending = out.UnprocessedItems?.[table()] as WriteRequest[] | undefined;
        }
      }),
    );
  }
}

/**
 * Postings are too many for the entry's transaction, so the entry carries an `indexPending` marker (the
 * published text they are moving from) written in that transaction and removed once every posting is
 * written. A failure in between leaves the marker: the next write of the entry (or `finishIndexing`)
 * completes the postings, so the index is never left stale for good.
 */
type PendingIndex = { from: KnowledgeEntry | null };
function pendingFrom(before: KnowledgeEntry | null): PendingIndex {
  if (before?.status !== 'published') return { from: null };
  const { indexPending: _earlier, ...text } = before as KnowledgeEntry & { indexPending?: PendingIndex };
  return { from: text };
}

async function indexWithMarker(before: KnowledgeEntry | null, after: KnowledgeEntry): Promise<void> {
  await batchWrite(postingWrites(before, after));
  try {
    await db().send(
      new UpdateCommand({ TableName: table(), Key: knowledgeKeys.entry(after.id), UpdateExpression: 'REMOVE indexPending', ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': after.version } }),
    );
  } catch (error) {
    // Edited again meanwhile: that write carries its own marker.
    if (!isConditionFailure(error)) throw error;
  }
}

/** Postings of one term, read in full (bounded: a term cannot be in more entries than are published). */
async function postingsOf(term: string): Promise<{ postings: Posting[]; capacity: number }> {
  const postings: Posting[] = [];
  let capacity = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': knowledgeKeys.posting(term, '').pk }, ExclusiveStartKey: start, ReturnConsumedCapacity: 'TOTAL' }),
    );
    capacity += out.ConsumedCapacity?.CapacityUnits ?? 0;
    for (const i of out.Items ?? []) postings.push({ entryId: i.sk as string, category: i.c as string, tf: i.tf as FieldCounts, len: i.len as FieldCounts });
    start = out.LastEvaluatedKey;
  } while (start);
  return { postings, capacity };
}

export const knowledgeRepository = {
  /** entry by id */
  async get(id: string, consistent = false): Promise<KnowledgeEntry | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: knowledgeKeys.entry(id), ConsistentRead: consistent }));
    return out.Item ? strip<KnowledgeEntry>(out.Item) : null;
  },

  async require(id: string): Promise<KnowledgeEntry> {
    const e = await this.get(id, true);
    if (!e) throw new NotFound('知识条目', 'KNOWLEDGE_NOT_FOUND');
    return e;
  },

  /** A new entry; one from an appeal also takes the appeal's marker, so an appeal is promoted only once. */
  async create(e: KnowledgeEntry): Promise<void> {
    const items: TransactItem[] = [{ Put: { TableName: table(), Item: { ...entryItem(e), indexPending: pendingFrom(null) }, ConditionExpression: 'attribute_not_exists(pk)' } }];
    if (e.source) items.push({ Put: { TableName: table(), Item: { ...knowledgeKeys.source(e.source.appealId), entity: 'knowledge-source', entryId: e.id }, ConditionExpression: 'attribute_not_exists(pk)' } });
    items.push(...statsUpdate(null, e));
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const failed = cancelledIndexes(error);
      if (failed?.includes(1) && e.source) throw new Conflict('APPEAL_ALREADY_PROMOTED', '该诉求已转为知识库条目，请在知识库中查看');
      if (failed) throw new Conflict('KNOWLEDGE_EXISTS', '知识条目已存在');
      throw error;
    }
    await indexWithMarker(null, e);
  },

  /**
   * An edit, publish or archive: the entry is written only if nobody changed it since it was read
   * (version) and the index totals move with it; then the postings follow the entry's new text and status.
   */
  async save(before: KnowledgeEntry, after: KnowledgeEntry): Promise<void> {
    // An earlier write whose postings did not all go through is finished first, from its own marker.
    await this.finishIndexing(before);
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table(), Item: { ...entryItem(after), indexPending: pendingFrom(before) }, ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': before.version } } },
            ...statsUpdate(before, after),
          ],
        }),
      );
    } catch (error) {
      if (cancelledIndexes(error)) throw new VersionConflict('知识条目');
      throw error;
    }
    await indexWithMarker(before, after);
  },

  /**
   * Postings a write left unfinished (its `indexPending` marker is still on the entry): written again
   * (puts and deletes are idempotent) and the marker cleared. Safe to run any number of times.
   */
  async finishIndexing(entry: KnowledgeEntry): Promise<boolean> {
    const pending = (entry as KnowledgeEntry & { indexPending?: PendingIndex }).indexPending;
    if (pending === undefined) return false;
    await indexWithMarker(pending.from, entry);
    return true;
  },

  /** entries of a status, newest first (centre's manage tabs) */
  listByStatus(status: KnowledgeStatus, page: { cursor?: string; limit: number }): Promise<Page<KnowledgeSummary>> {
    return queryPage({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': knowledgeIndexKeys.byStatus(status) }, ScanIndexForward: false }, page, (i) =>
      summaryOf(strip<KnowledgeEntry>(i)),
    );
  },

  /** entries of a category and status, newest first (browsing a category) */
  listByCategory(category: KnowledgeCategory, status: KnowledgeStatus, page: { cursor?: string; limit: number }): Promise<Page<KnowledgeSummary>> {
    return queryPage({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': knowledgeIndexKeys.byCategory(category, status) }, ScanIndexForward: false }, page, (i) =>
      summaryOf(strip<KnowledgeEntry>(i)),
    );
  },

  /** the postings of each term (one Query per term, in parallel) and the index totals */
  async readIndex(terms: string[]): Promise<{ postings: Map<string, Posting[]>; stats: IndexStats; capacity: number }> {
    const [lists, statsOut] = await Promise.all([Promise.all(terms.map((t) => postingsOf(t))), db().send(new GetCommand({ TableName: table(), Key: knowledgeKeys.stats(), ReturnConsumedCapacity: 'TOTAL' }))]);
    const s = statsOut.Item ?? {};
    const postings = new Map(terms.map((t, i) => [t, lists[i].postings]));
    const capacity = lists.reduce((sum, l) => sum + l.capacity, 0) + (statsOut.ConsumedCapacity?.CapacityUnits ?? 0);
    return {
      postings,
      stats: { docs: Number(s.docs ?? 0), totalLength: { question: Number(s.lenQuestion ?? 0), tags: Number(s.lenTags ?? 0), answer: Number(s.lenAnswer ?? 0) } },
      capacity,
    };
  },

  /** several entries by id (the page of search results), in the order asked */
  async getMany(ids: string[]): Promise<{ entries: KnowledgeEntry[]; capacity: number }> {
    if (ids.length === 0) return { entries: [], capacity: 0 };
    const found = new Map<string, KnowledgeEntry>();
    let capacity = 0;
    let keys: Record<string, unknown>[] | undefined = ids.map((id) => knowledgeKeys.entry(id));
    for (let attempt = 0; keys?.length; attempt++) {
      if (attempt > 8) throw new Error('knowledge: unprocessed keys after retries');
      if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      const out: BatchGetCommandOutput = await db().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: keys } }, ReturnConsumedCapacity: 'TOTAL' }));
      capacity += (out.ConsumedCapacity ?? []).reduce((sum: number, c) => sum + (c.CapacityUnits ?? 0), 0);
      for (const item of out.Responses?.[table()] ?? []) {
        const e = strip<KnowledgeEntry>(item);
        found.set(e.id, e);
      }
      keys = out.UnprocessedKeys?.[table()]?.Keys;
    }
    return { entries: ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : [])), capacity };
  },

  /** a search nothing answered well, for the centre's list of knowledge gaps */
  async recordGap(gap: { query: string; role: string; topEntryId: string | null }, month: string, at: string): Promise<void> {
    await db().send(new PutCommand({ TableName: table(), Item: { ...knowledgeKeys.gap(month, at), entity: 'knowledge-gap', at, ...gap, ttl: ttlAfter(at, TTL_DAYS.knowledgeGap) } }));
  },

  /** knowledge gaps of a month, newest first */
  listGaps(month: string, page: { cursor?: string; limit: number }): Promise<Page<{ query: string; role: string; at: string; topEntryId: string | null }>> {
    return queryPage({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `KBGAP#${month}` }, ScanIndexForward: false }, page, (i) => ({
      query: i.query as string,
      role: i.role as string,
      at: i.at as string,
      topEntryId: (i.topEntryId as string | null) ?? null,
    }));
  },
};
