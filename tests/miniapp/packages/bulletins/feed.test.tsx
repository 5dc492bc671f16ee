import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import FeedPage from '../../../../miniapp/src/packages/bulletins/pages/feed/index';
import DetailPage from '../../../../miniapp/src/packages/bulletins/pages/detail/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import { taroStub } from '../../support/taro-stub';
import { aSession } from '../../support/factories';
import { aBulletin, anEntry, serve, T } from './support';

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession());
});

describe('助企动态 feed', () => {
  it('shows unread counts on the kind chips, highlights risk warnings, filters by kind and opens an item', async () => {
    const calls = serve({
      'GET /feed/unread': () => ({ total: 3, byKind: { risk: 1, support: 2, legal: 0, policy: 0 }, capped: false }),
      'GET /feed': (url) =>
        url.searchParams.get('kind') === 'support'
          ? { items: [anEntry({ bulletinId: 'b-2', kind: 'support', title: '一企一联络官上门服务' })], nextCursor: null }
          : { items: [anEntry(), anEntry({ bulletinId: 'b-3', kind: 'legal', title: '远离非法集资', readAt: T })], nextCursor: null },
    });
    render(<FeedPage />);
    const items = await screen.findAllByTestId('feed-item');
    expect(items[0].className).toContain('feed-item--risk');
    expect(within(items[0]).getByText('待阅知')).toBeTruthy();
    expect(within(items[1]).queryByText('未读')).toBeNull();
    const chips = screen.getByTestId('feed-filters');
    expect(within(chips).getByText('风险预警').parentElement!.textContent).toBe('风险预警1');
    expect(within(chips).getByText('全部').parentElement!.textContent).toBe('全部3');
    await screen.findByText('未读 3 条');

    fireEvent.click(within(chips).getByText('助企动态'));
    await screen.findByText('一企一联络官上门服务');
    expect(calls.some((c) => c.url.includes('kind=support'))).toBe(true);
    fireEvent.click(screen.getByText('一企一联络官上门服务'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/bulletins/pages/detail/index?id=b-2' });
  });

  it('says so when nothing was received', async () => {
    serve({ 'GET /feed/unread': () => ({ total: 0, byKind: { risk: 0, support: 0, legal: 0, policy: 0 }, capped: false }), 'GET /feed': () => ({ items: [], nextCursor: null }) });
    render(<FeedPage />);
    await screen.findByText('暂时没有收到通知');
  });
});

describe('通知详情', () => {
  it('renders the body as text and confirms a risk warning once: 已于…阅知', async () => {
    taroStub.router.params = { id: 'b-1' };
    let readAt: string | null = null;
    const calls = serve({
      'GET /bulletins/b-1': () => ({ bulletin: aBulletin({ body: { blocks: [{ type: 'paragraph', spans: [{ text: '<b>不是标签</b>' }] }] } }), readAt, canManage: false }),
      'POST /bulletins/b-1/read': () => {
        readAt = T;
        return { readAt: T, readCount: 4 };
      },
    });
    render(<DetailPage />);
    await screen.findByText('<b>不是标签</b>');
    fireEvent.click(screen.getByTestId('acknowledge'));
    await screen.findByText('已于10月28日 15:00阅知');
    expect(screen.queryByTestId('acknowledge')).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('marks other kinds read on opening, with no confirm button', async () => {
    taroStub.router.params = { id: 'b-1' };
    const calls = serve({
      'GET /bulletins/b-1': () => ({ bulletin: aBulletin({ kind: 'policy' }), readAt: null, canManage: false }),
      'POST /bulletins/b-1/read': () => ({ readAt: T, readCount: 0 }),
    });
    render(<DetailPage />);
    await screen.findByText('防范要点');
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(screen.queryByTestId('acknowledge')).toBeNull();
  });
});
