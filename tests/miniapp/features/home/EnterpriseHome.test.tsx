import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { EnterpriseHome } from '../../../../miniapp/src/features/home/EnterpriseHome';
import { GuestHome } from '../../../../miniapp/src/features/home/GuestHome';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import { taroStub } from '../../support/taro-stub';
import { aMe, anEnterprise, anOfficerCard, aSession, aStation, http } from '../../support/factories';

// The unread badge has its own tests (tests/miniapp/packages/notifications); here it is a fixed value.
let unreadLabel: string | null = null;
jest.mock('../../../../miniapp/src/services/notifications', () => ({
  useUnreadCount: () => ({ count: unreadLabel ? Number(unreadLabel) : null, label: unreadLabel, reload: async () => undefined }),
}));

const request = () => Taro.request as unknown as jest.Mock;

const aFile = (over: Partial<ReturnType<typeof anOfficerCard>> = {}) => ({ enterprise: anEnterprise(), officer: anOfficerCard(over), station: aStation(), sections: {} });
const noUnread = { total: 0, byKind: { risk: 0, support: 0, legal: 0, policy: 0 }, capped: false };

const riskFeed = {
  items: [
    { bulletinId: 'b-read', kind: 'risk', title: '已读的预警', summary: '', publisherName: '解放碑派出所', publishedAt: '2026-12-04T01:00:00.000Z', readAt: '2026-12-04T02:00:00.000Z' },
    { bulletinId: 'b-new', kind: 'risk', title: '警惕冒充客服退款诈骗', summary: '', publisherName: '解放碑派出所', publishedAt: '2026-12-03T01:00:00.000Z', readAt: null },
  ],
  nextCursor: null,
};

/** Answer by URL: /feed/unread gets the 助企动态 counts (or a failure), /feed the risk warnings, everything else the enterprise file. */
function serve(file: unknown = aFile(), feedUnread: unknown = noUnread, feedStatus = 200) {
  request().mockImplementation(async ({ url }: { url: string }) => (url.endsWith('/feed/unread') ? http(feedStatus, feedUnread) : url.includes('/feed?') ? http(200, riskFeed) : http(200, file)));
}

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession());
});

describe('EnterpriseHome (企业首页)', () => {
  it('shows the liaison officer from the enterprise file', async () => {
    serve(aFile({ name: '陈警官', stationName: '城关派出所' }));

    render(<EnterpriseHome me={aMe()} />);

    expect(await screen.findByText('陈警官')).toBeTruthy();
    expect(screen.getByText('城关派出所')).toBeTruthy();
    expect(request().mock.calls.map((c) => c[0].url)).toContain('https://api.test/enterprises/ent-1/file?sections=none');
  });

  it('leads with 我要反映问题 and shows the liaison officer once', async () => {
    serve();
    render(<EnterpriseHome me={aMe()} />);
    await screen.findByText(anOfficerCard().name);

    expect(screen.getAllByText('我的联络官')).toHaveLength(1);
    fireEvent.click(screen.getByText('我要反映问题'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeals/pages/report/index' });
  });

  it('puts the newest unread 风险预警 on top, and none when every warning is read', async () => {
    serve(aFile(), { total: 1, byKind: { risk: 1, support: 0, legal: 0, policy: 0 }, capped: false });
    const { unmount } = render(<EnterpriseHome me={aMe()} />);

    const banner = await screen.findByTestId('home-risk');
    expect(banner.textContent).toContain('警惕冒充客服退款诈骗');
    fireEvent.click(banner);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/bulletins/pages/detail/index?id=b-new' });
    unmount();

    serve();
    render(<EnterpriseHome me={aMe()} />);
    await screen.findByText(anOfficerCard().name);
    expect(screen.queryByTestId('home-risk')).toBeNull();
  });

  it('routes each tile to its module', async () => {
    serve();
    render(<EnterpriseHome me={aMe()} />);

    fireEvent.click(screen.getByText('助企动态'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/bulletins/pages/feed/index' });

    fireEvent.click(screen.getByText('政策咨询'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/knowledge/pages/search/index' });

    fireEvent.click(screen.getByText('预约办证'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/bookings/pages/book/index' });

    fireEvent.click(screen.getByText('矛盾纠纷上报'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeals/pages/report/index?type=dispute' });
    await screen.findByText(anOfficerCard().name);
  });

  it('shows the number of unread bulletins in red on the 助企动态 tile', async () => {
    serve(aFile(), { total: 4, byKind: { risk: 1, support: 3, legal: 0, policy: 0 }, capped: false });
    render(<EnterpriseHome me={aMe()} />);

    const badge = await screen.findByLabelText('4 条未读');
    expect(badge.className).toContain('tile-grid__count');
    expect(badge.closest('.tile-grid__tile')?.textContent).toContain('助企动态');
    expect(request().mock.calls.some((c) => c[0].url === 'https://api.test/feed/unread')).toBe(true);
  });

  it('shows 99+ when the unread count is capped, and no badge when all are read', async () => {
    serve(aFile(), { total: 99, byKind: { risk: 0, support: 99, legal: 0, policy: 0 }, capped: true });
    const { unmount } = render(<EnterpriseHome me={aMe()} />);
    expect(await screen.findByLabelText('99+ 条未读')).toBeTruthy();
    unmount();

    serve();
    render(<EnterpriseHome me={aMe()} />);
    await screen.findByText(anOfficerCard().name);
    expect(screen.queryByLabelText(/条未读/)).toBeNull();
  });

  it('keeps quiet when the unread count cannot be loaded (a badge is only a hint)', async () => {
    serve(aFile(), { error: '服务暂时不可用' }, 500);
    render(<EnterpriseHome me={aMe()} />);

    await screen.findByText(anOfficerCard().name);
    await waitFor(() => expect(request().mock.calls.some((c) => c[0].url === 'https://api.test/feed/unread')).toBe(true));
    expect(screen.queryByLabelText(/条未读/)).toBeNull();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});

describe('GuestHome', () => {
  it('offers 企业注册, 绑定民警账号 and, in the dev stage, 演示登录', () => {
    render(<GuestHome displayName='微信用户' />);

    fireEvent.click(screen.getByRole('button', { name: '企业注册' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/auth/pages/register/index' });
    fireEvent.click(screen.getByRole('button', { name: '绑定民警账号' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/auth/pages/bind/index' });
    expect(screen.getByText('演示登录')).toBeTruthy();
  });

  it('shows the unread count on the 消息 tile', async () => {
    unreadLabel = '3';
    serve();
    render(<EnterpriseHome me={aMe()} />);
    expect(await screen.findByLabelText('3 条未读')).toBeTruthy();
    unreadLabel = null;
  });
});
