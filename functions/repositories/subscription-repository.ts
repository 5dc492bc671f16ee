import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Delivery } from '../../shared/notifications/schemas';
import type { Page } from '../../shared/schemas/common';
import { collectAll, db, isConditionFailure, queryPage, readAllWithPrefix, table } from '../lib/dynamo';
import { TTL_DAYS, ttlAfter } from '../lib/ttl';
import { strip } from './keys';
import type { Recipient } from './notification-repository';

/**
 * WeChat subscribe-message grants (一次性订阅) and the delivery log.
 *
 * Access patterns and keys:
 *   a user's grants (remaining per template)     pk USER#<userId>  sk SUBGRANT#<templateId>
 *   grant holders of a template in a box          gsi1 SUBGRANT#<templateId> / <box>#<userId>
 *       (sparse: the index entry exists only while count > 0; one Query per box for a few boxes, or
 *        one paged Query of the template's holders filtered in memory when a message fans out to many)
 *   a user's delivery attempts, newest first      pk USER#<userId>  sk SUBMSG#<ulid>
 *
 * A grant item holds `count` (each 'accept' adds one), the user's openid and box at grant time.
 * Consuming is `SET count = count - 1` conditional on count > 0, so two concurrent sends of one grant
 * give exactly one message; giving a grant back (final transient failure) is `ADD count 1`.
 */
export type GrantHolder = { userId: string; box: Recipient; openid: string; templateId: string; count: number };

const grantKey = (userId: string, templateId: string) => ({ pk: `USER#${userId}`, sk: `SUBGRANT#${templateId}` });
const holdersPk = (templateId: string) => `SUBGRANT#${templateId}`;
const holderSk = (box: Recipient, userId: string) => `${box}#${userId}`;

const toHolder = (i: Record<string, unknown>): GrantHolder => ({
  userId: String(i.userId),
  box: i.box as Recipient,
  openid: String(i.openid),
  templateId: String(i.templateId),
  count: Number(i.count ?? 0),
});

/** Beyond this many boxes, read the template's holders once instead of one Query per box. */
const PER_BOX_QUERIES = 20;

/** The template's grant holders (optionally of one box), every page of the holders index. */
const holderItems = (templateId: string, box?: Recipient) =>
  collectAll((cursor) =>
    queryPage(
      box
        ? { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :p)', ExpressionAttributeValues: { ':pk': holdersPk(templateId), ':p': `${box}#` } }
        : { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': holdersPk(templateId) } },
      { cursor, limit: 100 },
      toHolder,
    ),
  );

export const subscriptionRepository = {
  /** Adds `accepted` one-time grants of a template to a user (creates the grant on first accept). */
  async addGrants(user: { userId: string; openid: string; box: Recipient }, templateId: string, accepted: number, now: Date): Promise<number> {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: grantKey(user.userId, templateId),
        UpdateExpression: 'ADD #count :n SET entity = :e, userId = :u, templateId = :t, openid = :o, box = :b, gsi1pk = :gpk, gsi1sk = :gsk, updatedAt = :now',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: {
          ':n': accepted,
          ':e': 'subgrant',
          ':u': user.userId,
          ':t': templateId,
          ':o': user.openid,
          ':b': user.box,
          ':gpk': holdersPk(templateId),
          ':gsk': holderSk(user.box, user.userId),
          ':now': now.toISOString(),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Number(out.Attributes?.count ?? 0);
  },

  /** a user's grants (remaining per template) */
  async grantsOf(userId: string): Promise<Record<string, number>> {
    const items = await readAllWithPrefix(`USER#${userId}`, 'SUBGRANT#');
    return Object.fromEntries(items.map((i) => [String(i.templateId), Number(i.count ?? 0)]));
  },

  /** grant holders of a template among the given boxes */
  async holders(templateId: string, boxes: Recipient[]): Promise<GrantHolder[]> {
    const unique = [...new Set(boxes)];
    if (unique.length === 0) return [];
    if (unique.length > PER_BOX_QUERIES) {
      const wanted = new Set<string>(unique);
      return (await holderItems(templateId)).filter((h) => wanted.has(h.box) && h.count > 0);
    }
    const per = await Promise.all(unique.map((box) => holderItems(templateId, box)));
    return per.flat().filter((h) => h.count > 0);
  },

  /**
   * Takes one grant before sending: false when none is left (someone else used it, or the user moved
   * to another box). The last grant also leaves the holders index.
   */
  async consume(h: GrantHolder): Promise<boolean> {
    try {
      const out = await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: grantKey(h.userId, h.templateId),
          UpdateExpression: 'SET #count = #count - :one',
          ConditionExpression: '#count > :zero AND box = :box',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':box': h.box },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      if (Number(out.Attributes?.count) === 0) {
        await db()
          .send(
            new UpdateCommand({
              TableName: table(),
              Key: grantKey(h.userId, h.templateId),
              UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
              ConditionExpression: '#count = :zero',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':zero': 0 },
            }),
          )
          .catch((error) => {
            if (!isConditionFailure(error)) throw error; // a new grant arrived meanwhile: stay listed
          });
      }
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** Gives a consumed grant back (the message could not be delivered for reasons not the user's). */
  async restore(h: GrantHolder): Promise<void> {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: grantKey(h.userId, h.templateId),
        UpdateExpression: 'ADD #count :one SET gsi1pk = :gpk, gsi1sk = :gsk',
        ConditionExpression: 'attribute_exists(pk) AND box = :box',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':one': 1, ':gpk': holdersPk(h.templateId), ':gsk': holderSk(h.box, h.userId), ':box': h.box },
      }),
    );
  },

  /** Appends one attempt to the user's delivery log. */
  async recordDelivery(userId: string, d: Omit<Delivery, 'id'>): Promise<void> {
    const id = ulid(Date.parse(d.at));
    await db().send(new PutCommand({ TableName: table(), Item: { pk: `USER#${userId}`, sk: `SUBMSG#${id}`, entity: 'submsg', id, userId, ...d, ttl: ttlAfter(d.at, TTL_DAYS.deliveryRecord) } }));
  },

  /** a user's delivery attempts, newest first */
  deliveries(userId: string, page: { cursor?: string; limit: number }): Promise<Page<Delivery>> {
    return queryPage({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':p': 'SUBMSG#' }, ScanIndexForward: false }, page, (i) => {
      const { userId: _u, ...rest } = strip<Delivery & { userId: string }>(i);
      return rest;
    });
  },
};
