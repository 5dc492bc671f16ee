/**
 * 回访 on DynamoDB Local: closing an appeal (rated or auto-closed) creates the station's follow-up task in
 * the same transaction when the rule selects it; the station lists its tasks due first with a cursor;
 * an officer or the chief records the call once (a second record and a race give 409, a retry with the
 * same key replays); other stations get 404, enterprises 403; statistics report coverage and satisfaction
 * before/after.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { handler as fieldwork } from '../../../functions/handlers/fieldwork';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as reports } from '../../../functions/handlers/reports';
import { actOnAppeal, fileAppeal, systemAction } from '../../../functions/services/appeal-service';
import { recountStation } from '../../../functions/services/stats-service';
import { followUpRepository } from '../../../functions/repositories/followup-repository';
import { organisationRepository } from '../../../functions/repositories/organisation-repository';
import { statsRepository } from '../../../functions/repositories/stats-repository';
import { db } from '../../../functions/lib/dynamo';
import { shanghaiDay } from '../../../shared/appeals/queues';
import type { Principal } from '../../../shared/domain/principal';
import type { FollowUpTask } from '../../../shared/followups/schemas';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';

let a: Side;
let b: Side;
let owner: Principal & { role: 'enterprise' };
let ownerToken: string;
let handling: Principal;

const BODIES = {
  policy: { type: 'policy', category: 'household', urgency: 'normal', title: '咨询落户政策办理', description: '想了解企业员工集体户口的办理条件和所需材料。' },
  dispute: {
    type: 'dispute',
    category: 'obstruction',
    urgency: 'normal',
    grade: 1,
    title: '施工现场被人封门堵路',
    description: '本周一起有人在工地门口堵路，阻挠车辆进出，已影响正常施工。',
    place: '渝中区化龙桥项目工地东门',
  },
  help: { type: 'help', category: 'other', urgency: 'normal', title: '需要协助的事项', description: '仓库周边夜间照明不足，希望协调安装路灯。' },
} as const;

const ms = (n: number) => new Date(Date.now() + n);

/** File, accept, resolve; then rate (or leave unrated). Returns the appeal id. */
async function closed(kind: keyof typeof BODIES, rating?: number): Promise<string> {
  const filed = await fileAppeal(owner, BODIES[kind] as never, ms(0));
  let v = filed.appeal.version;
  const step = async (who: Principal, body: Record<string, unknown>) => {
    const view = await actOnAppeal(who, filed.appeal.id, { ...body, version: v } as never, ms(0));
    v = view.appeal.version;
  };
  await step(handling, { action: 'accept' });
  await step(handling, { action: 'resolve', resolution: '已与相关方面沟通，问题已妥善处理完毕。' });
  if (rating !== undefined) await step(owner, { action: 'rate', rating, ...(rating <= 2 && { comment: '处理太慢，拖了好几天才有回复。' }) });
  return filed.appeal.id;
}

async function setSample(percent: number) {
  const station = await organisationRepository.requireStation(a.stationId);
  await organisationRepository.updateStation(a.stationId, station.version, { followUpSamplePercent: percent });
}

const get = (token: string, id: string) => call(fieldwork, 'getFollowUp', { token, params: { followUpId: id } });
const list = (token: string, stationId: string, query: Record<string, string> = {}) => call(fieldwork, 'stationFollowUps', { token, params: { stationId }, query });
const record = (token: string, id: string, body: Record<string, unknown>, headers?: Record<string, string>) => call(fieldwork, 'recordFollowUp', { token, params: { followUpId: id }, body, ...(headers && { headers }) });
const REACHED = { method: 'phone', reached: true, satisfaction: 'satisfied', notes: '企业表示问题已解决，对处理结果满意。' };

let badId: string;
let disputeId: string;
let unsampledId: string;
let sampledId: string;
let autoId: string;

beforeAll(async () => {
  await createTestTable('followups');
  ({ a, b } = await twoStations());
  const g = await guest('followup-owner');
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 8101) });
  ownerToken = reg.body.session.accessToken;
  owner = { role: 'enterprise', userId: 'followup-owner', enterpriseId: reg.body.enterprise.id, memberRole: 'owner' };
  handling = { role: 'officer', userId: `u-${reg.body.enterprise.officerId}`, officerId: reg.body.enterprise.officerId, stationId: a.stationId };
  await setSample(0);
  badId = await closed('policy', 2);
  disputeId = await closed('dispute', 5);
  unsampledId = await closed('policy', 5);
  await setSample(100);
  sampledId = await closed('policy', 4);
  // Resolved, never rated: the scheduler closes it after the rating window (any time far enough ahead).
  const pending = await closed('help');
  await systemAction(pending, 'auto_close', new Date(Date.now() + 30 * 86_400_000));
  autoId = pending;
}, 120_000);

describe('tasks created by the close', () => {
  it('every bad rating, every dispute, and the sample the station asked for; nothing else', async () => {
    const reasons = await Promise.all([badId, disputeId, unsampledId, sampledId, autoId].map((id) => followUpRepository.get(id)));
    expect(reasons.map((t) => t?.reason ?? null)).toEqual(['bad_rating', 'dispute', null, 'sample', 'sample']);
    const bad = reasons[0]!;
    expect(bad).toMatchObject({ status: 'pending', stationId: a.stationId, rating: 2, appealType: 'policy', officerId: handling.role === 'officer' ? handling.officerId : '' });
    expect(reasons[4]!.rating).toBeUndefined();
  });

  it('the station lists them due first and pages with a cursor', async () => {
    // An older task, due earlier, written as the close writes it: it must come first.
    const early: FollowUpTask = { ...(await followUpRepository.get(badId))!, id: 'EARLY', appealId: 'EARLY', dueDay: '2026-01-02', closedAt: '2025-12-26T02:00:00.000Z', createdAt: '2025-12-26T02:00:00.000Z' };
    await db().send(new TransactWriteCommand({ TransactItems: [followUpRepository.createWrite(early)] }));
    const first = await list(a.tokens.chief, a.stationId, { limit: '3' });
    expect(first.status).toBe(200);
    expect(first.body.items[0].id).toBe('EARLY');
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await list(a.tokens.officer2, a.stationId, { limit: '3', cursor: first.body.nextCursor });
    const ids = [...first.body.items, ...rest.body.items].map((t: FollowUpTask) => t.id);
    expect(new Set(ids)).toEqual(new Set(['EARLY', badId, disputeId, sampledId, autoId]));
    const days = [...first.body.items, ...rest.body.items].map((t: FollowUpTask) => t.dueDay);
    expect(days).toEqual([...days].sort());
  });
});

describe('recording', () => {
  it('an officer of the station records it once; the task moves to 已回访; a second record is 409', async () => {
    const done = await record(a.tokens.officer2, badId, REACHED);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', reached: true, satisfaction: 'satisfied', method: 'phone', recordedBy: a.officers[1]!.id });
    const again = await record(a.tokens.chief, badId, { method: 'visit', reached: true, satisfaction: 'dissatisfied' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已由其他民警登记');
    const pending = await list(a.tokens.chief, a.stationId, { limit: '100' });
    expect(pending.body.items.map((t: FollowUpTask) => t.id)).not.toContain(badId);
    const history = await list(a.tokens.chief, a.stationId, { status: 'done' });
    expect(history.body.items.map((t: FollowUpTask) => t.id)).toEqual([badId]);
  });

  it('two colleagues at once: exactly one record, the other 409', async () => {
    const replies = await Promise.all([record(a.tokens.officer, disputeId, REACHED), record(a.tokens.chief, disputeId, { method: 'visit', reached: false, notes: '上门时企业无人。' })]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const stored = await followUpRepository.get(disputeId);
    const winner = replies.find((r) => r.status === 200)!.body;
    expect(stored).toMatchObject({ status: 'done', reached: winner.reached, version: 2 });
  });

  it('a retry with the same Idempotency-Key replays the answer instead of 409', async () => {
    const key = { 'Idempotency-Key': `followup-${Math.random().toString(36).slice(2)}` };
    const body = { method: 'phone', reached: false, notes: '电话无人接听，已发短信。' };
    const first = await record(a.tokens.officer, autoId, body, key);
    const retry = await record(a.tokens.officer, autoId, body, key);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.headers?.['Idempotent-Replayed'] ?? retry.headers?.['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
  });

  it('refuses a record that makes up a verdict or leaves out why nobody was reached', async () => {
    const reply = await record(a.tokens.officer, sampledId, { method: 'phone', reached: false });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues.map((i: { field: string }) => i.field)).toEqual(['notes']);
  });
});

describe('scope', () => {
  it('another station gets 404 on the task, its list and its record; nothing is written', async () => {
    for (const token of [b.tokens.officer, b.tokens.chief]) {
      expect((await get(token, sampledId)).status).toBe(404);
      expect((await list(token, a.stationId)).status).toBe(404);
      expect((await record(token, sampledId, REACHED)).status).toBe(404);
    }
    expect((await followUpRepository.get(sampledId))!.status).toBe('pending');
  });

  it('the enterprise gets 403; the centre reads but does not record', async () => {
    expect((await get(ownerToken, sampledId)).status).toBe(403);
    expect((await list(ownerToken, a.stationId)).status).toBe(403);
    expect((await record(ownerToken, sampledId, REACHED)).status).toBe(403);
    expect((await get(b.tokens.centre, sampledId)).status).toBe(200);
    expect((await list(b.tokens.centre, a.stationId)).status).toBe(200);
    expect((await record(a.tokens.centre, sampledId, REACHED)).status).toBe(403);
  });
});

describe('statistics', () => {
  it('report coverage and satisfaction before/after follow-up, equal to a recount', async () => {
    const today = shanghaiDay(new Date());
    const period = { from: today.slice(0, 8) + '01', to: today };
    const reply = await call(reports, 'stationStats', { token: a.tokens.chief, params: { stationId: a.stationId }, query: period });
    expect(reply.status).toBe(200);
    // Three tasks of appeals closed this month (the auto-closed one closed 30 days ahead; EARLY last year), two recorded.
    expect(reply.body.totals).toMatchObject({ followUpsDue: 3, followUpsDone: 2, followUpCoverage: 0.6667 });
    // Compared = reached and rated: the bad rating (2 → 满意) and, if the officer won the race, the dispute (5 → 满意).
    const t = reply.body.totals;
    expect(t.followUpsCompared).toBeGreaterThanOrEqual(1);
    expect(t.satisfactionAfterFollowUp).toBeGreaterThan(t.satisfactionBeforeFollowUp);
    const recount = await recountStation(a.stationId, period);
    const kept = await statsRepository.period('station', a.stationId, period);
    expect(kept.counters).toEqual(recount.station);
  });
});
