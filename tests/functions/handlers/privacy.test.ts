/**
 * 隐私与数据: consent to the current privacy guide, 更正企业信息 with its history, 导出我的数据, 注销账号 (DELETE
 * /me leaves no personal field of the member anywhere in the table, while the station's ledger still counts
 * the enterprise's appeals), 民警离职 (sessions end, WeChat unbound) and the rate limits where guessing pays.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startWechatFake, type FakeWechat } from '../../../dev/wechat-fake';
import { db, table } from '../../../functions/lib/dynamo';
import { handler as appeals } from '../../../functions/handlers/appeals';
import { handler as auth } from '../../../functions/handlers/auth';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as officers } from '../../../functions/handlers/officers';
import { handler as reports } from '../../../functions/handlers/reports';
import { userRepository } from '../../../functions/repositories/user-repository';
import { organisationRepository } from '../../../functions/repositories/organisation-repository';
import { bookAppointment } from '../../../functions/services/booking-service';
import { sessionFor } from '../../../functions/services/session-service';
import { PRIVACY_GUIDE_VERSION } from '../../../shared/privacy/guide';
import { shanghaiDate } from '../../../shared/dates';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { guest, registration, twoStations, user, writeItems, type Side } from '../../support/fixtures';
import { openidItem, userItem } from '../../../functions/repositories/user-repository';

let a: Side;
let fake: FakeWechat;
let serial = 7000;

beforeAll(async () => {
  await createTestTable('privacy');
  ({ a } = await twoStations());
  fake = await startWechatFake({ appid: process.env.WECHAT_APPID!, secret: process.env.WECHAT_SECRET! });
  process.env.WECHAT_API_BASE = fake.url;
}, 60_000);
afterAll(() => fake.stop());

/** A guest signed in through a real session (so its tokens name the session), then registered as owner. */
async function registeredOwner(name: string, extra: Record<string, unknown> = {}) {
  const g = await guest(name);
  const session = await sessionFor(g.user);
  const reply = await call(enterprises, 'registerEnterprise', { token: session.accessToken, body: registration(a.stationId, ++serial, extra) });
  expect(reply.status).toBe(201);
  return { enterprise: reply.body.enterprise, session: reply.body.session, user: g.user };
}

/** A staff member invited by the owner, signed in through a session. */
async function invitedStaff(ownerToken: string, enterpriseId: string, name: string, displayName: string) {
  const invite = await call(enterprises, 'inviteEnterpriseStaff', { token: ownerToken, params: { enterpriseId } });
  const g = await guest(name);
  const session = await sessionFor(g.user);
  const bound = await call(auth, 'bindInvite', { token: session.accessToken, body: { inviteCode: invite.body.code, displayName } });
  expect(bound.status).toBe(200);
  return { session: bound.body, user: g.user };
}

async function scanFor(...needles: string[]): Promise<string[]> {
  const found: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new ScanCommand({ TableName: table(), ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      const text = JSON.stringify(item);
      for (const n of needles) if (text.includes(n)) found.push(`${n} in ${item.pk} · ${item.sk}`);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}

const fileAppeal = (token: string) => call(appeals, 'createAppeal', { token, body: { type: 'help', category: 'other', urgency: 'normal', title: '需要协助的事项', description: '仓库门口的道路被占用，需要协助协调。' } });

describe('consent to the privacy guide', () => {
  it('is stored at login; a user who has not agreed to the current version cannot write personal data (403) until they agree', async () => {
    const login = await call(auth, 'wechatLogin', { body: { code: 'h5.consent-1.n1', privacyVersion: PRIVACY_GUIDE_VERSION } });
    expect(login.status).toBe(200);
    expect(login.body.me.consent).toMatchObject({ version: PRIVACY_GUIDE_VERSION, currentVersion: PRIVACY_GUIDE_VERSION, required: false });

    const old = user('u-consent-old', 'guest', { privacyVersion: '2025-01-01', consentedAt: '2025-01-01T00:00:00.000Z' });
    await writeItems([userItem(old), openidItem(old)]);
    const session = await sessionFor(old);
    expect(session.me.consent?.required).toBe(true);
    const refused = await call(enterprises, 'registerEnterprise', { token: session.accessToken, body: registration(a.stationId, ++serial) });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'CONSENT_REQUIRED' });
    expect(refused.body.error.message).toContain('隐私保护指引');

    expect((await call(auth, 'giveConsent', { token: session.accessToken, body: { version: '2025-01-01' } })).status).toBe(400);
    const agreed = await call(auth, 'giveConsent', { token: session.accessToken, body: { version: PRIVACY_GUIDE_VERSION } });
    expect(agreed.body).toMatchObject({ version: PRIVACY_GUIDE_VERSION, required: false });
    expect((await call(enterprises, 'registerEnterprise', { token: session.accessToken, body: registration(a.stationId, ++serial) })).status).toBe(201);
    expect((await userRepository.get(old.userId))?.consentedAt).toBeTruthy();
  });
});

describe('更正企业信息', () => {
  it('members correct the data, only the owner renames, the credit code is refused, a stale version is 409, and the officer sees the history masked', async () => {
    const owner = await registeredOwner('patch-owner');
    const staff = await invitedStaff(owner.session.accessToken, owner.enterprise.id, 'patch-staff', '小王');
    const e = owner.enterprise;

    const rename = await call(enterprises, 'updateEnterprise', { token: staff.session.accessToken, params: { enterpriseId: e.id }, body: { version: e.version, name: '重庆改名商贸有限公司' } });
    expect(rename.status).toBe(403);
    const code = await call(enterprises, 'updateEnterprise', { token: owner.session.accessToken, params: { enterpriseId: e.id }, body: { version: e.version, creditCode: '91500103MA5U7XXXXX' } });
    expect(code.status).toBe(400);

    const byStaff = await call(enterprises, 'updateEnterprise', {
      token: staff.session.accessToken,
      params: { enterpriseId: e.id },
      body: { version: e.version, contactName: '李主任', contactMobile: '13912345678', industry: 'manufacturing', employeeCount: 40 },
    });
    expect(byStaff.status).toBe(200);
    expect(byStaff.body).toMatchObject({ contactName: '李主任', industry: 'manufacturing', employeeCount: 40, creditCode: e.creditCode, version: e.version + 1 });
    const stale = await call(enterprises, 'updateEnterprise', { token: owner.session.accessToken, params: { enterpriseId: e.id }, body: { version: e.version, address: '重庆市渝中区新华路1号' } });
    expect(stale.status).toBe(409);
    const byOwner = await call(enterprises, 'updateEnterprise', { token: owner.session.accessToken, params: { enterpriseId: e.id }, body: { version: e.version + 1, name: '重庆改名商贸有限公司' } });
    expect(byOwner.status).toBe(200);

    const chiefView = await call(enterprises, 'enterpriseHistory', { token: a.tokens.chief, params: { enterpriseId: e.id } });
    expect(chiefView.status).toBe(200);
    expect(chiefView.body.items).toHaveLength(2);
    expect(chiefView.body.items[0]).toMatchObject({ version: e.version + 2, by: { role: 'owner' }, changes: [{ field: 'name', to: '重庆改名商贸有限公司' }] });
    const contact = chiefView.body.items[1].changes.find((c: { field: string }) => c.field === 'contactMobile');
    expect(contact.to).toBe('139****5678');
    const own = await call(enterprises, 'enterpriseHistory', { token: staff.session.accessToken, params: { enterpriseId: e.id } });
    expect(own.body.items[1].changes.find((c: { field: string }) => c.field === 'contactMobile').to).toBe('13912345678');
  });
});

describe('导出我的数据', () => {
  it('gives everything about the member and the enterprise as JSON and as xlsx', async () => {
    const owner = await registeredOwner('export-owner');
    expect((await fileAppeal(owner.session.accessToken)).status).toBe(201);
    const json = await call(reports, 'exportMyData', { token: owner.session.accessToken, query: { format: 'json' } });
    expect(json.status).toBe(200);
    const data = JSON.parse(Buffer.from(json.body.base64, 'base64').toString('utf8'));
    expect(data.enterprise).toMatchObject({ id: owner.enterprise.id, creditCode: owner.enterprise.creditCode });
    expect(data.account).toMatchObject({ userId: owner.user.userId, openid: owner.user.openid });
    expect(data.appeals).toHaveLength(1);
    expect(data.categories).toEqual(expect.arrayContaining(['预约办证', '上门服务地址', '走访记录', '评价', '消息', '查看记录']));
    const xlsx = await call(reports, 'exportMyData', { token: owner.session.accessToken, query: { format: 'xlsx' } });
    expect(xlsx.body.filename).toMatch(/\.xlsx$/);
    expect(Buffer.from(xlsx.body.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});

describe('注销账号 DELETE /me', () => {
  it("erases a staff member's personal data everywhere, keeps the enterprise's records, and ends the tokens at once", async () => {
    const owner = await registeredOwner('del-owner');
    const staff = await invitedStaff(owner.session.accessToken, owner.enterprise.id, 'del-staff', '赵小燕');
    const staffPrincipal = { role: 'enterprise' as const, userId: staff.user.userId, enterpriseId: owner.enterprise.id, memberRole: 'staff' as const };
    await bookAppointment(
      staffPrincipal,
      { serviceId: 'residence', slotStart: '2026-09-15T10:00:00+08:00', contactName: '赵小燕', contactMobile: '13598765432', people: 10, onSite: true, siteAddress: '重庆市渝中区赵家巷9号' },
      new Date('2026-09-14T00:00:00Z'),
    );
    const filed = await fileAppeal(staff.session.accessToken);
    expect(filed.status).toBe(201);
    const day = shanghaiDate(new Date());
    const ledgerBefore = await call(reports, 'exportLedger', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { from: day, to: day } });

    const reply = await call(auth, 'deleteAccount', { token: staff.session.accessToken });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ deleted: true, enterpriseClosed: false });

    expect(await scanFor('赵小燕', '13598765432', '赵家巷', staff.user.openid)).toEqual([]);
    expect((await call(auth, 'me', { token: staff.session.accessToken })).status).toBe(401);
    expect((await call(auth, 'refresh', { body: { refreshToken: staff.session.refreshToken } })).status).toBe(401);
    // The appeal stays for the station: its ledger counts it as before.
    const ledgerAfter = await call(reports, 'exportLedger', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { from: day, to: day } });
    expect(ledgerAfter.body.rows.诉求台账).toBe(ledgerBefore.body.rows.诉求台账);
    expect(ledgerAfter.body.rows.诉求台账).toBeGreaterThan(0);
    expect((await call(appeals, 'getAppeal', { token: owner.session.accessToken, params: { appealId: filed.body.appeal.id } })).status).toBe(200);
  });

  it('the last owner cannot leave the enterprise without an owner, unless it closes with the account', async () => {
    const owner = await registeredOwner('del-last', { contactName: '钱多多', contactMobile: '13611112222' });
    expect((await fileAppeal(owner.session.accessToken)).status).toBe(201);
    const refused = await call(auth, 'deleteAccount', { token: owner.session.accessToken });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('LAST_OWNER');

    const closed = await call(auth, 'deleteAccount', { token: owner.session.accessToken, query: { closeEnterprise: 'true' } });
    expect(closed.status).toBe(200);
    expect(closed.body.enterpriseClosed).toBe(true);
    expect(await scanFor('钱多多', '13611112222', owner.user.openid)).toEqual([]);
    const kept = await call(enterprises, 'getEnterprise', { token: a.tokens.centre, params: { enterpriseId: owner.enterprise.id } });
    expect(kept.body).toMatchObject({ id: owner.enterprise.id, creditCode: owner.enterprise.creditCode });
    expect(kept.body.closedAt).toBeTruthy();
    expect((await call(enterprises, 'getEnterprise', { token: owner.session.accessToken, params: { enterpriseId: owner.enterprise.id } })).status).toBe(401);
  });
});

describe('民警离职', () => {
  it('is refused while enterprises are assigned; once handed over the account is unbound and every session ends at once', async () => {
    const officer = a.officers[1];
    const boundUser = officer.userId!;
    const u = await userRepository.get(boundUser);
    const session = await sessionFor(u!);
    expect((await call(auth, 'me', { token: session.accessToken })).status).toBe(200);

    const current = (await organisationRepository.getOfficer(officer.id))!;
    if (current.enterpriseCount > 0) {
      const busy = await call(officers, 'deactivateOfficer', { token: a.tokens.chief, params: { officerId: officer.id }, body: { version: current.version } });
      expect(busy.status).toBe(409);
      expect(busy.body.error.code).toBe('OFFICER_HAS_ENTERPRISES');
      expect((await call(officers, 'handOverEnterprises', { token: a.tokens.chief, params: { officerId: officer.id }, body: {} })).status).toBe(200);
    }
    const ready = (await organisationRepository.getOfficer(officer.id))!;
    const done = await call(officers, 'deactivateOfficer', { token: a.tokens.chief, params: { officerId: officer.id }, body: { version: ready.version } });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ bound: false, deactivatedAt: expect.any(String) });

    expect((await call(auth, 'me', { token: session.accessToken })).status).toBe(401);
    expect((await call(auth, 'refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    expect(await userRepository.get(boundUser)).toMatchObject({ role: 'guest', officerId: null });
    // Never assigned again, however light its load.
    for (let i = 0; i < 3; i++) expect((await registeredOwner(`after-deact-${i}`)).enterprise.officerId).not.toBe(officer.id);
  });
});

describe('rate limits', () => {
  it('5 wrong invite codes an hour, then 429 with when to retry', async () => {
    const g = await guest('rate-invite');
    const session = await sessionFor(g.user);
    for (let i = 0; i < 5; i++) expect((await call(auth, 'bindInvite', { token: session.accessToken, body: { inviteCode: `WRONG00${i}` } })).status).toBe(409);
    const blocked = await call(auth, 'bindInvite', { token: session.accessToken, body: { inviteCode: 'WRONG009' } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('INVITE_RATE_LIMITED');
    expect(Number(blocked.headers?.['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body.error.message).toMatch(/请\d+(分钟|小时)后再试/);
  });

  it('registrations with already registered credit codes: 3 a day, then 429 before the code is even checked', async () => {
    const taken = await registeredOwner('rate-taken-owner');
    const g = await guest('rate-credit');
    const session = await sessionFor(g.user);
    const attempt = () => call(enterprises, 'registerEnterprise', { token: session.accessToken, body: registration(a.stationId, ++serial, { creditCode: taken.enterprise.creditCode }) });
    for (let i = 0; i < 3; i++) expect((await attempt()).body.error.code).toBe('CREDIT_CODE_TAKEN');
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('REGISTRATION_RATE_LIMITED');
    // A fresh code is refused too while the window lasts: a blocked guess reveals nothing.
    expect((await call(enterprises, 'registerEnterprise', { token: session.accessToken, body: registration(a.stationId, ++serial) })).status).toBe(429);
  });

  it('sign-ins from one openid: 30 an hour', async () => {
    for (let i = 0; i < 30; i++) expect((await call(auth, 'wechatLogin', { body: { code: `h5.rate-login.n${i}` } })).status).toBe(200);
    const blocked = await call(auth, 'wechatLogin', { body: { code: 'h5.rate-login.n99' } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('LOGIN_RATE_LIMITED');
    expect((await call(auth, 'wechatLogin', { body: { code: 'h5.rate-login-other.n1' } })).status).toBe(200);
  });
});
