import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';
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

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession());
});

describe('EnterpriseHome (企业首页)', () => {
  it('shows the liaison officer from the enterprise file', async () => {
    request().mockResolvedValueOnce(
      http(200, { enterprise: anEnterprise(), officer: anOfficerCard({ name: '陈警官', stationName: '城关派出所' }), station: aStation(), sections: {} }),
    );

    render(<EnterpriseHome me={aMe()} />);

    expect(await screen.findByText('陈警官')).toBeTruthy();
    expect(screen.getByText('城关派出所')).toBeTruthy();
    expect(request().mock.calls[0][0].url).toBe('https://api.test/enterprises/ent-1/file');
  });

  it('routes each tile to its module', async () => {
    request().mockResolvedValue(http(200, { enterprise: anEnterprise(), officer: anOfficerCard(), station: aStation(), sections: {} }));
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
    request().mockResolvedValue(http(200, { enterprise: anEnterprise(), officer: anOfficerCard(), station: aStation(), sections: {} }));
    render(<EnterpriseHome me={aMe()} />);
    expect(await screen.findByLabelText('3 条未读')).toBeTruthy();
    unreadLabel = null;
  });
});
