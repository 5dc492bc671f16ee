import { handler as auth } from '../../../functions/handlers/auth';
import { PRIVACY_GUIDE_VERSION } from '../../../shared/privacy/guide';
import { startWechatFake, type FakeWechat } from '../../../dev/wechat-fake';
import { userItem, openidItem } from '../../../functions/repositories/user-repository';
import { putDemoAccount } from '../../../functions/repositories/demo-repository';
import { demoOpenid } from '../../../functions/services/session-service';
import { handler as officers } from '../../../functions/handlers/officers';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { twoStations, user, writeItems, type Side } from '../../support/fixtures';

let fake: FakeWechat;
let a: Side;

beforeAll(async () => {
  await createTestTable('auth');
  ({ a } = await twoStations());
  fake = await startWechatFake({ appid: process.env.WECHAT_APPID!, secret: process.env.WECHAT_SECRET! });
  process.env.WECHAT_API_BASE = fake.url;
});
afterAll(() => fake.stop());
afterEach(() => {
  process.env.STAGE = 'dev';
});

describe('POST /auth/wechat', () => {
  it('turns a wx.login code into a guest session; the same WeChat user gets the same account', async () => {
    const first = await call(auth, 'wechatLogin', { body: { code: 'h5.device-1.n1' } });
    expect(first.status).toBe(200);
    expect(first.body.me.role).toBe('guest');
    expect(JSON.stringify(first.body)).not.toMatch(/session_key|openid/);
    const second = await call(auth, 'wechatLogin', { body: { code: 'h5.device-1.n2' } });
    expect(second.body.me.userId).toBe(first.body.me.userId);
    const me = await call(auth, 'me', { token: first.body.accessToken });
    expect(me.body.userId).toBe(first.body.me.userId);
  });

  it.each([
    ['bad-code', 401, 'WECHAT_INVALID_CODE', '登录凭证无效'],
    ['rate-x', 429, 'WECHAT_RATE_LIMITED', '过于频繁'],
    ['risk-x', 403, 'WECHAT_USER_BLOCKED', '风险'],
    ['busy-x', 503, 'WECHAT_BUSY', '繁忙'],
  ])('maps WeChat error for %s to %i with a Chinese message', async (code, status, errorCode, text) => {
    const reply = await call(auth, 'wechatLogin', { body: { code } });
    expect(reply.status).toBe(status);
    expect(reply.body.error.code).toBe(errorCode);
    expect(reply.body.error.message).toContain(text);
  });

  it('refuses a code used twice (WeChat 40163)', async () => {
    await call(auth, 'wechatLogin', { body: { code: 'once.user-x.n' } });
    const again = await call(auth, 'wechatLogin', { body: { code: 'once.user-x.n' } });
    expect(again.status).toBe(401);
  });

  it('reports an unreachable WeChat as 503, not a crash', async () => {
    process.env.WECHAT_API_BASE = 'http://127.0.0.1:9';
    const reply = await call(auth, 'wechatLogin', { body: { code: 'h5.device-2.n1' } });
    process.env.WECHAT_API_BASE = fake.url;
    expect(reply.status).toBe(503);
    expect(reply.body.error.message).toContain('无法连接微信');
  });
});

describe('refresh', () => {
  it('renews a session from the refresh token, and refuses an access token in its place', async () => {
    const login = await call(auth, 'wechatLogin', { body: { code: 'h5.device-3.n1' } });
    const renewed = await call(auth, 'refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(renewed.status).toBe(200);
    expect(renewed.body.me.userId).toBe(login.body.me.userId);
    const wrong = await call(auth, 'refresh', { body: { refreshToken: login.body.accessToken } });
    expect(wrong.status).toBe(401);
  });

  it('refuses requests without or with a forged token', async () => {
    expect((await call(auth, 'me')).status).toBe(401);
    expect((await call(auth, 'me', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA' })).status).toBe(401);
  });
});

describe('demo login (dev stage only)', () => {
  beforeAll(async () => {
    const u = user('u-demo-chief', 'chief', { openid: demoOpenid('chief-sta'), officerId: a.chief.id, stationId: a.stationId });
    await writeItems([userItem(u), openidItem(u)]);
    await putDemoAccount(1, { accountId: 'chief-sta', role: 'chief', label: '所长', detail: '测试a派出所' });
  });

  it('lets a tester become a seeded account in dev', async () => {
    const list = await call(auth, 'demoAccounts');
    expect(list.body.items.map((x: { accountId: string }) => x.accountId)).toContain('chief-sta');
    const reply = await call(auth, 'demoLogin', { body: { accountId: 'chief-sta' } });
    expect(reply.status).toBe(200);
    expect(reply.body.me.role).toBe('chief');
    expect(reply.body.me.station.id).toBe(a.stationId);
  });

  it.each(['staging', 'prod'])('does not exist in the %s stage', async (stage) => {
    process.env.STAGE = stage;
    expect((await call(auth, 'demoLogin', { body: { accountId: 'chief-sta' } })).status).toBe(404);
    expect((await call(auth, 'demoAccounts')).status).toBe(404);
  });
});

describe('binding a police account with an invite code', () => {
  it('binds once; the code cannot be used again', async () => {
    const created = await call(officers, 'createOfficer', { token: a.tokens.chief, body: { name: '李新民', stationId: a.stationId, mobile: '13912345678', badgeNo: '123456' } });
    expect(created.status).toBe(201);
    const code = created.body.invite.code;
    // The app sends the privacy guide version the user agreed to: binding writes personal data.
    const first = await call(auth, 'wechatLogin', { body: { code: 'h5.new-officer.n1', privacyVersion: PRIVACY_GUIDE_VERSION } });
    const bound = await call(auth, 'bindInvite', { token: first.body.accessToken, body: { inviteCode: code } });
    expect(bound.status).toBe(200);
    expect(bound.body.me.role).toBe('officer');
    expect(bound.body.me.officer.id).toBe(created.body.officer.id);
    const other = await call(auth, 'wechatLogin', { body: { code: 'h5.someone-else.n1', privacyVersion: PRIVACY_GUIDE_VERSION } });
    const again = await call(auth, 'bindInvite', { token: other.body.accessToken, body: { inviteCode: code } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVITE_INVALID');
  });

  it('refuses a chief creating an officer for another station', async () => {
    const reply = await call(officers, 'createOfficer', { token: a.tokens.chief, body: { name: '王五', stationId: 'stb', mobile: '13912345679', badgeNo: '123457' } });
    expect(reply.status).toBe(403);
  });
});
