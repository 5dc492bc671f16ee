import type { Principal } from '../../shared/domain/principal';
import { Forbidden, NotFound, VersionConflict } from '../../shared/errors';
import type { Enterprise } from '../../shared/schemas/enterprise';
import type { Page, PageQuery } from '../../shared/schemas/common';
import { enterpriseChanges, OWNER_ONLY_FIELDS, type EnterpriseHistoryEntry, type UpdateEnterpriseBody } from '../../shared/privacy/rights';
import { enterpriseRepository } from '../repositories/enterprise-repository';
import { visibleEnterprise } from './enterprise-service';

/**
 * 更正企业信息 (PIPL right to correct): a member of the enterprise corrects its basic data; the name only
 * through the owner; the credit code never (the schema refuses it). Conditional on the version the member
 * saw (409 when someone changed it first); the change lands in the enterprise's history, which its
 * officer, the station and the centre can read.
 */
export async function updateEnterprise(caller: Principal, enterpriseId: string, body: UpdateEnterpriseBody, now: Date): Promise<Enterprise> {
  if (caller.role !== 'enterprise' || caller.enterpriseId !== enterpriseId) throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
  const before = await enterpriseRepository.get(enterpriseId, true);
  if (!before) throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
  if (before.version !== body.version) throw new VersionConflict('企业信息');
  const { version: _v, creditCode: _c, stationId: _s, ...update } = body;
  const changes = enterpriseChanges(before, update);
  if (changes.some((c) => OWNER_ONLY_FIELDS.includes(c.field)) && caller.memberRole !== 'owner') throw new Forbidden('企业名称变更须由企业管理员办理', 'OWNER_ONLY');
  if (changes.length === 0) return before;
  const after: Enterprise = { ...before, ...Object.fromEntries(changes.map((c) => [c.field, c.to])), version: before.version + 1 };
  const entry: EnterpriseHistoryEntry = { at: now.toISOString(), version: after.version, by: { role: caller.memberRole }, changes };
  await enterpriseRepository.updateBasics(before, after, entry);
  return after;
}

/** The enterprise's corrections, newest first, for whoever may see the enterprise. */
export async function enterpriseHistory(caller: Principal, enterpriseId: string, page: PageQuery): Promise<Page<EnterpriseHistoryEntry>> {
  const e = await visibleEnterprise(caller, enterpriseId);
  return enterpriseRepository.listHistory(e.id, { cursor: page.cursor, limit: page.limit ?? 20 });
}
