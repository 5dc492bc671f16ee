import { ulid } from 'ulid';
import type { Principal } from '../../shared/domain/principal';
import { canManageStation, canSeeEnterprise, canSeeOfficer } from '../../shared/domain/access';
import { pickOfficer, distribute } from '../../shared/domain/assignment';
import { Conflict, Forbidden, NoOfficerAvailable, NotFound, ValidationFailed } from '../../shared/errors';
import type { Enterprise, EnterpriseFile, RegisterEnterpriseBody } from '../../shared/schemas/enterprise';
import type { OfficerCard, Station } from '../../shared/schemas/organisation';
import type { Session } from '../../shared/schemas/auth';
import type { Page, PageQuery } from '../../shared/schemas/common';
import { enterpriseRepository, OfficerCountMoved } from '../repositories/enterprise-repository';
import { organisationRepository, type OfficerRecord } from '../repositories/organisation-repository';
import { userRepository } from '../repositories/user-repository';
import { sessionFor } from './session-service';
import { fileSections } from './fieldwork-service';
import { appealRepository } from '../repositories/appeal-repository';
import { bookingRepository } from '../repositories/booking-repository';

const stationSummary = (s: Station) => ({ id: s.id, name: s.name, centreId: s.centreId, address: s.address, phone: s.phone });

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
      if (error instanceof OfficerCountMoved && attempt < 8) {
        await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (attempt + 1)));
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
  const profile = { enterprise, officer: officerCard(officer, station), station: stationSummary(station) };
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
      appeals: { items: appeals.items, nextCursor: appeals.nextCursor },
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
  if (!target || target.stationId !== enterprise.stationId) throw new ValidationFailed([{ field: 'officerId', message: '新联络官须为本辖区派出所的民警' }]);
  if (target.id === enterprise.officerId) throw new Conflict('SAME_OFFICER', '该企业已由这位联络官负责');
  return enterpriseRepository.reassign(enterprise, target.id, now.toISOString());
}

const HAND_OVER_BATCH = 25;

/**
 * An officer leaves: every one of their enterprises moves to the station's other officers, spread by
 * load. Batches are transactions; each enterprise moves directly from the old officer to a new one.
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
  let moved = 0;
  for (;;) {
    const page = await enterpriseRepository.listByOfficer(officer.id, { limit: HAND_OVER_BATCH });
    if (page.items.length === 0) break;
    const plan = distribute(
      page.items.map((e) => e.id),
      receivers,
    );
    const moves = page.items.map((enterprise) => ({ enterprise, toOfficerId: plan.get(enterprise.id)! }));
    await enterpriseRepository.moveBatch(officer.id, officer.stationId, moves, now.toISOString());
    for (const m of moves) {
      to[m.toOfficerId] = (to[m.toOfficerId] ?? 0) + 1;
      const r = receivers.find((x) => x.id === m.toOfficerId)!;
      r.enterpriseCount += 1;
    }
    moved += moves.length;
  }
  return { moved, to };
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
