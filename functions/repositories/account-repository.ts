import { BatchWriteCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '../../shared/errors';
import { localDateOf } from '../../shared/bookings/slots';
import type { Enterprise } from '../../shared/schemas/enterprise';
import type { EnterpriseHistoryEntry } from '../../shared/privacy/rights';
import { cancelledIndexes, db, isConditionFailure, table } from '../lib/dynamo';
import { keys } from './keys';
import { bookingKeys, queueKeys, type BookingRecord } from './booking-repository';
import { enterpriseHistoryItem } from './enterprise-repository';
import type { UserRecord } from './user-repository';

type Key = { pk: string; sk: string };

/** What an erased name reads as wherever a record has to stay. */
export const ANONYMOUS = '已注销用户';

/**
 * 注销 (account deletion). Access patterns, all on keys the member's data already has:
 *   everything under the user (user, sessions, console sessions, security log, grants, deliveries)   pk USER#<userId>  (Query, keys only)
 *   the openid marker, the membership                                                                 OPENID#<openid>, ENT#<eid> · MEMBER#<userId>
 *   the bookings the member made (found on ENT#<eid>#BOOKINGS by the service) and their queue copies  BOOKING#<id>, ENT#…#BOOKINGS, STATION#…#BOOKINGS#<day>, BOOKINGS#REMIND[1H]#<day>
 */
export const accountRepository = {
  /** every key under the user, paged */
  async userPartition(userId: string): Promise<Key[]> {
    const out: Key[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.user(userId).pk },
          ProjectionExpression: 'pk, sk',
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      );
      out.push(...((page.Items ?? []) as Key[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  },

  /** delete items by key, 25 at a time, until none is left unprocessed */
  async deleteKeys(list: Key[]): Promise<void> {
    for (let i = 0; i < list.length; i += 25) {
      let requests = list.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        const out = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: requests } }));
        requests = (out.UnprocessedItems?.[table()] ?? []) as typeof requests;
        if (requests.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 5)));
      }
    }
  },

  /**
   * The booking's personal fields (contact person, mobile, on-site address, note) anonymised on the booking and
   * on every queue copy of it that exists; the booking itself (service, slot, status) stays for the station.
   */
  async anonymiseBooking(b: BookingRecord): Promise<void> {
    const day = localDateOf(b.slotStart);
    const copies: Key[] = [bookingKeys.booking(b.id), ...queueKeys({ ...b, status: 'booked' }, day)];
    await Promise.all(
      copies.map(async (Key) => {
        try {
          await db().send(
            new UpdateCommand({
              TableName: table(),
              Key,
              UpdateExpression: 'SET contactName = :anon, contactMobile = :none REMOVE siteAddress, note',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':anon': ANONYMOUS, ':none': '' },
            }),
          );
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }),
    );
  },

  /** history entries rewritten with the contact values anonymised (the enterprise closes with its last owner) */
  async rewriteHistory(enterpriseId: string, entries: EnterpriseHistoryEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 25) {
      await db().send(new BatchWriteCommand({ RequestItems: { [table()]: entries.slice(i, i + 25).map((h) => ({ PutRequest: { Item: enterpriseHistoryItem(enterpriseId, h) } })) } }));
    }
  },

  /**
   * The account goes in one transaction: the user (conditional on the version read: a concurrent change is a
   * 409), the openid marker, the membership, and — when its last owner leaves — the enterprise closed with
   * its contact anonymised (conditional on its version). The rest of the user's partition is deleted after.
   */
  async removeAccount(user: UserRecord, membership: Key | null, closing: { before: Enterprise; at: string } | null): Promise<void> {
    type Item = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];
    const items: Item[] = [
      { Delete: { TableName: table(), Key: keys.user(user.userId), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': user.version } } },
      { Delete: { TableName: table(), Key: keys.openid(user.openid) } },
    ];
    if (membership) items.push({ Delete: { TableName: table(), Key: membership, ConditionExpression: 'attribute_exists(pk)' } });
    if (closing)
      items.push({
        Update: {
          TableName: table(),
          Key: keys.enterprise(closing.before.id),
          UpdateExpression: 'SET closedAt = :at, contactName = :anon, contactMobile = :none, version = version + :one',
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':at': closing.at, ':anon': ANONYMOUS, ':none': '', ':one': 1, ':v': closing.before.version },
        },
      });
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (cancelledIndexes(error)) throw new Conflict('ACCOUNT_CHANGED', '账号或企业信息刚刚发生变化，请刷新后重试');
      throw error;
    }
  },
};
