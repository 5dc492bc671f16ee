/**
 * Idempotency-Key on the creates, as a phone on a bad network retries them: the same key twice makes one
 * record and answers the same; the same key with another body is a 422; concurrent requests with one key
 * make one record (the others see it in progress, 409, or replay the answer). And every POST that creates
 * or acts declares `idempotent` in the registry, so a new route cannot forget it.
 */
import { handler as appeals } from '../../functions/handlers/appeals';
import { handler as bookings } from '../../functions/handlers/bookings';
import { handler as enterprises } from '../../functions/handlers/enterprises';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../../functions/lib/dynamo';
import { idempotencyKeys } from '../../functions/lib/idempotency';
import { withClaim } from '../../functions/lib/idempotency-marker';
import { RequestInProgress } from '../../shared/errors';
import { routes, type RouteName } from '../../shared/api/routes';
import { localDateOf } from '../../shared/bookings/slots';
import { call, type Reply } from '../support/http';
import { createTestTable } from '../support/table';
import { guest, registration, twoStations, type Side } from '../support/fixtures';

let a: Side;
let owner: { token: string; enterpriseId: string };
let slotStart: string;
let nextSlot: string;

const appealBody = (title = '夜间施工噪音扰民') => ({
  type: 'dispute',
  category: 'obstruction',
  urgency: 'normal',
  grade: 1,
  title,
  description: '隔壁工地连续一周夜间施工，影响员工休息，希望协调处理。',
  place: '渝中区化龙桥项目工地东门',
});
const bookingBody = (start: string, people = 1) => ({ serviceId: 'consultation', slotStart: start, contactName: '张经理', contactMobile: '13900001111', people, onSite: false });

const key = (n: string) => ({ 'Idempotency-Key': `test-${n}-${Math.random().toString(36).slice(2)}` });

beforeAll(async () => {
  await createTestTable('idem');
  ({ a } = await twoStations());
  const g = await guest('idem-owner');
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 8101) });
  expect(reg.status).toBe(201);
  owner = { token: reg.body.session.accessToken, enterpriseId: reg.body.enterprise.id };
  const settings = await call(bookings, 'setBookingService', { token: a.tokens.chief, params: { stationId: a.stationId, serviceId: 'consultation' }, body: { enabled: true, seatsPerSlot: 5, slotMinutes: 30 } });
  expect(settings.status).toBe(200);
  const slots = await call(bookings, 'listBookingSlots', { token: owner.token, params: { stationId: a.stationId, serviceId: 'consultation' } });
  const later = slots.body.items.filter((s: { date: string }) => s.date > localDateOf(Date.now()));
  [slotStart, nextSlot] = [later[0].start, later[1].start];
});

const appealCount = async () => (await call(appeals, 'listEnterpriseAppeals', { token: owner.token, params: { enterpriseId: owner.enterpriseId }, query: { limit: '100' } })).body.items.length;
const bookingCount = async () => (await call(bookings, 'listMyBookings', { token: owner.token, query: { limit: '100' } })).body.items.length;

function expectSameAnswer(first: Reply, second: Reply) {
  expect(second.status).toBe(first.status);
  expect(second.body).toEqual(first.body);
  expect(second.headers?.['idempotent-replayed']).toBe('true');
}

describe('the registry', () => {
  // POSTs that are safe to repeat by nature need no key: sign-in, sign-out and ending sessions (the same end
  // state), marking read, a new console ticket (unauthenticated; a repeat just shows another code) and a
  // contact reveal (a logged read), and WeChat's media-check push (unauthenticated; a verdict applies once).
  const SAFE: RouteName[] = [
    'wechatLogin',
    'refresh',
    'demoLogin',
    'logout',
    'logoutEverywhere',
    'endOfficerSessions',
    'createConsoleTicket',
    'revealEnterpriseContact',
    'readBulletin',
    'markNotificationRead',
    'markAllNotificationsRead',
    'wechatPush',
  ];
  it('declares every other POST idempotent', () => {
    const missing = (Object.keys(routes) as RouteName[]).filter((n) => routes[n].method === 'POST' && !SAFE.includes(n) && !(routes[n] as { idempotent?: boolean }).idempotent);
    expect(missing).toEqual([]);
  });
});

describe('filing an appeal', () => {
  it('the same key twice: one appeal, the identical answer', async () => {
    const before = await appealCount();
    const headers = key('appeal');
    const first = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody(), headers });
    expect(first.status).toBe(201);
    const second = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody(), headers });
    expectSameAnswer(first, second);
    expect(await appealCount()).toBe(before + 1);
  });

  it('the same key with another body: 422, nothing new', async () => {
    const headers = key('appeal-422');
    expect((await call(appeals, 'createAppeal', { token: owner.token, body: appealBody('第一次提交的诉求'), headers })).status).toBe(201);
    const before = await appealCount();
    const other = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody('另一件事'), headers });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', requestId: expect.any(String) });
    expect(other.body.error.message).toContain('Idempotency-Key');
    expect(await appealCount()).toBe(before);
  });

  it('the key is the caller’s own: another enterprise with the same key files its own appeal', async () => {
    const g = await guest('idem-other');
    const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 8102) });
    const headers = key('scoped');
    const mine = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody(), headers });
    const theirs = await call(appeals, 'createAppeal', { token: reg.body.session.accessToken, body: appealBody(), headers });
    expect(theirs.status).toBe(201);
    expect(theirs.body.appeal.id).not.toBe(mine.body.appeal.id);
  });

  it('concurrent requests with one key: one appeal', async () => {
    const before = await appealCount();
    const headers = key('appeal-race');
    const replies = await Promise.all(Array.from({ length: 6 }, () => call(appeals, 'createAppeal', { token: owner.token, body: appealBody('并发提交'), headers })));
    const created = replies.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.appeal.id)).size).toBe(1);
    for (const r of replies.filter((x) => x.status !== 201)) expect(r.body.error.code).toBe('REQUEST_IN_PROGRESS');
    expect(await appealCount()).toBe(before + 1);
    // Once the first is done, a retry gets its answer.
    const retry = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody('并发提交'), headers });
    expect(retry.body.appeal.id).toBe(created[0].body.appeal.id);
  });

  it('an action and a message are replayed too', async () => {
    const filed = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody('留言测试'), headers: key('m') });
    const appealId = filed.body.appeal.id;
    const headers = key('message');
    const m1 = await call(appeals, 'postAppealMessage', { token: owner.token, params: { appealId }, body: { text: '请尽快处理' }, headers });
    const m2 = await call(appeals, 'postAppealMessage', { token: owner.token, params: { appealId }, body: { text: '请尽快处理' }, headers });
    expect(m1.status).toBe(201);
    expectSameAnswer(m1, m2);
    const list = await call(appeals, 'listAppealMessages', { token: owner.token, params: { appealId } });
    expect(list.body.items).toHaveLength(1);
    const other = await call(appeals, 'postAppealMessage', { token: owner.token, params: { appealId }, body: { text: '换了内容' }, headers });
    expect(other.status).toBe(422);

    const withdraw = key('withdraw');
    const body = { action: 'withdraw', version: filed.body.appeal.version, note: '已自行解决' };
    const w1 = await call(appeals, 'actOnAppeal', { token: owner.token, params: { appealId }, body, headers: withdraw });
    const w2 = await call(appeals, 'actOnAppeal', { token: owner.token, params: { appealId }, body, headers: withdraw });
    expect(w1.status).toBe(200);
    expectSameAnswer(w1, w2);
  });
});

describe('booking a slot', () => {
  it('the same key twice: one booking, one seat, the same code', async () => {
    const before = await bookingCount();
    const headers = key('booking');
    const first = await call(bookings, 'createBooking', { token: owner.token, body: bookingBody(slotStart), headers });
    expect(first.status).toBe(201);
    const second = await call(bookings, 'createBooking', { token: owner.token, body: bookingBody(slotStart), headers });
    expectSameAnswer(first, second);
    expect(await bookingCount()).toBe(before + 1);
    const other = await call(bookings, 'createBooking', { token: owner.token, body: bookingBody(slotStart, 2), headers });
    expect(other.status).toBe(422);
  });

  it('concurrent requests with one key: one booking', async () => {
    const before = await bookingCount();
    const headers = key('booking-race');
    const replies = await Promise.all(Array.from({ length: 6 }, () => call(bookings, 'createBooking', { token: owner.token, body: bookingBody(nextSlot), headers })));
    const created = replies.filter((r) => r.status === 201);
    expect(new Set(created.map((r) => r.body.booking.id)).size).toBe(1);
    expect(await bookingCount()).toBe(before + 1);
  });
});

describe('registration', () => {
  it('the same key twice registers once and answers the same session', async () => {
    const g = await guest('idem-reg');
    const headers = key('reg');
    const body = registration(a.stationId, 8103);
    const first = await call(enterprises, 'registerEnterprise', { token: g.token, body, headers });
    expect(first.status).toBe(201);
    const second = await call(enterprises, 'registerEnterprise', { token: g.token, body, headers });
    expectSameAnswer(first, second);
  });
});

describe('requests without a key', () => {
  it('behave as before (two requests, two appeals)', async () => {
    const before = await appealCount();
    expect((await call(appeals, 'createAppeal', { token: owner.token, body: appealBody('没有操作编号') })).status).toBe(201);
    expect((await call(appeals, 'createAppeal', { token: owner.token, body: appealBody('没有操作编号') })).status).toBe(201);
    expect(await appealCount()).toBe(before + 2);
  });

  it('a malformed key is a 400', async () => {
    const reply = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody(), headers: { 'Idempotency-Key': 'x'.repeat(200) } });
    expect(reply.status).toBe(400);
  });
});

describe('the key commits with the record (exactly once)', () => {
  it('the claim is marked committed by the record’s own transaction', async () => {
    const headers = key('marker');
    const filed = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody('标记检查'), headers });
    expect(filed.status).toBe(201);
    const out = await db().send(new GetCommand({ TableName: table(), Key: idempotencyKeys.record('idem-owner', headers['Idempotency-Key']), ConsistentRead: true }));
    // The guest became the owner: the caller's user id scopes the key.
    expect(out.Item).toMatchObject({ status: 'completed', committed: true, statusCode: 201, ttl: expect.any(Number) });
    expect(out.Item!.ttl - Math.floor(Date.now() / 1000)).toBeGreaterThan(23 * 3600);
  });

  it('a request whose claim was taken over cannot write: its transaction fails, nothing is written', async () => {
    const claim = { tableName: table(), ...idempotencyKeys.record('u-x', 'taken'), token: 'mine' };
    await db().send(new PutCommand({ TableName: table(), Item: { ...idempotencyKeys.record('u-x', 'taken'), status: 'in_progress', token: 'someone-else' } }));
    const write = () => db().send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: table(), Item: { pk: 'PROBE#taken', sk: 'PROBE' }, ConditionExpression: 'attribute_not_exists(pk)' } }] }));
    await expect(withClaim(claim, write)).rejects.toBeInstanceOf(RequestInProgress);
    const probe = await db().send(new GetCommand({ TableName: table(), Key: { pk: 'PROBE#taken', sk: 'PROBE' }, ConsistentRead: true }));
    expect(probe.Item).toBeUndefined();
  });
});
