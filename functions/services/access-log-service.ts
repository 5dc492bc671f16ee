import { ulid } from 'ulid';
import { routeKey, type RouteSpec } from '../../shared/api/route-spec';
import { ACCESS_KIND_LABELS, type AccessKind, type AccessLogEntry, type AccessLogRecord } from '../../shared/audit/access-log';
import type { Principal } from '../../shared/domain/principal';
import { NotFound } from '../../shared/errors';
import type { Page, PageQuery } from '../../shared/schemas/common';
import { accessLogRepository } from '../repositories/access-log-repository';
import { organisationRepository } from '../repositories/organisation-repository';

/** The route a read came through: the handler passes its own spec (e.g. `appealRoutes.getAppeal`). */
type ReadRoute = Pick<RouteSpec, 'method' | 'path'>;
type PoliceCaller = Extract<Principal, { role: 'officer' | 'chief' | 'centre' }>;
const isPolice = (p: Principal | null): p is PoliceCaller => p?.role === 'officer' || p?.role === 'chief' || p?.role === 'centre';

function recordOf(caller: PoliceCaller, enterpriseId: string, what: AccessKind, route: ReadRoute, now: Date, targetId?: string): AccessLogRecord {
  return {
    id: ulid(now.getTime()),
    enterpriseId,
    at: now.toISOString(),
    actorRole: caller.role,
    actorId: caller.role === 'centre' ? caller.adminId : caller.officerId,
    actorUserId: caller.userId,
    ...(caller.role === 'centre' ? { centreId: caller.centreId } : { stationId: caller.stationId }),
    what,
    route: routeKey(route),
    ...(targetId && { targetId }),
  };
}

/**
 * Records that a police caller read the data of these enterprises, then hands the result back: one put for
 * one enterprise, batched puts for a list. Enterprise members reading their own data leave no entry. The
 * read is answered only once its log entry is written (an unlogged read would defeat the audit).
 */
export async function logged<T>(caller: Principal | null, what: AccessKind, route: ReadRoute, now: Date, result: T, ids: (r: T) => { enterpriseId: string; targetId?: string }[]): Promise<T> {
  if (!isPolice(caller)) return result;
  const seen = new Set<string>();
  const records = ids(result)
    .filter((x) => !seen.has(x.enterpriseId) && seen.add(x.enterpriseId))
    .map((x) => recordOf(caller, x.enterpriseId, what, route, now, x.targetId));
  if (records.length === 1) await accessLogRepository.append(records[0]);
  else if (records.length > 1) await accessLogRepository.appendMany(records);
  return result;
}

/** 谁查看了我的档案: the enterprise's own members, or the centre for any enterprise. Names are resolved here. */
export async function listAccessLog(caller: Principal, enterpriseId: string, page: PageQuery, now: Date): Promise<Page<AccessLogEntry>> {
  const allowed = (caller.role === 'enterprise' && caller.enterpriseId === enterpriseId) || caller.role === 'centre';
  if (!allowed) throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
  const out = await accessLogRepository.list(enterpriseId, page, now);
  const names = new Map<string, Promise<string>>();
  const once = (key: string, load: () => Promise<string>) => {
    if (!names.has(key)) names.set(key, load());
    return names.get(key)!;
  };
  const items = await Promise.all(
    out.items.map(async (r) => {
      const [actorName, unitName] = await Promise.all([
        r.actorRole === 'centre'
          ? once(`A#${r.actorId}`, async () => (await organisationRepository.getAdmin(r.actorId))?.name ?? '助企警务中心工作人员')
          : once(`O#${r.actorId}`, async () => {
              const o = await organisationRepository.getOfficer(r.actorId);
              return o ? `${o.name}（${o.isChief ? '所长' : o.title}）` : '民警';
            }),
        r.stationId
          ? once(`S#${r.stationId}`, async () => (await organisationRepository.getStation(r.stationId!))?.name ?? '派出所')
          : once(`C#${r.centreId}`, async () => (await organisationRepository.getCentre(r.centreId ?? ''))?.name ?? '助企警务中心'),
      ]);
      return { ...r, actorName, unitName, whatLabel: ACCESS_KIND_LABELS[r.what] };
    }),
  );
  return { items, nextCursor: out.nextCursor };
}
