import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { Unauthenticated } from '../../shared/errors';
import type { Principal } from '../../shared/domain/principal';
import { config } from './config';
import { getSecret } from './secrets';

/**
 * Session tokens: a short-lived access token carrying the caller's role and tenancy (so most requests
 * need no user lookup), and a long-lived refresh token that only names the user; refreshing re-reads the
 * user, so a changed role takes effect at the next refresh.
 */
const ISSUER = 'zqztc';
let key: Promise<Uint8Array> | undefined;
const signingKey = () => (key ??= getSecret('TOKEN_SECRET').then((s) => new TextEncoder().encode(s)));

export async function issueAccessToken(p: Principal): Promise<string> {
  const { userId, ...claims } = p;
  return new SignJWT({ ...claims, typ: 'access' })
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

async function verify(token: string, typ: 'access' | 'refresh') {
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
  const { sub, role, enterpriseId, memberRole, officerId, stationId, adminId, centreId } = await verify(token, 'access');
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
