import { BatchWriteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Notification } from '../../shared/schemas/notification';
import type { Page } from '../../shared/schemas/common';
import { NotFound } from '../../shared/errors';
import { TTL_DAYS, ttlAfter } from '../lib/ttl';
import { db, isConditionFailure, queryPage, table } from '../lib/dynamo';
import { mapLimit } from '../lib/parallel';
import { strip } from './keys';

/**
 * In-app notifications (站内消息). A box (recipient) is an enterprise (all its members share it), an
 * officer, a station's chief desk, or the centre.
 *
 * Access patterns and keys:
 *   notifications of a box, newest first      pk NOTIF#<box>                sk <ulid>
 *   unread notifications of a box (list, COUNT) gsi1 NOTIF#<box>#UNREAD      / <ulid>   (sparse: only while unread)
 *   mark one read                              UpdateItem on pk/sk: SET readAt and ttl (+180 days), REMOVE gsi1pk, gsi1sk,
 *                                              conditional on the item existing in the caller's box
 *
 * Why a sparse index and not a counter item: a risk warning fans out to thousands of boxes with plain
 * BatchWrite puts (25 a request); a counter would need one UpdateItem (or transaction) per box on every
 * notify and could drift from the items on partial failures. The COUNT Query reads only unread entries
 * (bounded by COUNT_LIMIT), so its cost follows what the user has not read yet, not the box's history.
 */
export type Recipient = `enterprise:${string}` | `officer:${string}` | `station:${string}` | 'centre';

export type NewNotification = Omit<Notification, 'id' | 'at' | 'readAt'>;

/** The app shows "99+" beyond this; reading further would only cost capacity. */
export const COUNT_LIMIT = 99;
/** BatchWrite requests in flight at once when fanning out. */
const WRITE_CONCURRENCY = 4;

const boxPk = (box: Recipient) => `NOTIF#${box}`;
const unreadPk = (box: Recipient) => `NOTIF#${box}#UNREAD`;

export const notificationItem = (box: Recipient, id: string, n: NewNotification, at: string) => ({
  pk: boxPk(box),
  sk: id,
  gsi1pk: unreadPk(box),
  gsi1sk: id,
  entity: 'notification',
  id,
  ...n,
  at,
  readAt: null,
});

const toNotification = (i: Record<string, unknown>) => {
  const n = strip<Notification & { recipient?: string }>(i);
  return { ...n, link: n.link ?? null, readAt: n.readAt ?? null };
};

async function batchWrite(items: Record<string, unknown>[]): Promise<void> {
  let pending = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; pending.length > 0; attempt++) {
    const out = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: pending } }));
    pending = (out.UnprocessedItems?.[table()] ?? []) as typeof pending;
    if (pending.length === 0) return;
    if (attempt >= 8) throw new Error(`BatchWrite left ${pending.length} notifications unprocessed`);
    await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
  }
}

export const notificationRepository = {
  /** Writes one notification into each box (deduplicated): BatchWrite of 25, a few requests in flight. */
  async add(recipients: Recipient[], n: NewNotification, now: Date): Promise<number> {
    const unique = [...new Set(recipients)];
    const at = now.toISOString();
    const chunks: Record<string, unknown>[][] = [];
    for (let i = 0; i < unique.length; i += 25) chunks.push(unique.slice(i, i + 25).map((box) => notificationItem(box, ulid(now.getTime()), n, at)));
    await mapLimit(chunks, WRITE_CONCURRENCY, batchWrite);
    return unique.length;
  },

  /**
   * Writes the notification of one outbox item into each box, idempotently: its id is the outbox item's
   * (a ULID of when the business write happened), so a retried delivery rewrites the same items instead
   * of adding new ones. BatchWrite (25 a request) keeps a 2,000-box fan-out cheap; the notifier marks the
   * outbox item once this returned, so only a crash in between rewrites (and re-marks unread) an item.
   */
  async addOnce(recipients: Recipient[], id: string, n: NewNotification, at: string): Promise<number> {
    const unique = [...new Set(recipients)];
    const chunks: Record<string, unknown>[][] = [];
    for (let i = 0; i < unique.length; i += 25) chunks.push(unique.slice(i, i + 25).map((box) => notificationItem(box, id, n, at)));
    await mapLimit(chunks, WRITE_CONCURRENCY, batchWrite);
    return unique.length;
  },

  /** notifications of a box, newest first */
  list(box: Recipient, page: { cursor?: string; limit: number }): Promise<Page<Notification>> {
    return queryPage({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': boxPk(box) }, ScanIndexForward: false }, page, toNotification);
  },

  /** unread notifications of a box, newest first */
  listUnread(box: Recipient, page: { cursor?: string; limit: number }): Promise<Page<Notification>> {
    return queryPage({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': unreadPk(box) }, ScanIndexForward: false }, page, toNotification);
  },

  /** how many notifications of a box are unread (up to COUNT_LIMIT + 1 read, so the cost stays bounded) */
  async countUnread(box: Recipient): Promise<{ count: number; capped: boolean; consumedCapacity: number }> {
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': unreadPk(box) },
        Select: 'COUNT',
        Limit: COUNT_LIMIT + 1,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    const n = out.Count ?? 0;
    return { count: Math.min(n, COUNT_LIMIT), capped: n > COUNT_LIMIT, consumedCapacity: out.ConsumedCapacity?.CapacityUnits ?? 0 };
  },

  /**
   * Marks one notification of a box read. The key includes the box, so another box's id is simply not
   * found. Already read: unchanged, answers the first readAt (idempotent).
   */
  async markRead(box: Recipient, id: string, now: Date): Promise<{ id: string; readAt: string; consumedCapacity: number }> {
    try {
      const out = await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: { pk: boxPk(box), sk: id },
          UpdateExpression: 'SET readAt = :now, #ttl = :ttl REMOVE gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(readAt) OR readAt = :null)',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':now': now.toISOString(), ':null': null, ':ttl': ttlAfter(now, TTL_DAYS.readNotification) },
          ReturnValues: 'ALL_OLD',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      return { id, readAt: now.toISOString(), consumedCapacity: out.ConsumedCapacity?.CapacityUnits ?? 0 };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // The old item comes back in DynamoDB's wire format (the document client does not convert errors).
      const old = (error as { Item?: Record<string, { S?: string }> }).Item;
      if (!old) throw new NotFound('消息', 'NOTIFICATION_NOT_FOUND');
      return { id, readAt: old.readAt?.S ?? now.toISOString(), consumedCapacity: 0 };
    }
  },

  /** Marks every unread notification of a box read: pages through the unread index, a few updates in flight. */
  async markAllRead(box: Recipient, now: Date): Promise<number> {
    let marked = 0;
    let cursor: string | undefined;
    do {
      const page = await this.listUnread(box, { cursor, limit: 100 });
      await mapLimit(page.items, 8, async (n) => {
        try {
          await db().send(
            new UpdateCommand({
              TableName: table(),
              Key: { pk: boxPk(box), sk: n.id },
              UpdateExpression: 'SET readAt = :now, #ttl = :ttl REMOVE gsi1pk, gsi1sk',
              ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(readAt) OR readAt = :null)',
              ExpressionAttributeNames: { '#ttl': 'ttl' },
              ExpressionAttributeValues: { ':now': now.toISOString(), ':null': null, ':ttl': ttlAfter(now, TTL_DAYS.readNotification) },
            }),
          );
          marked += 1;
        } catch (error) {
          if (!isConditionFailure(error)) throw error; // read meanwhile: nothing to do
        }
      });
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return marked;
  },
};
