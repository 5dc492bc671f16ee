/**
 * The closed loop on DynamoDB Local: 收集、上报、交办、处置、办结反馈、评价, with the queues each step moves
 * the case through, the two-officers race, routing around an officer on leave, and the SLA sweep.
 */
import { handler as appeals } from '../../../functions/handlers/appeals';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as notifications } from '../../../functions/handlers/notifications';
import { fileAppeal } from '../../../functions/services/appeal-service';
import { runSlaSweep } from '../../../functions/services/scheduler-service';
import { organisationRepository } from '../../../functions/repositories/organisation-repository';
import { issueAccessToken } from '../../../functions/lib/tokens';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';
import { drainOutbox } from '../../support/outbox';

let a: Side;
let owner: { token: string; enterpriseId: string; officerId: string };
let officerToken: string;

const dispute = {
  type: 'dispute',
  category: 'obstruction',
  urgency: 'normal',
  grade: 1,
  title: '施工现场被人封门堵路',
  description: '本周一起有人在工地门口堵路，阻挠车辆进出，要求承包工程，已影响正常施工。',
  place: '渝中区化龙桥项目工地东门',
};

beforeAll(async () => {
  await createTestTable('appeals');
  ({ a } = await twoStations());
  const g = await guest('appeal-owner');
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 8001) });
  owner = { token: reg.body.session.accessToken, enterpriseId: reg.body.enterprise.id, officerId: reg.body.enterprise.officerId };
  officerToken = await issueAccessToken({ role: 'officer', userId: `u-${owner.officerId}`, officerId: owner.officerId, stationId: a.stationId });
});

async function file(body: Record<string, unknown> = dispute) {
  const reply = await call(appeals, 'createAppeal', { token: owner.token, body });
  expect(reply.status).toBe(201);
  return reply.body;
}

async function act(token: string, appealId: string, body: Record<string, unknown>) {
  return call(appeals, 'actOnAppeal', { token, params: { appealId }, body });
}

async function queueIds(view: string) {
  const reply = await call(appeals, 'stationQueue', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { view } });
  expect(reply.status).toBe(200);
  return reply.body.items.map((x: { id: string }) => x.id);
}

describe('each type of appeal', () => {
  it.each([
    ['policy', 'household', {}],
    ['dispute', 'labour-wages', { grade: 2 }],
    ['suggestion', 'service-process', {}],
    ['help', 'other', {}],
  ])("%s lands in the officer's inbox and the chief's new-today queue", async (type, category, extra) => {
    const body = { ...dispute, type, category, ...extra };
    if (type !== 'dispute') delete (body as Record<string, unknown>).grade;
    const reply = await call(appeals, 'createAppeal', { token: owner.token, body });
    if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
    const id = reply.body.appeal.id;
    const inbox = await call(appeals, 'officerInbox', { token: officerToken, params: { officerId: owner.officerId } });
    expect(inbox.body.items.map((x: { id: string }) => x.id)).toContain(id);
    expect(await queueIds('new')).toContain(id);
    expect(reply.body.officer.id).toBe(owner.officerId);
  });

  it('names the wrong fields in Chinese', async () => {
    const reply = await call(appeals, 'createAppeal', { token: owner.token, body: { type: 'dispute', category: 'household', urgency: 'normal', title: '短', description: '太短' } });
    expect(reply.status).toBe(400);
    const fields = reply.body.error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'title', 'description']));
  });
});

describe('the full loop for one dispute', () => {
  it('accept, reply, transfer to 市场监管, feedback, resolve, rate 不满意, 差评整改 — every step in the history', async () => {
    const filed = await file();
    const id = filed.appeal.id;
    let v = filed.appeal.version;

    const accepted = await act(officerToken, id, { action: 'accept', version: v });
    expect(accepted.status).toBe(200);
    expect(accepted.body.appeal.status).toBe('accepted');
    v = accepted.body.appeal.version;

    const reply = await call(appeals, 'postAppealMessage', { token: officerToken, params: { appealId: id }, body: { text: '您好，已受理，今天下午到现场了解情况。' } });
    expect(reply.status).toBe(201);
    const thread = await call(appeals, 'listAppealMessages', { token: owner.token, params: { appealId: id } });
    expect(thread.body.items[0].text).toContain('已受理');
    expect(thread.body.items[0].authorName).toContain('民警');

    const transferred = await act(officerToken, id, { action: 'transfer', version: v, departmentId: 'market-regulation', note: '涉及工程发包资质，转市场监管部门核查' });
    expect(transferred.status).toBe(200);
    expect(transferred.body.appeal.status).toBe('transferred');
    v = transferred.body.appeal.version;
    expect(await queueIds('open')).toContain(id); // stays open while another department works on it

    const tooEarly = await act(officerToken, id, { action: 'resolve', version: v, resolution: '已协调处理完毕，现场恢复正常施工。' });
    expect(tooEarly.status).toBe(409);

    const feedback = await act(officerToken, id, { action: 'record_feedback', version: v, note: '市场监管局反馈：对方无承包资质，已责令停止。' });
    expect(feedback.status).toBe(200);
    v = feedback.body.appeal.version;

    const resolved = await act(officerToken, id, { action: 'resolve', version: v, resolution: '经现场调解并会同市场监管处理，已恢复正常施工。' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.appeal.status).toBe('resolved');
    v = resolved.body.appeal.version;
    expect(await queueIds('resolved_today')).toContain(id);
    expect(await queueIds('awaiting_rating')).toContain(id);
    expect(await queueIds('open')).not.toContain(id);

    const noComment = await act(owner.token, id, { action: 'rate', version: v, rating: 2 });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.issues[0].field).toBe('comment');

    const rated = await act(owner.token, id, { action: 'rate', version: v, rating: 2, comment: '处理太慢，耽误了三天工期' });
    expect(rated.status).toBe(200);
    expect(rated.body.appeal.status).toBe('closed');
    expect(await queueIds('bad_ratings')).toContain(id);

    const week = await call(appeals, 'stationWeek', { token: a.tokens.chief, params: { stationId: a.stationId } });
    expect(week.status).toBe(200);
    expect(week.body.days).toHaveLength(7);
    expect(week.body.days[6].resolved).toBeGreaterThanOrEqual(1);
    expect(week.body.onTimeRate).toBe(1);

    const summary = await call(appeals, 'stationQueueSummary', { token: a.tokens.chief, params: { stationId: a.stationId } });
    expect(summary.body.ratings.bad).toBeGreaterThanOrEqual(1);
    expect(summary.body.counts.bad_ratings).toBeGreaterThanOrEqual(1);

    const detail = await call(appeals, 'getAppeal', { token: a.tokens.chief, params: { appealId: id } });
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'accept', 'transfer', 'record_feedback', 'resolve', 'rate']);
    expect(detail.body.allowedActions).toContain('rectify');
    expect(detail.body.history[1].actorName).toMatch(/^民警/);
    expect(detail.body.history[0].actorName).toBe(detail.body.enterpriseName);

    const rectified = await act(a.tokens.chief, id, { action: 'rectify', version: rated.body.appeal.version, note: '已约谈联络官，建立纠纷快速响应机制，当日到场。' });
    expect(rectified.status).toBe(200);
    expect(await queueIds('bad_ratings')).not.toContain(id);
    const enterpriseView = await call(appeals, 'getAppeal', { token: owner.token, params: { appealId: id } });
    expect(enterpriseView.body.allowedActions).toEqual(['rate']);
    expect(enterpriseView.body.officer.stationName).toBe('测试a派出所');
  });
});

describe('concurrency', () => {
  it('two officers acting on one case at once: exactly one wins, the other gets 409', async () => {
    const filed = await file();
    const v = filed.appeal.version;
    const replies = await Promise.all([act(officerToken, filed.appeal.id, { action: 'accept', version: v }), act(a.tokens.chief, filed.appeal.id, { action: 'accept', version: v })]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const detail = await call(appeals, 'getAppeal', { token: a.tokens.chief, params: { appealId: filed.appeal.id } });
    expect(detail.body.history.filter((h: { action: string }) => h.action === 'accept')).toHaveLength(1);
    expect(detail.body.appeal.version).toBe(v + 1);
  });
});

describe('routing', () => {
  it("goes to the chief's unassigned queue while the officer is on leave, and back after reassignment", async () => {
    const officer = (await organisationRepository.getOfficer(owner.officerId))!;
    await organisationRepository.setOfficerLeave(officer.id, officer.version, true);
    const filed = await file();
    await organisationRepository.setOfficerLeave(officer.id, officer.version + 1, false);
    expect(filed.appeal.officerId).toBeNull();
    expect(await queueIds('unassigned')).toContain(filed.appeal.id);
    const colleague = a.officers.find((o) => o.id !== owner.officerId)!;
    const moved = await act(a.tokens.chief, filed.appeal.id, { action: 'reassign', version: filed.appeal.version, targetOfficerId: colleague.id });
    expect(moved.status).toBe(200);
    expect(await queueIds('unassigned')).not.toContain(filed.appeal.id);
    const foreign = await act(a.tokens.chief, filed.appeal.id, { action: 'reassign', version: moved.body.appeal.version, targetOfficerId: 'bof1' });
    expect(foreign.status).toBe(400);
  });
});

describe('SLA sweep', () => {
  it('escalates an overdue case through its queue and tells the chief; leaves others alone', async () => {
    const principal = { role: 'enterprise' as const, userId: 'appeal-owner', enterpriseId: owner.enterpriseId, memberRole: 'owner' as const };
    const old = await fileAppeal(principal, { ...dispute, type: 'policy', category: 'exit-entry', grade: undefined } as never, new Date('2026-11-02T02:00:00Z'));
    const fresh = await file();
    const result = await runSlaSweep(new Date('2026-11-20T02:00:00Z'));
    expect(result.escalated).toBeGreaterThanOrEqual(1);
    const escalated = await queueIds('escalated');
    expect(escalated).toContain(old.appeal.id);
    expect(escalated).not.toContain(fresh.appeal.id);
    const again = await runSlaSweep(new Date('2026-11-20T02:00:00Z'));
    expect(again.escalated).toBe(0);
    await drainOutbox();
    const inbox = await call(notifications, 'listNotifications', { token: a.tokens.chief });
    expect(inbox.body.items.some((n: { link: { kind: string; id: string } | null; title: string }) => n.link?.kind === 'appeal' && n.link.id === old.appeal.id && n.title.includes('上报'))).toBe(true);
  });
});

describe('per-station SLA', () => {
  it("the centre shortens a station's policy-question deadline and new appeals follow it", async () => {
    const { handler: stations } = await import('../../../functions/handlers/stations');
    const current = await call(stations, 'getStationSla', { token: a.tokens.chief, params: { stationId: a.stationId } });
    expect(current.body.resolve.policy.normal).toEqual({ unit: 'working_days', amount: 2 });
    const byChief = await call(stations, 'setStationSla', { token: a.tokens.chief, params: { stationId: a.stationId }, body: current.body });
    expect(byChief.status).toBe(403);
    const bad = await call(stations, 'setStationSla', { token: a.tokens.centre, params: { stationId: a.stationId }, body: { ...current.body, autoCloseAfterDays: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('autoCloseAfterDays');
    const policy = { ...current.body, resolve: { ...current.body.resolve, policy: { normal: { unit: 'working_days', amount: 1 }, urgent: { unit: 'working_hours', amount: 2 } } } };
    expect((await call(stations, 'setStationSla', { token: a.tokens.centre, params: { stationId: a.stationId }, body: policy })).status).toBe(200);
    const principal = { role: 'enterprise' as const, userId: 'appeal-owner', enterpriseId: owner.enterpriseId, memberRole: 'owner' as const };
    // Monday 2026-11-23 10:00 Shanghai: one working day later is Tuesday's close of business.
    const filed = await fileAppeal(
      principal,
      { type: 'policy', category: 'household', urgency: 'normal', title: '居住证办理咨询', description: '员工办理居住证需要带哪些材料？' } as never,
      new Date('2026-11-23T02:00:00Z'),
    );
    expect(new Date(filed.appeal.resolveDueAt).toISOString()).toBe('2026-11-24T09:30:00.000Z');
  });
});

describe('SLA sweep after the chief reacts', () => {
  it('does not escalate a reassigned overdue case again for the same deadline', async () => {
    const principal = { role: 'enterprise' as const, userId: 'appeal-owner', enterpriseId: owner.enterpriseId, memberRole: 'owner' as const };
    const old = await fileAppeal(
      principal,
      { type: 'help', category: 'other', urgency: 'normal', title: '需要协助核实情况', description: '有陌生人多次到公司打听财务人员信息，请求协助。' } as never,
      new Date('2026-11-02T02:00:00Z'),
    );
    await runSlaSweep(new Date('2026-11-20T02:00:00Z'));
    const escalated = await call(appeals, 'getAppeal', { token: a.tokens.chief, params: { appealId: old.appeal.id } });
    expect(escalated.body.appeal.escalated).toBe(true);
    const colleague = a.officers.find((o) => o.id !== old.appeal.officerId)!;
    const moved = await act(a.tokens.chief, old.appeal.id, { action: 'reassign', version: escalated.body.appeal.version, targetOfficerId: colleague.id });
    expect(moved.body.appeal.escalated).toBe(false);
    const again = await runSlaSweep(new Date('2026-11-20T02:10:00Z'));
    const after = await call(appeals, 'getAppeal', { token: a.tokens.chief, params: { appealId: old.appeal.id } });
    expect(after.body.appeal.escalated).toBe(false);
    expect(after.body.history.filter((h: { action: string }) => h.action === 'escalate')).toHaveLength(1);
    expect(again.escalated).toBe(0);
  });
});
