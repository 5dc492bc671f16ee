import { ulid } from 'ulid';
import type { Principal } from '../../shared/domain/principal';
import { canManageStation, canSeeAppeal, canSeeEnterprise, canSeeOfficer } from '../../shared/domain/access';
import { pickOfficer, distribute } from '../../shared/domain/assignment';
import { Conflict, CreditCodeTaken, Forbidden, NoOfficerAvailable, NotFound, ValidationFailed, VersionConflict } from '../../shared/errors';
import type { Enterprise, EnterpriseFile, RegisterEnterpriseBody } from '../../shared/schemas/enterprise';
import { type OfficerCard, type Station, toStationSummary } from '../../shared/schemas/organisation';
import type { Session } from '../../shared/schemas/auth';
import type { Page, PageQuery } from '../../shared/schemas/common';
import { enterpriseRepository, OfficerCountMoved } from '../repositories/enterprise-repository';
import { organisationRepository, type OfficerRecord } from '../repositories/organisation-repository';
import { userRepository } from '../repositories/user-repository';
import { sessionFor } from './session-service';
import { assertUnderLimit, countFailure, subjectsOf } from './rate-limit-service';
import { fileSections } from './fieldwork-service';
import { appealRepository } from '../repositories/appeal-repository';
import { bookingRepository } from '../repositories/booking-repository';
import { collectAll, TRANSACTION_ATTEMPTS, transactionBackoff } from '../lib/dynamo';
import { moveOpenCases } from './case-transfer-service';

export const officerCard = (o: OfficerRecord, s: Station): OfficerCard => ({
  id: o.id,
  name: o.name,
  mobile: o.mobile,
  title: o.title,
  stationId: o.stationId,
  stationName: s.name,
  stationPhone: s.phone,
});

/**
 * Register an enterprise for the calling WeChat user, who becomes its owner, and give it the station's
 * least-loaded liaison officer. A lost race for that officer is retried with fresh counts.
 */
export async function registerEnterprise(caller: Principal, body: RegisterEnterpriseBody, now: Date): Promise<{ enterprise: Enterprise; officer: OfficerCard; session: Session }> {
  const [station, user] = await Promise.all([organisationRepository.getStation(body.stationId), userRepository.get(caller.userId)]);
  if (!station) throw new ValidationFailed([{ field: 'stationId', message: '所选派出所不存在，请重新选择辖区派出所' }]);
  if (user?.role !== 'guest') throw new Conflict('ALREADY_REGISTERED', '您的微信已绑定企业或民警账号，不能重复注册');
  // Each "already registered" answer tells that a company is registered: 3 a day per user and per WeChat account.
  const subjects = subjectsOf(user);
  await assertUnderLimit('takenCreditCodes', subjects, now);
  for (let attempt = 0; ; attempt++) {
    const officer = pickOfficer(await organisationRepository.allStationOfficers(station.id));
    if (!officer) throw new NoOfficerAvailable();
    const enterprise: Enterprise = {
      id: ulid(now.getTime()),
      name: body.name,
      creditCode: body.creditCode,
      industry: body.industry,
      address: body.address,
      stationId: station.id,
      officerId: officer.id,
      contactName: body.contactName,
      contactMobile: body.contactMobile,
      employeeCount: body.employeeCount ?? null,
      createdAt: now.toISOString(),
      version: 1,
    };
    const owner = { enterpriseId: enterprise.id, userId: user.userId, memberRole: 'owner' as const, displayName: body.contactName, joinedAt: now.toISOString() };
    try {
      await enterpriseRepository.register(enterprise, owner, user, officer.enterpriseCount);
    } catch (error) {
      if (error instanceof CreditCodeTaken) await countFailure('takenCreditCodes', subjects, now);
      if (error instanceof OfficerCountMoved && attempt < TRANSACTION_ATTEMPTS) {
        await transactionBackoff(attempt);
        continue;
      }
      throw error;
    }
    const session = await sessionFor({ ...user, role: 'enterprise', enterpriseId: enterprise.id, memberRole: 'owner', displayName: body.contactName, version: user.version + 1 });
    return { enterprise, officer: officerCard(officer, station), session };
  }
}

/** The enterprise, if this caller may see it; otherwise it does not exist for them. */
export async function visibleEnterprise(caller: Principal, id: string): Promise<Enterprise> {
  const enterprise = await enterpriseRepository.get(id);
  if (!enterprise || !canSeeEnterprise(caller, enterprise)) throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
  return enterprise;
}

/**
 * 一企一档: the profile, the officer and the sections (service plan, visits, appeals with ratings, bookings,
 * rectifications), each the latest 10 by one Query on the enterprise's key, all read in parallel.
 */
export async function enterpriseFile(caller: Principal, id: string, sections: 'all' | 'none' = 'all', now: Date = new Date()): Promise<EnterpriseFile> {
  const enterprise = await visibleEnterprise(caller, id);
  const [officer, station] = await Promise.all([organisationRepository.requireOfficer(enterprise.officerId), organisationRepository.requireStation(enterprise.stationId)]);
  const profile = { enterprise, officer: officerCard(officer, station), station: toStationSummary(station) };
  if (sections === 'none') return { ...profile, sections: {} };
  const [field, appeals, bookings] = await Promise.all([
    fileSections(caller, enterprise.id, now),
    appealRepository.listQueue(`ENT#${enterprise.id}#APPEALS`, { limit: 10 }, { newestFirst: true }),
    bookingRepository.listByEnterprise(enterprise.id, { limit: 10 }),
  ]);
  return {
    ...profile,
    sections: {
      plan: field.plan,
      visits: field.visits,
      // Complaints about police are not the officer's to see, in the file either (shared/appeals/complaints.ts).
      appeals: { items: appeals.items.filter((a) => !a.complaint || canSeeAppeal(caller, a)), nextCursor: appeals.nextCursor },
      bookings: { items: bookings.items, nextCursor: bookings.nextCursor },
      rectifications: field.rectifications,
    },
  };
}

export async function reassignEnterprise(caller: Principal, id: string, toOfficerId: string, version: number, now: Date): Promise<Enterprise> {
  const enterprise = await visibleEnterprise(caller, id);
  if (!canManageStation(caller, enterprise.stationId)) throw new Forbidden('只有本所所长或助企警务中心可以更换联络官');
  if (enterprise.version !== version) throw new Conflict('VERSION_CONFLICT', '企业信息已被他人修改，请刷新后重试');
  const target = await organisationRepository.getOfficer(toOfficerId);
  if (!target || target.stationId !== enterprise.stationId || target.deactivatedAt) throw new ValidationFailed([{ field: 'officerId', message: '新联络官须为本辖区派出所在职的民警' }]);
  if (target.id === enterprise.officerId) throw new Conflict('SAME_OFFICER', '该企业已由这位联络官负责');
  // Its open cases first (a retry after a failure finds the enterprise unmoved and moves the rest), then the
  // enterprise, then once more for an appeal filed meanwhile through the old officer.
  await moveOpenCases(caller, enterprise.id, enterprise.officerId, target, now);
  const moved = await enterpriseRepository.reassign(enterprise, target.id, now.toISOString());
  await moveOpenCases(caller, enterprise.id, enterprise.officerId, target, now);
  return moved;
}

const HAND_OVER_BATCH = 25;
const HAND_OVER_PASSES = 3;

/**
 * An officer leaves: every one of their enterprises moves to the station's other officers, spread by
 * load, with its open cases (`moveOpenCases`). Batches are transactions; each enterprise moves directly
 * from the old officer to a new one. The officer's enterprises are listed from the index once per pass
 * and each re-read strongly consistently before it moves: the index lags behind the moves, and re-reading
 * it after each batch used to return enterprises already moved and stop halfway with a 409. A later pass
 * picks up any enterprise registered to the officer meanwhile; running the hand-over again resumes it.
 */
export async function handOverEnterprises(caller: Principal, officerId: string, toOfficerIds: string[] | undefined, now: Date) {
  const officer = await organisationRepository.getOfficer(officerId);
  if (!officer || !canSeeOfficer(caller, officer) || !canManageStation(caller, officer.stationId)) throw new NotFound('联络官', 'OFFICER_NOT_FOUND');
  const colleagues = (await organisationRepository.allStationOfficers(officer.stationId)).filter((o) => o.id !== officer.id);
  let receivers = colleagues.filter((o) => !o.isChief);
  if (toOfficerIds?.length) {
    receivers = colleagues.filter((o) => toOfficerIds.includes(o.id));
    if (receivers.length !== new Set(toOfficerIds).size) throw new ValidationFailed([{ field: 'toOfficerIds', message: '接收联络官须为本所其他民警' }]);
  }
  if (receivers.length === 0) receivers = colleagues;
  if (receivers.length === 0) throw new NoOfficerAvailable();

  const to: Record<string, number> = {};
  const cases = { appeals: 0, rectifications: 0 };
  let moved = 0;
  for (let pass = 0; pass < HAND_OVER_PASSES; pass++) {
    const listed = await collectAll((cursor) => enterpriseRepository.listByOfficer(officer.id, { cursor, limit: 100 }));
    const current = (await Promise.all(listed.map((e) => enterpriseRepository.get(e.id, true)))).filter((e): e is Enterprise => e !== null && e.officerId === officer.id);
    if (current.length === 0) break;
    for (let i = 0; i < current.length; i += HAND_OVER_BATCH) {
      const batch = current.slice(i, i + HAND_OVER_BATCH);
      const plan = distribute(
        batch.map((e) => e.id),
        receivers,
      );
      const moves = batch.map((enterprise) => ({ enterprise, to: receivers.find((r) => r.id === plan.get(enterprise.id))! }));
      const moveCases = async () => {
        for (const m of moves) {
          const n = await moveOpenCases(caller, m.enterprise.id, officer.id, m.to, now);
          cases.appeals += n.appeals;
          cases.rectifications += n.rectifications;
        }
      };
      await moveCases();
      try {
        await enterpriseRepository.moveBatch(
          officer.id,
          officer.stationId,
          moves.map((m) => ({ enterprise: m.enterprise, toOfficerId: m.to.id })),
          now.toISOString(),
        );
      } catch (error) {
        // Someone changed one of them meanwhile (edited, reassigned): the next pass reads them afresh.
        if (error instanceof VersionConflict) continue;
        throw error;
      }
      await moveCases();
      for (const m of moves) {
        to[m.to.id] = (to[m.to.id] ?? 0) + 1;
        m.to.enterpriseCount += 1;
      }
      moved += moves.length;
    }
  }
  return { moved, to, cases };
}

export async function listOfficerEnterprises(caller: Principal, officerId: string, page: PageQuery): Promise<Page<Enterprise>> {
  const officer = await organisationRepository.getOfficer(officerId);
  if (!officer || !canSeeOfficer(caller, officer)) throw new NotFound('联络官', 'OFFICER_NOT_FOUND');
  return enterpriseRepository.listByOfficer(officerId, page);
}

export async function listStationEnterprises(caller: Principal, stationId: string, page: PageQuery): Promise<Page<Enterprise>> {
  if (!canManageStation(caller, stationId)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  return enterpriseRepository.listByStation(stationId, page);
}

export async function listMembers(caller: Principal, enterpriseId: string, page: PageQuery) {
  await visibleEnterprise(caller, enterpriseId);
  return enterpriseRepository.listMembers(enterpriseId, page);
}
