import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import NotificationsPage from '../../../../miniapp/src/packages/notifications/pages/list/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import type { Notification } from '../../../../shared/schemas/notification';
import { LINK_KINDS, LINK_PAGES } from '../../../../shared/notifications/catalogue';
import { LINK_TARGETS } from '../../../../miniapp/src/features/notifications/notification-links';
import { PAGES } from '../../../../miniapp/src/services/navigation';
import { taroStub } from '../../support/taro-stub';
import { aMe, aSession, http } from '../../support/factories';

const request = () => Taro.request as unknown as jest.Mock;
const T = '2026-03-01T08:00:00.000Z';

const aNotification = (over: Partial<Notification> = {}): Notification => ({
  id: 'n-1',
  event: 'appeal_replied',
  title: '联络官回复了您的诉求',
  body: '您反映的情况已收到，联络官将尽快联系您。',
  link: { kind: 'appeal', id: 'ap-1' },
  at: T,
  readAt: null,
  ...over,
});

const TEMPLATES = [
  { event: 'appeal_replied', templateId: 'tmpl-appeal-replied', title: '诉求回复通知', remaining: 0 },
  { event: 'appeal_resolved', templateId: 'tmpl-appeal-resolved', title: '诉求办结通知', remaining: 1 },
  { event: 'booking_reminder', templateId: 'tmpl-booking-reminder', title: '预约办理提醒', remaining: 0 },
  { event: 'risk_warning', templateId: 'tmpl-risk-warning', title: '风险预警通知', remaining: 0 },
];

type Call = { url: string; method: string; data?: unknown };

/** A small fake of the notification routes, recording what the page asked. */
function serve(pages: Notification[][], options: { unread?: number } = {}) {
  const calls: Call[] = [];
  let unread = options.unread ?? pages.flat().filter((n) => !n.readAt).length;
  request().mockImplementation((opts: Call) => {
    calls.push(opts);
    const url = new URL(opts.url, 'http://x');
    if (url.pathname.endsWith('/notifications/unread-count')) return Promise.resolve(http(200, { count: unread, capped: false }));
    if (url.pathname.endsWith('/notifications/templates')) return Promise.resolve(http(200, { items: TEMPLATES }));
    if (url.pathname.endsWith('/notifications/subscriptions')) return Promise.resolve(http(200, { items: [{ templateId: 'tmpl-appeal-replied', remaining: 1 }] }));
    if (url.pathname.endsWith('/notifications/read-all')) {
      const marked = unread;
      unread = 0;
      return Promise.resolve(http(200, { marked }));
    }
    const read = url.pathname.match(/\/notifications\/([^/]+)\/read$/);
    if (read) {
      unread = Math.max(0, unread - 1);
      return Promise.resolve(http(200, { id: read[1], readAt: T }));
    }
    if (url.pathname.endsWith('/notifications')) {
      const onlyUnread = url.searchParams.get('unread') === 'true';
      const index = url.searchParams.get('cursor') ? Number(url.searchParams.get('cursor')) : 0;
      const items = pages[index].filter((n) => !onlyUnread || !n.readAt);
      return Promise.resolve(http(200, { items, nextCursor: index + 1 < pages.length ? String(index + 1) : null }));
    }
    return Promise.reject(new Error(`unexpected ${opts.method} ${opts.url}`));
  });
  return calls;
}

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession());
  delete process.env.TARO_ENV;
});

describe('消息 page', () => {
  it('shows unread dots, the unread count, and opens a notification’s record after marking it read', async () => {
    const calls = serve([[aNotification(), aNotification({ id: 'n-2', title: '诉求已办结', event: 'appeal_resolved', link: { kind: 'enterprise', id: 'ent-1' }, readAt: T })]]);
    render(<NotificationsPage />);
    const items = await screen.findAllByTestId('notification-item');
    expect(items).toHaveLength(2);
    expect(items[0].getAttribute('data-unread')).toBe('true');
    expect(within(items[0]).getByTestId('unread-dot')).toBeTruthy();
    expect(within(items[1]).queryByTestId('unread-dot')).toBeNull();
    expect(within(items[0]).getByText('查看诉求 ›')).toBeTruthy();
    expect(within(items[1]).getByText('查看企业档案 ›')).toBeTruthy();
    await screen.findByText('1 条未读');

    fireEvent.click(items[0]);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/notifications/n-1/read'))).toBe(true));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeals/pages/detail/index?id=ap-1' });
    await waitFor(() => expect(screen.getAllByTestId('notification-item')[0].getAttribute('data-unread')).toBe('false'));

    // An already-read one is not marked again; the enterprise link opens 一企一档 by enterpriseId.
    fireEvent.click(screen.getAllByTestId('notification-item')[1]);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/enterprise/pages/file/index?enterpriseId=ent-1' });
    expect(calls.filter((c) => c.method === 'POST' && /\/read$/.test(c.url))).toHaveLength(1);
  });

  it('filters to unread, pages with 加载更多 and on reaching the bottom', async () => {
    const calls = serve([[aNotification()], [aNotification({ id: 'n-2', title: '第二页的消息', readAt: T })]]);
    render(<NotificationsPage />);
    await screen.findByText('联络官回复了您的诉求');
    await act(async () => taroStub.reachBottom());
    await screen.findByText('第二页的消息');

    fireEvent.click(within(screen.getByTestId('notification-filter')).getByText('未读'));
    await waitFor(() => expect(calls.some((c) => c.url.includes('unread=true'))).toBe(true));
    await waitFor(() => expect(screen.queryByText('第二页的消息')).toBeNull());
  });

  it('marks all read only after confirmation', async () => {
    const calls = serve([[aNotification(), aNotification({ id: 'n-2' })]]);
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<NotificationsPage />);
    await screen.findByText('2 条未读');
    fireEvent.click(screen.getByTestId('read-all'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(calls.some((c) => c.url.endsWith('/read-all'))).toBe(false);

    fireEvent.click(screen.getByTestId('read-all'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/notifications/read-all'))).toBe(true));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已将 2 条消息标为已读' })));
    await waitFor(() => expect(screen.queryByText(/条未读/)).toBeNull());
  });

  it('pull-to-refresh reloads the list', async () => {
    const calls = serve([[aNotification()]]);
    render(<NotificationsPage />);
    await screen.findByText('联络官回复了您的诉求');
    const before = calls.filter((c) => /\/notifications(\?|$)/.test(c.url)).length;
    await act(async () => taroStub.pullDownRefresh());
    await waitFor(() => expect(calls.filter((c) => /\/notifications(\?|$)/.test(c.url)).length).toBe(before + 1));
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });

  it('in the mini-program, asks for up to three templates from the tap and records the answers', async () => {
    process.env.TARO_ENV = 'weapp';
    const ask = jest.fn(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-appeal-replied': 'accept', 'tmpl-appeal-resolved': 'reject', 'tmpl-booking-reminder': 'ban' }));
    (Taro as unknown as { requestSubscribeMessage: unknown }).requestSubscribeMessage = ask;
    const calls = serve([[aNotification()]]);
    render(<NotificationsPage />);
    const first = await screen.findByTestId('subscribe-ask-0');
    expect(screen.getByText('可接收 1 条')).toBeTruthy();
    expect(screen.getByTestId('subscribe-ask-1').textContent).toContain('风险预警通知');
    fireEvent.click(first);
    // Synchronously inside the tap, as WeChat requires.
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tmpl-appeal-replied', 'tmpl-appeal-resolved', 'tmpl-booking-reminder'] });
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/notifications/subscriptions'))).toBe(true));
    const posted = calls.find((c) => c.url.endsWith('/notifications/subscriptions'))!;
    expect(posted.data).toEqual({ results: { 'tmpl-appeal-replied': 'accept', 'tmpl-appeal-resolved': 'reject', 'tmpl-booking-reminder': 'ban' } });
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已订阅 1 项提醒，每项可接收一条消息' })));
  });

  it('in H5, explains instead of offering a subscribe button', async () => {
    process.env.TARO_ENV = 'h5';
    serve([[aNotification()]]);
    render(<NotificationsPage />);
    await screen.findByTestId('subscribe-unsupported');
    expect(screen.queryByTestId('subscribe-ask-0')).toBeNull();
  });

  it('opens the same page and parameter as the WeChat message does, for every link kind', () => {
    for (const kind of LINK_KINDS) {
      expect(PAGES[LINK_TARGETS[kind].page]).toBe(`/${LINK_PAGES[kind].path}`);
      expect(LINK_TARGETS[kind].param).toBe(LINK_PAGES[kind].param);
    }
  });

  it('a guest is told to register first', async () => {
    saveSession(aSession({ me: aMe({ role: 'guest', enterprise: null, memberRole: null }) }));
    serve([[]]);
    render(<NotificationsPage />);
    await screen.findByText('完成企业注册或绑定民警账号后可查看消息');
    expect(request()).not.toHaveBeenCalled();
  });
});
