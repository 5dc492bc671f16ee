import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, CreditCodeTaken, VersionConflict } from '../../shared/errors';
import type { Enterprise, EnterpriseMember } from '../../shared/schemas/enterprise';
import type { Page } from '../../shared/schemas/common';
import type { EnterpriseHistoryEntry } from '../../shared/privacy/rights';
import { cancellationCodes, cancelledIndexes, db, queryPage, table } from '../lib/dynamo';
import { indexKeys, keys, strip } from './keys';
import { userUpdates, type UserRecord } from './user-repository';
import { contactItemFor, contactReassignUpdate } from './fieldwork-repository';
import { statsRepository } from './stats-repository';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export const enterpriseItem = (e: Enterprise) => ({
  ...keys.enterprise(e.id),
  entity: 'enterprise',
  gsi1pk: indexKeys.officerEnterprises(e.officerId),
  gsi1sk: `${e.name}#${e.id}`,
  gsi2pk: indexKeys.stationEnterprises(e.stationId),
  gsi2sk: `${e.name}#${e.id}`,
  gsi3pk: indexKeys.industryEnterprises(e.industry),
  gsi3sk: `${e.stationId}#${e.id}`,
  ...e,
});
export const creditMarkerItem = (e: Enterprise) => ({ ...keys.creditCode(e.creditCode), entity: 'credit-code', enterpriseId: e.id });
/** One correction of the enterprise's basic data: pk ENT#<id>, sk HIST#<version, zero-padded> (ordered by version). */
export const enterpriseHistoryItem = (enterpriseId: string, h: EnterpriseHistoryEntry) => ({ pk: keys.enterprise(enterpriseId).pk, sk: `HIST#${String(h.version).padStart(10, '0')}`, entity: 'enterprise-history', ...h });
export const memberItem = (m: EnterpriseMember) => ({ ...keys.member(m.enterpriseId, m.userId), entity: 'member', ...m });

/** Count change on an officer, guarded so the officer is still of the expected station. */
function officerCountItem(officerId: string, stationId: string, delta: number, expectedCount?: number): TransactItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.officer(officerId),
      UpdateExpression: 'ADD enterpriseCount :d',
      // A deactivated officer (left the force) takes no enterprise, whatever the caller read before.
      ConditionExpression: `stationId = :s${expectedCount === undefined ? '' : ' AND enterpriseCount = :c'}${delta > 0 ? ' AND attribute_not_exists(deactivatedAt)' : ''}`,
      ExpressionAttributeValues: { ':d': delta, ':s': stationId, ...(expectedCount === undefined ? {} : { ':c': expectedCount }) },
    },
  };
}

function moveItem(e: Enterprise, toOfficerId: string, now: string): TransactItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.enterprise(e.id),
      UpdateExpression: 'SET officerId = :to, gsi1pk = :g, updatedAt = :now, version = version + :one',
      ConditionExpression: 'officerId = :from AND version = :v',
      ExpressionAttributeValues: { ':to': toOfficerId, ':g': indexKeys.officerEnterprises(toOfficerId), ':from': e.officerId, ':v': e.version, ':now': now, ':one': 1 },
    },
  };
}

export class OfficerCountMoved extends Conflict {
  constructor() {
    super('ASSIGNMENT_RACE', '分配联络官时数据已变化，请重试');
  }
}

export const enterpriseRepository = {
  /** enterprise by id (strongly consistent when it is read right before a conditional write) */
  async get(id: string, consistent = false): Promise<Enterprise | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: keys.enterprise(id), ConsistentRead: consistent }));
    return out.Item ? strip<Enterprise>(out.Item) : null;
  },

  /**
   * Register: the credit-code marker, the enterprise, its owner membership, the officer's count and the
   * user's new role, all or nothing. The officer's count is checked against what the caller saw, so two
   * registrations racing for the least-loaded officer cannot both take it (the loser retries).
   */
  async register(e: Enterprise, owner: EnterpriseMember, user: UserRecord, officerCountSeen: number): Promise<void> {
    const items: TransactItem[] = [
      { Put: { TableName: table(), Item: creditMarkerItem(e), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: table(), Item: enterpriseItem(e), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: table(), Item: memberItem(owner), ConditionExpression: 'attribute_not_exists(pk)' } },
      officerCountItem(e.officerId, e.stationId, 1, officerCountSeen),
      userUpdates.becomeEnterpriseMember(user, e.id, 'owner', owner.displayName),
      ...statsRepository.updatesFor({ kind: 'enterprise_registered', stationId: e.stationId, officerId: e.officerId, enterpriseId: e.id, at: e.createdAt }),
      // Field work: the enterprise is on its officer's "due for a first visit" list from the day it registers.
      contactItemFor(e, e.createdAt),
    ];
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes) throw err;
      const failedCondition = (i: number) => codes[i] === 'ConditionalCheckFailed';
      if (failedCondition(0)) throw new CreditCodeTaken();
      if (failedCondition(4)) throw new Conflict('ALREADY_REGISTERED', '您的微信已绑定企业或民警账号，不能重复注册');
      // The officer's count moved, or only a concurrent transaction on a shared item (the station's
      // counters, the officer's count) cancelled this one: nothing was decided, the caller retries.
      if (failedCondition(3) || !codes.includes('ConditionalCheckFailed')) throw new OfficerCountMoved();
      throw new VersionConflict('企业信息');
    }
  },

  /** Give one enterprise to another officer of its station; both officers' counts move with it. */
  async reassign(e: Enterprise, toOfficerId: string, now: string): Promise<Enterprise> {
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            moveItem(e, toOfficerId, now),
            officerCountItem(e.officerId, e.stationId, -1),
            officerCountItem(toOfficerId, e.stationId, 1),
            // The visit-due list follows the enterprise to its new officer.
            contactReassignUpdate(e, toOfficerId),
          ],
        }),
      );
    } catch (err) {
      if (cancelledIndexes(err)) throw new VersionConflict('企业的联络官');
      throw err;
    }
    return { ...e, officerId: toOfficerId, version: e.version + 1 };
  },

  /**
   * Move a batch of one officer's enterprises to others in one transaction. Each enterprise moves from
   * its old officer straight to the new one, so at no moment is any enterprise without an officer.
   */
  async moveBatch(fromOfficerId: string, stationId: string, moves: { enterprise: Enterprise; toOfficerId: string }[], now: string): Promise<void> {
    const perTarget = new Map<string, number>();
    for (const m of moves) perTarget.set(m.toOfficerId, (perTarget.get(m.toOfficerId) ?? 0) + 1);
    const items: TransactItem[] = [
      ...moves.map((m) => moveItem(m.enterprise, m.toOfficerId, now)),
      officerCountItem(fromOfficerId, stationId, -moves.length),
      ...[...perTarget].map(([officerId, n]) => officerCountItem(officerId, stationId, n)),
      ...moves.map((m) => contactReassignUpdate(m.enterprise, m.toOfficerId)),
    ];
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      if (cancelledIndexes(err)) throw new VersionConflict('企业的联络官');
      throw err;
    }
  },

  /** enterprises of an officer, by name */
  listByOfficer(officerId: string, page: { cursor?: string; limit: number }): Promise<Page<Enterprise>> {
    return queryPage({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': indexKeys.officerEnterprises(officerId) } }, page, (i) => strip<Enterprise>(i));
  },

  /** enterprises of a station, by name */
  listByStation(stationId: string, page: { cursor?: string; limit: number }): Promise<Page<Enterprise>> {
    return queryPage({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': indexKeys.stationEnterprises(stationId) } }, page, (i) => strip<Enterprise>(i));
  },

  /** members of an enterprise */
  listMembers(enterpriseId: string, page: { cursor?: string; limit: number }): Promise<Page<EnterpriseMember>> {
    return queryPage({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)', ExpressionAttributeValues: { ':pk': keys.enterprise(enterpriseId).pk, ':m': 'MEMBER#' } }, page, (i) => strip<EnterpriseMember>(i));
  },

  /**
   * 更正企业信息: the enterprise rewritten (its index keys follow a new name or industry) conditional on the
   * version the member saw, with its history entry, in one transaction; a new name also renames the
   * visit-due entry (when the enterprise has one).
   */
  async updateBasics(before: Enterprise, after: Enterprise, entry: EnterpriseHistoryEntry): Promise<void> {
    const items: TransactItem[] = [
      { Put: { TableName: table(), Item: { ...enterpriseItem(after), updatedAt: entry.at }, ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': before.version } } },
      { Put: { TableName: table(), Item: enterpriseHistoryItem(before.id, entry), ConditionExpression: 'attribute_not_exists(pk)' } },
    ];
    const renamed = before.name !== after.name;
    const rename: TransactItem = {
      Update: {
        TableName: table(),
        Key: { pk: keys.enterprise(before.id).pk, sk: 'CONTACT' },
        UpdateExpression: 'SET enterpriseName = :n',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':n': after.name },
      },
    };
    const send = (withRename: boolean) => db().send(new TransactWriteCommand({ TransactItems: withRename ? [...items, rename] : items }));
    try {
      await send(renamed);
    } catch (err) {
      const failed = cancelledIndexes(err);
      if (!failed) throw err;
      if (failed.includes(0) || failed.includes(1)) throw new VersionConflict('企业信息');
      await send(false).catch((e) => {
        if (cancelledIndexes(e)) throw new VersionConflict('企业信息');
        throw e;
      });
    }
  },

  /** an enterprise's history of corrections, newest first */
  listHistory(enterpriseId: string, page: { cursor?: string; limit: number }): Promise<Page<EnterpriseHistoryEntry>> {
    return queryPage({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :h)', ExpressionAttributeValues: { ':pk': keys.enterprise(enterpriseId).pk, ':h': 'HIST#' }, ScanIndexForward: false }, page, (i) =>
      strip<EnterpriseHistoryEntry>(i),
    );
  },

  async putMember(m: EnterpriseMember): Promise<void> {
    await db().send(new PutCommand({ TableName: table(), Item: memberItem(m) }));
  },
};
