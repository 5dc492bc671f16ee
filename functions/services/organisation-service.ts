import { ulid } from 'ulid';
import type { Principal } from '../../shared/domain/principal';
import { canManageStation, canSeeOfficer } from '../../shared/domain/access';
import { Conflict, Forbidden, NotFound, ValidationFailed, VersionConflict } from '../../shared/errors';
import { type CreateOfficerBody, type CreateStationBody, type Officer, type Station, toStationSummary, type UpdateStationBody } from '../../shared/schemas/organisation';
import type { PageQuery } from '../../shared/schemas/common';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../shared/appeals/sla';
import { organisationRepository, toOfficer, type OfficerRecord } from '../repositories/organisation-repository';
import { createInvite } from './invite-service';
import { endEverySession } from './session-service';

export async function listStations(page: PageQuery) {
  const result = await organisationRepository.listStations(page);
  return { items: result.items.map(toStationSummary), nextCursor: result.nextCursor };
}

export async function createStation(body: CreateStationBody, now: Date): Promise<Station> {
  if (!(await organisationRepository.getCentre(body.centreId))) throw new ValidationFailed([{ field: 'centreId', message: '所属助企警务中心不存在' }]);
  const station: Station = { ...body, chiefOfficerId: null, createdAt: now.toISOString(), version: 1 };
  await organisationRepository.createStation(station);
  return station;
}

/** A station the caller manages; anyone else is told it does not exist. */
export async function managedStation(caller: Principal, id: string): Promise<Station> {
  if (!canManageStation(caller, id)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  return organisationRepository.requireStation(id);
}

export async function updateStation(caller: Principal, id: string, body: UpdateStationBody): Promise<Station> {
  await managedStation(caller, id);
  const { version, ...changes } = body;
  return organisationRepository.updateStation(id, version, changes);
}

export async function setChief(caller: Principal, stationId: string, officerId: string): Promise<Station> {
  const station = await managedStation(caller, stationId);
  const officer = await organisationRepository.getOfficer(officerId);
  if (!officer || officer.stationId !== stationId) throw new ValidationFailed([{ field: 'officerId', message: '所长须为本所民警' }]);
  return organisationRepository.setChief(station, officer);
}

export async function listStationOfficers(caller: Principal, stationId: string, page: PageQuery) {
  await managedStation(caller, stationId);
  const result = await organisationRepository.listStationOfficers(stationId, page);
  return { items: result.items.map(toOfficer), nextCursor: result.nextCursor };
}

export async function createOfficer(caller: Principal, body: CreateOfficerBody, now: Date) {
  if (!canManageStation(caller, body.stationId)) throw new Forbidden('只能为本所创建联络官账号');
  await organisationRepository.requireStation(body.stationId);
  const record: OfficerRecord = { id: ulid(now.getTime()), ...body, isChief: false, onLeave: false, enterpriseCount: 0, userId: null, createdAt: now.toISOString(), version: 1 };
  await organisationRepository.createOfficer(record);
  const invite = await createInvite('officer', record.id, caller.userId, now);
  return { officer: toOfficer(record), invite };
}

export async function visibleOfficer(caller: Principal, id: string): Promise<OfficerRecord> {
  const officer = await organisationRepository.getOfficer(id);
  if (!officer || !canSeeOfficer(caller, officer)) throw new NotFound('联络官', 'OFFICER_NOT_FOUND');
  return officer;
}

export async function getOfficer(caller: Principal, id: string): Promise<Officer> {
  return toOfficer(await visibleOfficer(caller, id));
}

export async function setOfficerLeave(caller: Principal, id: string, onLeave: boolean, version: number): Promise<Officer> {
  const officer = await visibleOfficer(caller, id);
  if (!canManageStation(caller, officer.stationId)) throw new NotFound('联络官', 'OFFICER_NOT_FOUND');
  return toOfficer(await organisationRepository.setOfficerLeave(id, version, onLeave));
}

/**
 * 民警离职 (hand-over done): refused while enterprises are still assigned or while the officer is the chief;
 * then the officer is deactivated, the WeChat account unbound (back to a guest), and every session of that
 * account ends at once — app sessions are revoked (refresh fails, access tokens are refused at their next
 * request) and console sessions deleted.
 */
export async function deactivateOfficer(caller: Principal, id: string, version: number, now: Date): Promise<Officer> {
  const officer = await visibleOfficer(caller, id);
  if (!canManageStation(caller, officer.stationId)) throw new NotFound('联络官', 'OFFICER_NOT_FOUND');
  if (officer.deactivatedAt) throw new Conflict('OFFICER_DEACTIVATED', '该民警账号已停用');
  if (officer.version !== version) throw new VersionConflict('联络官信息');
  if (officer.isChief) throw new Conflict('OFFICER_IS_CHIEF', '该民警是本所所长，请先任命新所长再停用');
  if (officer.enterpriseCount > 0) throw new Conflict('OFFICER_HAS_ENTERPRISES', `该民警名下还有${officer.enterpriseCount}家企业，请先办理移交`);
  const at = now.toISOString();
  const done = await organisationRepository.deactivateOfficer(officer, at);
  if (officer.userId) await endEverySession(officer.userId, at, 'deactivated');
  return toOfficer(done);
}

export async function getStationSla(caller: Principal, id: string): Promise<SlaPolicy> {
  const station = (await managedStation(caller, id)) as Station & { slaPolicy?: SlaPolicy };
  return station.slaPolicy ?? DEFAULT_SLA_POLICY;
}

export async function setStationSla(caller: Principal, id: string, policy: SlaPolicy): Promise<SlaPolicy> {
  await managedStation(caller, id);
  await organisationRepository.setStationSla(id, policy);
  return policy;
}
