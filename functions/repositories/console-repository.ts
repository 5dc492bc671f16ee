import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../../shared/schemas/auth';
import type { StoredTicketStatus } from '../../shared/console/rules';
import { cancelledIndexes, db, isConditionFailure, table } from '../lib/dynamo';
import { strip } from './keys';

/**
 * 扫码登录: login tickets, console sessions and the security log. Self-contained (its own items, no other
 * module's), so session revocation elsewhere and this store merge without touching each other.
 *
 *   login ticket by id                     pk CTICKET#<ticketId>            sk TICKET        (ttl: its expiry)
 *   tickets requested by an IP this minute pk RATE#CTICKET#<ip>             sk <yyyy-mm-ddThh:mm>  (ADD n, ttl)
 *   a user's console sessions              pk USER#<userId>                 sk CONSOLE#<sessionId>  (ttl: its end)
 *   a user's security log, newest last     pk USER#<userId>                 sk SECLOG#<ulid>
 *
 * Every state change of a ticket is a conditional update on the state it leaves, so a ticket is confirmed
 * once and turned into a session once, however many phones or polls race for it.
 */
export type TicketRecord = {
  ticketId: string;
  status: StoredTicketStatus;
  /** sha256 of the browser's secret (base64url): the secret itself is never stored. */
  secretHash: string;
  ip: string;
  userAgent: string;
  browser: string;
  createdAt: string;
  expiresAt: string;
  confirmedBy: { userId: string; role: Role; displayName: string } | null;
  confirmedAt: string | null;
  /** A confirmed ticket must be polled into a session before this. */
  consumeBy: string | null;
  consumedAt: string | null;
  sessionId: string | null;
};

export type ConsoleSessionRecord = {
  sessionId: string;
  userId: string;
  role: Role;
  ticketId: string;
  browser: string;
  ip: string;
  signedInAt: string;
  expiresAt: string;
};

export type SecurityLogEntry = { id: string; userId: string; event: 'console_sign_in' | 'console_sign_out'; at: string; browser: string; ip: string; sessionId: string };

const epochSeconds = (iso: string) => Math.ceil(Date.parse(iso) / 1000);

export const consoleKeys = {
  ticket: (ticketId: string) => ({ pk: `CTICKET#${ticketId}`, sk: 'TICKET' }),
  rate: (ip: string, minute: string) => ({ pk: `RATE#CTICKET#${ip}`, sk: minute }),
  session: (userId: string, sessionId: string) => ({ pk: `USER#${userId}`, sk: `CONSOLE#${sessionId}` }),
  securityLog: (userId: string, id: string) => ({ pk: `USER#${userId}`, sk: `SECLOG#${id}` }),
};

export const consoleRepository = {
  /** Count a ticket request against the IP's minute; false when the IP has had its share. */
  async takeTicketAllowance(ip: string, now: Date, perMinute: number): Promise<boolean> {
    const minute = now.toISOString().slice(0, 16);
    try {
      await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: consoleKeys.rate(ip, minute),
          UpdateExpression: 'SET entity = :e, #ttl = :ttl ADD n :one',
          ConditionExpression: 'attribute_not_exists(n) OR n < :max',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':e': 'rate', ':ttl': Math.floor(now.getTime() / 1000) + 120, ':one': 1, ':max': perMinute },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async createTicket(t: TicketRecord): Promise<void> {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...consoleKeys.ticket(t.ticketId), entity: 'console-ticket', ...t, ttl: epochSeconds(t.expiresAt) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },

  /** login ticket by id */
  async getTicket(ticketId: string): Promise<TicketRecord | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: consoleKeys.ticket(ticketId), ConsistentRead: true }));
    if (!out.Item) return null;
    const { ttl: _ttl, ...rest } = strip<TicketRecord & { ttl?: number }>(out.Item);
    return rest;
  },

  /** pending → confirmed, only while pending and unexpired; false when the condition failed. */
  async confirmTicket(ticketId: string, by: NonNullable<TicketRecord['confirmedBy']>, now: string, consumeBy: string): Promise<boolean> {
    try {
      await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: consoleKeys.ticket(ticketId),
          UpdateExpression: 'SET #status = :confirmed, confirmedBy = :by, confirmedAt = :now, consumeBy = :consumeBy, #ttl = :ttl',
          ConditionExpression: 'attribute_exists(pk) AND #status = :pending AND expiresAt > :now',
          ExpressionAttributeNames: { '#status': 'status', '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':confirmed': 'confirmed', ':pending': 'pending', ':by': by, ':now': now, ':consumeBy': consumeBy, ':ttl': epochSeconds(consumeBy) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** pending → cancelled (the phone said 取消); false when it was no longer pending or had expired. */
  async cancelTicket(ticketId: string, now: string): Promise<boolean> {
    try {
      await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: consoleKeys.ticket(ticketId),
          UpdateExpression: 'SET #status = :cancelled, cancelledAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND #status = :pending AND expiresAt > :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':pending': 'pending', ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /**
   * confirmed → consumed, with the console session and the security-log entry, in one transaction: the
   * ticket must still be confirmed, in time, and polled with its secret. False when any of that failed
   * (a second poll, a late poll, a race): nothing is written and no session exists.
   */
  async consumeTicket(ticket: TicketRecord, session: ConsoleSessionRecord, log: SecurityLogEntry, now: string): Promise<boolean> {
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table(),
                Key: consoleKeys.ticket(ticket.ticketId),
                UpdateExpression: 'SET #status = :consumed, consumedAt = :now, sessionId = :sid',
                ConditionExpression: '#status = :confirmed AND consumeBy > :now AND secretHash = :hash AND confirmedBy.userId = :uid',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':consumed': 'consumed', ':confirmed': 'confirmed', ':now': now, ':sid': session.sessionId, ':hash': ticket.secretHash, ':uid': session.userId },
              },
            },
            {
              Put: {
                TableName: table(),
                Item: { ...consoleKeys.session(session.userId, session.sessionId), entity: 'console-session', ...session, ttl: epochSeconds(session.expiresAt) },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: table(), Item: { ...consoleKeys.securityLog(log.userId, log.id), entity: 'security-log', ...log } } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (cancelledIndexes(error)) return false;
      throw error;
    }
  },

  /** a console session of a user */
  async getSession(userId: string, sessionId: string): Promise<ConsoleSessionRecord | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: consoleKeys.session(userId, sessionId) }));
    if (!out.Item) return null;
    const { ttl: _ttl, ...rest } = strip<ConsoleSessionRecord & { ttl?: number }>(out.Item);
    return rest;
  },

  /** a user's console sessions (a handful: each lives 8 hours) */
  async listSessions(userId: string): Promise<ConsoleSessionRecord[]> {
    const items: ConsoleSessionRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db().send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'CONSOLE#' },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        const { ttl: _ttl, ...rest } = strip<ConsoleSessionRecord & { ttl?: number }>(item);
        items.push(rest);
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  },

  /** End one console session (退出), with its security-log entry; false when there was none. */
  async endSession(userId: string, sessionId: string, log: SecurityLogEntry): Promise<boolean> {
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: table(), Key: consoleKeys.session(userId, sessionId), ConditionExpression: 'attribute_exists(pk)' } },
            { Put: { TableName: table(), Item: { ...consoleKeys.securityLog(userId, log.id), entity: 'security-log', ...log } } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (cancelledIndexes(error)) return false;
      throw error;
    }
  },

  /** End every console session of a user (the account was deactivated or unbound). */
  async endAllSessions(userId: string): Promise<number> {
    const sessions = await this.listSessions(userId);
    await Promise.all(sessions.map((s) => db().send(new DeleteCommand({ TableName: table(), Key: consoleKeys.session(userId, s.sessionId) }))));
    return sessions.length;
  },

  /** a user's security log, oldest first */
  async securityLog(userId: string): Promise<SecurityLogEntry[]> {
    const out = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'SECLOG#' } }));
    return (out.Items ?? []).map((i) => strip<SecurityLogEntry>(i));
  },
};
