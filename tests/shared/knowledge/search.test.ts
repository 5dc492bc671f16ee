import fc from 'fast-check';
import { KnowledgeSearchQuery, UpdateKnowledgeBody, CreateKnowledgeBody } from '../../../shared/knowledge/schemas';
import { highlight, idf, indexDocument, isConfident, normalise, queryTerms, rank, snippet, tokenise, type IndexStats, type Posting } from '../../../shared/knowledge/search';

describe('tokenise', () => {
  it('cuts Chinese into bigrams and keeps Latin words and digits whole', () => {
    expect(tokenise('居住证材料')).toEqual(['居住', '住证', '证材', '材料']);
    expect(tokenise('Z字签证')).toEqual(['z', '字签', '签证']);
    expect(tokenise('12123 APP')).toEqual(['12123', 'app']);
  });

  it('normalises full-width letters, case and punctuation', () => {
    expect(normalise('ＡＢＣ，签证！')).toBe('abc 签证 ');
    expect(tokenise('ＡＰＰ（交管）')).toEqual(['app', '交管']);
    expect(tokenise('“居住证”；')).toEqual(['居住', '住证']);
  });

  it('drops question words and keeps a lone character', () => {
    expect(tokenise('怎么办理')).toEqual(['办理']);
    expect(tokenise('需要什么')).not.toContain('需要');
    expect(tokenise('证')).toEqual(['证']);
  });

  it('normalise keeps the length of any text (highlighting relies on it)', () => {
    fc.assert(fc.property(fc.string(), (s) => Array.from(normalise(s)).length === Array.from(s).length));
  });
});

describe('queryTerms', () => {
  it('expands synonyms at a lower weight, own terms first', () => {
    const terms = queryTerms('暂住证');
    expect(terms.filter((t) => !t.expanded).map((t) => t.term)).toEqual(['暂住', '住证']);
    expect(terms.find((t) => t.term === '居住')).toMatchObject({ expanded: true, weight: 0.6 });
    expect(queryTerms('被人阻挠施工怎么办').map((t) => t.term)).toContain('阻工');
  });

  it('is bounded however long the query', () => {
    expect(queryTerms('外国人来华工作签证怎么办理'.repeat(10)).length).toBeLessThanOrEqual(24);
  });
});

describe('rank (BM25F)', () => {
  const docs = {
    permit: { question: '员工办理居住证需要哪些材料', tags: ['居住证'], answer: '身份证、居住登记凭证、劳动合同、住所证明。' },
    endorse: { question: '居住证到期了怎么签注', tags: ['居住证签注'], answer: '每年签注一次，携带居住证和身份证。' },
    hotel: { question: '开办旅馆需要什么许可', tags: ['旅馆业'], answer: '特种行业许可证，所需材料有营业执照等。' },
  };
  const index = () => {
    const postings = new Map<string, Posting[]>();
    const stats: IndexStats = { docs: 0, totalLength: { question: 0, tags: 0, answer: 0 } };
    for (const [id, d] of Object.entries(docs)) {
      const doc = indexDocument(d);
      stats.docs++;
      stats.totalLength.question += doc.lengths.question;
      stats.totalLength.tags += doc.lengths.tags;
      stats.totalLength.answer += doc.lengths.answer;
      for (const [term, tf] of doc.terms) postings.set(term, [...(postings.get(term) ?? []), { entryId: id, category: id === 'hotel' ? 'security-licence' : 'household', tf, len: doc.lengths }]);
    }
    return { postings, stats };
  };
  const search = (q: string, category?: string) => {
    const { postings, stats } = index();
    const terms = queryTerms(q);
    return rank(terms, new Map(terms.map((t) => [t.term, postings.get(t.term) ?? []])), stats, { category });
  };

  it('puts the entry matching the whole question first', () => {
    expect(search('居住证材料')[0].entryId).toBe('permit');
    expect(search('居住证签注')[0].entryId).toBe('endorse');
    expect(search('旅馆许可')[0].entryId).toBe('hotel');
  });

  it('counts a rarer term more (IDF) and filters by category', () => {
    expect(idf(10, 1)).toBeGreaterThan(idf(10, 5));
    expect(search('材料', 'security-licence').map((r) => r.entryId)).toEqual(['hotel']);
  });

  it('finds nothing for nonsense and says it is not confident', () => {
    expect(search('qwerty火星')).toEqual([]);
    expect(isConfident(search('qwerty火星')[0])).toBe(false);
    expect(isConfident(search('居住证材料')[0])).toBe(true);
  });

  it('scores are finite and non-negative for any query', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (q) => search(q).every((r) => Number.isFinite(r.score) && r.score >= 0 && r.coverage <= 1)));
  });
});

describe('highlight and snippet', () => {
  it('marks the characters of matched terms, across full-width text', () => {
    expect(highlight('办理居住证需要材料', ['居住', '住证', '材料'])).toEqual([
      { text: '办理', hit: false },
      { text: '居住证', hit: true },
      { text: '需要', hit: false },
      { text: '材料', hit: true },
    ]);
    expect(highlight('下载ＡＰＰ', ['app'])).toEqual([
      { text: '下载', hit: false },
      { text: 'ＡＰＰ', hit: true },
    ]);
  });

  it('segments always join back to the text', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.string({ maxLength: 2 })),
        (text, terms) =>
          highlight(text, terms)
            .map((s) => s.text)
            .join('') === text,
      ),
    );
  });

  it('cuts the answer around the hits', () => {
    const long = `${'前言'.repeat(60)}所需材料：身份证和劳动合同。${'后记'.repeat(60)}`;
    const s = snippet(long, ['材料'], 40);
    expect(s).toContain('材料');
    expect(s.startsWith('…')).toBe(true);
    expect(snippet('短解答', ['解答'])).toBe('短解答');
  });
});

describe('schemas', () => {
  it('names the field in Chinese', () => {
    const r = CreateKnowledgeBody.safeParse({ question: '短', answer: '太短', category: 'nope', tags: [] });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(messages).toEqual(expect.arrayContaining(['question:问题至少4个字', 'answer:解答至少10个字', 'category:请从列表中选择知识分类']));
    expect(KnowledgeSearchQuery.safeParse({ q: '  ' }).error!.issues[0].message).toBe('请输入要查询的问题');
    expect(UpdateKnowledgeBody.safeParse({ version: 1 }).error!.issues[0].message).toBe('没有需要保存的修改');
  });
});
