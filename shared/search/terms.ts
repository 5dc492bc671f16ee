/**
 * 警务检索 (police search of enterprises and appeals), pure: what a record puts into the term index and
 * what a query reads from it.
 *
 * Like the knowledge base (shared/knowledge/search.ts) Chinese is cut into overlapping character pairs
 * (火锅店 → 火锅 锅店), Latin letters and digits form words. Unlike it there are no stop words and no
 * synonyms: a police search for 火锅 must find every 火锅, and a name search is checked as a substring after
 * the index has narrowed the candidates, so it behaves like "name contains".
 */
import { normalise } from '../knowledge/search';

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Distinct terms of a text in order of first occurrence: bigrams of Chinese runs (a lone character stands alone), Latin/digit words. */
export function searchTerms(text: string): string[] {
  const out = new Set<string>();
  for (const run of normalise(text).match(CJK_RUN) ?? []) {
    if (!CJK.test(run[0])) {
      out.add(run);
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) out.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  return [...out];
}

/**
 * An appeal indexes its title and the start of its description: at most this many distinct terms, so a
 * filing's index write is bounded (a 1,000-character description would otherwise be ~900 items).
 */
export const MAX_APPEAL_TERMS = 120;

export function appealTerms(title: string, description: string): string[] {
  return searchTerms(`${title} ${description}`).slice(0, MAX_APPEAL_TERMS);
}

/** A query reads at most this many term lists: each is one Query per round, so the cost of a page is bounded. */
export const MAX_QUERY_LISTS = 3;

/**
 * The lists a query reads: its terms, at most MAX_QUERY_LISTS, spread over the query (first, last, middle)
 * so that together they cover as much of it as three lists can. The enterprise search then checks the whole
 * query against the name; an appeal search accepts a match of the chosen terms.
 */
export function queryLists(q: string): string[] {
  // A lone character of the query (号 in 5002号) is indexed only where it stood alone in the record too: it
  // narrows nothing the name check does not, so it is read only when the query has nothing else.
  const all = searchTerms(q);
  const paired = all.filter((t) => !(t.length === 1 && CJK.test(t)));
  const terms = paired.length > 0 ? paired : all;
  if (terms.length <= MAX_QUERY_LISTS) return terms;
  const picks = [0, terms.length - 1, Math.floor((terms.length - 1) / 2)];
  return [...new Set(picks.map((i) => terms[i]))];
}

/** Whether a name contains the query, compared as the index compares (width, case, punctuation ignored). */
export function nameContains(name: string, q: string): boolean {
  const compact = (s: string) => normalise(s).replace(/\s+/g, '');
  return compact(name).includes(compact(q));
}

export type EnterpriseQueryKind = { kind: 'creditCode'; value: string } | { kind: 'mobile'; value: string } | { kind: 'name'; value: string };

/** What the officer typed: an 18-character credit code and an 11-digit mobile number are looked up exactly, anything else is a name. */
export function enterpriseQueryKind(q: string): EnterpriseQueryKind {
  const s = q.trim().replace(/\s+/g, '');
  if (/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/i.test(s)) return { kind: 'creditCode', value: s.toUpperCase() };
  if (/^1\d{10}$/.test(s)) return { kind: 'mobile', value: s };
  return { kind: 'name', value: q.trim() };
}

/**
 * One round of the intersection of several term lists read in the same order from the same cursor.
 * Each list gives the sort keys it returned and the key it stopped at (null: it has nothing more in the
 * scope). Every key up to the nearest stop is known to all lists, so the matches up to there are final; the
 * next round starts after it. `forward`: ascending keys, else descending.
 */
export function intersectRound(lists: { keys: string[]; stoppedAt: string | null }[], forward: boolean): { matches: string[]; bound: string | null } {
  const before = (a: string, b: string) => (forward ? a <= b : a >= b);
  const stops = lists.map((l) => l.stoppedAt).filter((s): s is string => s !== null);
  const bound = stops.length === 0 ? null : stops.reduce((m, s) => (before(s, m) ? s : m));
  const others = lists.slice(1).map((l) => new Set(l.keys));
  const matches = (lists[0]?.keys ?? []).filter((k) => (bound === null || before(k, bound)) && others.every((o) => o.has(k)));
  return { matches, bound };
}
