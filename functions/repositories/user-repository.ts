import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, InviteInvalid } from '../../shared/errors';
import type { Role } from '../../shared/schemas/auth';
import type { Invite } from '../../shared/schemas/organisation';
import { cancelledIndexes, db, table } from '../lib/dynamo';
import { TTL_DAYS, ttlAfter } from '../lib/ttl';
import { keys, strip } from './keys';
import { memberItem } from './enterprise-repository';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** A WeChat user of the app and what they are bound to. */
export type UserRecord = {
  userId: string;
  openid: string;
  role: Role;
  displayName: string;
  enterpriseId: string | null;
  memberRole: 'owner' | 'staff' | null;
  officerId: string | null;
  stationId: string | null;
  adminId: string | null;
  centreId: string | null;
  createdAt: string;
  version: number;
  /** 隐私保护指引: the version agreed to and when (shared/privacy/consent.ts). */
  privacyVersion?: string | null;
  consentedAt?: string | null;
};

export type InviteRecord = Invite & { createdBy: string; createdAt: string; usedBy: string | null };

/** A user bound to nothing yet (a guest), with whatever is already known about them. */
export function userRecord(base: Pick<UserRecord, 'userId' | 'openid' | 'createdAt'>, extra: Partial<UserRecord> = {}): UserRecord {
  return {
    role: 'guest',
    displayName: '微信用户',
    enterpriseId: null,
    memberRole: null,
    officerId: null,
    stationId: null,
    adminId: null,
    centreId: null,
    version: 1,
    ...base,
    ...extra,
  };
}

export const userItem = (u: UserRecord) => ({ ...keys.user(u.userId), entity: 'user', ...u });
export const openidItem = (u: UserRecord) => ({ ...keys.openid(u.openid), entity: 'openid', userId: u.userId });

const roleChange = (user: UserRecord, set: Record<string, unknown>): TransactItem => {
  const names = Object.keys(set);
  return {
    Update: {
      TableName: table(),
      Key: keys.user(user.userId),
      UpdateExpression: `SET ${names.map((n) => `#${n} = :${n}`).join(', ')}, version = version + :one`,
      ConditionExpression: '#role = :guest AND version = :v',
      ExpressionAttributeNames: { ...Object.fromEntries(names.map((n) => [`#${n}`, n])), '#role': 'role' },
      ExpressionAttributeValues: { ...Object.fromEntries(names.map((n) => [`:${n}`, set[n]])), ':guest': 'guest', ':v': user.version, ':one': 1 },
    },
  };
};

/** Updates of a user that other repositories put into their own transactions. A guest changes role once. */
export const userUpdates = {
  becomeEnterpriseMember: (user: UserRecord, enterpriseId: string, memberRole: 'owner' | 'staff', displayName: string) => roleChange(user, { role: 'enterprise', enterpriseId, memberRole, displayName }),
  becomeOfficer: (user: UserRecord, officer: { id: string; stationId: string; isChief: boolean; name: string }) =>
    roleChange(user, { role: officer.isChief ? 'chief' : 'officer', officerId: officer.id, stationId: officer.stationId, displayName: officer.name }),
  becomeCentreAdmin: (user: UserRecord, admin: { id: string; centreId: string; name: string }) => roleChange(user, { role: 'centre', adminId: admin.id, centreId: admin.centreId, displayName: admin.name }),
};

export const userRepository = {
  /** user by id */
  async get(userId: string): Promise<UserRecord | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: keys.user(userId) }));
    return out.Item ? strip<UserRecord>(out.Item) : null;
  },

  /** user id by WeChat openid, then the user */
  async getByOpenid(openid: string): Promise<UserRecord | null> {
    const marker = await db().send(new GetCommand({ TableName: table(), Key: keys.openid(openid) }));
    const userId = marker.Item?.userId as string | undefined;
    return userId ? this.get(userId) : null;
  },

  /** First login: the openid marker and the user together, so one openid never gets two users. */
  async create(user: UserRecord): Promise<boolean> {
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table(), Item: openidItem(user), ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: table(), Item: userItem(user), ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (cancelledIndexes(err)) return false;
      throw err;
    }
  },

  /** record consent to a version of the privacy guide (the latest agreement wins; no version bump: not a role change) */
  async recordConsent(userId: string, privacyVersion: string, at: string): Promise<void> {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.user(userId),
        UpdateExpression: 'SET privacyVersion = :pv, consentedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':pv': privacyVersion, ':at': at },
      }),
    );
  },

  /** invite by code */
  async getInvite(code: string): Promise<InviteRecord | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: keys.invite(code) }));
    return out.Item ? strip<InviteRecord>(out.Item) : null;
  },

  async createInvite(invite: InviteRecord): Promise<void> {
    await db().send(
      new PutCommand({ TableName: table(), Item: { ...keys.invite(invite.code), entity: 'invite', ...invite, ttl: ttlAfter(invite.expiresAt, TTL_DAYS.unusedInvite) }, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  },

  /**
   * Redeem an invite: mark it used (only if unused and unexpired), change the user's role, and bind the
   * police account (only if nobody holds it) or add the staff membership. All or nothing, so an invite
   * is good for exactly one user.
   */
  async redeemInvite(invite: InviteRecord, user: UserRecord, now: string, bind: TransactItem[], roleUpdate: TransactItem): Promise<void> {
    const items: TransactItem[] = [
      {
        Update: {
          TableName: table(),
          Key: keys.invite(invite.code),
          UpdateExpression: 'SET usedBy = :u, usedAt = :now, #ttl = :ttl',
          ConditionExpression: 'attribute_exists(pk) AND usedBy = :null AND expiresAt > :now',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':u': user.userId, ':now': now, ':null': null, ':ttl': ttlAfter(now, TTL_DAYS.usedInvite) },
        },
      },
      roleUpdate,
      ...bind,
    ];
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      const failed = cancelledIndexes(err);
      if (!failed) throw err;
      if (failed.includes(0)) throw new InviteInvalid();
      if (failed.includes(1)) throw new Conflict('ALREADY_BOUND', '您的微信已绑定企业或民警账号');
      throw new Conflict('ACCOUNT_ALREADY_BOUND', '该账号已被其他微信用户绑定，请联系管理员');
    }
  },
};

/** Bind-side items for each kind of invite. */
export const inviteBindings = {
  officer: (officerId: string, userId: string): TransactItem => ({
    Update: {
      TableName: table(),
      Key: keys.officer(officerId),
      UpdateExpression: 'SET userId = :u, version = version + :one',
      ConditionExpression: 'attribute_exists(pk) AND userId = :null',
      ExpressionAttributeValues: { ':u': userId, ':null': null, ':one': 1 },
    },
  }),
  admin: (adminId: string, userId: string): TransactItem => ({
    Update: {
      TableName: table(),
      Key: keys.admin(adminId),
      UpdateExpression: 'SET userId = :u, version = version + :one',
      ConditionExpression: 'attribute_exists(pk) AND userId = :null',
      ExpressionAttributeValues: { ':u': userId, ':null': null, ':one': 1 },
    },
  }),
  staff: (enterpriseId: string, userId: string, displayName: string, joinedAt: string): TransactItem => ({
    Put: { TableName: table(), Item: memberItem({ enterpriseId, userId, memberRole: 'staff', displayName, joinedAt }), ConditionExpression: 'attribute_not_exists(pk)' },
  }),
};
