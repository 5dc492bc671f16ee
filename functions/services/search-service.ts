/**
 * 警务检索: officers, chiefs and the centre find enterprises and appeals within what they may see —
 * an officer their own enterprises and the appeals assigned to them, a chief their station, the centre every
 * station (shared/domain/access.ts). Every page is a bounded number of Queries (README, 警务检索).
 */
import { canSeeEnterprise } from '../../shared/domain/access';
import type { Principal } from '../../shared/domain/principal';
import { Forbidden, ValidationFailed } from '../../shared/errors';
import type { Page } from '../../shared/schemas/common';
import type { EnterpriseHit, EnterpriseSearchQuery } from '../../shared/search/schemas';
import { enterpriseQueryKind, nameContains, queryLists } from '../../shared/search/terms';
import type { Enterprise } from '../../shared/schemas/enterprise';
import { enterpriseRepository } from '../repositories/enterprise-repository';
import { searchRepository } from '../repositories/search-repository';

/** What the bench reads: the page and the read capacity it took (as DynamoDB reports it). */
export type SearchPage<T> = Page<T> & { consumedCapacity: number };

const hitOf = (e: Enterprise): EnterpriseHit => ({ id: e.id, name: e.name, creditCode: e.creditCode, industry: e.industry, stationId: e.stationId });

/** The sort-key prefix of what the caller may search: their station, or every station for the centre. */
export function scopeOf(caller: Principal): string {
  if (caller.role === 'officer' || caller.role === 'chief') return `${caller.stationId}#`;
  if (caller.role === 'centre') return '';
  throw new Forbidden();
}

/** Cursors are the last sort key considered, opaque to the app, and must lie in the caller's scope. */
export const encode = (sk: string | null) => (sk === null ? null : Buffer.from(sk, 'utf8').toString('base64url'));
export function decode(cursor: string | undefined, scope: string): string | null {
  if (!cursor) return null;
  const sk = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!sk.startsWith(scope) || sk.length < 3) throw new ValidationFailed([{ field: 'cursor', message: '分页游标无效，请从第一页重新加载' }]);
  return sk;
}

export async function searchEnterprises(caller: Principal, query: EnterpriseSearchQuery): Promise<SearchPage<EnterpriseHit>> {
  const scope = scopeOf(caller);
  const wanted = enterpriseQueryKind(query.q);
  if (wanted.kind !== 'name') {
    // Exact keys: the credit-code marker or the mobile item, then the enterprise records themselves.
    if (query.cursor) return { items: [], nextCursor: null, consumedCapacity: 0 };
    const ids = wanted.kind === 'creditCode' ? [await searchRepository.enterpriseIdByCreditCode(wanted.value)].filter((id): id is string => id !== null) : await searchRepository.enterpriseIdsByMobile(wanted.value);
    const found = await Promise.all(ids.map((id) => enterpriseRepository.get(id)));
    const items = found.filter((e): e is Enterprise => e !== null && canSeeEnterprise(caller, e)).map(hitOf);
    return { items, nextCursor: null, consumedCapacity: 0 };
  }
  if (caller.role === 'officer') return officerEnterprisesByName(caller.officerId, wanted.value, query);
  const terms = queryLists(wanted.value);
  if (terms.length === 0) return { items: [], nextCursor: null, consumedCapacity: 0 };
  const page = await searchRepository.enterprisesByName(terms, scope, { cursor: decode(query.cursor, scope), limit: query.limit }, (name) => nameContains(name, wanted.value));
  return { items: page.items, nextCursor: encode(page.next), consumedCapacity: page.capacity };
}

/**
 * An officer sees only the enterprises assigned to them (tens: one page of their own list), so their name
 * search reads that list rather than the station's postings, and stays right when an enterprise moves.
 */
async function officerEnterprisesByName(officerId: string, q: string, query: EnterpriseSearchQuery): Promise<SearchPage<EnterpriseHit>> {
  const page = await enterpriseRepository.listByOfficer(officerId, { cursor: query.cursor, limit: 100 });
  return {
    items: page.items
      .filter((e) => nameContains(e.name, q))
      .slice(0, query.limit)
      .map(hitOf),
    nextCursor: page.nextCursor,
    consumedCapacity: (page as { consumedCapacity?: number }).consumedCapacity ?? 0,
  };
}
