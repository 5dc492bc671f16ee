/**
 * Over real HTTP through serverless-offline (the same handlers API Gateway runs), against DynamoDB Local
 * and the fake WeChat server: log in, register an enterprise, see the assigned officer.
 */
import { startStack, type Stack } from '../../dev/local-stack';
import { officerItem, stationItem, centreItem } from '../../functions/repositories/organisation-repository';
import { PRIVACY_GUIDE_VERSION } from '../../shared/privacy/consent';
import { makeCreditCode, officer, writeItems } from '../support/fixtures';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    tableName: `smoke-${Date.now().toString(36)}`,
    quietApi: true,
    prepare: async () => {
      const at = '2026-11-02T00:00:00.000Z';
      await writeItems([
        centreItem({ id: 'c1', name: '助企警务中心', createdAt: at }),
        stationItem({ id: 'st01', name: '解放碑派出所', centreId: 'c1', address: '重庆市渝中区民权路1号', phone: '023-63830000', chiefOfficerId: null, createdAt: at, version: 1 }),
        officerItem(officer('of1', 'st01', { name: '陈立', enterpriseCount: 3 })),
        officerItem(officer('of2', 'st01', { name: '赵敏', enterpriseCount: 1 })),
      ]);
    },
  });
}, 150_000);

afterAll(() => stack?.stop(), 30_000);

async function http(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(stack.apiUrl + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

it('login -> register -> see the assigned officer', async () => {
  // As the app does: the privacy guide's version agreed to before signing in (registration writes personal data).
  const login = await http('POST', '/auth/wechat', { code: 'h5.smoke-device.1', privacyVersion: PRIVACY_GUIDE_VERSION });
  expect(login.status).toBe(200);
  expect(login.body.me.role).toBe('guest');

  const reg = await http(
    'POST',
    '/enterprises',
    { name: '重庆山城冒烟测试有限公司', creditCode: makeCreditCode(777), industry: 'software', address: '重庆市渝中区解放碑八一路99号', stationId: 'st01', contactName: '刘洋', contactMobile: '13512345678' },
    login.body.accessToken,
  );
  expect(reg.status).toBe(201);
  expect(reg.body.officer.name).toBe('赵敏'); // the officer with fewer enterprises

  const file = await http('GET', `/enterprises/${reg.body.enterprise.id}/file`, undefined, reg.body.session.accessToken);
  expect(file.status).toBe(200);
  expect(file.body.officer).toMatchObject({ name: '赵敏', stationName: '解放碑派出所' });
});

it('answers errors with JSON and the right status, never 200', async () => {
  const bad = await http('POST', '/enterprises', { name: 'x' }, undefined);
  expect(bad.status).toBe(401);
  expect(bad.body.error.message).toBe('请先登录');
  const openapi = await http('GET', '/openapi.json');
  expect(openapi.status).toBe(200);
  expect(openapi.body.paths['/enterprises'].post.summary).toContain('企业注册');
});
