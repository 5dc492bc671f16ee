/**
 * 扫码登录: the desktop console (the H5 build on a wide screen) signs in by a ticket that a police or centre
 * account confirms on the phone. See shared/console/rules.ts for the state machine and the lifetimes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ulid } from 'ulid';
import {
  CONFIRM_PAGE,
  CONSOLE_SESSION_SECONDS,
  CONSUME_GRACE_SECONDS,
  POLL_INTERVAL_MS,
  TICKET_ID_BYTES,
  TICKET_SECONDS,
  TICKETS_PER_IP_PER_MINUTE,
  describeBrowser,
  mayUseConsole,
  ticketState,
} from '../../shared/console/rules';
import type { ConsoleSession, ConsoleTicketCreated, ConsoleTicketPoll, ConsoleTicketRequest } from '../../shared/console/schemas';
import type { Principal } from '../../shared/domain/principal';
import type { Session } from '../../shared/schemas/auth';
import { Conflict, Forbidden, NotFound, RateLimited, Unauthenticated } from '../../shared/errors';
import { logger } from '../lib/logger';
import { issueConsoleTokens, verifyConsoleRefreshToken } from '../lib/tokens';
import { getUnlimitedCode } from '../lib/wechat-client';
import { consoleRepository, type ConsoleSessionRecord, type SecurityLogEntry, type TicketRecord } from '../repositories/console-repository';
import { userRepository } from '../repositories/user-repository';
import { notify, recipientOf } from './notification-service';
import { describe, principalOf } from './session-service';

export type Client = { ip: string; userAgent: string };

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const plus = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

function secretMatches(ticket: TicketRecord, secret: string | undefined): boolean {
  if (!secret) return false;
  const given = Buffer.from(hashSecret(secret));
  const stored = Buffer.from(ticket.secretHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** Shanghai wall-clock time, 2026-12-04 18:30, for messages a person reads. */
const shanghaiTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const NO_TICKET = () => new NotFound('登录二维码', 'CONSOLE_TICKET_NOT_FOUND');

/** POST /auth/console-tickets (no auth): a pending ticket and the mini-program code to scan for it. */
export async function createTicket(client: Client, now: Date): Promise<ConsoleTicketCreated> {
  if (!(await consoleRepository.takeTicketAllowance(client.ip, now, TICKETS_PER_IP_PER_MINUTE))) {
    throw new RateLimited('CONSOLE_TICKETS_RATE_LIMITED', '获取登录二维码过于频繁，请一分钟后再试');
  }
  const ticketId = randomBytes(TICKET_ID_BYTES).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  const ticket: TicketRecord = {
    ticketId,
    status: 'pending',
    secretHash: hashSecret(secret),
    ip: client.ip,
    userAgent: client.userAgent.slice(0, 512),
    browser: describeBrowser(client.userAgent),
    createdAt: now.toISOString(),
    expiresAt: plus(now, TICKET_SECONDS),
    confirmedBy: null,
    confirmedAt: null,
    consumeBy: null,
    consumedAt: null,
    sessionId: null,
  };
  await consoleRepository.createTicket(ticket);
  const code = await getUnlimitedCode(ticketId, CONFIRM_PAGE);
  return { ticketId, secret, expiresAt: ticket.expiresAt, pollIntervalMs: POLL_INTERVAL_MS, qrImage: `data:${code.contentType};base64,${code.png.toString('base64')}` };
}

/**
 * GET /auth/console-tickets/{id} (no auth, the browser's secret in X-Ticket-Secret). A confirmed ticket
 * becomes a console session here, once: the ticket is consumed in the same transaction that writes the
 * session, so a second poll, a late poll or a poll without the secret gets nothing.
 */
export async function pollTicket(ticketId: string, secret: string | undefined, now: Date): Promise<ConsoleTicketPoll> {
  const ticket = await consoleRepository.getTicket(ticketId);
  if (!ticket || !secretMatches(ticket, secret)) throw NO_TICKET();
  const state = ticketState(ticket, now);
  switch (state) {
    case 'pending':
      return { status: 'pending', expiresAt: ticket.expiresAt };
    case 'expired':
    case 'cancelled':
      return { status: state };
    case 'consumed':
      throw NO_TICKET();
    case 'confirmed':
      return signIn(ticket, now);
  }
}

async function signIn(ticket: TicketRecord, now: Date): Promise<ConsoleTicketPoll> {
  const user = ticket.confirmedBy ? await userRepository.get(ticket.confirmedBy.userId) : null;
  // The account lost its police or centre role between 确认 and the poll: no session.
  if (!user || !mayUseConsole(user.role)) return { status: 'cancelled' };
  const at = now.toISOString();
  const session: ConsoleSessionRecord = {
    sessionId: randomBytes(16).toString('base64url'),
    userId: user.userId,
    role: user.role,
    ticketId: ticket.ticketId,
    browser: ticket.browser,
    ip: ticket.ip,
    signedInAt: at,
    expiresAt: plus(now, CONSOLE_SESSION_SECONDS),
  };
  const log: SecurityLogEntry = { id: ulid(now.getTime()), userId: user.userId, event: 'console_sign_in', at, browser: ticket.browser, ip: ticket.ip, sessionId: session.sessionId };
  if (!(await consoleRepository.consumeTicket(ticket, session, log, at))) throw NO_TICKET();

  const principal = principalOf(user);
  const [tokens, me] = await Promise.all([issueConsoleTokens(principal, session.sessionId, new Date(session.expiresAt), now), describe(user)]);
  const box = recipientOf(principal);
  if (box) {
    await notify(
      [box],
      {
        event: 'console_sign_in',
        title: '你的账号在电脑上登录',
        body: `${user.displayName}的账号于 ${shanghaiTime(at)} 在电脑上登录助企直通车后台（${ticket.browser}，IP ${ticket.ip}）。如非本人操作，请在“我的 → 登录设备”中退出。`,
      },
      now,
    ).catch((error) => logger.warn('console sign-in notice failed', { error: error as Error }));
  }
  return { status: 'signed-in', session: { ...tokens, me }, sessionExpiresAt: session.expiresAt };
}

function requestView(ticket: TicketRecord, now: Date): ConsoleTicketRequest {
  return { ticketId: ticket.ticketId, status: ticketState(ticket, now), browser: ticket.browser, ip: ticket.ip, requestedAt: ticket.createdAt, expiresAt: ticket.expiresAt };
}

/** A ticket the caller may act on: a pending one (anyone who scanned it), or one they confirmed themselves. */
async function ticketFor(caller: Principal, ticketId: string): Promise<TicketRecord> {
  if (!mayUseConsole(caller.role)) throw new Forbidden('企业账号不能登录助企直通车后台，请使用民警或助企警务中心的账号扫码', 'CONSOLE_NOT_ALLOWED');
  const ticket = await consoleRepository.getTicket(ticketId);
  if (!ticket || (ticket.confirmedBy && ticket.confirmedBy.userId !== caller.userId)) throw NO_TICKET();
  return ticket;
}

/** GET /auth/console-tickets/{id}/request: what the phone shows before 确认登录. */
export async function ticketRequest(caller: Principal, ticketId: string, now: Date): Promise<ConsoleTicketRequest> {
  return requestView(await ticketFor(caller, ticketId), now);
}

function refusal(ticket: TicketRecord, now: Date): Conflict {
  const state = ticketState(ticket, now);
  if (state === 'expired') return new Conflict('CONSOLE_TICKET_EXPIRED', '二维码已过期，请在电脑上刷新二维码后重新扫码');
  if (state === 'cancelled') return new Conflict('CONSOLE_TICKET_CANCELLED', '本次登录已取消，请在电脑上刷新二维码后重新扫码');
  return new Conflict('CONSOLE_TICKET_USED', '该二维码已被使用，请在电脑上刷新二维码后重新扫码');
}

/** POST …/confirm: pending → confirmed, once, by a police or centre account. */
export async function confirmTicket(caller: Principal, ticketId: string, now: Date): Promise<ConsoleTicketRequest> {
  await ticketFor(caller, ticketId); // refuses roles that may not use the console, and unknown tickets
  const user = await userRepository.get(caller.userId);
  if (!user) throw new Unauthenticated('账号不存在，请重新登录', 'USER_GONE');
  const confirmed = await consoleRepository.confirmTicket(ticketId, { userId: user.userId, role: user.role, displayName: user.displayName }, now.toISOString(), plus(now, CONSUME_GRACE_SECONDS));
  const after = await consoleRepository.getTicket(ticketId);
  if (!after) throw NO_TICKET();
  if (!confirmed) throw refusal(after, now);
  return requestView(after, now);
}

/** POST …/cancel: the phone said 取消; the desktop's next poll shows it. */
export async function cancelTicket(caller: Principal, ticketId: string, now: Date): Promise<ConsoleTicketRequest> {
  const ticket = await ticketFor(caller, ticketId);
  if (!(await consoleRepository.cancelTicket(ticketId, now.toISOString()))) throw refusal((await consoleRepository.getTicket(ticketId)) ?? ticket, now);
  return requestView({ ...ticket, status: 'cancelled' }, now);
}

const sessionView = (s: ConsoleSessionRecord): ConsoleSession => ({ sessionId: s.sessionId, browser: s.browser, ip: s.ip, signedInAt: s.signedInAt, expiresAt: s.expiresAt });

/** 我的 → 登录设备: the caller's live console sessions, newest first. */
export async function listConsoleSessions(caller: Principal, now: Date): Promise<{ items: ConsoleSession[] }> {
  const at = now.toISOString();
  const sessions = (await consoleRepository.listSessions(caller.userId)).filter((s) => s.expiresAt > at);
  return { items: sessions.sort((a, b) => b.signedInAt.localeCompare(a.signedInAt)).map(sessionView) };
}

/** 退出: end one console session now (its tokens stop working at their next request). */
export async function endConsoleSession(caller: Principal, sessionId: string, now: Date): Promise<{ sessionId: string; ended: true }> {
  const session = await consoleRepository.getSession(caller.userId, sessionId);
  if (!session) throw new NotFound('登录设备', 'CONSOLE_SESSION_NOT_FOUND');
  const log: SecurityLogEntry = { id: ulid(now.getTime()), userId: caller.userId, event: 'console_sign_out', at: now.toISOString(), browser: session.browser, ip: session.ip, sessionId };
  if (!(await consoleRepository.endSession(caller.userId, sessionId, log))) throw new NotFound('登录设备', 'CONSOLE_SESSION_NOT_FOUND');
  return { sessionId, ended: true };
}

/** POST /auth/refresh with a console refresh token: a new access token, never past the session's end. */
export async function refreshConsoleSession(refreshToken: string, now: Date): Promise<Session> {
  const { userId, csid } = await verifyConsoleRefreshToken(refreshToken);
  const [user, session] = await Promise.all([userRepository.get(userId), consoleRepository.getSession(userId, csid)]);
  if (!user || !session) throw new Unauthenticated('电脑端登录已退出或已过期，请重新扫码登录', 'CONSOLE_SESSION_ENDED');
  const [tokens, me] = await Promise.all([issueConsoleTokens(principalOf(user), csid, new Date(session.expiresAt), now), describe(user)]);
  return { ...tokens, me };
}

/** The account was deactivated or unbound: end every console session it has. */
export async function endAllConsoleSessions(userId: string): Promise<number> {
  return consoleRepository.endAllSessions(userId);
}
