import fc from 'fast-check';
import { AppealSearchQuery } from '../../../shared/search/appeal-schemas';
import { EnterpriseSearchQuery } from '../../../shared/search/schemas';
import { appealTerms, enterpriseQueryKind, intersectRound, MAX_APPEAL_TERMS, MAX_QUERY_LISTS, nameContains, queryLists, searchTerms } from '../../../shared/search/terms';

describe('searchTerms', () => {
  it('cuts Chinese into distinct bigrams and keeps Latin words, normalised', () => {
    expect(searchTerms('重庆朝志火锅有限公司')).toEqual(['重庆', '庆朝', '朝志', '志火', '火锅', '锅有', '有限', '限公', '公司']);
    expect(searchTerms('ＡＢＣ科技（重庆）')).toEqual(['abc', '科技', '重庆']);
    expect(searchTerms('火锅 火锅')).toEqual(['火锅']);
    expect(searchTerms('锅')).toEqual(['锅']);
  });

  it('keeps question words the knowledge base drops: a police search must find every one', () => {
    expect(searchTerms('可以')).toEqual(['可以']);
  });

  it('bounds an appeal to MAX_APPEAL_TERMS terms, the title first', () => {
    const long = Array.from({ length: 600 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    const terms = appealTerms('噪音扰民', long);
    expect(terms).toHaveLength(MAX_APPEAL_TERMS);
    expect(terms.slice(0, 3)).toEqual(['噪音', '音扰', '扰民']);
  });
});

describe('queryLists', () => {
  it('reads at most MAX_QUERY_LISTS lists, spread over the query', () => {
    expect(queryLists('火锅')).toEqual(['火锅']);
    expect(queryLists('测试5002号')).toEqual(['测试', '5002']);
    expect(queryLists('朝志火锅有限公司')).toEqual(['朝志', '公司', '锅有']);
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (q) => queryLists(q).length <= MAX_QUERY_LISTS));
  });
});

describe('nameContains', () => {
  it('compares as the index does', () => {
    expect(nameContains('博诚（重庆）火锅有限公司', '重庆火锅')).toBe(true);
    expect(nameContains('重庆朝志火锅有限公司', '火锅有限')).toBe(true);
    expect(nameContains('重庆朝志火锅有限公司', '锅火')).toBe(false);
  });
});

describe('enterpriseQueryKind', () => {
  it('looks a credit code and a mobile number up exactly, anything else by name', () => {
    expect(enterpriseQueryKind('91500103MA5U8KXX1Q')).toEqual({ kind: 'creditCode', value: '91500103MA5U8KXX1Q' });
    expect(enterpriseQueryKind(' 138 0000 0001 ')).toEqual({ kind: 'mobile', value: '13800000001' });
    expect(enterpriseQueryKind('火锅')).toEqual({ kind: 'name', value: '火锅' });
  });
});

describe('intersectRound', () => {
  it('keeps the keys every list has up to the nearest stop', () => {
    const r = intersectRound(
      [
        { keys: ['a', 'c', 'e', 'g'], stoppedAt: 'g' },
        { keys: ['c', 'd', 'e'], stoppedAt: 'e' },
      ],
      true,
    );
    expect(r).toEqual({ matches: ['c', 'e'], bound: 'e' });
  });

  it('ends when every list is exhausted', () => {
    expect(
      intersectRound(
        [
          { keys: ['b', 'a'], stoppedAt: null },
          { keys: ['a'], stoppedAt: null },
        ],
        false,
      ),
    ).toEqual({ matches: ['a'], bound: null });
  });

  it('never loses a common key across rounds (property: paging equals the plain intersection)', () => {
    const sets = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(sets, fc.integer({ min: 1, max: 7 }), fc.boolean(), (lists, per, forward) => {
        const sorted = lists.map((l) => l.map((n) => String(n).padStart(2, '0')).sort((a, b) => (forward ? a.localeCompare(b) : b.localeCompare(a))));
        const expected = sorted[0].filter((k) => sorted.every((l) => l.includes(k)));
        const got: string[] = [];
        let cursor: string | null = null;
        for (let round = 0; round < 200; round++) {
          const pages = sorted.map((l) => {
            const rest = cursor === null ? l : l.filter((k) => (forward ? k > cursor! : k < cursor!));
            const keys = rest.slice(0, per);
            return { keys, stoppedAt: rest.length > per ? keys[keys.length - 1] : null };
          });
          const { matches, bound } = intersectRound(pages, forward);
          got.push(...matches);
          if (bound === null) break;
          cursor = bound;
        }
        expect(got).toEqual(expected);
      }),
    );
  });
});

describe('query schemas', () => {
  it('name the field in Chinese', () => {
    const r = EnterpriseSearchQuery.safeParse({ q: '火' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['q'], message: '请至少输入两个字' });
    const a = AppealSearchQuery.safeParse({ q: '噪音', from: '2026-11-20', to: '2026-11-01' });
    expect(a.error?.issues[0]).toMatchObject({ path: ['to'], message: '结束日期不能早于开始日期' });
    expect(AppealSearchQuery.safeParse({ q: '噪音', status: 'nope' }).error?.issues[0].path).toEqual(['status']);
  });
});
