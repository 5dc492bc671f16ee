import { ulid } from 'ulid';
import type { Principal } from '../../shared/domain/principal';
import type { Me, Session } from '../../shared/schemas/auth';
import { NotFound, Unauthenticated, ValidationFailed } from '../../shared/errors';
import { consentState, PRIVACY_GUIDE_VERSION, type ConsentState } from '../../shared/privacy/consent';
import { config } from '../lib/config';
import { issueAccessToken, issueSessionRefreshToken, verifySessionRefreshToken } from '../lib/tokens';
import { sessionRepository } from '../repositories/session-repository';
import { consoleRepository } from '../repositories/console-repository';
import { takeAllowance } from './rate-limit-service';
import { code2Session } from '../lib/wechat-client';
import { enterpriseRepository } from '../repositories/enterprise-repository';
import { toStationSummary } from '../../shared/schemas/organisation';
import { organisationRepository, toOfficer } from '../repositories/organisation-repository';
import { userRecord, userRepository, type UserRecord } from '../repositories/user-repository';

export function principalOf(u: UserRecord): Principal {
  switch (u.role) {
    case 'enterprise':
      return { role: 'enterprise', userId: u.userId, enterpriseId: u.enterpriseId!, memberRole: u.memberRole ?? 'staff' };
    case 'officer':
    case 'chief':
      return { role: u.role, userId: u.userId, officerId: u.officerId!, stationId: u.stationId! };
    case 'centre':
      return { role: 'centre', userId: u.userId, adminId: u.adminId!, centreId: u.centreId! };
    default:
      return { role: 'guest', userId: u.userId };
  }
}

export async function describe(u: UserRecord): Promise<Me> {
  const [enterprise, officer] = await Promise.all([u.enterpriseId ? enterpriseRepository.get(u.enterpriseId) : null, u.officerId ? organisationRepository.getOfficer(u.officerId) : null]);
  const stationId = enterprise?.stationId ?? officer?.stationId ?? null;
  const station = stationId ? await organisationRepository.getStation(stationId) : null;
  return {
    userId: u.userId,
    role: u.role,
    displayName: u.displayName,
    memberRole: u.memberRole,
    enterprise,
    officer: officer ? toOfficer(officer) : null,
    station: station ? toStationSummary(station) : null,
    centreId: u.centreId ?? station?.centreId ?? null,
    consent: consentState(u),
  };
}

/** A new signed-in session (one item under the user) and its first tokens. */
export async function sessionFor(u: UserRecord, now: Date = new Date()): Promise<Session> {
  const at = now.toISOString();
  const sessionId = ulid(now.getTime());
  await sessionRepository.create({ sessionId, userId: u.userId, kind: 'app', createdAt: at, lastUsedAt: at, generation: 0, ttl: refreshExpiry(now) });
  return tokensFor(u, sessionId, 0);
}

const refreshExpiry = (now: Date) => Math.floor(now.getTime() / 1000) + config.refreshTokenSeconds;

async function tokensFor(u: UserRecord, sessionId: string, generation: number): Promise<Session> {
  const [accessToken, refreshToken, me] = await Promise.all([issueAccessToken(principalOf(u), sessionId), issueSessionRefreshToken(u.userId, sessionId, generation), describe(u)]);
  return { accessToken, refreshToken, expiresIn: config.accessTokenSeconds, me };
}

export function newGuest(openid: string, now: Date): UserRecord {
  return userRecord({ userId: ulid(now.getTime()), openid, createdAt: now.toISOString() });
}

/** wx.login code -> code2Session -> our user (created on first login) -> session tokens. */
export async function loginWithWechat(code: string, now: Date, privacyVersion?: string): Promise<Session> {
  const { openid } = await code2Session(code);
  await takeAllowance('login', `openid:${openid}`, now);
  const user = await findOrCreateUser(openid, now);
  return sessionFor(await withConsent(user, privacyVersion, now), now);
}

/** Consent given on the phone before signing in is stored on the user (only the current version counts). */
async function withConsent(user: UserRecord, privacyVersion: string | undefined, now: Date): Promise<UserRecord> {
  if (privacyVersion !== PRIVACY_GUIDE_VERSION || user.privacyVersion === PRIVACY_GUIDE_VERSION) return user;
  await userRepository.recordConsent(user.userId, privacyVersion, now.toISOString());
  return { ...user, privacyVersion, consentedAt: now.toISOString() };
}

/** 同意隐私保护指引 (again, after a new version): only the current version can be agreed to. */
export async function giveConsent(caller: Principal, version: string, now: Date): Promise<ConsentState> {
  if (version !== PRIVACY_GUIDE_VERSION) throw new ValidationFailed([{ field: 'version', message: '隐私保护指引已更新，请重新阅读后再同意' }]);
  await userRepository.recordConsent(caller.userId, version, now.toISOString());
  return consentState({ privacyVersion: version, consentedAt: now.toISOString() });
}

export async function findOrCreateUser(openid: string, now: Date): Promise<UserRecord> {
  const existing = await userRepository.getByOpenid(openid);
  if (existing) return existing;
  const guest = newGuest(openid, now);
  if (await userRepository.create(guest)) return guest;
  // Another login of the same WeChat user won the race: use theirs.
  const winner = await userRepository.getByOpenid(openid);
  if (!winner) throw new Error('user creation race left no user');
  return winner;
}

/**
 * 刷新会话: the refresh token rotates (its session moves to the next generation, conditional on the one the
 * token carries). An ended session is refused; a token used a second time means it was copied, so the whole
 * session ends and both holders must sign in again. Tokens issued before sessions existed start one.
 */
export async function refreshSession(refreshToken: string, now: Date = new Date()): Promise<Session> {
  const claims = await verifySessionRefreshToken(refreshToken);
  const user = await userRepository.get(claims.userId);
  if (!user) throw new Unauthenticated('账号不存在，请重新登录', 'USER_GONE');
  if (claims.sessionId === undefined || claims.generation === undefined) return sessionFor(user, now);
  const outcome = await sessionRepository.rotate(user.userId, claims.sessionId, claims.generation, now.toISOString(), refreshExpiry(now));
  if (!outcome.ok) {
    if (outcome.reason === 'reused') {
      await sessionRepository.revoke(user.userId, claims.sessionId, now.toISOString(), 'refresh_reused');
      throw new Unauthenticated('登录凭证已被使用过，为保护账号安全已退出该设备，请重新登录', 'REFRESH_REUSED');
    }
    throw new Unauthenticated('该设备已退出登录，请重新登录', 'SESSION_ENDED');
  }
  return tokensFor(user, claims.sessionId, outcome.session.generation);
}

/** 退出登录: ends the session the refresh token belongs to (the phone then forgets its tokens). */
export async function logout(refreshToken: string, now: Date = new Date()): Promise<{ ok: true }> {
  const claims = await verifySessionRefreshToken(refreshToken).catch(() => null);
  if (claims?.sessionId) await sessionRepository.revoke(claims.userId, claims.sessionId, now.toISOString(), 'logout');
  return { ok: true };
}

/** The centre: a police account's sessions (the officer's bound user), newest first. */
export async function officerSessions(caller: Principal, officerId: string) {
  const userId = await boundUserOf(caller, officerId);
  const sessions = userId ? await sessionRepository.listOfUser(userId) : [];
  return { items: sessions.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(({ userId: _u, generation: _g, ttl: _t, ...s }) => s) };
}

/** The centre ends one session of a police account, or all of them. */
export async function endOfficerSessions(caller: Principal, officerId: string, sessionId: string | undefined, now: Date = new Date()) {
  const userId = await boundUserOf(caller, officerId);
  const live = userId ? (await sessionRepository.listOfUser(userId)).filter((s) => !s.revokedAt && (!sessionId || s.sessionId === sessionId)) : [];
  await Promise.all(live.map((s) => sessionRepository.revoke(userId!, s.sessionId, now.toISOString(), 'ended_by_centre')));
  return { ok: true as const, ended: live.length };
}

async function boundUserOf(caller: Principal, officerId: string): Promise<string | null> {
  if (caller.role !== 'centre') throw new NotFound('联络官', 'OFFICER_NOT_FOUND');
  const officer = await organisationRepository.getOfficer(officerId);
  if (!officer) throw new NotFound('联络官', 'OFFICER_NOT_FOUND');
  return officer.userId;
}

/** Every app session of a user revoked and every console session deleted (deactivation, account deletion). */
export async function endEverySession(userId: string, at: string, reason: 'deactivated' | 'account_deleted'): Promise<number> {
  const live = (await sessionRepository.listOfUser(userId)).filter((s) => !s.revokedAt);
  await Promise.all(live.map((s) => sessionRepository.revoke(userId, s.sessionId, at, reason)));
  return live.length + (await consoleRepository.endAllSessions(userId));
}

/** 退出所有设备: ends every session of the caller. */
export async function logoutEverywhere(caller: Principal, now: Date = new Date()): Promise<{ ok: true; ended: number }> {
  const live = (await sessionRepository.listOfUser(caller.userId)).filter((s) => !s.revokedAt);
  await Promise.all(live.map((s) => sessionRepository.revoke(caller.userId, s.sessionId, now.toISOString(), 'logout_all')));
  return { ok: true, ended: live.length };
}

export async function currentUser(caller: Principal): Promise<Me> {
  const user = await userRepository.get(caller.userId);
  if (!user) throw new NotFound('用户');
  return describe(user);
}

/** Seeded accounts carry the openid demo_<accountId>; only the dev stage routes here. */
export const demoOpenid = (accountId: string) => `demo_${accountId}`;

export async function demoLogin(accountId: string): Promise<Session> {
  const user = await userRepository.getByOpenid(demoOpenid(accountId));
  if (!user) throw new NotFound('演示账号', 'DEMO_ACCOUNT_NOT_FOUND');
  return sessionFor(user);
}
