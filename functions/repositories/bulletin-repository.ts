/**
 * Bulletins (通知公告) in the single table, delivered by fan-out on write: publishing writes one feed entry
 * per addressed enterprise, so every read an enterprise makes is one Query on its own partition.
 *
 * Access patterns and the key or index that serves each:
 *   bulletin by id                          pk BULLETIN#<id>            sk BULLETIN
 *   its counters (送达/阅知/提醒)             pk BULLETIN#<id>            sk COUNTS    (small, no GSI: a 已阅知 or a
 *                                           checkpoint rewrites ~100 bytes, not the bulletin and its two GSI copies)
 *   bulletins of a publisher, newest first  gsi1 BULLETINS#PUB#<officerId|adminId> / <createdAt>#<id>
 *   bulletins of a station (chief's list)   gsi2 BULLETINS#STATION#<sid> / <createdAt>#<id>   (centre's: BULLETINS#CENTRE)
 *   scheduled bulletins due by time         gsi3 BULLETINS#SCHEDULED / <publishAt>#<id>       (sparse: only while 定时)
 *   delivery job of a bulletin              pk BULLETIN#<id>            sk JOB
 *   delivery jobs still running             gsi3 BULLETIN#JOBS / <createdAt>#<id>            (deleted when done)
 *   feed of an enterprise, newest first     pk FEED#<entId>             sk <publishedAt>#<bulletinId>
 *   feed of an enterprise by kind           gsi1 FEED#<entId>#<kind> / <publishedAt>#<bulletinId>
 *   unread entries of an enterprise         gsi2 FEED#<entId>#UNREAD / <publishedAt>#<bulletinId> (sparse: removed on read)
 *   receipts of a risk warning              gsi3 RECEIPT#<bulletinId>#UNREAD / <stationId>#<entName>#<entId>
 *                                           gsi3 RECEIPT#<bulletinId>#READ / <readAt>#<entId>  (only kind 'risk')
 *
 * The job walks the audience (enterprises of a station: gsi2 STATION#<sid>#ENTS; of an industry: gsi3
 * INDUSTRY#<industry>, optionally begins_with <stationId>#; chosen ones by id), writes entries with
 * conditional puts (a rerun never resets a read), and checkpoints its cursor together with the counters'
 * audienceCount in one transaction, so a crash resumes where it stopped and the count stays exact.
 */
import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, VersionConflict } from '../../shared/errors';
import { needsAcknowledgement, UNREAD_CAP, type BulletinKind } from '../../shared/bulletins/catalogue';
import type { Bulletin, FeedEntry, Receipt } from '../../shared/bulletins/schemas';
import type { Enterprise } from '../../shared/schemas/enterprise';
import type { Page } from '../../shared/schemas/common';
import { mapLimit } from '../lib/parallel';
import { cancellationCodes, cancelledIndexes, db, isConditionFailure, queryPage, table, TRANSACTION_ATTEMPTS, transactionBackoff } from '../lib/dynamo';
import { keys, strip } from './keys';
import type { TransactItem } from './stats-repository';

export const bulletinKeys = {
  bulletin: (id: string) => ({ pk: `BULLETIN#${id}`, sk: 'BULLETIN' }),
  job: (id: string) => ({ pk: `BULLETIN#${id}`, sk: 'JOB' }),
  counts: (id: string) => ({ pk: `BULLETIN#${id}`, sk: 'COUNTS' }),
  entry: (enterpriseId: string, publishedAt: string, bulletinId: string) => ({ pk: `FEED#${enterpriseId}`, sk: `${publishedAt}#${bulletinId}` }),
  byPublisher: (publisherId: string) => `BULLETINS#PUB#${publisherId}`,
  byStation: (stationId: string | null) => (stationId ? `BULLETINS#STATION#${stationId}` : 'BULLETINS#CENTRE'),
  scheduled: () => 'BULLETINS#SCHEDULED',
  jobs: () => 'BULLETIN#JOBS',
  feedKind: (enterpriseId: string, kind: BulletinKind) => `FEED#${enterpriseId}#${kind}`,
  unread: (enterpriseId: string) => `FEED#${enterpriseId}#UNREAD`,
  receipts: (bulletinId: string, state: 'read' | 'unread') => `RECEIPT#${bulletinId}#${state === 'read' ? 'READ' : 'UNREAD'}`,
};

/** One slice of an audience the job walks: an index partition (optionally a sort-key prefix) or chosen ids. */
export type AudiencePart = { index: 'gsi2' | 'gsi3'; pk: string; prefix?: string } | { ids: string[] };

/** A delivery job: 'fanout' writes the entries, 'retract' (after withdrawal) deletes them. */
export type BulletinJob = {
  bulletinId: string;
  mode: 'fanout' | 'retract';
  parts: AudiencePart[];
  /** where the walk stands: the part, and within it the last evaluated key (index) or offset (ids) */
  partIndex: number;
  position: Record<string, unknown> | number | null;
  processed: number;
  createdAt: string;
  version: number;
};

export type AudienceMember = Pick<Enterprise, 'id' | 'name' | 'stationId' | 'industry'>;
type Stored = Record<string, unknown>;

/** The counters kept apart from the bulletin (see the header). `open` turns false on withdrawal. */
const COUNTER_FIELDS = ['audienceCount', 'readCount', 'delivered', 'remindedAt'] as const;
const countsItem = (b: Bulletin) => ({
  ...bulletinKeys.counts(b.id),
  entity: 'bulletin-counts',
  audienceCount: b.audienceCount,
  readCount: b.readCount,
  delivered: b.delivered,
  remindedAt: b.remindedAt,
  open: b.status !== 'withdrawn',
});
const withoutCounts = (b: Bulletin) => {
  const rest: Record<string, unknown> = { ...b };
  for (const f of COUNTER_FIELDS) delete rest[f];
  return rest;
};
const merge = (bulletin: Record<string, unknown>, counts: Record<string, unknown> | undefined): Bulletin => ({
  ...strip<Bulletin>(bulletin),
  audienceCount: (counts?.audienceCount as number | undefined) ?? 0,
  readCount: (counts?.readCount as number | undefined) ?? 0,
  delivered: (counts?.delivered as boolean | undefined) ?? false,
  remindedAt: (counts?.remindedAt as string | null | undefined) ?? null,
});

/** The counters of several bulletins, by id (a list page's worth). */
async function countsOf(ids: string[], consistent = false): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < ids.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead?: boolean }> | undefined = {
      [table()]: { Keys: ids.slice(i, i + 100).map((id) => bulletinKeys.counts(id)), ConsistentRead: consistent },
    };
    while (request && Object.keys(request).length) {
      const out = await db().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of out.Responses?.[table()] ?? []) found.set(String(item.pk).slice('BULLETIN#'.length), item);
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

async function withCounts(page: Page<Record<string, unknown>>): Promise<Page<Bulletin>> {
  const counts = await countsOf(page.items.map((i) => i.id as string));
  return { items: page.items.map((i) => merge(i, counts.get(i.id as string))), nextCursor: page.nextCursor };
}

const bulletinItem = (b: Bulletin) => ({
  ...bulletinKeys.bulletin(b.id),
  entity: 'bulletin',
  gsi1pk: bulletinKeys.byPublisher(b.publisher.id),
  gsi1sk: `${b.createdAt}#${b.id}`,
  gsi2pk: bulletinKeys.byStation(b.publisher.role === 'centre' ? null : b.publisher.stationId),
  gsi2sk: `${b.createdAt}#${b.id}`,
  ...(b.status === 'scheduled' ? { gsi3pk: bulletinKeys.scheduled(), gsi3sk: `${b.publishAt}#${b.id}` } : {}),
  ...withoutCounts(b),
});

const jobItem = (j: BulletinJob) => ({ ...bulletinKeys.job(j.bulletinId), entity: 'bulletin-job', gsi3pk: bulletinKeys.jobs(), gsi3sk: `${j.createdAt}#${j.bulletinId}`, ...j });

/** The feed entry of one enterprise for one bulletin: small, so a feed page of 20 is a couple of read units. */
export function entryItem(b: Pick<Bulletin, 'id' | 'kind' | 'title' | 'summary' | 'publisher'> & { publishedAt: string }, e: AudienceMember) {
  const sk = `${b.publishedAt}#${b.id}`;
  return {
    ...bulletinKeys.entry(e.id, b.publishedAt, b.id),
    entity: 'feed-entry',
    gsi1pk: bulletinKeys.feedKind(e.id, b.kind),
    gsi1sk: sk,
    gsi2pk: bulletinKeys.unread(e.id),
    gsi2sk: sk,
    ...(needsAcknowledgement(b.kind) ? { gsi3pk: bulletinKeys.receipts(b.id, 'unread'), gsi3sk: `${e.stationId}#${e.name}#${e.id}` } : {}),
    bulletinId: b.id,
    kind: b.kind,
    title: b.title,
    summary: b.summary,
    publisherName: b.publisher.name,
    publishedAt: b.publishedAt,
    enterpriseId: e.id,
    enterpriseName: e.name,
    stationId: e.stationId,
  };
}

const toEntry = (i: Stored): FeedEntry => ({
  bulletinId: i.bulletinId as string,
  kind: i.kind as BulletinKind,
  title: i.title as string,
  summary: i.summary as string,
  publisherName: i.publisherName as string,
  publishedAt: i.publishedAt as string,
  readAt: (i.readAt as string | undefined) ?? null,
});
const toReceipt = (i: Stored): Receipt => ({
  enterpriseId: i.enterpriseId as string,
  enterpriseName: i.enterpriseName as string,
  stationId: i.stationId as string,
  readAt: (i.readAt as string | undefined) ?? null,
});

export const PUT_CONCURRENCY = 25;

export const bulletinRepository = {
  /** bulletin by id */
  async get(id: string): Promise<Bulletin | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: bulletinKeys.bulletin(id), ConsistentRead: true }));
    if (!out.Item) return null;
    return merge(out.Item, (await countsOf([id], true)).get(id));
  },

  /** Create a bulletin, and for an immediate one its fan-out job, together. */
  /**
   * A new bulletin, its counters and (published now) its delivery job; its file is linked in the same
   * transaction (`attachmentWrites`, conditional on being the publisher's unlinked upload). Answers
   * 'attachments' when only that condition failed.
   */
  async create(b: Bulletin, job: BulletinJob | null, attachmentWrites: TransactItem[] = []): Promise<'ok' | 'attachments'> {
    const items: TransactItem[] = [
      { Put: { TableName: table(), Item: bulletinItem(b), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: table(), Item: countsItem(b), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...(job ? [{ Put: { TableName: table(), Item: jobItem(job), ConditionExpression: 'attribute_not_exists(pk)' } }] : []),
    ];
    const attachmentsFrom = items.length;
    items.push(...attachmentWrites);
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return 'ok';
    } catch (error) {
      const failed = cancelledIndexes(error);
      if (failed && failed.length > 0 && failed.every((i) => i >= attachmentsFrom)) return 'attachments';
      throw error;
    }
  },

  /** bulletins of a publisher, newest first */
  async listByPublisher(publisherId: string, page: { cursor?: string; limit: number }): Promise<Page<Bulletin>> {
    return withCounts(await queryPage({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': bulletinKeys.byPublisher(publisherId) }, ScanIndexForward: false }, page, (i) => i));
  },

  /** bulletins of a station's officers and chief (or, with null, of the centre), newest first */
  async listByStation(stationId: string | null, page: { cursor?: string; limit: number }): Promise<Page<Bulletin>> {
    return withCounts(await queryPage({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': bulletinKeys.byStation(stationId) }, ScanIndexForward: false }, page, (i) => i));
  },

  /** scheduled bulletins due by `now` */
  listDue(now: string, page: { cursor?: string; limit: number }): Promise<Page<Bulletin>> {
    return queryPage({ IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :due', ExpressionAttributeValues: { ':pk': bulletinKeys.scheduled(), ':due': `${now}#~` } }, page, (i) =>
      merge(i, undefined),
    );
  },

  /** Publish a scheduled bulletin and start its fan-out: only once, whoever gets there first. */
  async publishScheduled(b: Bulletin, publishedAt: string, job: BulletinJob): Promise<Bulletin> {
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table(),
                Key: bulletinKeys.bulletin(b.id),
                UpdateExpression: 'SET #s = :pub, publishedAt = :at, version = version + :one REMOVE gsi3pk, gsi3sk',
                ConditionExpression: '#s = :sched AND version = :v',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':pub': 'published', ':sched': 'scheduled', ':at': publishedAt, ':one': 1, ':v': b.version },
              },
            },
            { Put: { TableName: table(), Item: jobItem(job), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
    } catch (error) {
      if (cancelledIndexes(error)) throw new VersionConflict('通知');
      throw error;
    }
    return { ...b, status: 'published', publishedAt, version: b.version + 1 };
  },

  /**
   * Withdraw: the bulletin leaves every list it was in, and its job is replaced by a retraction (or, if it
   * was never published, simply removed). A fan-out still running finds its job gone and stops.
   */
  async withdraw(b: Bulletin, now: string, retract: BulletinJob | null): Promise<Bulletin> {
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table(),
                Key: bulletinKeys.bulletin(b.id),
                UpdateExpression: 'SET #s = :w, withdrawnAt = :now, version = version + :one REMOVE gsi3pk, gsi3sk',
                ConditionExpression: 'version = :v AND #s <> :w',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':w': 'withdrawn', ':now': now, ':one': 1, ':v': b.version },
              },
            },
            { Update: { TableName: table(), Key: bulletinKeys.counts(b.id), UpdateExpression: 'SET #open = :f', ExpressionAttributeNames: { '#open': 'open' }, ExpressionAttributeValues: { ':f': false } } },
            retract ? { Put: { TableName: table(), Item: jobItem(retract) } } : { Delete: { TableName: table(), Key: bulletinKeys.job(b.id) } },
          ],
        }),
      );
    } catch (error) {
      if (cancelledIndexes(error)) throw new VersionConflict('通知');
      throw error;
    }
    return { ...b, status: 'withdrawn', withdrawnAt: now, version: b.version + 1 };
  },

  /** delivery job of a bulletin */
  async getJob(bulletinId: string): Promise<BulletinJob | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: bulletinKeys.job(bulletinId), ConsistentRead: true }));
    return out.Item ? strip<BulletinJob>(out.Item) : null;
  },

  /** delivery jobs still running, oldest first */
  listJobs(page: { cursor?: string; limit: number }): Promise<Page<BulletinJob>> {
    return queryPage({ IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :pk', ExpressionAttributeValues: { ':pk': bulletinKeys.jobs() } }, page, (i) => strip<BulletinJob>(i));
  },

  /** The next slice of the audience from where the job stands: up to `limit` enterprises and the position after them. */
  async audienceSlice(part: AudiencePart, position: BulletinJob['position'], limit: number): Promise<{ members: AudienceMember[]; next: BulletinJob['position']; done: boolean }> {
    const project = (i: Stored): AudienceMember => ({ id: i.id as string, name: i.name as string, stationId: i.stationId as string, industry: i.industry as Enterprise['industry'] });
    if ('ids' in part) {
      const offset = typeof position === 'number' ? position : 0;
      const ids = part.ids.slice(offset, offset + Math.min(limit, 100));
      const found = new Map<string, AudienceMember>();
      let request: Record<string, { Keys: Stored[] }> | undefined = ids.length ? { [table()]: { Keys: ids.map((id) => keys.enterprise(id)) } } : undefined;
      while (request && Object.keys(request).length) {
        const out = await db().send(new BatchGetCommand({ RequestItems: request }));
        for (const i of out.Responses?.[table()] ?? []) found.set(i.id as string, project(i));
        request = out.UnprocessedKeys as typeof request;
      }
      const end = offset + ids.length;
      return { members: ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : [])), next: end, done: end >= part.ids.length };
    }
    const keyName = part.index === 'gsi2' ? 'gsi2pk' : 'gsi3pk';
    const sortName = part.index === 'gsi2' ? 'gsi2sk' : 'gsi3sk';
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        IndexName: part.index,
        KeyConditionExpression: part.prefix ? `${keyName} = :pk AND begins_with(${sortName}, :prefix)` : `${keyName} = :pk`,
        ExpressionAttributeValues: { ':pk': part.pk, ...(part.prefix ? { ':prefix': part.prefix } : {}) },
        ExclusiveStartKey: position && typeof position === 'object' ? position : undefined,
        Limit: limit,
      }),
    );
    return { members: (out.Items ?? []).map(project), next: out.LastEvaluatedKey ?? null, done: !out.LastEvaluatedKey };
  },

  /** Write the entries of one slice; an entry that exists already is left as it is (its read stays). Returns the enterprises newly reached. */
  async putEntries(b: Bulletin & { publishedAt: string }, members: AudienceMember[]): Promise<string[]> {
    const written = await mapLimit(members, PUT_CONCURRENCY, async (m) => {
      try {
        await db().send(new PutCommand({ TableName: table(), Item: entryItem(b, m), ConditionExpression: 'attribute_not_exists(pk)' }));
        return m.id;
      } catch (error) {
        if (isConditionFailure(error)) return null;
        throw error;
      }
    });
    return written.filter((id): id is string => id !== null);
  },

  /** Delete the entries of one slice (retraction after withdrawal). */
  async deleteEntries(b: Bulletin & { publishedAt: string }, members: AudienceMember[]): Promise<void> {
    await mapLimit(members, PUT_CONCURRENCY, (m) => db().send(new DeleteCommand({ TableName: table(), Key: bulletinKeys.entry(m.id, b.publishedAt, b.id) })));
  },

  /**
   * Move the job's cursor on, and with a fan-out add the slice to the bulletin's audienceCount, in one
   * transaction: false when the job has changed (withdrawn, or another worker moved it) — the caller stops.
   */
  async checkpoint(job: BulletinJob, partIndex: number, position: BulletinJob['position'], reached: number): Promise<boolean> {
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table(),
                Key: bulletinKeys.job(job.bulletinId),
                UpdateExpression: 'SET partIndex = :p, #pos = :pos, #proc = #proc + :n, version = version + :one',
                ConditionExpression: 'version = :v AND #mode = :mode',
                ExpressionAttributeNames: { '#pos': 'position', '#mode': 'mode', '#proc': 'processed' },
                ExpressionAttributeValues: { ':p': partIndex, ':pos': position, ':n': reached, ':one': 1, ':v': job.version, ':mode': job.mode },
              },
            },
            ...(job.mode === 'fanout' && reached > 0
              ? [
                  {
                    Update: {
                      TableName: table(),
                      Key: bulletinKeys.counts(job.bulletinId),
                      UpdateExpression: 'ADD #ac :n',
                      ExpressionAttributeNames: { '#ac': 'audienceCount' },
                      ExpressionAttributeValues: { ':n': reached },
                    },
                  },
                ]
              : []),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (cancelledIndexes(error)) return false;
      throw error;
    }
  },

  /** The walk is over: remove the job, and with a fan-out mark the bulletin delivered. */
  async finishJob(job: BulletinJob): Promise<boolean> {
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: table(),
                Key: bulletinKeys.job(job.bulletinId),
                ConditionExpression: 'version = :v AND #mode = :mode',
                ExpressionAttributeNames: { '#mode': 'mode' },
                ExpressionAttributeValues: { ':v': job.version, ':mode': job.mode },
              },
            },
            ...(job.mode === 'fanout'
              ? [
                  {
                    Update: {
                      TableName: table(),
                      Key: bulletinKeys.counts(job.bulletinId),
                      UpdateExpression: 'SET #d = :t',
                      ConditionExpression: '#open = :t',
                      ExpressionAttributeNames: { '#open': 'open', '#d': 'delivered' },
                      ExpressionAttributeValues: { ':t': true },
                    },
                  },
                ]
              : []),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (cancelledIndexes(error)) return false;
      throw error;
    }
  },

  /** feed of an enterprise, newest first (optionally one kind) */
  listFeed(enterpriseId: string, kind: BulletinKind | undefined, page: { cursor?: string; limit: number }) {
    return kind
      ? queryPage({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': bulletinKeys.feedKind(enterpriseId, kind) }, ScanIndexForward: false }, page, toEntry)
      : queryPage({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `FEED#${enterpriseId}` }, ScanIndexForward: false }, page, toEntry);
  },

  /** unread entries of an enterprise, newest first, at most UNREAD_CAP: the kinds are counted by the caller */
  async unreadKinds(enterpriseId: string): Promise<{ kinds: BulletinKind[]; capped: boolean; consumed: number }> {
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': bulletinKeys.unread(enterpriseId) },
        ProjectionExpression: '#k',
        ExpressionAttributeNames: { '#k': 'kind' },
        ScanIndexForward: false,
        Limit: UNREAD_CAP,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    const kinds = (out.Items ?? []).map((i) => i.kind as BulletinKind);
    return { kinds, capped: kinds.length >= UNREAD_CAP && !!out.LastEvaluatedKey, consumed: out.ConsumedCapacity?.CapacityUnits ?? 0 };
  },

  /** the entry of one enterprise for one bulletin */
  async getEntry(enterpriseId: string, publishedAt: string, bulletinId: string): Promise<(FeedEntry & { stationId: string }) | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: bulletinKeys.entry(enterpriseId, publishedAt, bulletinId), ConsistentRead: true }));
    return out.Item ? { ...toEntry(out.Item), stationId: out.Item.stationId as string } : null;
  },

  /**
   * Mark read. A risk warning's 已阅知 moves the entry from the bulletin's UNREAD receipts to READ and adds
   * one to the counters' readCount in the same transaction; concurrent confirms of other enterprises contend on that
   * counter and are retried. Reading twice changes nothing and answers with the first time.
   */
  async markRead(b: Bulletin & { publishedAt: string }, enterpriseId: string, now: string): Promise<{ readAt: string; first: boolean }> {
    const key = bulletinKeys.entry(enterpriseId, b.publishedAt, b.id);
    const entryUpdate = {
      TableName: table(),
      Key: key,
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
      ...(needsAcknowledgement(b.kind)
        ? {
            UpdateExpression: 'SET readAt = :now, gsi3pk = :read, gsi3sk = :rsk REMOVE gsi2pk, gsi2sk',
            ExpressionAttributeValues: { ':now': now, ':read': bulletinKeys.receipts(b.id, 'read'), ':rsk': `${now}#${enterpriseId}` },
          }
        : { UpdateExpression: 'SET readAt = :now REMOVE gsi2pk, gsi2sk', ExpressionAttributeValues: { ':now': now } }),
    };
    const already = async () => {
      const entry = await this.getEntry(enterpriseId, b.publishedAt, b.id);
      if (!entry?.readAt) throw new Conflict('BULLETIN_NOT_DELIVERED', '该通知尚未送达本企业，请稍后再试');
      return { readAt: entry.readAt, first: false };
    };
    if (!needsAcknowledgement(b.kind)) {
      try {
        await db().send(new UpdateCommand(entryUpdate));
        return { readAt: now, first: true };
      } catch (error) {
        if (isConditionFailure(error)) return already();
        throw error;
      }
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await db().send(
          new TransactWriteCommand({
            TransactItems: [
              { Update: entryUpdate },
              {
                Update: {
                  TableName: table(),
                  Key: bulletinKeys.counts(b.id),
                  UpdateExpression: 'ADD #rc :one',
                  ConditionExpression: '#open = :t',
                  ExpressionAttributeNames: { '#open': 'open', '#rc': 'readCount' },
                  ExpressionAttributeValues: { ':one': 1, ':t': true },
                },
              },
            ],
          }),
        );
        return { readAt: now, first: true };
      } catch (error) {
        const reasons = cancellationCodes(error);
        if (!reasons) throw error;
        if (reasons[1] === 'ConditionalCheckFailed') throw new Conflict('BULLETIN_WITHDRAWN', '该通知已撤回');
        if (reasons[0] === 'ConditionalCheckFailed') return already();
        if (reasons.includes('TransactionConflict') && attempt < TRANSACTION_ATTEMPTS) {
          await transactionBackoff(attempt);
          continue;
        }
        throw new Conflict('BULLETIN_BUSY', '确认的企业较多，请稍后重试');
      }
    }
  },

  /** receipts of a risk warning: who has read it (latest first) or not (by station and name) */
  listReceipts(bulletinId: string, state: 'read' | 'unread', page: { cursor?: string; limit: number }): Promise<Page<Receipt>> {
    return queryPage({ IndexName: 'gsi3', KeyConditionExpression: 'gsi3pk = :pk', ExpressionAttributeValues: { ':pk': bulletinKeys.receipts(bulletinId, state) }, ScanIndexForward: state === 'unread' }, page, toReceipt);
  },

  /** Claim the day's reminder: only one 「提醒未阅企业」 per bulletin within the interval. */
  async claimReminder(id: string, now: string, notBefore: string): Promise<boolean> {
    try {
      await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: bulletinKeys.counts(id),
          UpdateExpression: 'SET remindedAt = :now',
          ConditionExpression: '#open = :t AND (attribute_not_exists(remindedAt) OR attribute_type(remindedAt, :nullType) OR remindedAt <= :cutoff)',
          ExpressionAttributeNames: { '#open': 'open' },
          ExpressionAttributeValues: { ':now': now, ':t': true, ':cutoff': notBefore, ':nullType': 'NULL' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
};
