import { randomInt } from 'node:crypto';
import type { Principal } from '../../shared/domain/principal';
import { canInviteEnterpriseStaff, canManageStation } from '../../shared/domain/access';
import { Forbidden, InviteInvalid, NotFound } from '../../shared/errors';
import type { Invite } from '../../shared/schemas/organisation';
import type { Session } from '../../shared/schemas/auth';
import { config } from '../lib/config';
import { organisationRepository } from '../repositories/organisation-repository';
import { inviteBindings, userRepository, userUpdates, type InviteRecord, type UserRecord } from '../repositories/user-repository';
import { assertUnderLimit, countFailure, subjectsOf } from './rate-limit-service';
import { sessionFor } from './session-service';

// No 0/O, 1/I/L: codes are read aloud and typed on phones.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newInviteCode(): string {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

export async function createInvite(kind: Invite['kind'], targetId: string, createdBy: string, now: Date): Promise<Invite> {
  const invite: InviteRecord = {
    code: newInviteCode(),
    kind,
    targetId,
    expiresAt: new Date(now.getTime() + config.inviteLifetimeHours * 3600_000).toISOString(),
    createdBy,
    createdAt: now.toISOString(),
    usedBy: null,
  };
  await userRepository.createInvite(invite);
  const { createdBy: _c, createdAt: _a, usedBy: _u, ...visible } = invite;
  return visible;
}

export async function reissueOfficerInvite(caller: Principal, officerId: string, now: Date): Promise<Invite> {
  const officer = await organisationRepository.getOfficer(officerId);
  if (!officer || !canManageStation(caller, officer.stationId)) throw new NotFound('联络官', 'OFFICER_NOT_FOUND');
  return createInvite('officer', officer.id, caller.userId, now);
}

export async function inviteStaff(caller: Principal, enterpriseId: string, now: Date): Promise<Invite> {
  if (!canInviteEnterpriseStaff(caller, enterpriseId)) throw new Forbidden('只有企业管理员可以邀请员工');
  return createInvite('enterprise-staff', enterpriseId, caller.userId, now);
}

/** A guest redeems an invite: becomes the officer, centre admin or enterprise staff member it names. */
export async function redeemInvite(caller: Principal, code: string, displayName: string | undefined, now: Date): Promise<Session> {
  const user = await userRepository.get(caller.userId);
  if (!user) throw new InviteInvalid();
  // 5 wrong codes an hour per user and per WeChat account, checked before the code is even looked at.
  const subjects = subjectsOf(user);
  await assertUnderLimit('inviteFailures', subjects, now);
  const invite = await userRepository.getInvite(code);
  if (!invite || invite.usedBy || invite.expiresAt <= now.toISOString()) {
    await countFailure('inviteFailures', subjects, now);
    throw new InviteInvalid();
  }
  const at = now.toISOString();
  type Redeem = Parameters<typeof userRepository.redeemInvite>;
  let roleUpdate: Redeem[4];
  let bind: Redeem[3];
  let bound: UserRecord;
  switch (invite.kind) {
    case 'officer': {
      const officer = await organisationRepository.requireOfficer(invite.targetId);
      roleUpdate = userUpdates.becomeOfficer(user, officer);
      bind = [inviteBindings.officer(officer.id, user.userId)];
      bound = { ...user, role: officer.isChief ? ('chief' as const) : ('officer' as const), officerId: officer.id, stationId: officer.stationId, displayName: officer.name };
      break;
    }
    case 'centre-admin': {
      const admin = await organisationRepository.getAdmin(invite.targetId);
      if (!admin) throw new InviteInvalid();
      roleUpdate = userUpdates.becomeCentreAdmin(user, admin);
      bind = [inviteBindings.admin(admin.id, user.userId)];
      bound = { ...user, role: 'centre' as const, adminId: admin.id, centreId: admin.centreId, displayName: admin.name };
      break;
    }
    case 'enterprise-staff': {
      const name = displayName ?? '企业员工';
      roleUpdate = userUpdates.becomeEnterpriseMember(user, invite.targetId, 'staff', name);
      bind = [inviteBindings.staff(invite.targetId, user.userId, name, at)];
      bound = { ...user, role: 'enterprise' as const, enterpriseId: invite.targetId, memberRole: 'staff' as const, displayName: name };
      break;
    }
  }
  await userRepository.redeemInvite(invite, user, at, bind, roleUpdate).catch(async (error) => {
    if (error instanceof InviteInvalid) await countFailure('inviteFailures', subjects, now);
    throw error;
  });
  return sessionFor({ ...bound, version: user.version + 1 });
}
