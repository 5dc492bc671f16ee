/**
 * 谁查看了我的档案: a police read of an enterprise's data writes exactly one access-log entry (a list one per
 * enterprise shown), kept three years; the enterprise reads its own log, the centre any.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ACCESS_LOG_RETENTION_DAYS, type AccessLogRecord } from '../../../shared/audit/access-log';
import { handler as appeals } from '../../../functions/handlers/appeals';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as stations } from '../../../functions/handlers/stations';
import { db, table } from '../../../functions/lib/dynamo';
import { issueAccessToken } from '../../../functions/lib/tokens';
import { accessLogItem } from '../../../functions/repositories/access-log-repository';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';

let a: Side;
let owner: { token: string; enterpriseId: string; officerId: string };
let second: { token: string; enterpriseId: string };

const logOf = async (token: string, enterpriseId = owner.enterpriseId) => {
  const reply = await call(enterprises, 'enterpriseAccessLog', { token, params: { enterpriseId } });
  if (reply.status !== 200) throw new Error(JSON.stringify(reply.body));
  return reply.body.items as { what: string; actorName: string; unitName: string; route: string; actorRole: string; targetId?: string; at: string }[];
};

const rawEntries = async (enterpriseId: string) =>
  (await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `ENT#${enterpriseId}#ACCESS` } }))).Items ?? [];

beforeAll(async () => {
  await createTestTable('accesslog');
  ({ a } = await twoStations());
  const reg = async (n: number) => call(enterprises, 'registerEnterprise', { token: (await guest(`access-${n}`)).token, body: registration(a.stationId, 8200 + n) });
  const r1 = await reg(1);
  owner = { token: r1.body.session.accessToken, enterpriseId: r1.body.enterprise.id, officerId: r1.body.enterprise.officerId };
  const r2 = await reg(2);
  second = { token: r2.body.session.accessToken, enterpriseId: r2.body.enterprise.id };
});

it('a file read by the chief writes exactly one entry, which the enterprise sees with who, unit, what and route', async () => {
  expect(await logOf(owner.token)).toEqual([]);
  const read = await call(enterprises, 'getEnterpriseFile', { token: a.tokens.chief, params: { enterpriseId: owner.enterpriseId } });
  expect(read.status).toBe(200);
  const entries = await logOf(owner.token);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ what: 'file', actorRole: 'chief', actorName: `${a.chief.name}（所长）`, unitName: '测试a派出所', route: 'GET /enterprises/{enterpriseId}/file' });
  expect((await rawEntries(owner.enterpriseId)).length).toBe(1);
});

it('the enterprise reading its own data leaves no entry', async () => {
  const before = (await rawEntries(owner.enterpriseId)).length;
  expect((await call(enterprises, 'getEnterpriseFile', { token: owner.token, params: { enterpriseId: owner.enterpriseId } })).status).toBe(200);
  expect((await call(enterprises, 'getEnterprise', { token: owner.token, params: { enterpriseId: owner.enterpriseId } })).status).toBe(200);
  expect((await rawEntries(owner.enterpriseId)).length).toBe(before);
});

it('a read that is refused (404) leaves no entry', async () => {
  const before = (await rawEntries(second.enterpriseId)).length;
  const stranger = await issueAccessToken({ role: 'officer', userId: 'u-x', officerId: 'nobody', stationId: a.stationId });
  expect((await call(enterprises, 'getEnterpriseFile', { token: stranger, params: { enterpriseId: second.enterpriseId } })).status).toBe(404);
  expect((await rawEntries(second.enterpriseId)).length).toBe(before);
});

it('an appeal read by the liaison officer is logged with the appeal id', async () => {
  const filed = await call(appeals, 'createAppeal', { token: owner.token, body: { type: 'help', category: 'other', urgency: 'normal', title: '需要开具证明', description: '需要派出所协助开具无犯罪记录证明。' } });
  const officerToken = await issueAccessToken({ role: 'officer', userId: `u-${owner.officerId}`, officerId: owner.officerId, stationId: a.stationId });
  expect((await call(appeals, 'getAppeal', { token: officerToken, params: { appealId: filed.body.appeal.id } })).status).toBe(200);
  const [latest] = await logOf(owner.token);
  expect(latest).toMatchObject({ what: 'appeal', actorRole: 'officer', targetId: filed.body.appeal.id, route: 'GET /appeals/{appealId}' });
});

it('a list writes one entry per enterprise shown, in one batch', async () => {
  const before = [(await rawEntries(owner.enterpriseId)).length, (await rawEntries(second.enterpriseId)).length];
  const list = await call(stations, 'listStationEnterprises', { token: a.tokens.chief, params: { stationId: a.stationId } });
  expect(list.body.items.map((e: { id: string }) => e.id).sort()).toEqual([owner.enterpriseId, second.enterpriseId].sort());
  expect([(await rawEntries(owner.enterpriseId)).length, (await rawEntries(second.enterpriseId)).length]).toEqual(before.map((n) => n + 1));
  expect((await logOf(second.token, second.enterpriseId))[0]).toMatchObject({ what: 'list', route: 'GET /stations/{stationId}/enterprises' });
});

it("the centre reads any enterprise's log; entries keep 3 years before their ttl", async () => {
  const entries = await logOf(a.tokens.centre, owner.enterpriseId);
  expect(entries.length).toBeGreaterThan(0);
  const [raw] = await rawEntries(owner.enterpriseId);
  const years = (Number(raw.ttl) - Date.parse(String(raw.at)) / 1000) / 86_400 / 365;
  expect(years).toBeGreaterThan(3);
  expect(Number(raw.ttl)).toBeGreaterThanOrEqual(Date.parse(String(raw.at)) / 1000 + ACCESS_LOG_RETENTION_DAYS * 86_400);
});

it('costs 1 WCU per logged read (one put of a small item, no index)', async () => {
  const [raw] = await rawEntries(owner.enterpriseId);
  const { pk: _p, sk: _s, entity: _e, ttl: _t, ...record } = raw as Record<string, unknown>;
  const out = await db().send(new PutCommand({ TableName: table(), Item: accessLogItem({ ...(record as unknown as AccessLogRecord), id: 'WCU-PROBE' }), ReturnConsumedCapacity: 'TOTAL' }));
  const size = Buffer.byteLength(JSON.stringify(accessLogItem({ ...(record as unknown as AccessLogRecord), id: 'WCU-PROBE' })));
  console.log(`access-log entry ≈ ${size} bytes, ${out.ConsumedCapacity?.CapacityUnits} WCU per put`);
  expect(out.ConsumedCapacity?.CapacityUnits).toBe(1);
});
