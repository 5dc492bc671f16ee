import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as officers } from '../../../functions/handlers/officers';
import { organisationRepository } from '../../../functions/repositories/organisation-repository';
import { enterpriseRepository } from '../../../functions/repositories/enterprise-repository';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { guest, makeCreditCode, registration, twoStations, type Side } from '../../support/fixtures';

let a: Side;
let b: Side;
let serial = 1000;

beforeAll(async () => {
  await createTestTable('ent');
  ({ a, b } = await twoStations());
});

async function register(side: Side, extra: Record<string, unknown> = {}) {
  const mine = serial++;
  const g = await guest(`g-${mine}`);
  const reply = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(side.stationId, mine, extra) });
  return { ...reply, guest: g };
}

describe('POST /enterprises (企业注册)', () => {
  it('accepts a real, valid credit code and assigns an officer of the station', async () => {
    const reply = await register(a, { creditCode: '91350100M000100Y43' });
    expect(reply.status).toBe(201);
    expect(reply.body.enterprise.creditCode).toBe('91350100M000100Y43');
    expect(reply.body.officer.stationId).toBe(a.stationId);
    expect(reply.body.officer.stationName).toBe('测试a派出所');
    expect(reply.body.session.me.role).toBe('enterprise');
    expect(reply.body.session.me.memberRole).toBe('owner');
  });

  it('refuses the same code with one character changed, naming the field and why', async () => {
    const reply = await register(a, { creditCode: '91350100M000100Y44' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues).toEqual([{ field: 'creditCode', message: expect.stringContaining('校验位不正确') }]);
  });

  it('refuses a second registration with the same code, and writes nothing', async () => {
    const before = (await organisationRepository.allStationOfficers(a.stationId)).reduce((n, o) => n + o.enterpriseCount, 0);
    const reply = await register(a, { creditCode: '91350100M000100Y43' });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('CREDIT_CODE_TAKEN');
    expect(reply.body.error.message).toContain('已注册');
    const after = (await organisationRepository.allStationOfficers(a.stationId)).reduce((n, o) => n + o.enterpriseCount, 0);
    expect(after).toBe(before);
  });

  it('lists every invalid field in Chinese', async () => {
    const g = await guest('g-invalid');
    const reply = await call(enterprises, 'registerEnterprise', { token: g.token, body: { name: '公司', creditCode: 'abc', industry: 'mining', contactMobile: '12345' } });
    expect(reply.status).toBe(400);
    const fields = reply.body.error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'creditCode', 'industry', 'address', 'stationId', 'contactName', 'contactMobile']));
    for (const issue of reply.body.error.issues) expect(issue.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const g = await guest('g-json');
    const reply = await call(enterprises, 'registerEnterprise', { token: g.token, rawBody: '{"name":' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues[0].field).toBe('body');
  });

  it('spreads concurrent registrations evenly: every enterprise exactly one officer, counts exact', async () => {
    const replies = await Promise.all(Array.from({ length: 12 }, () => register(b)));
    expect(replies.map((r) => r.status)).toEqual(Array(12).fill(201));
    const officersOfB = await organisationRepository.allStationOfficers(b.stationId);
    const ordinary = officersOfB.filter((o) => !o.isChief);
    expect(ordinary.map((o) => o.enterpriseCount).sort()).toEqual([4, 4, 4]);
    expect(officersOfB.find((o) => o.isChief)!.enterpriseCount).toBe(0);
    for (const o of ordinary) {
      const listed = await enterpriseRepository.listByOfficer(o.id, { limit: 100 });
      expect(listed.items).toHaveLength(o.enterpriseCount);
      expect(listed.items.every((e) => e.stationId === b.stationId && e.officerId === o.id)).toBe(true);
    }
  });

  it('refuses a user who already registered', async () => {
    const first = await register(a);
    const again = await call(enterprises, 'registerEnterprise', { token: first.body.session.accessToken, body: registration(a.stationId, serial++) });
    expect(again.status).toBe(403); // the route admits guests only
    const g = first.guest;
    const staleGuestToken = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, serial++) });
    expect(staleGuestToken.status).toBe(409);
    expect(staleGuestToken.body.error.code).toBe('ALREADY_REGISTERED');
  });
});

describe('the enterprise file (一企一档) and reassignment', () => {
  it('shows the owner their profile and officer; the officer sees it too', async () => {
    const reg = await register(a);
    const id = reg.body.enterprise.id;
    const own = await call(enterprises, 'getEnterpriseFile', { token: reg.body.session.accessToken, params: { enterpriseId: id } });
    expect(own.status).toBe(200);
    expect(own.body.officer.id).toBe(reg.body.enterprise.officerId);
    expect(own.body.station.id).toBe(a.stationId);
  });

  it('lets the chief reassign one enterprise, moving both counts', async () => {
    const reg = await register(a);
    const e = reg.body.enterprise;
    const target = a.officers.find((o) => o.id !== e.officerId)!;
    const [fromBefore, toBefore] = await Promise.all([organisationRepository.getOfficer(e.officerId), organisationRepository.getOfficer(target.id)]);
    const reply = await call(enterprises, 'reassignEnterprise', { token: a.tokens.chief, params: { enterpriseId: e.id }, body: { officerId: target.id, version: e.version } });
    expect(reply.status).toBe(200);
    expect(reply.body.officerId).toBe(target.id);
    const [fromAfter, toAfter] = await Promise.all([organisationRepository.getOfficer(e.officerId), organisationRepository.getOfficer(target.id)]);
    expect(fromAfter!.enterpriseCount).toBe(fromBefore!.enterpriseCount - 1);
    expect(toAfter!.enterpriseCount).toBe(toBefore!.enterpriseCount + 1);
    const stale = await call(enterprises, 'reassignEnterprise', { token: a.tokens.chief, params: { enterpriseId: e.id }, body: { officerId: e.officerId, version: e.version } });
    expect(stale.status).toBe(409);
  });

  it('refuses to reassign to an officer of another station', async () => {
    const reg = await register(a);
    const e = reg.body.enterprise;
    const reply = await call(enterprises, 'reassignEnterprise', { token: a.tokens.centre, params: { enterpriseId: e.id }, body: { officerId: b.officers[0].id, version: e.version } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues[0].field).toBe('officerId');
  });

  it("hands all of a leaving officer's enterprises to colleagues; none is left without an officer", async () => {
    const leaving = a.officers[2];
    const before = await organisationRepository.getOfficer(leaving.id);
    expect(before!.enterpriseCount).toBeGreaterThan(0);
    const stationTotal = async () => (await organisationRepository.allStationOfficers(a.stationId)).reduce((n, o) => n + o.enterpriseCount, 0);
    const totalBefore = await stationTotal();
    const reply = await call(officers, 'handOverEnterprises', { token: a.tokens.chief, params: { officerId: leaving.id }, body: {} });
    expect(reply.status).toBe(200);
    expect(reply.body.moved).toBe(before!.enterpriseCount);
    expect((await organisationRepository.getOfficer(leaving.id))!.enterpriseCount).toBe(0);
    expect((await enterpriseRepository.listByOfficer(leaving.id, { limit: 10 })).items).toHaveLength(0);
    expect(await stationTotal()).toBe(totalBefore);
  });
});

it('makes valid codes for fixtures', () => {
  expect(makeCreditCode(1)).toMatch(/^91500103/);
});
