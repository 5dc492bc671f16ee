import Taro from '@tarojs/taro';
import { fireEvent, render, screen, within } from '@testing-library/react';
import KnowledgeSearchPage from '../../../../miniapp/src/packages/knowledge/pages/search/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import type { KnowledgeHit, KnowledgeSearchResult } from '../../../../shared/knowledge/schemas';
import { taroStub } from '../../support/taro-stub';
import { aMe, aSession, http } from '../../support/factories';

const request = () => Taro.request as unknown as jest.Mock;

const aHit = (over: Partial<KnowledgeHit> = {}): KnowledgeHit => ({
  id: 'kb-residence-materials',
  question: '员工办理居住证需要准备哪些材料？',
  category: 'household',
  tags: ['居住证', '暂住证'],
  status: 'published',
  updatedAt: '2026-11-01T02:00:00.000Z',
  version: 2,
  snippet: '所需材料：1. 本人居民身份证原件；2. 居住登记凭证…',
  score: 12.3,
  matched: ['居住', '住证', '材料'],
  ...over,
});

type Call = { url: string; method: string };

function serve(results: Record<string, KnowledgeSearchResult>) {
  const calls: Call[] = [];
  request().mockImplementation((opts: Call) => {
    calls.push(opts);
    const url = new URL(opts.url, 'http://x');
    if (url.pathname.endsWith('/knowledge/search')) {
      const q = url.searchParams.get('q')!;
      return Promise.resolve(http(200, results[q] ?? { query: q, items: [], terms: [], confident: false }));
    }
    if (url.pathname.endsWith('/knowledge/entries')) return Promise.resolve(http(200, { items: [aHit({ id: 'kb-browse', question: '居住证到期了怎么签注？' })], nextCursor: null }));
    return Promise.reject(new Error(`unexpected ${opts.method} ${opts.url}`));
  });
  return calls;
}

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession({ me: aMe() }));
});

const typeAndSearch = (q: string) => {
  fireEvent.change(within(screen.getByTestId('knowledge-query')).getByRole('textbox'), { target: { value: q } });
  fireEvent.click(screen.getByTestId('knowledge-search-button'));
};

describe('政策咨询 search page', () => {
  it('offers hot questions before a search', () => {
    serve({});
    render(<KnowledgeSearchPage />);
    expect(within(screen.getByTestId('hot-questions')).getByText('员工办理居住证需要什么材料')).toBeTruthy();
  });

  it('shows results with the searched terms highlighted and opens an entry', async () => {
    const calls = serve({
      居住证材料: { query: '居住证材料', items: [aHit(), aHit({ id: 'kb-2', question: '居住证到期了怎么签注？', snippet: '每年签注一次' })], terms: ['居住', '住证', '证材', '材料'], confident: true },
    });
    render(<KnowledgeSearchPage />);
    typeAndSearch('居住证材料');
    const items = await screen.findAllByTestId('knowledge-item');
    expect(items).toHaveLength(2);
    expect(calls[0].url).toContain('q=%E5%B1%85%E4%BD%8F%E8%AF%81%E6%9D%90%E6%96%99');
    const marks = within(items[0])
      .getAllByTestId('hit-mark')
      .map((m) => m.textContent);
    expect(marks).toEqual(expect.arrayContaining(['居住证', '材料']));
    expect(within(items[0]).getByText('户政/居住证')).toBeTruthy();
    fireEvent.click(items[0]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/knowledge/pages/entry/index?id=kb-residence-materials' });
  });

  it('with no answer, 「问我的联络官」 opens the 政策咨询 form pre-filled with the question', async () => {
    serve({});
    render(<KnowledgeSearchPage />);
    typeAndSearch('火星移民签证');
    const empty = await screen.findByTestId('knowledge-empty');
    expect(within(empty).getByText('没有找到相关解答')).toBeTruthy();
    fireEvent.click(within(empty).getByText('没有找到答案？问我的联络官'));
    const url = (Taro.navigateTo as jest.Mock).mock.calls[0][0].url as string;
    expect(url.startsWith('/packages/appeals/pages/report/index?type=policy&title=')).toBe(true);
    const query = new URLSearchParams(url.split('?')[1]);
    expect(query.get('title')).toBe('火星移民签证');
    expect(query.get('description')).toContain('火星移民签证');
  });

  it('police do not get the ask button; a category browses its entries', async () => {
    saveSession(aSession({ me: aMe({ role: 'officer', enterprise: null, memberRole: null }) }));
    serve({});
    render(<KnowledgeSearchPage />);
    fireEvent.click(within(screen.getByTestId('knowledge-categories')).getByText('户政/居住证'));
    expect(await screen.findByText('居住证到期了怎么签注？')).toBeTruthy();
    typeAndSearch('火星移民签证');
    await screen.findByTestId('knowledge-empty');
    expect(screen.queryByText('没有找到答案？问我的联络官')).toBeNull();
  });
});
