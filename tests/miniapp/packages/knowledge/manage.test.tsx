import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import KnowledgeManagePage from '../../../../miniapp/src/packages/knowledge/pages/manage/index';
import KnowledgeEditPage from '../../../../miniapp/src/packages/knowledge/pages/edit/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import type { KnowledgeSummary } from '../../../../shared/knowledge/schemas';
import { taroStub } from '../../support/taro-stub';
import { aMe, aSession, http } from '../../support/factories';

const request = () => Taro.request as unknown as jest.Mock;

const pending = (over: Partial<KnowledgeSummary> = {}): KnowledgeSummary => ({
  id: 'kb-p1',
  question: '员工的孩子能否随迁落户？',
  category: 'household',
  tags: ['随迁落户'],
  status: 'pending',
  updatedAt: '2026-11-02T02:00:00.000Z',
  version: 1,
  ...over,
});

type Call = { url: string; method: string; data?: unknown };

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession({ me: aMe({ role: 'centre', enterprise: null, memberRole: null, centreId: 'c1' }) }));
});

describe('知识库管理 (centre)', () => {
  it('publishes a pending entry only after confirmation, with the version it shows', async () => {
    const calls: Call[] = [];
    let published = false;
    request().mockImplementation((opts: Call) => {
      calls.push(opts);
      if (opts.method === 'POST' && opts.url.endsWith('/knowledge/entries/kb-p1/publish')) {
        published = true;
        return Promise.resolve(http(200, { ...pending(), answer: '解答内容足够长的一段文字。', status: 'published', createdAt: pending().updatedAt, createdBy: 'x', updatedBy: 'x', version: 2 }));
      }
      return Promise.resolve(http(200, { items: published ? [] : [pending()], nextCursor: null }));
    });
    render(<KnowledgeManagePage />);
    await screen.findByText('员工的孩子能否随迁落户？');
    expect(calls[0].url).toContain('status=pending');

    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByTestId('publish-entry'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(calls.some((c) => c.url.endsWith('/publish'))).toBe(false);

    fireEvent.click(screen.getByTestId('publish-entry'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/publish'))).toBe(true));
    expect(calls.find((c) => c.url.endsWith('/publish'))!.data).toEqual({ version: 1 });
    await screen.findByText('没有待审核的条目');
  });

  it('switches tabs by status', async () => {
    const calls: Call[] = [];
    request().mockImplementation((opts: Call) => {
      calls.push(opts);
      return Promise.resolve(http(200, { items: [], nextCursor: null }));
    });
    render(<KnowledgeManagePage />);
    fireEvent.click(within(screen.getByTestId('knowledge-tabs')).getByText('已归档'));
    await waitFor(() => expect(calls.some((c) => c.url.includes('status=archived'))).toBe(true));
  });
});

describe('未解答问题 tab', () => {
  const gap = (query: string, at: string) => ({ query, role: 'enterprise', at, topEntryId: null });

  it("lists this month's unanswered searches newest first, pages on, and opens 新建条目 with the question", async () => {
    const calls: Call[] = [];
    request().mockImplementation((opts: Call) => {
      calls.push(opts);
      if (opts.url.includes('/knowledge/gaps')) {
        return Promise.resolve(
          opts.url.includes('cursor=')
            ? http(200, { items: [gap('外地员工社保如何转移', '2026-11-01T01:00:00.000Z')], nextCursor: null })
            : http(200, { items: [gap('夜间施工噪音许可怎么办理', '2026-11-03T06:30:00.000Z'), gap('危化品仓库消防验收', '2026-11-02T02:00:00.000Z')], nextCursor: 'c2' }),
        );
      }
      return Promise.resolve(http(200, { items: [], nextCursor: null }));
    });
    render(<KnowledgeManagePage />);
    fireEvent.click(within(screen.getByTestId('knowledge-tabs')).getByText('未解答问题'));

    await screen.findByText('夜间施工噪音许可怎么办理');
    const gapCall = calls.find((c) => c.url.includes('/knowledge/gaps'))!;
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    expect(gapCall.url).toContain(`month=${month}`);
    expect(gapCall.method).toBe('GET');
    const rows = screen.getAllByTestId('knowledge-gap');
    expect(rows.map((r) => r.querySelector('.knowledge-gap__query')?.textContent)).toEqual(['夜间施工噪音许可怎么办理', '危化品仓库消防验收']);
    expect(within(rows[0]).getByText('11月3日 14:30 · 企业用户')).toBeTruthy();

    fireEvent.click(screen.getByText('加载更多'));
    await screen.findByText('外地员工社保如何转移');
    expect(calls.some((c) => c.url.includes('/knowledge/gaps') && c.url.includes('cursor=c2'))).toBe(true);

    fireEvent.click(within(rows[1]).getByTestId('gap-create'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/knowledge/pages/edit/index?question=${encodeURIComponent('危化品仓库消防验收')}` });
  });

  it('says so when the month has none, and can look at 上月', async () => {
    const calls: Call[] = [];
    request().mockImplementation((opts: Call) => {
      calls.push(opts);
      return Promise.resolve(http(200, { items: [], nextCursor: null }));
    });
    render(<KnowledgeManagePage />);
    fireEvent.click(within(screen.getByTestId('knowledge-tabs')).getByText('未解答问题'));
    expect(await screen.findByText(/没有未解答的问题/)).toBeTruthy();

    fireEvent.click(within(screen.getByTestId('gap-months')).getByText('上月'));
    await waitFor(() => expect(calls.filter((c) => c.url.includes('/knowledge/gaps'))).toHaveLength(2));
    const months = calls.filter((c) => c.url.includes('/knowledge/gaps')).map((c) => /month=(\d{4}-\d{2})/.exec(c.url)![1]);
    expect(months[0]).not.toBe(months[1]);
  });
});

describe('编辑知识条目', () => {
  it('pre-fills the question from ?question= (a 未解答问题)', async () => {
    request().mockImplementation(() => Promise.reject(new Error('no request expected')));
    taroStub.router.params = { question: encodeURIComponent('夜间施工噪音许可怎么办理') };
    render(<KnowledgeEditPage />);
    await screen.findByTestId('entry-submit');
    expect(screen.getByDisplayValue('夜间施工噪音许可怎么办理')).toBeTruthy();
    expect(request()).not.toHaveBeenCalled();
  });

  it("shows the shared schema's messages and does not submit an invalid entry", async () => {
    request().mockImplementation(() => Promise.reject(new Error('no request expected')));
    render(<KnowledgeEditPage />);
    fireEvent.click(await screen.findByTestId('entry-submit'));
    expect(await screen.findByText('问题至少4个字')).toBeTruthy();
    expect(screen.getByText('请从列表中选择知识分类')).toBeTruthy();
    expect(screen.getByText('解答至少10个字')).toBeTruthy();
    expect(request()).not.toHaveBeenCalled();
  });
});
