/** 警务检索 of appeals: see search-service.ts for the scopes and the cursor. */
import { canSeeAppeal } from '../../shared/domain/access';
import type { Principal } from '../../shared/domain/principal';
import type { AppealSummary } from '../../shared/appeals/views';
import type { AppealSearchQuery } from '../../shared/search/appeal-schemas';
import { queryLists } from '../../shared/search/terms';
import { searchRepository } from '../repositories/search-repository';
import { decode, encode, scopeOf, type SearchPage } from './search-service';

/** Shanghai day → the UTC instant it starts, for comparing with createdAt. */
const dayStart = (day: string, plusDays = 0) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + plusDays * 86_400_000).toISOString();

export async function searchAppeals(caller: Principal, query: AppealSearchQuery): Promise<SearchPage<AppealSummary> & { entriesRead: number }> {
  const scope = scopeOf(caller);
  const terms = queryLists(query.q);
  if (terms.length === 0) return { items: [], nextCursor: null, consumedCapacity: 0, entriesRead: 0 };
  const page = await searchRepository.appealsByTerms(
    terms,
    scope,
    { cursor: decode(query.cursor, scope), limit: query.limit },
    { enterpriseId: query.enterpriseId, type: query.type, category: query.category, from: query.from && dayStart(query.from), to: query.to && dayStart(query.to, 1) },
  );
  // Status and the officer change with every transition: read from the appeal's current queue entry.
  const current = await searchRepository.appealSummaries(page.items);
  const items = current.items.filter((a) => canSeeAppeal(caller, a) && (!query.status || a.status === query.status));
  return { items, nextCursor: encode(page.next), consumedCapacity: page.capacity + current.capacity, entriesRead: page.items.length };
}
