import Taro from '@tarojs/taro';
import { api, ApiError, buildUrl, resetRequestState } from '../../../miniapp/src/services/request';
import { getSession, resetSessionCache, saveSession } from '../../../miniapp/src/services/session';
import { taroStub } from '../support/taro-stub';
import { aMe, aSession, http } from '../support/factories';

const request = () => Taro.request as unknown as jest.Mock;

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
});

describe('api(): the request chain', () => {
  it('sends the bearer token to the base URL and parses the response with the route schema', async () => {
    saveSession(aSession({ accessToken: 'token-A' }));
    request().mockResolvedValueOnce(http(200, aMe({ displayName: '王经理' })));

    const me = await api('me');

    expect(me.displayName).toBe('王经理');
    expect(request()).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://api.test/me', method: 'GET', header: expect.objectContaining({ Authorization: 'Bearer token-A' }) }));
  });

  it('fills path parameters and drops empty query values', () => {
    const url = buildUrl({ path: '/officers/{officerId}/enterprises' }, { officerId: 'off 1' }, { cursor: undefined, limit: 20 });
    expect(url).toBe('https://api.test/officers/off%201/enterprises?limit=20');
    expect(() => buildUrl({ path: '/enterprises/{enterpriseId}/file' }, {})).toThrow(/enterpriseId/);
  });

  it('on 401 refreshes the session once, then retries with the new token', async () => {
    saveSession(aSession({ accessToken: 'old-token', refreshToken: 'refresh-token-old' }));
    request()
      .mockResolvedValueOnce(http(401, { error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } }))
      .mockResolvedValueOnce(http(200, aSession({ accessToken: 'new-token', refreshToken: 'refresh-token-new' })))
      .mockResolvedValueOnce(http(200, aMe()));

    await expect(api('me')).resolves.toMatchObject({ userId: 'user-1' });

    const calls = request().mock.calls.map(([options]) => options);
    expect(calls).toHaveLength(3);
    expect(calls[1]).toMatchObject({ url: 'https://api.test/auth/refresh', method: 'POST', data: { refreshToken: 'refresh-token-old' } });
    expect(calls[1].header.Authorization).toBeUndefined();
    expect(calls[2].header.Authorization).toBe('Bearer new-token');
    expect(getSession()?.accessToken).toBe('new-token');
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('shares one refresh between requests that fail together', async () => {
    saveSession(aSession());
    request().mockImplementation(async (options: { url: string; header: Record<string, string> }) => {
      if (options.url.endsWith('/auth/refresh')) return http(200, aSession({ accessToken: 'fresh' }));
      return options.header.Authorization === 'Bearer fresh' ? http(200, aMe()) : http(401, {});
    });

    await Promise.all([api('me'), api('me')]);

    const refreshes = request().mock.calls.filter(([o]) => o.url.endsWith('/auth/refresh'));
    expect(refreshes).toHaveLength(1);
  });

  it('goes back to login when the refresh fails, without retrying again', async () => {
    saveSession(aSession());
    request()
      .mockResolvedValueOnce(http(401, {}))
      .mockResolvedValueOnce(http(401, { error: { code: 'REFRESH_INVALID', message: '登录已过期，请重新登录' } }));

    await expect(api('me')).rejects.toMatchObject({ status: 401 });

    expect(request()).toHaveBeenCalledTimes(2);
    expect(getSession()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/auth/pages/login/index' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '登录已过期，请重新登录' }));
  });

  it.each([
    ['429', () => http(429, { error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' } })],
    ['503', () => http(503, {})],
    ['a network failure', () => Promise.reject(new Error('request:fail timeout'))],
  ])('keeps the session when the refresh answers %s', async (_what, refreshReply) => {
    saveSession(aSession({ accessToken: 'old-token' }));
    request().mockImplementation(async (options: { url: string }) => (options.url.endsWith('/auth/refresh') ? refreshReply() : http(401, {})));

    await expect(api('me')).rejects.toMatchObject({ code: 'REFRESH_UNAVAILABLE' });

    expect(getSession()?.accessToken).toBe('old-token');
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('logs out once when concurrent 401s share a refresh that is refused', async () => {
    saveSession(aSession());
    request().mockImplementation(async (options: { url: string }) => (options.url.endsWith('/auth/refresh') ? http(401, {}) : http(401, {})));

    const results = await Promise.allSettled([api('me'), api('me'), api('me')]);

    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(request().mock.calls.filter(([o]) => o.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(Taro.reLaunch).toHaveBeenCalledTimes(1);
    expect(getSession()).toBeNull();
  });

  it('a 401 that arrives after another request refreshed retries with the new token, without a second refresh', async () => {
    saveSession(aSession({ accessToken: 'old-token' }));
    let releaseSlow: () => void = () => {};
    const slow = new Promise<void>((r) => (releaseSlow = r));
    let first = true;
    request().mockImplementation(async (options: { url: string; header: Record<string, string> }) => {
      if (options.url.endsWith('/auth/refresh')) return http(200, aSession({ accessToken: 'fresh' }));
      if (options.header.Authorization === 'Bearer fresh') return http(200, aMe());
      if (first) {
        first = false;
        return http(401, {});
      }
      await slow; // sent with the old token, answered only after the refresh
      return http(401, {});
    });

    const a = api('me');
    const b = api('me');
    await a;
    releaseSlow();
    await b;
    expect(request().mock.calls.filter(([o]) => o.url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it("shows the server's Chinese message as a toast on 409 and rejects with its code", async () => {
    saveSession(aSession({ me: aMe({ role: 'guest', enterprise: null }) }));
    const message = '该统一社会信用代码已注册，如需加入该企业请联系企业管理员邀请';
    request().mockResolvedValueOnce(http(409, { error: { code: 'CREDIT_CODE_TAKEN', message, requestId: 'req-1' } }));

    const error: ApiError = await api('inviteEnterpriseStaff', { params: { enterpriseId: 'ent-1' } }).catch((e) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'CREDIT_CODE_TAKEN', message, requestId: 'req-1' });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: message, icon: 'none', duration: 3000 });
  });

  it('keeps field issues of a 400 and stays quiet when asked to', async () => {
    request().mockResolvedValueOnce(
      http(400, { error: { code: 'VALIDATION_FAILED', message: '手机号码应为11位中国大陆手机号', issues: [{ field: 'contactMobile', message: '手机号码应为11位中国大陆手机号，如 13800138000' }] } }),
    );

    const error: ApiError = await api('wechatLogin', { body: { code: 'x' }, silent: true }).catch((e) => e);

    expect(error.issues).toEqual([{ field: 'contactMobile', message: '手机号码应为11位中国大陆手机号，如 13800138000' }]);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('rejects a response that does not match the shared schema', async () => {
    saveSession(aSession());
    request().mockResolvedValueOnce(http(200, { userId: 42 }));
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    await expect(api('me')).rejects.toMatchObject({ code: 'BAD_RESPONSE', message: '服务返回的数据有误，请稍后重试' });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('tells the user when the network is down', async () => {
    request().mockRejectedValueOnce(new Error('request:fail timeout'));

    await expect(api('listStations', { query: { limit: 100 } })).rejects.toMatchObject({ code: 'NETWORK' });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败，请检查网络后重试' }));
  });

  it('does not call a protected route without a session', async () => {
    await expect(api('me')).rejects.toMatchObject({ status: 401 });
    expect(request()).not.toHaveBeenCalled();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/auth/pages/login/index' });
  });
});
