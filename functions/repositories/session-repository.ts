import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, isConditionFailure, table } from '../lib/dynamo';
import { strip } from './keys';

/**
 * Sessions (登录会话): one item per signed-in device under its user, so "all sessions of a user" is one Query
 * and revoking is one conditional update. Access patterns and keys:
 *   a session by id / every session of a user   pk USER#<userId>   sk SESSION#<sessionId>
 * `kind` says where it lives ('app' = the mini-program; console sessions of the desktop QR sign-in can use
 * the same items with kind 'console'). A refresh token names its session and generation; each refresh
 * moves the generation on (conditional on the one the token carries), so a replayed old token is detected
 * and ends the session. `ttl` = the refresh token's expiry: an idle session disappears by itself.
 */
export type SessionRecord = {
  sessionId: string;
  userId: string;
  kind: 'app' | 'console';
  createdAt: string;
  lastUsedAt: string;
  /** Bumped by every refresh; the current refresh token carries it. */
  generation: number;
  revokedAt?: string;
  revokedReason?: 'logout' | 'logout_all' | 'refresh_reused' | 'deactivated' | 'ended_by_centre' | 'account_deleted';
  ttl: number;
};

export const sessionKey = (userId: string, sessionId: string) => ({ pk: `USER#${userId}`, sk: `SESSION#${sessionId}` });

export type RotateOutcome = { ok: true; session: SessionRecord } | { ok: false; reason: 'revoked' | 'reused' | 'missing' };

export const sessionRepository = {
  /** a new session (put if absent) */
  async create(s: SessionRecord): Promise<void> {
    await db().send(new PutCommand({ TableName: table(), Item: { ...sessionKey(s.userId, s.sessionId), entity: 'session', ...s }, ConditionExpression: 'attribute_not_exists(pk)' }));
  },

  /** a session by id */
  async get(userId: string, sessionId: string): Promise<SessionRecord | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: sessionKey(userId, sessionId), ConsistentRead: true }));
    return out.Item ? strip<SessionRecord>(out.Item) : null;
  },

  /** every session of a user (a handful per person) */
  async listOfUser(userId: string): Promise<SessionRecord[]> {
    const out = await db().send(
      new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)', ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':s': 'SESSION#' }, ConsistentRead: true }),
    );
    return (out.Items ?? []).map((i) => strip<SessionRecord>(i));
  },

  /**
   * One refresh: moves the generation from the one the token carries to the next, only while the session is
   * live. A failed condition is told apart afterwards: revoked, or an old token used again (reuse).
   */
  async rotate(userId: string, sessionId: string, generation: number, at: string, ttl: number): Promise<RotateOutcome> {
    try {
      const out = await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: sessionKey(userId, sessionId),
          UpdateExpression: 'SET generation = :next, lastUsedAt = :at, #ttl = :ttl',
          ConditionExpression: 'attribute_exists(pk) AND generation = :g AND attribute_not_exists(revokedAt)',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':g': generation, ':next': generation + 1, ':at': at, ':ttl': ttl },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { ok: true, session: strip<SessionRecord>(out.Attributes!) };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const s = await this.get(userId, sessionId);
      if (!s) return { ok: false, reason: 'missing' };
      return { ok: false, reason: s.revokedAt ? 'revoked' : 'reused' };
    }
  },

  /** end a session (idempotent: the first reason stays) */
  async revoke(userId: string, sessionId: string, at: string, reason: NonNullable<SessionRecord['revokedReason']>): Promise<void> {
    try {
      await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: sessionKey(userId, sessionId),
          UpdateExpression: 'SET revokedAt = :at, revokedReason = :r',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: { ':at': at, ':r': reason },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },
};
