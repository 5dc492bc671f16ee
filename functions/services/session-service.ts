import { ulid } from 'ulid';
import type { Principal } from '../../shared/domain/principal';
import type { Me, Session } from '../../shared/schemas/auth';
import { NotFound, Unauthenticated } from '../../shared/errors';
import { config } from '../lib/config';
import { issueAccessToken, issueRefreshToken, verifyRefreshToken } from '../lib/tokens';
import { code2Session } from '../lib/wechat-client';
import { enterpriseRepository } from '../repositories/enterprise-repository';
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
    station: station ? { id: station.id, name: station.name, centreId: station.centreId, address: station.address, phone: station.phone } : null,
    centreId: u.centreId ?? station?.centreId ?? null,
  };
}

export async function sessionFor(u: UserRecord): Promise<Session> {
  const [accessToken, refreshToken, me] = await Promise.all([issueAccessToken(principalOf(u)), issueRefreshToken(u.userId), describe(u)]);
  return { accessToken, refreshToken, expiresIn: config.accessTokenSeconds, me };
}

export function newGuest(openid: string, now: Date): UserRecord {
  return userRecord({ userId: ulid(now.getTime()), openid, createdAt: now.toISOString() });
}

/** wx.login code -> code2Session -> our user (created on first login) -> session tokens. */
export async function loginWithWechat(code: string, now: Date): Promise<Session> {
  const { openid } = await code2Session(code);
  return sessionFor(await findOrCreateUser(openid, now));
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

export async function refreshSession(refreshToken: string): Promise<Session> {
  const userId = await verifyRefreshToken(refreshToken);
  const user = await userRepository.get(userId);
  if (!user) throw new Unauthenticated('账号不存在，请重新登录', 'USER_GONE');
  return sessionFor(user);
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
