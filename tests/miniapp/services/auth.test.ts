import Taro from '@tarojs/taro';
import { logout, logoutEverywhere } from '../../../miniapp/src/services/auth';
import { resetRequestState } from '../../../miniapp/src/services/request';
import { getSession, resetSessionCache, saveSession } from '../../../miniapp/src/services/session';
import { taroStub } from '../support/taro-stub';
import { aSession, http } from '../support/factories';

const request = () => Taro.request as unknown as jest.Mock;

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession({ refreshToken: 'refresh-token-of-this-phone' }));
});

it('退出登录 tells the server to end this session, then forgets it', async () => {
  const calls: { url: string; data?: unknown }[] = [];
  request().mockImplementation((opts: { url: string; data?: unknown }) => {
    calls.push(opts);
    return Promise.resolve(http(200, { ok: true }));
  });
  logout();
  expect(getSession()).toBeNull();
  await new Promise((r) => setTimeout(r, 0));
  expect(calls[0].url).toContain('/auth/logout');
  expect(JSON.stringify(calls[0].data)).toContain('refresh-token-of-this-phone');
});

it('退出所有设备 ends every session and forgets this one', async () => {
  request().mockImplementation(() => Promise.resolve(http(200, { ok: true, ended: 3 })));
  expect(await logoutEverywhere()).toBe(3);
  expect(getSession()).toBeNull();
});
