import type { Principal } from '../../shared/domain/principal';
import { Conflict, NotFound } from '../../shared/errors';
import { mayLeave, type EnterpriseHistoryEntry } from '../../shared/privacy/rights';
import { collectAll } from '../lib/dynamo';
import { logger } from '../lib/logger';
import { ANONYMOUS, accountRepository } from '../repositories/account-repository';
import { bookingRepository } from '../repositories/booking-repository';
import { enterpriseRepository } from '../repositories/enterprise-repository';
import { keys } from '../repositories/keys';
import { userRepository } from '../repositories/user-repository';
import { eraseUploadsOf } from './attachment-erasure';
import { endEverySession } from './session-service';

const anonymiseContact = (h: EnterpriseHistoryEntry): EnterpriseHistoryEntry => ({
  ...h,
  changes: h.changes.map((c) => (c.field === 'contactName' || c.field === 'contactMobile' ? { ...c, from: ANONYMOUS, to: ANONYMOUS } : c)),
});

/**
 * 注销账号 (DELETE /me). Erased: the user, the openid binding, the membership, sessions, console sessions, the
 * security log, subscribe-message grants and delivery records, and the files the member uploaded (objects,
 * records, their place in appeals and the appeals' counts: attachment-erasure.ts). Anonymised: the bookings the member made
 * (contact person, mobile, on-site address, note). Kept, because the station must keep them: the
 * enterprise's appeals, messages, ratings, visits and ledgers (they name the enterprise, never the member:
 * their `createdBy`/`actorId` is a user id that no longer resolves to anyone) and the statistics. The last
 * owner leaves only with `closeEnterprise`: the enterprise is then closed, its contact anonymised in the
 * record and in its history of corrections. Every session ends first, so the caller's tokens stop at once.
 */
export async function deleteAccount(caller: Principal, closeEnterprise: boolean, now: Date) {
  const user = await userRepository.get(caller.userId);
  if (!user) throw new NotFound('账号', 'ACCOUNT_NOT_FOUND');
  const at = now.toISOString();
  const erased: Record<string, number> = { bookings: 0, history: 0 };
  let closing: { before: NonNullable<Awaited<ReturnType<typeof enterpriseRepository.get>>>; at: string } | null = null;
  let membership: { pk: string; sk: string } | null = null;

  if (caller.role === 'enterprise') {
    const enterpriseId = caller.enterpriseId;
    const [enterprise, members] = await Promise.all([enterpriseRepository.get(enterpriseId, true), collectAll((cursor) => enterpriseRepository.listMembers(enterpriseId, { cursor, limit: 100 }))]);
    if (!enterprise) throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
    const owners = members.filter((m) => m.memberRole === 'owner').length;
    const verdict = mayLeave({ memberRole: caller.memberRole }, owners, closeEnterprise);
    if (!verdict.ok) throw new Conflict('LAST_OWNER', verdict.reason);
    const closes = caller.memberRole === 'owner' && owners <= 1;
    membership = keys.member(enterpriseId, user.userId);
    // Records the station keeps stay; the member's personal fields in them go first (a retry redoes this safely).
    const bookings = await collectAll((cursor) => bookingRepository.listByEnterprise(enterpriseId, { cursor, limit: 100 }));
    const mine = bookings.filter((b) => b.createdBy === user.userId || (closes && b.contactName !== ANONYMOUS));
    for (const b of mine) await accountRepository.anonymiseBooking(b);
    erased.bookings = mine.length;
    if (closes) {
      const history = await collectAll((cursor) => enterpriseRepository.listHistory(enterpriseId, { cursor, limit: 100 }));
      await accountRepository.rewriteHistory(enterpriseId, history.map(anonymiseContact));
      erased.history = history.length;
      closing = { before: enterprise, at };
    }
  }

  // The member's own uploads (证据材料) are erased before the account: a retry finds the rest by the key prefix.
  const uploads = await eraseUploadsOf(user.userId);
  erased.files = uploads.files;
  erased.attachments = uploads.records;

  // Sessions end before the account goes: from here on the caller's tokens are refused.
  erased.sessions = await endEverySession(user.userId, at, 'account_deleted');
  await accountRepository.removeAccount(user, membership, closing);
  const rest = await accountRepository.userPartition(user.userId);
  await accountRepository.deleteKeys(rest);
  erased.userItems = rest.length + 2 + (membership ? 1 : 0);
  logger.info('account deleted', { enterpriseClosed: closing !== null, ...erased });
  return { deleted: true as const, enterpriseClosed: closing !== null, erased };
}
