/**
 * Issue 13, queue edges on DynamoDB Local: the auto-close entry keyed by the time stored at resolution (a
 * later policy change cannot orphan it; the migration backfills older appeals), and a case waiting for the
 * enterprise leaves the overdue views until it resumes with its deadline extended.
 */
import { QueryCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as stations } from '../../../functions/handlers/stations';
import { actOnAppeal, fileAppeal, listCentreQueue, stationDaySummary, listStationQueue } from '../../../functions/services/appeal-service';
import { runSlaSweep } from '../../../functions/services/scheduler-service';
import { migrateAutoCloseEntries } from '../../../functions/migrations/auto-close-at';
import { db, table } from '../../../functions/lib/dynamo';
import type { Principal } from '../../../shared/domain/principal';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';

let a: Side;
let owner: Principal;
let officer: Principal;

const help = { type: 'help', category: 'other', urgency: 'normal', title: '需要协助核实情况', description: '有陌生人多次到公司打听财务人员信息，请求协助。' } as never;

beforeAll(async () => {
  await createTestTable('appeal-edges');
  ({ a } = await twoStations());
  const g = await guest('edge-owner');
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 8301) });
  owner = { role: 'enterprise', userId: 'edge-owner', enterpriseId: reg.body.enterprise.id, memberRole: 'owner' };
  officer = { role: 'officer', userId: `u-${reg.body.enterprise.officerId}`, officerId: reg.body.enterprise.officerId, stationId: a.stationId };
});

async function autoCloseEntries(id: string): Promise<string[]> {
  const out = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'SLA#AUTOCLOSE' } }));
  return (out.Items ?? []).filter((i) => i.id === id).map((i) => i.sk as string);
}

async function resolvedAppeal(filedAt: string, resolvedAt: string) {
  const filed = await fileAppeal(owner, help, new Date(filedAt));
  let v = filed.appeal.version;
  const id = filed.appeal.id;
  const at = new Date(filedAt);
  v = (await actOnAppeal(officer, id, { action: 'accept', version: v }, at)).appeal.version;
  return actOnAppeal(officer, id, { action: 'resolve', version: v, resolution: '已上门核实，提醒财务人员提高警惕并留存来访记录。' }, new Date(resolvedAt));
}

async function setAutoCloseDays(days: number) {
  const current = await call(stations, 'getStationSla', { token: a.tokens.centre, params: { stationId: a.stationId } });
  const set = await call(stations, 'setStationSla', { token: a.tokens.centre, params: { stationId: a.stationId }, body: { ...current.body, autoCloseAfterDays: days } });
  expect(set.status).toBe(200);
}

describe('auto-close after a policy change', () => {
  afterEach(() => setAutoCloseDays(7));

  it('a shorter policy after resolution neither closes early nor leaves the entry behind', async () => {
    const resolved = await resolvedAppeal('2026-11-02T02:00:00Z', '2026-11-03T02:00:00Z');
    expect(resolved.appeal.autoCloseAt).toBe('2026-11-10T02:00:00.000Z');
    await setAutoCloseDays(3);
    await runSlaSweep(new Date('2026-11-07T02:00:00Z'));
    expect(await autoCloseEntries(resolved.appeal.id)).toEqual([`2026-11-10T02:00:00.000Z#${resolved.appeal.id}`]);
    const sweep = await runSlaSweep(new Date('2026-11-10T02:05:00Z'));
    expect(sweep.closed).toBeGreaterThanOrEqual(1);
    expect(await autoCloseEntries(resolved.appeal.id)).toEqual([]);
  });

  it('a longer policy after resolution still closes on the promised day', async () => {
    const resolved = await resolvedAppeal('2026-11-02T03:00:00Z', '2026-11-03T03:00:00Z');
    await setAutoCloseDays(14);
    await runSlaSweep(new Date('2026-11-10T03:05:00Z'));
    expect(await autoCloseEntries(resolved.appeal.id)).toEqual([]);
  });

  it('the migration backfills autoCloseAt from the entry, deletes orphans and is idempotent', async () => {
    const resolved = await resolvedAppeal('2026-11-04T02:00:00Z', '2026-11-05T02:00:00Z');
    const id = resolved.appeal.id;
    // An appeal resolved before the field existed, and an entry orphaned by a policy change.
    await db().send(new UpdateCommand({ TableName: table(), Key: { pk: `APPEAL#${id}`, sk: 'APPEAL' }, UpdateExpression: 'REMOVE autoCloseAt' }));
    await db().send(new PutCommand({ TableName: table(), Item: { pk: 'SLA#AUTOCLOSE', sk: `2026-10-01T00:00:00.000Z#gone`, id: 'gone', entity: 'appeal-queue' } }));
    const first = await migrateAutoCloseEntries();
    expect(first).toMatchObject({ backfilled: 1, orphansDeleted: 1 });
    const again = await migrateAutoCloseEntries();
    expect(again).toMatchObject({ backfilled: 0, orphansDeleted: 0, rekeyed: 0 });
    const { appealRepository } = await import('../../../functions/repositories/appeal-repository');
    expect((await appealRepository.get(id))!.autoCloseAt).toBe('2026-11-12T02:00:00.000Z');
  });
});

describe('a case waiting for the enterprise', () => {
  it('is not overdue while paused, and comes back with its deadline extended by the paused working time', async () => {
    // Monday 2026-11-16 10:00 Shanghai: a normal help case is due in 5 working days.
    const filed = await fileAppeal(owner, help, new Date('2026-11-16T02:00:00Z'));
    const id = filed.appeal.id;
    const accepted = await actOnAppeal(officer, id, { action: 'accept', version: filed.appeal.version }, new Date('2026-11-16T03:00:00Z'));
    const dueBefore = accepted.appeal.resolveDueAt;
    // Paused on Tuesday 10:00 Shanghai with its deadline still ahead.
    const paused = await actOnAppeal(officer, id, { action: 'request_info', version: accepted.appeal.version, note: '请提供来访人员的照片或监控截图' }, new Date('2026-11-17T02:00:00Z'));
    const later = new Date(new Date(dueBefore).getTime() + 3 * 86_400_000);
    const overdueIds = async () => (await listStationQueue(a.principals.chief, a.stationId, 'overdue', { limit: 100 }, later)).items.map((x) => x.id);
    expect(await overdueIds()).not.toContain(id);
    expect((await listCentreQueue(a.principals.centre, 'overdue', { limit: 100 }, later)).items.map((x) => x.id)).not.toContain(id);
    const open = (await listStationQueue(a.principals.chief, a.stationId, 'open', { limit: 100 }, later)).items.map((x) => x.id);
    expect(open).toContain(id);
    const summary = await stationDaySummary(a.principals.chief, a.stationId, later);
    expect(summary.counts.overdue).toBe((await overdueIds()).length);

    // Due Mon 11-23 17:30; paused Tue 11-17 10:00 with that much working time left; the enterprise answers
    // a week later (Tue 11-24 10:00), so the same working time runs from then: Mon 11-30 17:30.
    const resumed = await actOnAppeal(owner, id, { action: 'provide_info', version: paused.appeal.version, note: '监控截图已上传' }, new Date('2026-11-24T02:00:00Z'));
    expect(new Date(resumed.appeal.resolveDueAt).getTime()).toBeGreaterThan(new Date(dueBefore).getTime());
    expect(resumed.appeal.resolveDueAt).toBe('2026-11-30T09:30:00.000Z');
    const afterNew = new Date(new Date(resumed.appeal.resolveDueAt).getTime() + 60_000);
    expect((await listStationQueue(a.principals.chief, a.stationId, 'overdue', { limit: 100 }, afterNew)).items.map((x) => x.id)).toContain(id);
  });

  it('stays overdue when it was already overdue when paused', async () => {
    const filed = await fileAppeal(owner, help, new Date('2026-10-12T02:00:00Z'));
    const id = filed.appeal.id;
    const accepted = await actOnAppeal(officer, id, { action: 'accept', version: filed.appeal.version }, new Date('2026-10-12T03:00:00Z'));
    await actOnAppeal(officer, id, { action: 'request_info', version: accepted.appeal.version, note: '请提供来访人员的照片或监控截图' }, new Date('2026-10-30T02:00:00Z'));
    const ids = (await listStationQueue(a.principals.chief, a.stationId, 'overdue', { limit: 100 }, new Date('2026-11-02T02:00:00Z'))).items.map((x) => x.id);
    expect(ids).toContain(id);
  });
});
