import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { NotifyEvent, NotifyLink } from '../../shared/notifications/catalogue';
import { db, isConditionFailure, table } from '../lib/dynamo';
import type { Recipient } from './notification-repository';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * The notification outbox (发件箱): what a business write wants said, recorded in the same transaction as
 * the write and delivered afterwards by the notifier (DynamoDB Streams on AWS, the local stream reader in
 * dev/outbox-stream.ts locally).
 *
 * Access patterns and keys:
 *   outbox item by id                 pk OUTBOX#<ulid>   sk OUTBOX
 *   items waiting for delivery        none: the table's stream (INSERT of entity = outbox) is the queue,
 *                                     so no partition or index is shared by every write (no hot key)
 *
 * The item holds the recipients (boxes) and the message, and the delivery's progress: `inAppDone` once
 * the in-app notifications are written (their id is the outbox id, so a rewrite is a no-op), `handled`
 * the users whose subscribe message got a final answer. A delivered item is deleted; `ttl` removes one
 * the notifier gave up on (after the stream's retries and the on-failure destination).
 */
export type OutboxMessage = { event: NotifyEvent; title: string; body: string; link: NotifyLink | null };

export type OutboxItem = {
  id: string;
  recipients: Recipient[];
  message: OutboxMessage;
  /** false: the subscribe message only (e.g. a risk warning, whose in-app record is the feed entry). */
  inApp: boolean;
  createdAt: string;
  inAppDone: boolean;
  handled: string[];
  attempts: number;
};

/** An undelivered item is kept this long at most (DynamoDB's TTL, epoch seconds). */
const KEEP_DAYS = 7;

export const outboxKey = (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' });

const outboxRecord = (o: Pick<OutboxItem, 'id' | 'recipients' | 'message' | 'inApp' | 'createdAt'>) => ({
  ...outboxKey(o.id),
  entity: 'outbox',
  id: o.id,
  recipients: o.recipients,
  message: o.message,
  inApp: o.inApp,
  createdAt: o.createdAt,
  attempts: 0,
  ttl: Math.floor(Date.parse(o.createdAt) / 1000) + KEEP_DAYS * 86_400,
});

export const outboxRepository = {
  /** The Put of a new outbox item, for the caller's own transaction (one item, whatever the fan-out). */
  putWrite(o: Pick<OutboxItem, 'id' | 'recipients' | 'message' | 'inApp' | 'createdAt'>): TransactItem {
    return { Put: { TableName: table(), Item: outboxRecord(o), ConditionExpression: 'attribute_not_exists(pk)' } };
  },

  /** A new outbox item on its own (callers without a transaction). */
  async put(o: Pick<OutboxItem, 'id' | 'recipients' | 'message' | 'inApp' | 'createdAt'>): Promise<void> {
    await db().send(new PutCommand({ TableName: table(), Item: outboxRecord(o), ConditionExpression: 'attribute_not_exists(pk)' }));
  },

  /** outbox item by id (strongly consistent: its progress decides what a retried delivery skips) */
  async get(id: string): Promise<OutboxItem | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: outboxKey(id), ConsistentRead: true }));
    const i = out.Item;
    if (!i) return null;
    return {
      id: String(i.id),
      recipients: i.recipients as Recipient[],
      message: i.message as OutboxMessage,
      inApp: i.inApp !== false,
      createdAt: String(i.createdAt),
      inAppDone: i.inAppDone === true,
      handled: i.handled instanceof Set ? [...(i.handled as Set<string>)] : [],
      attempts: Number(i.attempts ?? 0),
    };
  },

  async markInAppDone(id: string): Promise<void> {
    await ignoreGone(
      db().send(new UpdateCommand({ TableName: table(), Key: outboxKey(id), UpdateExpression: 'SET inAppDone = :t', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':t': true } })),
    );
  },

  /** This user's subscribe message got a final answer (sent, refused, no grant): a retry skips them. */
  async markHandled(id: string, userId: string): Promise<void> {
    await ignoreGone(
      db().send(new UpdateCommand({ TableName: table(), Key: outboxKey(id), UpdateExpression: 'ADD handled :u', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':u': new Set([userId]) } })),
    );
  },

  /** One more failed delivery attempt (for the log and the local reader's give-up rule). */
  async recordAttempt(id: string, at: string): Promise<void> {
    await ignoreGone(
      db().send(
        new UpdateCommand({
          TableName: table(),
          Key: outboxKey(id),
          UpdateExpression: 'ADD attempts :one SET lastAttemptAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1, ':at': at },
        }),
      ),
    );
  },

  /** Delivered: the item goes (its REMOVE in the stream is filtered out by the notifier). */
  async remove(id: string): Promise<void> {
    await db().send(new DeleteCommand({ TableName: table(), Key: outboxKey(id) }));
  },
};

async function ignoreGone(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!isConditionFailure(error)) throw error; // delivered and removed by a concurrent run
  }
}
