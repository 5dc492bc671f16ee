import { SignJWT, decodeJwt, jwtVerify, errors as joseErrors } from 'jose';
import { Unauthenticated } from '../../shared/errors';
import type { Principal } from '../../shared/domain/principal';
import { config } from './config';
import { getSecret } from './secrets';
import { mayUseConsole } from '../../shared/console/rules';
import { consoleRepository } from '../repositories/console-repository';
import { userRepository } from '../repositories/user-repository';
import { sessionRepository } from '../repositories/session-repository';

/**
 * Session tokens: a short-lived access token carrying the caller's role and tenancy (so most requests
 * need no user lookup), and a long-lived refresh token that only names the user; refreshing re-reads the
 * user, so a changed role takes effect at the next refresh.
 */
const ISSUER = 'zqztc';
let key: Promise<Uint8Array> | undefined;
const signingKey = () => (key ??= getSecret('TOKEN_SECRET').then((s) => new TextEncoder().encode(s)));

/**
 * `sid` names the app session the token belongs to (every token the API issues has one): a request with it is
 * refused once that session is revoked or deleted (logout, deactivation, 注销), not only at the next refresh.
 */
export async function issueAccessToken(p: Principal, sid?: string): Promise<string> {
  const { userId, ...claims } = p;
  return new SignJWT({ ...claims, typ: 'access', ...(sid ? { sid } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(config.stage)
    .setIssuedAt()
    .setExpirationTime(`${config.accessTokenSeconds}s`)
    .sign(await signingKey());
}

export async function issueRefreshToken(userId: string): Promise<string> {
  return new SignJWT({ typ: 'refresh' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(config.stage)
    .setIssuedAt()
    .setExpirationTime(`${config.refreshTokenSeconds}s`)
    .sign(await signingKey());
}

async function verify(token: string, typ: 'access' | 'refresh' | 'console-refresh') {
  try {
    // `exp`, `sub` and `typ` are required: jose checks `exp` only when present, so a token without one
    // would never expire.
    const { payload } = await jwtVerify(token, await signingKey(), { issuer: ISSUER, audience: config.stage, algorithms: ['HS256'], requiredClaims: ['exp', 'sub', 'typ'] });
    if (payload.typ !== typ || typeof payload.sub !== 'string' || !payload.sub) throw new Unauthenticated('登录凭证无效，请重新登录', 'TOKEN_INVALID');
    return payload as Record<string, unknown> & { sub: string };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new Unauthenticated('登录已过期，请重新登录', 'TOKEN_EXPIRED');
    if (error instanceof Unauthenticated) throw error;
    throw new Unauthenticated('登录凭证无效，请重新登录', 'TOKEN_INVALID');
  }
}

/** A tenancy claim the role needs: a non-empty string, or the token is not one we issued. */
function claim(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new Unauthenticated('登录凭证无效，请重新登录', 'TOKEN_INVALID');
  return value;
}

export async function verifyAccessToken(token: string): Promise<Principal> {
  return (await verifyAccess(token)).principal;
}

/** The caller, and the app session the token names (tokens minted outside a session — tests, bench — name none). */
export async function verifyAccess(token: string): Promise<{ principal: Principal; sessionId?: string }> {
  const payload = await verify(token, 'access');
  const { sub, csid, sid } = payload;
  if (csid !== undefined) await assertConsoleSessionLive(sub, String(csid), payload.role);
  if (sid !== undefined) await assertSessionLive(sub, String(sid));
  return { principal: principalOfClaims(payload), sessionId: typeof sid === 'string' ? sid : undefined };
}

/** One GetItem (consistent, 1 RCU): the session exists and has not been revoked. */
async function assertSessionLive(userId: string, sid: string): Promise<void> {
  const session = await sessionRepository.get(userId, sid);
  if (!session || session.revokedAt) throw new Unauthenticated('该设备已退出登录，请重新登录', 'SESSION_ENDED');
}

function principalOfClaims({ sub, role, enterpriseId, memberRole, officerId, stationId, adminId, centreId }: Record<string, unknown> & { sub: string }): Principal {
  switch (role) {
    case 'guest':
      return { role, userId: sub };
    case 'enterprise':
      if (memberRole !== 'owner' && memberRole !== 'staff') throw new Unauthenticated('登录凭证无效，请重新登录', 'TOKEN_INVALID');
      return { role, userId: sub, enterpriseId: claim(enterpriseId), memberRole };
    case 'officer':
    case 'chief':
      return { role, userId: sub, officerId: claim(officerId), stationId: claim(stationId) };
    case 'centre':
      return { role, userId: sub, adminId: claim(adminId), centreId: claim(centreId) };
    default:
      throw new Unauthenticated('登录凭证无效，请重新登录', 'TOKEN_INVALID');
  }
}

export async function verifyRefreshToken(token: string): Promise<string> {
  return (await verify(token, 'refresh')).sub;
}

/**
 * Refresh token of a session (functions/repositories/session-repository.ts): names the session and its
 * generation, so each refresh rotates it and a replayed old token is detected.
 */
export async function issueSessionRefreshToken(userId: string, sessionId: string, generation: number): Promise<string> {
  return new SignJWT({ typ: 'refresh', sid: sessionId, gen: generation })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(config.stage)
    .setIssuedAt()
    .setExpirationTime(`${config.refreshTokenSeconds}s`)
    .sign(await signingKey());
}

/** The user, and the session and generation when the token names them (tokens from before sessions do not). */
export async function verifySessionRefreshToken(token: string): Promise<{ userId: string; sessionId?: string; generation?: number }> {
  const payload = await verify(token, 'refresh');
  if (typeof payload.sid === 'string' && Number.isInteger(payload.gen)) return { userId: payload.sub, sessionId: payload.sid, generation: payload.gen as number };
  return { userId: payload.sub };
}

// ---- console sessions (扫码登录) -------------------------------------------------------------------------

/**
 * A console session's tokens carry the normal claims plus `console: true` and `csid` (the session's id). The
 * access token lives the usual 15 minutes but never past the session's end; the refresh token has its own
 * type (`console-refresh`, so POST /auth/refresh can never turn it into a 30-day phone session) and expires
 * when the session does: refreshing never extends a console session.
 */
export async function issueConsoleTokens(p: Principal, csid: string, endsAt: Date, now: Date): Promise<{ accessToken: string; refreshToken: string; expiresIn: number }> {
  const { userId, ...claims } = p;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const endSeconds = Math.floor(endsAt.getTime() / 1000);
  const accessEnd = Math.min(nowSeconds + config.accessTokenSeconds, endSeconds);
  const sign = async (payload: Record<string, unknown>, exp: number) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(config.stage)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(exp)
      .sign(await signingKey());
  const [accessToken, refreshToken] = await Promise.all([sign({ ...claims, typ: 'access', console: true, csid }, accessEnd), sign({ typ: 'console-refresh', console: true, csid }, endSeconds)]);
  return { accessToken, refreshToken, expiresIn: Math.max(0, accessEnd - nowSeconds) };
}

/** Whether a refresh token is a console session's (read unverified only to choose the path; verified there). */
export function isConsoleRefreshToken(token: string): boolean {
  try {
    return decodeJwt(token).typ === 'console-refresh';
  } catch {
    return false;
  }
}

export async function verifyConsoleRefreshToken(token: string): Promise<{ userId: string; csid: string }> {
  const { sub, csid } = await verify(token, 'console-refresh');
  if (typeof csid !== 'string' || !csid) throw new Unauthenticated('登录凭证无效，请重新登录', 'TOKEN_INVALID');
  await assertConsoleSessionLive(sub, csid, undefined);
  return { userId: sub, csid };
}

/**
 * A console token is good only while its session item exists (退出 on the phone deletes it), has not run out
 * (TTL deletes lazily), and the account still holds the role the token names and may use the console (an
 * unbound or deleted account ends every console session at the next request).
 */
async function assertConsoleSessionLive(userId: string, csid: string, role: unknown): Promise<void> {
  const [session, user] = await Promise.all([consoleRepository.getSession(userId, csid), userRepository.get(userId)]);
  const live = session !== null && session.expiresAt > new Date().toISOString() && user !== null && mayUseConsole(user.role) && (role === undefined || user.role === role);
  if (!live) throw new Unauthenticated('电脑端登录已退出或已过期，请重新扫码登录', 'CONSOLE_SESSION_ENDED');
}
