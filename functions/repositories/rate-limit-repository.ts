import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { rateWindow, type RateLimit } from '../../shared/domain/rate-limits';
import { db, isConditionFailure, table } from '../lib/dynamo';

/**
 * Rate-limit counters (the console's per-IP minute counter, generalised):
 *   events of a subject in a window    pk RATE#<limit>#<subject>   sk <window start>   (ADD n, ttl = window end + 1 h)
 * `subject` is `user:<id>` or `openid:<openid>`. One item per subject and window, so a window is one GetItem.
 */
export const rateKeys = { counter: (name: string, subject: string, windowStart: string) => ({ pk: `RATE#${name}#${subject}`, sk: windowStart }) };

const ttlOf = (endsAt: Date) => Math.floor(endsAt.getTime() / 1000) + 3600;

export const rateLimitRepository = {
  /** events counted for a subject in the current window */
  async count(name: string, limit: RateLimit, subject: string, now: Date): Promise<number> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: rateKeys.counter(name, subject, rateWindow(limit, now).start), ConsistentRead: true }));
    return (out.Item?.n as number | undefined) ?? 0;
  },

  /** count one event (a failure that has happened) */
  async add(name: string, limit: RateLimit, subject: string, now: Date): Promise<void> {
    const w = rateWindow(limit, now);
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: rateKeys.counter(name, subject, w.start),
        UpdateExpression: 'SET entity = :e, #ttl = :ttl ADD n :one',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':e': 'rate', ':ttl': ttlOf(w.endsAt), ':one': 1 },
      }),
    );
  },

  /** take one of the window's allowances (ADD conditional on n < max); false when the subject has had its share */
  async take(name: string, limit: RateLimit, subject: string, now: Date): Promise<boolean> {
    const w = rateWindow(limit, now);
    try {
      await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: rateKeys.counter(name, subject, w.start),
          UpdateExpression: 'SET entity = :e, #ttl = :ttl ADD n :one',
          ConditionExpression: 'attribute_not_exists(n) OR n < :max',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':e': 'rate', ':ttl': ttlOf(w.endsAt), ':one': 1, ':max': limit.max },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
};
