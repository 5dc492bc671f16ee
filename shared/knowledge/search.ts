/**
 * Chinese full-text search of the knowledge base, pure: tokenising, query expansion, BM25F scoring,
 * snippets and highlighting. The repository stores what `indexDocument` produces as postings and feeds
 * `rank` with what it reads back; the app uses `highlight` on the same terms.
 *
 * Chinese has no spaces between words, so text is cut into overlapping character pairs (bigrams):
 * 居住证材料 → 居住 住证 证材 材料. A pair that straddles two words (证材) occurs in no entry and costs
 * nothing; pairs that form words match the same pairs in entries, whatever the segmentation would have
 * been. Latin letters and digits form words of their own (Z字签证 → z, 字签, 签证).
 */

/** Field weights: a hit in the question or the tags says more than one in a long answer. */
export const FIELD_WEIGHTS = { question: 3, tags: 2.5, answer: 1 } as const;
/** Length normalisation per field (BM25's b): answers vary most in length. */
const FIELD_B = { question: 0.5, tags: 0.3, answer: 0.75 } as const;
const K1 = 1.2;
/** Terms added by synonym expansion count less than the words the user typed. */
export const EXPANSION_WEIGHT = 0.6;
/** At most this many distinct terms per query: one Query each, so the cost of a search is bounded. */
export const MAX_QUERY_TERMS = 24;
/** A result answers the question when it covers at least this share of the query's information (IDF). */
export const CONFIDENT_COVERAGE = 0.4;

export type Field = keyof typeof FIELD_WEIGHTS;
export type FieldCounts = { question: number; tags: number; answer: number };

/**
 * Question words carry no topic: every other question contains them. Dropped on both sides, which also
 * keeps them out of the index.
 */
const STOP_BIGRAMS = new Set(['怎么', '什么', '如何', '哪些', '需要', '请问', '我们', '可以', '是否', '么办', '怎样', '要什', '么材', '一下', '的话', '应该', '哪里']);

/**
 * Words people use for the same thing. A query containing any member is expanded with the others' terms
 * (at EXPANSION_WEIGHT), so 暂住证 finds 居住证 and 阻挠施工 finds 阻工.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['外国人', '外籍', '老外', '境外人员'],
  ['阻工', '阻挠施工', '阻拦施工', '阻挠', '阻拦', '堵门', '封门堵路', '被堵', '堵了', '不让施工'],
  ['材料', '资料', '证件'],
  ['居住证', '暂住证', '居住登记'],
  ['签证', '工作许可', '居留许可'],
  ['诈骗', '电诈', '被骗', '骗子'],
  ['欠薪', '讨薪', '拖欠工资', '劳资纠纷'],
  ['户口', '户籍', '落户'],
  ['无犯罪记录', '无犯罪证明', '良民证'],
  ['公章', '印章', '刻章'],
  ['货车', '货运车辆', '大货车'],
  ['危险化学品', '危化品', '剧毒化学品'],
  ['非法集资', '集资', '高息揽储'],
  ['快递', '寄递', '物流'],
  ['等级保护', '等保'],
  ['消防', '防火', '火灾'],
  ['加急', '急用', '紧急'],
  ['保安', '安保'],
  ['大型活动', '演出', '展会'],
  ['手续', '流程', '程序'],
  ['旅馆', '酒店', '宾馆', '民宿'],
  ['多久', '时限', '几天', '多长时间'],
  ['追回', '挽损', '止付'],
];

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** One character normalised: full-width to half-width (NFKC), lower case, anything else not a word char → space. */
function normaliseChar(ch: string): string {
  const n = ch.normalize('NFKC').toLowerCase();
  const c = n.length === 1 ? n : ch;
  return CJK.test(c) || /[a-z0-9]/.test(c) ? c : ' ';
}

/** Full-width to half-width, lower case, punctuation to spaces; same length as the input (for highlighting). */
export function normalise(text: string): string {
  return Array.from(text, normaliseChar).join('');
}

/** Bigrams of Chinese runs (a lone character stands for itself) and Latin/digit words, in order, repeats kept. */
export function tokenise(text: string): string[] {
  const out: string[] = [];
  const runs = normalise(text).match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g) ?? [];
  for (const run of runs) {
    if (!CJK.test(run[0])) {
      out.push(run);
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) {
      out.push(chars[0]);
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) {
      const bigram = chars[i] + chars[i + 1];
      if (!STOP_BIGRAMS.has(bigram)) out.push(bigram);
    }
  }
  return out;
}

export type IndexedDocument = {
  /** term → how often it occurs in each field */
  terms: Map<string, FieldCounts>;
  /** tokens per field */
  lengths: FieldCounts;
};

/** What the index stores for one entry. */
export function indexDocument(doc: { question: string; tags: readonly string[]; answer: string }): IndexedDocument {
  const terms = new Map<string, FieldCounts>();
  const fields: Record<Field, string[]> = {
    question: tokenise(doc.question),
    tags: doc.tags.flatMap((t) => tokenise(t)),
    answer: tokenise(doc.answer),
  };
  for (const field of Object.keys(fields) as Field[]) {
    for (const term of fields[field]) {
      const counts = terms.get(term) ?? { question: 0, tags: 0, answer: 0 };
      counts[field] += 1;
      terms.set(term, counts);
    }
  }
  return { terms, lengths: { question: fields.question.length, tags: fields.tags.length, answer: fields.answer.length } };
}

export type QueryTerm = {
  term: string;
  weight: number;
  expanded: boolean;
  /** For the query's own bigrams: the bigrams either side in the same run (a straddling pair sits between two words). */
  prev?: string;
  next?: string;
  /** Own terms: the synonym groups their words triggered. Expanded terms: the group they come from. */
  groups?: number[];
  group?: number;
};

/** The query's distinct terms, its own first, then synonyms' terms; at most MAX_QUERY_TERMS. */
export function queryTerms(query: string): QueryTerm[] {
  const byTerm = new Map<string, QueryTerm>();
  for (const run of normalise(query).split(/\s+/)) {
    const own = tokenise(run);
    own.forEach((term, i) => {
      if (!byTerm.has(term)) byTerm.set(term, { term, weight: 1, expanded: false, prev: own[i - 1], next: own[i + 1], groups: [] });
    });
  }
  const text = normalise(query).replace(/\s+/g, '');
  SYNONYM_GROUPS.forEach((group, g) => {
    const triggers = group.filter((word) => text.includes(word));
    if (triggers.length === 0) return;
    // The words that triggered the group count as answered when an entry has any of the group's words.
    for (const word of triggers) for (const term of tokenise(word)) byTerm.get(term)?.groups?.push(g);
    for (const word of group) {
      for (const term of tokenise(word)) if (!byTerm.has(term)) byTerm.set(term, { term, weight: EXPANSION_WEIGHT, expanded: true, group: g });
    }
  });
  return [...byTerm.values()].slice(0, MAX_QUERY_TERMS);
}

/** One entry's occurrences of one term, as stored in the index. */
export type Posting = {
  entryId: string;
  category: string;
  tf: FieldCounts;
  len: FieldCounts;
};

/** Totals over the published entries, kept up to date with every publish, edit and archive. */
export type IndexStats = { docs: number; totalLength: FieldCounts };

export type Ranked = {
  entryId: string;
  score: number;
  /** Share of the query's own information (IDF) this entry covers, 0..1. */
  coverage: number;
  /** Query terms found in the entry (for highlighting). */
  matched: string[];
};

export function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/**
 * BM25F: per term, the field frequencies are weighted and length-normalised into one pseudo-frequency,
 * saturated with k1 and multiplied by the term's IDF and its query weight. Entries matching more of the
 * query's own terms get a mild boost (coverage), so one frequent word cannot outrank the whole question.
 */
export function rank(terms: QueryTerm[], postings: Map<string, Posting[]>, stats: IndexStats, options: { category?: string } = {}): Ranked[] {
  const docs = Math.max(stats.docs, 1);
  const avg = {
    question: stats.totalLength.question / docs || 1,
    tags: stats.totalLength.tags / docs || 1,
    answer: stats.totalLength.answer / docs || 1,
  };
  const df = (term: string | undefined) => (term ? (postings.get(term)?.length ?? 0) : 0);
  // Terms found nowhere still count in the denominator: a query about something we have no entry for is
  // not covered. Except a pair straddling two words that are both found (证材 in 居住证材料): it is no word.
  const straddles = (t: QueryTerm) => df(t.term) === 0 && df(t.prev) > 0 && df(t.next) > 0;
  const own = terms.filter((t) => !t.expanded && !straddles(t));
  const ownInformation = own.reduce((sum, t) => sum + idf(docs, df(t.term)), 0);
  const acc = new Map<string, { score: number; matched: Set<string>; groups: Set<number> }>();
  for (const t of terms) {
    const list = postings.get(t.term) ?? [];
    if (list.length === 0) continue;
    const termIdf = idf(docs, list.length);
    for (const p of list) {
      if (options.category && p.category !== options.category) continue;
      let pseudo = 0;
      for (const f of ['question', 'tags', 'answer'] as const) {
        if (!p.tf[f]) continue;
        const norm = 1 - FIELD_B[f] + FIELD_B[f] * (p.len[f] / avg[f]);
        pseudo += (FIELD_WEIGHTS[f] * p.tf[f]) / norm;
      }
      const score = t.weight * termIdf * ((pseudo * (K1 + 1)) / (K1 + pseudo));
      const a = acc.get(p.entryId) ?? { score: 0, matched: new Set<string>(), groups: new Set<number>() };
      a.score += score;
      a.matched.add(t.term);
      if (t.group !== undefined) a.groups.add(t.group);
      acc.set(p.entryId, a);
    }
  }
  return [...acc.entries()]
    .map(([entryId, a]) => {
      // An own term is covered when the entry has it, or has a synonym of the word it came from (堵了 → 阻工).
      const covered = own.filter((t) => a.matched.has(t.term) || t.groups?.some((g) => a.groups.has(g))).reduce((sum, t) => sum + idf(docs, df(t.term)), 0);
      const coverage = ownInformation > 0 ? Math.min(1, covered / ownInformation) : a.matched.size > 0 ? 1 : 0;
      return { entryId, score: a.score * (0.6 + 0.4 * coverage), coverage, matched: [...a.matched] };
    })
    .sort((x, y) => y.score - x.score || x.entryId.localeCompare(y.entryId));
}

/** A result good enough to count as an answer (otherwise the search is recorded as a knowledge gap). */
export const isConfident = (top: Ranked | undefined) => !!top && top.coverage >= CONFIDENT_COVERAGE;

export type Segment = { text: string; hit: boolean };

/** Which characters of `text` belong to an occurrence of any term (terms as `tokenise` makes them). */
function hitMask(text: string, terms: readonly string[]): boolean[] {
  const chars = Array.from(text);
  const norm = chars.map(normaliseChar);
  const mask = new Array<boolean>(chars.length).fill(false);
  const wanted = new Set(terms);
  for (let i = 0; i < norm.length; i++) {
    if (wanted.has(norm[i])) mask[i] = true;
    if (i + 1 < norm.length && wanted.has(norm[i] + norm[i + 1])) mask[i] = mask[i + 1] = true;
  }
  // Latin words: match whole runs.
  const joined = norm.join('');
  for (const m of joined.matchAll(/[a-z0-9]+/g)) {
    if (wanted.has(m[0])) for (let k = m.index!; k < m.index! + m[0].length; k++) mask[k] = true;
  }
  return mask;
}

/** `text` cut into plain and highlighted runs, for the results list. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const chars = Array.from(text);
  const mask = hitMask(text, terms);
  const out: Segment[] = [];
  chars.forEach((ch, i) => {
    const last = out[out.length - 1];
    if (last && last.hit === mask[i]) last.text += ch;
    else out.push({ text: ch, hit: mask[i] });
  });
  return out;
}

/** The stretch of `text` (about `length` characters) with the most hits, with ellipses where it was cut. */
export function snippet(text: string, terms: readonly string[], length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= length) return flat;
  const mask = hitMask(flat, terms);
  let best = 0;
  let bestHits = -1;
  let hits = 0;
  for (let i = 0; i < chars.length; i++) {
    if (mask[i]) hits++;
    if (i >= length && mask[i - length]) hits--;
    const start = Math.max(0, i - length + 1);
    if (i >= length - 1 && hits > bestHits) {
      bestHits = hits;
      best = start;
    }
  }
  // Start a little before the first hit of the window so the sentence reads.
  const firstHit = mask.indexOf(true, best);
  const start = firstHit > best + 10 ? Math.max(0, firstHit - 10) : best;
  const end = Math.min(chars.length, start + length);
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}
