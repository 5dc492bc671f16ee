import { BatchGetCommand, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AppealSummary } from '../../shared/appeals/views';
import { intersectRound } from '../../shared/search/terms';
import type { EnterpriseHit } from '../../shared/search/schemas';
import { db, table } from '../lib/dynamo';
import { keys, strip } from './keys';
import { searchKeys } from './search-index';

/** 警务检索: the queries of the index written by search-index.ts (keys and layout described there). */
/** A page of a term-list intersection: the matching items of the first list, the cursor after the last one considered. */
export type IntersectionPage = { items: Record<string, unknown>[]; next: string | null; capacity: number; queries: number };

/**
 * Intersection of term lists with bounded Queries: every round reads at most `perQuery` items of every
 * list from the same cursor (within `scope`, a sort-key prefix), keeps the keys all lists agree on up to
 * the nearest stop (`intersectRound`), and goes on from there; it stops at `limit` matches or after
 * `maxQueries` Queries, handing back the cursor. `accept` checks a match (a name contains the whole query).
 */
export async function intersect(opts: {
  pks: string[];
  scope: string;
  forward: boolean;
  cursor: string | null;
  limit: number;
  perQuery: number;
  maxQueries: number;
  filter?: Pick<QueryCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;
  accept?: (item: Record<string, unknown>) => boolean;
}): Promise<IntersectionPage> {
  const found: Record<string, unknown>[] = [];
  let cursor = opts.cursor;
  let capacity = 0;
  let queries = 0;
  while (queries + opts.pks.length <= opts.maxQueries) {
    const reads = await Promise.all(
      opts.pks.map(async (pk) => {
        const out = await db().send(
          new QueryCommand({
            TableName: table(),
            KeyConditionExpression: opts.scope ? 'pk = :pk AND begins_with(sk, :scope)' : 'pk = :pk',
            ...opts.filter,
            ExpressionAttributeValues: { ':pk': pk, ...(opts.scope && { ':scope': opts.scope }), ...opts.filter?.ExpressionAttributeValues },
            ExclusiveStartKey: cursor ? { pk, sk: cursor } : undefined,
            ScanIndexForward: opts.forward,
            Limit: opts.perQuery,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        capacity += out.ConsumedCapacity?.CapacityUnits ?? 0;
        return { items: out.Items ?? [], stoppedAt: (out.LastEvaluatedKey?.sk as string | undefined) ?? null };
      }),
    );
    queries += opts.pks.length;
    const { matches, bound } = intersectRound(
      reads.map((r) => ({ keys: r.items.map((i) => i.sk as string), stoppedAt: r.stoppedAt })),
      opts.forward,
    );
    const bySk = new Map(reads[0].items.map((i) => [i.sk as string, i]));
    for (const sk of matches) {
      const item = bySk.get(sk)!;
      if (opts.accept && !opts.accept(item)) continue;
      found.push(item);
      if (found.length === opts.limit) {
        const more = sk !== matches[matches.length - 1] || bound !== null;
        return { items: found, next: more ? sk : null, capacity, queries };
      }
    }
    if (bound === null) return { items: found, next: null, capacity, queries };
    cursor = bound;
  }
  return { items: found, next: cursor, capacity, queries };
}

export const searchRepository = {
  /** enterprises whose name contains all of `terms` (checked by `accept`), in a station (`stationId#`) or everywhere (''), by station then id */
  async enterprisesByName(terms: string[], scope: string, page: { cursor: string | null; limit: number }, accept: (name: string) => boolean) {
    // An enterprise posting is ~200 bytes (~340 with a 60-character name): 18 are one read unit (0.5 RCU), two
    // at most. At most 9 Queries a page: ≤ 4.5 RCU, ≤ 9 RCU with the longest names.
    const out = await intersect({ pks: terms.map(searchKeys.enterpriseTerm), scope, forward: true, cursor: page.cursor, limit: page.limit, perQuery: 18, maxQueries: 9, accept: (i) => accept(String(i.name)) });
    return {
      ...out,
      items: out.items.map((i): EnterpriseHit => ({ id: String(i.id), name: String(i.name), creditCode: String(i.creditCode), industry: i.industry as EnterpriseHit['industry'], stationId: String(i.stationId) })),
    };
  },

  /** appeals (newest first within a station) whose postings have every term and pass the immutable filters */
  async appealsByTerms(
    terms: string[],
    scope: string,
    page: { cursor: string | null; limit: number },
    filters: { enterpriseId?: string; type?: string; category?: string; from?: string; to?: string },
  ): Promise<IntersectionPage> {
    const conditions: string[] = [];
    const values: Record<string, unknown> = {};
    const when = (value: string | undefined, condition: string, name: string) => {
      if (value === undefined) return;
      conditions.push(condition);
      values[name] = value;
    };
    when(filters.enterpriseId, 'enterpriseId = :e', ':e');
    when(filters.type, '#type = :t', ':t');
    when(filters.category, 'category = :c', ':c');
    when(filters.from, 'createdAt >= :from', ':from');
    when(filters.to, 'createdAt < :to', ':to');
    const filter = conditions.length ? { FilterExpression: conditions.join(' AND '), ...(filters.type && { ExpressionAttributeNames: { '#type': 'type' } }), ExpressionAttributeValues: values } : undefined;
    // An appeal posting is ≤ 250 bytes: 16 are one read unit (0.5 RCU). At most 6 Queries a page (≤ 3 RCU); the
    // BatchGet of ≤ 10 queue entries after it is ≤ 5 RCU (0.5 each, found or not).
    return intersect({ pks: terms.map(searchKeys.appealTerm), scope, forward: false, cursor: page.cursor, limit: page.limit, perQuery: 16, maxQueries: 6, filter });
  },

  /** the current summaries of appeals (their entry in the enterprise's queue: status, officer, complaint), one BatchGet */
  async appealSummaries(postings: Record<string, unknown>[]): Promise<{ items: AppealSummary[]; capacity: number }> {
    if (postings.length === 0) return { items: [], capacity: 0 };
    const keysOf = postings.map((p) => ({ pk: `ENT#${p.enterpriseId}#APPEALS`, sk: `${p.createdAt}#${p.appealId}` }));
    const out = await db().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: keysOf } }, ReturnConsumedCapacity: 'TOTAL' }));
    const got = new Map((out.Responses?.[table()] ?? []).map((i) => [String(i.id), strip<AppealSummary & { order?: string }>(i)]));
    const capacity = out.ConsumedCapacity?.reduce((s, c) => s + (c.CapacityUnits ?? 0), 0) ?? 0;
    return { items: postings.map((p) => got.get(String(p.appealId))).filter((s): s is AppealSummary => s !== undefined), capacity };
  },

  /** enterprise id by credit code (the registration marker) */
  async enterpriseIdByCreditCode(code: string): Promise<string | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: keys.creditCode(code) }));
    return (out.Item?.enterpriseId as string | undefined) ?? null;
  },

  /** enterprise ids with a contact mobile (a few at most) */
  async enterpriseIdsByMobile(mobile: string): Promise<string[]> {
    const out = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': searchKeys.mobile(mobile) }, Limit: 20 }));
    return (out.Items ?? []).map((i) => String(i.enterpriseId));
  },
};
