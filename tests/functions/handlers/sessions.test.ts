/**
 * Revocable sessions: refresh tokens rotate, a reused old one ends the session, 退出登录 and 退出所有设备 end
 * sessions so their refresh fails at once.
 */
import { handler as auth } from '../../../functions/handlers/auth';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../../../functions/lib/dynamo';
import { sessionKey, sessionRepository } from '../../../functions/repositories/session-repository';
import { sessionFor } from '../../../functions/services/session-service';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { guest } from '../../support/fixtures';

const refresh = (refreshToken: string) => call(auth, 'refresh', { body: { refreshToken } });

beforeAll(async () => {
  await createTestTable('sessions');
});

it('rotates the refresh token on every use; using an old one again ends the session for every holder', async () => {
  const { user } = await guest('session-rotate');
  const first = await sessionFor(user);
  const second = await refresh(first.refreshToken);
  expect(second.status).toBe(200);
  expect(second.body.refreshToken).not.toBe(first.refreshToken);
  const third = await refresh(second.body.refreshToken);
  expect(third.status).toBe(200);

  const replay = await refresh(first.refreshToken);
  expect(replay.status).toBe(401);
  expect(replay.body.error.code).toBe('REFRESH_REUSED');
  const holder = await refresh(third.body.refreshToken);
  expect(holder.status).toBe(401);
  expect(holder.body.error.code).toBe('SESSION_ENDED');
  const [session] = await sessionRepository.listOfUser(user.userId);
  expect(session).toMatchObject({ revokedReason: 'refresh_reused', generation: 2 });
});

it("退出登录 ends this device's session only", async () => {
  const { user } = await guest('session-logout');
  const phone = await sessionFor(user);
  const other = await sessionFor(user);
  expect((await call(auth, 'logout', { body: { refreshToken: phone.refreshToken } })).status).toBe(200);
  expect((await refresh(phone.refreshToken)).status).toBe(401);
  expect((await refresh(other.refreshToken)).status).toBe(200);
});

it('退出所有设备 ends every session of the caller', async () => {
  const { user } = await guest('session-all');
  const a = await sessionFor(user);
  const b = await sessionFor(user);
  const reply = await call(auth, 'logoutEverywhere', { token: a.accessToken });
  expect(reply.body).toEqual({ ok: true, ended: 2 });
  expect((await refresh(a.refreshToken)).status).toBe(401);
  expect((await refresh(b.refreshToken)).status).toBe(401);
});

it("sessions are items under the user with a ttl at the refresh token's expiry", async () => {
  const { user } = await guest('session-shape');
  await sessionFor(user);
  const [s] = await sessionRepository.listOfUser(user.userId);
  expect(s).toMatchObject({ userId: user.userId, kind: 'app', generation: 0 });
  // `ttl` stays in the table (repositories strip it from what they return): read the stored item.
  const stored = await db().send(new GetCommand({ TableName: table(), Key: sessionKey(user.userId, s.sessionId) }));
  expect((stored.Item!.ttl as number) - Date.parse(s.createdAt) / 1000).toBeGreaterThan(29 * 86_400);
});

describe("the centre and police accounts' sessions", () => {
  it("lists an officer's sessions and ends them; their refresh then fails", async () => {
    const { twoStations } = await import('../../support/fixtures');
    const { userRepository } = await import('../../../functions/repositories/user-repository');
    const { a } = await twoStations();
    const officerUser = (await userRepository.get(`u-${a.officers[0].id}`))!;
    const phone = await sessionFor(officerUser);
    const { handler: officers } = await import('../../../functions/handlers/officers');
    const list = await call(officers, 'listOfficerSessions', { token: a.tokens.centre, params: { officerId: a.officers[0].id } });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    expect((await call(officers, 'listOfficerSessions', { token: a.tokens.chief, params: { officerId: a.officers[0].id } })).status).toBe(403);
    const ended = await call(officers, 'endOfficerSessions', { token: a.tokens.centre, params: { officerId: a.officers[0].id }, body: {} });
    expect(ended.body.ended).toBeGreaterThan(0);
    expect((await refresh(phone.refreshToken)).status).toBe(401);
  });
});
