/**
 * Strict session tokens (issue 13): `exp`, `sub`, `typ` and the role's tenancy claims are required, and
 * only an `Authorization: Bearer <token>` header is a session.
 */
import { SignJWT } from 'jose';
import { issueAccessToken, verifyAccessToken } from '../../../functions/lib/tokens';
import { handler as meta } from '../../../functions/handlers/meta';
import { handler as appeals } from '../../../functions/handlers/appeals';

const key = () => new TextEncoder().encode(process.env.TOKEN_SECRET!);

/** A token signed with the real key, with exactly the claims given (no defaults). */
async function forge(claims: Record<string, unknown>, options: { sub?: string; exp?: boolean } = {}) {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('zqztc').setAudience(process.env.STAGE!).setIssuedAt();
  if (options.sub !== undefined) jwt = jwt.setSubject(options.sub);
  if (options.exp !== false) jwt = jwt.setExpirationTime('10m');
  return jwt.sign(key());
}

describe('access tokens', () => {
  it('accepts what we issue', async () => {
    const token = await issueAccessToken({ role: 'enterprise', userId: 'u1', enterpriseId: 'e1', memberRole: 'owner' });
    await expect(verifyAccessToken(token)).resolves.toEqual({ role: 'enterprise', userId: 'u1', enterpriseId: 'e1', memberRole: 'owner' });
  });

  it.each([
    ['no exp', { typ: 'access', role: 'guest' }, { sub: 'u1', exp: false }],
    ['no sub', { typ: 'access', role: 'guest' }, {}],
    ['no typ', { role: 'guest' }, { sub: 'u1' }],
    ['a refresh token', { typ: 'refresh' }, { sub: 'u1' }],
    ['an enterprise without enterpriseId', { typ: 'access', role: 'enterprise', memberRole: 'owner' }, { sub: 'u1' }],
    ['an enterprise without memberRole', { typ: 'access', role: 'enterprise', enterpriseId: 'e1' }, { sub: 'u1' }],
    ['an officer without stationId', { typ: 'access', role: 'officer', officerId: 'o1' }, { sub: 'u1' }],
    ['a chief without officerId', { typ: 'access', role: 'chief', stationId: 's1' }, { sub: 'u1' }],
    ['a centre without centreId', { typ: 'access', role: 'centre', adminId: 'a1' }, { sub: 'u1' }],
    ['a tenancy claim that is not a string', { typ: 'access', role: 'officer', officerId: 7, stationId: 's1' }, { sub: 'u1' }],
  ])('refuses %s', async (_what, claims, options) => {
    await expect(verifyAccessToken(await forge(claims, options))).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });
});

describe('the Authorization header', () => {
  const event = (authorization: string) => ({
    routeKey: 'GET /appeals/{appealId}',
    rawPath: '/appeals/x',
    headers: { authorization },
    pathParameters: { appealId: 'x' },
    requestContext: { requestId: 'r1', http: { method: 'GET', path: '/appeals/x' } },
  });

  it('needs the Bearer scheme: a bare token is 401', async () => {
    const token = await issueAccessToken({ role: 'guest', userId: 'u1' });
    const bare = (await appeals(event(token) as never)) as { statusCode: number };
    expect(bare.statusCode).toBe(401);
    const basic = (await appeals(event(`Basic ${token}`) as never)) as { statusCode: number };
    expect(basic.statusCode).toBe(401);
    const bearer = (await appeals(event(`Bearer ${token}`) as never)) as { statusCode: number };
    expect(bearer.statusCode).not.toBe(401);
  });

  it('a public route ignores a malformed header instead of failing', async () => {
    const reply = (await meta({ routeKey: 'GET /health', rawPath: '/health', headers: { authorization: 'garbage' }, requestContext: { requestId: 'r2', http: { method: 'GET', path: '/health' } } } as never)) as {
      statusCode: number;
    };
    expect(reply.statusCode).toBe(200);
  });
});
