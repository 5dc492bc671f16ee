/**
 * 警务检索 through the handlers against DynamoDB Local: each role finds only what it may see — an officer
 * their own enterprises and the appeals assigned to them, a chief their station, the centre every station.
 */
import { handler as appeals } from '../../../functions/handlers/appeals';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as stations } from '../../../functions/handlers/stations';
import { actOnAppeal } from '../../../functions/services/appeal-service';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';

let a: Side;
let b: Side;
let serial = 7000;
type Registered = { id: string; name: string; officerId: string; creditCode: string; contactMobile: string; version: number; token: string; userId: string };
const reg: Record<string, Registered> = {};

async function register(side: Side, name: string): Promise<Registered> {
  const mine = serial++;
  const g = await guest(`search-${mine}`);
  const reply = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(side.stationId, mine, { name }) });
  expect(reply.status).toBe(201);
  return { ...reply.body.enterprise, token: reply.body.session.accessToken, userId: reply.body.session.me.userId };
}

async function file(e: Registered, title: string, description: string, type = 'dispute', category = 'public-order') {
  const reply = await call(appeals, 'createAppeal', { token: e.token, body: { type, category, urgency: 'normal', title, description, ...(type === 'dispute' && { grade: 1 }) } });
  expect(reply.status).toBe(201);
  return reply.body.appeal as { id: string; version: number; officerId: string };
}

const findEnterprises = (token: string, q: string, extra: Record<string, string> = {}) => call(stations, 'searchEnterprises', { token, query: { q, ...extra } });
const findAppeals = (token: string, query: Record<string, string>) => call(appeals, 'searchAppeals', { token, query });
const names = (reply: { body: { items: { name?: string; title?: string }[] } }) => reply.body.items.map((i) => i.name ?? i.title).sort();

beforeAll(async () => {
  await createTestTable('search');
  ({ a, b } = await twoStations());
  reg.a1 = await register(a, '重庆朝志火锅有限公司');
  reg.a2 = await register(a, '渝中区星新火锅店');
  reg.a3 = await register(a, '重庆市聚耀商贸有限公司');
  reg.b1 = await register(b, '博诚（重庆）火锅有限公司');
}, 60_000);

describe('GET /search/enterprises', () => {
  it("finds any part of a name within the chief's station, and every station for the centre", async () => {
    const chief = await findEnterprises(a.tokens.chief, '火锅');
    expect(chief.status).toBe(200);
    expect(names(chief)).toEqual(['渝中区星新火锅店', '重庆朝志火锅有限公司']);
    expect(names(await findEnterprises(a.tokens.chief, '朝志火锅'))).toEqual(['重庆朝志火锅有限公司']);
    expect(names(await findEnterprises(a.tokens.chief, '锅有限'))).toEqual(['重庆朝志火锅有限公司']);
    // Both bigrams occur (志火 in 朝志火锅, 锅店 in 星新火锅店) but no name contains the whole query.
    expect(names(await findEnterprises(a.tokens.chief, '志火锅店'))).toEqual([]);
    const centre = await findEnterprises(a.tokens.centre, '火锅');
    expect(names(centre)).toEqual(['博诚（重庆）火锅有限公司', '渝中区星新火锅店', '重庆朝志火锅有限公司']);
  });

  it('finds nothing of another station: not by name, credit code or mobile', async () => {
    for (const token of [a.tokens.officer, a.tokens.chief]) {
      for (const q of ['博诚', reg.b1.creditCode, reg.b1.contactMobile]) {
        const reply = await findEnterprises(token, q);
        expect({ q, status: reply.status, items: reply.body.items }).toEqual({ q, status: 200, items: [] });
      }
    }
    expect((await findEnterprises(b.tokens.chief, reg.b1.creditCode)).body.items.map((i: { id: string }) => i.id)).toEqual([reg.b1.id]);
  });

  it('gives an officer only the enterprises assigned to them', async () => {
    const officerId = a.principals.officer.role === 'officer' ? a.principals.officer.officerId : '';
    const mine = Object.values(reg).filter((e) => e.officerId === officerId && e.name.includes('火锅'));
    const reply = await findEnterprises(a.tokens.officer, '火锅');
    expect(reply.status).toBe(200);
    expect(names(reply)).toEqual(mine.map((e) => e.name).sort());
    const others = Object.values(reg).filter((e) => e.officerId !== officerId && e.id !== reg.b1.id);
    for (const e of others) expect((await findEnterprises(a.tokens.officer, e.creditCode)).body.items).toEqual([]);
  });

  it('finds by credit code and by mobile exactly', async () => {
    expect((await findEnterprises(a.tokens.chief, reg.a3.creditCode)).body.items).toEqual([{ id: reg.a3.id, name: reg.a3.name, creditCode: reg.a3.creditCode, industry: 'wholesale-retail', stationId: a.stationId }]);
    expect((await findEnterprises(a.tokens.centre, reg.a2.contactMobile)).body.items.map((i: { id: string }) => i.id)).toEqual([reg.a2.id]);
  });

  it('follows a corrected name: the old name is gone, the new one found', async () => {
    const reply = await call(enterprises, 'updateEnterprise', {
      token: reg.a3.token,
      params: { enterpriseId: reg.a3.id },
      body: { version: reg.a3.version, name: '重庆市聚耀串串香有限公司', contactMobile: '13912300001' },
    });
    expect(reply.status).toBe(200);
    expect(names(await findEnterprises(a.tokens.chief, '聚耀商贸'))).toEqual([]);
    expect(names(await findEnterprises(a.tokens.chief, '串串香'))).toEqual(['重庆市聚耀串串香有限公司']);
    expect(names(await findEnterprises(a.tokens.chief, '13912300001'))).toEqual(['重庆市聚耀串串香有限公司']);
    expect(names(await findEnterprises(a.tokens.chief, reg.a3.contactMobile))).toEqual([]);
  });

  it('pages with a cursor and refuses a cursor of another scope', async () => {
    const first = await findEnterprises(a.tokens.centre, '火锅', { limit: '2' });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await findEnterprises(a.tokens.centre, '火锅', { limit: '2', cursor: first.body.nextCursor });
    expect([...first.body.items, ...second.body.items].map((i: { name: string }) => i.name).sort()).toEqual(['博诚（重庆）火锅有限公司', '渝中区星新火锅店', '重庆朝志火锅有限公司']);
    expect(second.body.nextCursor).toBeNull();
    // A centre cursor that points into station B is not for station A's chief.
    const probe = await findEnterprises(a.tokens.centre, '火锅', { limit: '1' });
    const bCursor = Buffer.from(`${b.stationId}#x`).toString('base64url');
    expect(probe.status).toBe(200);
    const refused = await findEnterprises(a.tokens.chief, '火锅', { cursor: bCursor });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([{ field: 'cursor', message: expect.stringMatching(/游标/) }]);
  });

  it('answers 400 naming the field, and 403 to enterprises and guests', async () => {
    const short = await findEnterprises(a.tokens.chief, '火');
    expect(short.status).toBe(400);
    expect(short.body.error.issues).toEqual([{ field: 'q', message: '请至少输入两个字' }]);
    expect((await findEnterprises(reg.a1.token, '火锅')).status).toBe(403);
    expect((await findEnterprises((await guest('search-guest')).token, '火锅')).status).toBe(403);
  });
});

describe('GET /search/appeals', () => {
  let noise: { id: string; version: number; officerId: string };
  beforeAll(async () => {
    noise = await file(reg.a1, '夜间施工噪音扰民', '隔壁工地每晚十一点后仍在施工，噪音很大，影响火锅店营业和员工休息。');
    await file(reg.a2, '门口车辆乱停', '店门口经常有车辆乱停，堵住消防通道，希望协调处理。');
    await file(reg.b1, '夜间施工噪音', '附近工地夜间施工噪音扰民，严重影响经营。');
  }, 60_000);

  it("finds words in the title and text within the station; the centre's search spans stations", async () => {
    const chief = await findAppeals(a.tokens.chief, { q: '噪音' });
    expect(chief.status).toBe(200);
    expect(names(chief)).toEqual(['夜间施工噪音扰民']);
    expect(names(await findAppeals(a.tokens.chief, { q: '消防通道' }))).toEqual(['门口车辆乱停']);
    expect(names(await findAppeals(a.tokens.centre, { q: '施工 噪音' }))).toEqual(['夜间施工噪音', '夜间施工噪音扰民']);
    expect(names(await findAppeals(b.tokens.officer, { q: '消防通道' }))).toEqual([]);
  });

  it('filters by enterprise, type, category, status and dates', async () => {
    expect(names(await findAppeals(a.tokens.centre, { q: '噪音', enterpriseId: reg.b1.id }))).toEqual(['夜间施工噪音']);
    expect(names(await findAppeals(a.tokens.chief, { q: '噪音', type: 'help' }))).toEqual([]);
    expect(names(await findAppeals(a.tokens.chief, { q: '噪音', category: 'public-order' }))).toEqual(['夜间施工噪音扰民']);
    expect(names(await findAppeals(a.tokens.chief, { q: '噪音', status: 'submitted' }))).toEqual(['夜间施工噪音扰民']);
    const past = await findAppeals(a.tokens.chief, { q: '噪音', from: '2020-01-01', to: '2020-01-31' });
    expect(past.body.items).toEqual([]);
    const accepter = { role: 'officer' as const, userId: `u-${noise.officerId}`, officerId: noise.officerId, stationId: a.stationId };
    await actOnAppeal(accepter, noise.id, { action: 'accept', version: noise.version }, new Date());
    expect(names(await findAppeals(a.tokens.chief, { q: '噪音', status: 'submitted' }))).toEqual([]);
    expect(names(await findAppeals(a.tokens.chief, { q: '噪音', status: 'accepted' }))).toEqual(['夜间施工噪音扰民']);
  });

  it('gives an officer only the appeals assigned to them', async () => {
    const officerId = a.principals.officer.role === 'officer' ? a.principals.officer.officerId : '';
    const reply = await findAppeals(a.tokens.officer, { q: '噪音' });
    expect(reply.status).toBe(200);
    expect(reply.body.items.every((s: { officerId: string }) => s.officerId === officerId)).toBe(true);
    expect(names(reply)).toEqual(reg.a1.officerId === officerId ? ['夜间施工噪音扰民'] : []);
  });

  it('answers 400 naming the field', async () => {
    const reply = await findAppeals(a.tokens.chief, { q: '噪音', status: 'lost' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues).toEqual([{ field: 'status', message: '诉求状态无效' }]);
  });
});
