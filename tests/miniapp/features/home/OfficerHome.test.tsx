import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { OfficerHome } from '../../../../miniapp/src/features/home/OfficerHome';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import { taroStub } from '../../support/taro-stub';
import { aMe, anEnterprise, anOfficer, aSession, aStation, http } from '../../support/factories';

// The unread badge has its own tests (tests/miniapp/packages/notifications); here it is a fixed value.
const unreadLabel: string | null = null;
jest.mock('../../../../miniapp/src/services/notifications', () => ({
  useUnreadCount: () => ({ count: unreadLabel ? Number(unreadLabel) : null, label: unreadLabel, reload: async () => undefined }),
}));

const request = () => Taro.request as unknown as jest.Mock;
const officerMe = aMe({ role: 'officer', displayName: '李明', memberRole: null, enterprise: null, officer: anOfficer(), station: aStation() });

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession({ me: officerMe }));
});

describe('OfficerHome (我的企业)', () => {
  it('lists the enterprises page by page, following the cursor', async () => {
    request()
      .mockResolvedValueOnce(http(200, { items: [anEnterprise({ id: 'e1', name: '第一家有限公司' })], nextCursor: 'c-2' }))
      .mockResolvedValueOnce(http(200, { items: [anEnterprise({ id: 'e2', name: '第二家有限公司' })], nextCursor: null }));

    render(<OfficerHome me={officerMe} />);

    expect(await screen.findByText('第一家有限公司')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(await screen.findByText('第二家有限公司')).toBeTruthy();
    expect(screen.getByText('已显示全部')).toBeTruthy();
    expect(request().mock.calls[0][0].url).toBe('https://api.test/officers/off-1/enterprises?limit=100');
    expect(request().mock.calls[1][0].url).toBe('https://api.test/officers/off-1/enterprises?cursor=c-2&limit=100');
  });

  it('finds an enterprise by name or by credit code, and says so when none matches', async () => {
    request().mockResolvedValueOnce(
      http(200, {
        items: [anEnterprise({ id: 'e1', name: '重庆山城火锅有限公司', creditCode: '91500103MA5U7G1X2B' }), anEnterprise({ id: 'e2', name: '渝中建设工程有限公司', creditCode: '91500103MA60000000' })],
        nextCursor: null,
      }),
    );
    render(<OfficerHome me={officerMe} />);
    await screen.findByText('重庆山城火锅有限公司');
    const search = screen.getByPlaceholderText('搜索企业名称或信用代码');

    fireEvent.change(search, { target: { value: '建设' } });
    expect(screen.queryByText('重庆山城火锅有限公司')).toBeNull();
    expect(screen.getByText('渝中建设工程有限公司')).toBeTruthy();

    fireEvent.change(search, { target: { value: 'ma5u7g' } });
    expect(screen.getByText('重庆山城火锅有限公司')).toBeTruthy();
    expect(screen.queryByText('渝中建设工程有限公司')).toBeNull();

    fireEvent.change(search, { target: { value: '不存在的公司' } });
    expect(screen.getByText('没有找到“不存在的公司”')).toBeTruthy();
  });

  it('shows an empty state, and pull-to-refresh loads again', async () => {
    request()
      .mockResolvedValueOnce(http(200, { items: [], nextCursor: null }))
      .mockResolvedValueOnce(http(200, { items: [anEnterprise({ name: '新注册有限公司' })], nextCursor: null }));

    render(<OfficerHome me={officerMe} />);
    expect(await screen.findByText('暂无负责的企业')).toBeTruthy();

    act(() => taroStub.pullDownRefresh());

    expect(await screen.findByText('新注册有限公司')).toBeTruthy();
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled());
  });

  it('shows the error in place with a retry', async () => {
    request()
      .mockResolvedValueOnce(http(403, { error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } }))
      .mockResolvedValueOnce(http(200, { items: [anEnterprise({ name: '重试成功有限公司' })], nextCursor: null }));

    render(<OfficerHome me={officerMe} />);

    expect(await screen.findByText('您没有权限进行此操作', { selector: 'span' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(await screen.findByText('重试成功有限公司')).toBeTruthy();
  });

  it('opens the enterprise file on tap', async () => {
    request().mockResolvedValueOnce(http(200, { items: [anEnterprise({ id: 'ent-9', name: '点击进入有限公司' })], nextCursor: null }));
    render(<OfficerHome me={officerMe} />);

    fireEvent.click(await screen.findByText('点击进入有限公司'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/enterprise/pages/file/index?enterpriseId=ent-9' });
  });
});
