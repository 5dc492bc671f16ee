/**
 * 投诉民警: complaints about police go around the accused. For each rule, as the accused would try it:
 * routing (chief, or the centre when the chief is accused), 404 by id on the complaint, its messages and
 * actions, absence from every list route the accused may call (walked from the registry), no notification,
 * no statistics or digest change when the chief is accused, anonymity in what is derived from it, the
 * complaint SLA, rating, and the centre's 督察 view with counts per station.
 */
import { COMPLAINT_SLA } from '../../../shared/appeals/complaints';
import { handler as appeals } from '../../../functions/handlers/appeals';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as fieldwork } from '../../../functions/handlers/fieldwork';
import { handler as notifications } from '../../../functions/handlers/notifications';
import { handler as reports } from '../../../functions/handlers/reports';
import { issueAccessToken } from '../../../functions/lib/tokens';
import { organisationRepository } from '../../../functions/repositories/organisation-repository';
import { buildDigest } from '../../../functions/services/digest-service';
import { call } from '../../support/http';
import { everyListAs, MONTH } from './walk';
import { createTestTable } from '../../support/table';
import { drainOutbox } from '../../support/outbox';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';

const NOW = new Date();

let a: Side;
let owner: { token: string; enterpriseId: string; officerId: string };
let subjectToken: string;

const conduct = {
  type: 'suggestion',
  category: 'police-conduct',
  urgency: 'normal',
  title: '联络官上门时态度恶劣',
  description: '本周三联络官上门检查时态度恶劣，还暗示要企业请客吃饭，希望所里调查处理。',
};

async function file(body: Record<string, unknown>) {
  const reply = await call(appeals, 'createAppeal', { token: owner.token, body });
  if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
  return reply.body;
}

beforeAll(async () => {
  await createTestTable('complaints');
  ({ a } = await twoStations());
  const g = await guest('complaint-owner');
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 8101) });
  owner = { token: reg.body.session.accessToken, enterpriseId: reg.body.enterprise.id, officerId: reg.body.enterprise.officerId };
  subjectToken = await issueAccessToken({ role: 'officer', userId: `u-${owner.officerId}`, officerId: owner.officerId, stationId: a.stationId });
}, 60_000);

describe('a complaint about the liaison officer', () => {
  let complaint: { id: string };

  beforeAll(async () => {
    complaint = (await file({ ...conduct, anonymous: true })).appeal;
  });

  it('goes to the station chief, never to the accused, on the complaint SLA', async () => {
    const view = await call(appeals, 'getAppeal', { token: a.tokens.chief, params: { appealId: complaint.id } });
    expect(view.status).toBe(200);
    expect(view.body.appeal.officerId).toBe(a.chief.id);
    expect(view.body.appeal.complaint).toEqual({ subjectOfficerId: owner.officerId, handler: 'chief', anonymous: true });
    expect(view.body.allowedActions).toContain('accept');
    const inbox = await call(appeals, 'officerInbox', { token: a.tokens.chief, params: { officerId: a.chief.id } });
    expect(inbox.body.items.map((x: { id: string }) => x.id)).toContain(complaint.id);
    // 10 working days: at least 12 calendar days later.
    expect(COMPLAINT_SLA.resolve.amount).toBe(10);
    expect(Date.parse(view.body.appeal.resolveDueAt) - Date.parse(view.body.appeal.createdAt)).toBeGreaterThan(11 * 86_400_000);
  });

  it('answers 404 to the accused by id, for its messages and for any action', async () => {
    const params = { appealId: complaint.id };
    expect((await call(appeals, 'getAppeal', { token: subjectToken, params })).status).toBe(404);
    expect((await call(appeals, 'listAppealMessages', { token: subjectToken, params })).status).toBe(404);
    expect((await call(appeals, 'postAppealMessage', { token: subjectToken, params, body: { text: '我想解释一下' } })).status).toBe(404);
    expect((await call(appeals, 'actOnAppeal', { token: subjectToken, params, body: { action: 'accept', version: 1 } })).status).toBe(404);
  });

  it('is absent from every list the accused can call, and from their notifications', async () => {
    const pages = await everyListAs('officer', subjectToken, { officerId: owner.officerId, enterpriseId: owner.enterpriseId, stationId: a.stationId, appealId: complaint.id });
    expect(pages.find((p) => p.route === 'getEnterpriseFile')?.status).toBe(200);
    expect(pages.find((p) => p.route === 'listEnterpriseAppeals')?.status).toBe(200);
    for (const p of pages) {
      expect({ route: p.route, leaks: p.text.includes(complaint.id) || p.text.includes(conduct.title) }).toEqual({ route: p.route, leaks: false });
    }
  });

  it('is handled by the chief, messages reach the chief, and it is rated like any appeal', async () => {
    const id = complaint.id;
    let v = (await call(appeals, 'actOnAppeal', { token: a.tokens.chief, params: { appealId: id }, body: { action: 'accept', version: 1 } })).body;
    expect(v.appeal.status).toBe('accepted');
    expect((await call(appeals, 'postAppealMessage', { token: owner.token, params: { appealId: id }, body: { text: '补充：当天下午三点左右' } })).status).toBe(201);
    await drainOutbox(); // notifications are outbox items, delivered by the notifier
    const chiefBox = await call(notifications, 'listNotifications', { token: a.tokens.chief });
    expect(JSON.stringify(chiefBox.body)).toContain(conduct.title);
    v = (await call(appeals, 'actOnAppeal', { token: a.tokens.chief, params: { appealId: id }, body: { action: 'start', version: v.appeal.version } })).body;
    const refused = await call(appeals, 'actOnAppeal', { token: a.tokens.chief, params: { appealId: id }, body: { action: 'reassign', version: v.appeal.version, targetOfficerId: owner.officerId } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('被投诉');
    v = (await call(appeals, 'actOnAppeal', { token: a.tokens.chief, params: { appealId: id }, body: { action: 'resolve', version: v.appeal.version, resolution: '经调查核实，已对该民警批评教育并责令整改。' } })).body;
    const rated = await call(appeals, 'actOnAppeal', { token: owner.token, params: { appealId: id }, body: { action: 'rate', version: v.appeal.version, rating: 2, comment: '处理结果不够公开透明，希望说明处理依据' } });
    expect(rated.status).toBe(200);
    expect(rated.body.appeal.rating).toBe(2);
    // Still nowhere for the accused once resolved and rated.
    const pages = await everyListAs('officer', subjectToken, { officerId: owner.officerId, enterpriseId: owner.enterpriseId, stationId: a.stationId, appealId: id });
    for (const p of pages) expect({ route: p.route, leaks: p.text.includes(id) }).toEqual({ route: p.route, leaks: false });
    await drainOutbox(); // notifications are outbox items, delivered by the notifier
    const box = await call(notifications, 'listNotifications', { token: subjectToken });
    expect(JSON.stringify(box.body)).not.toContain(conduct.title);
  });

  it('anonymous: nothing derived from it reaches the accused (no ledger item in the enterprise file)', async () => {
    const ledger = await call(fieldwork, 'createRectification', {
      token: a.tokens.chief,
      body: { source: { kind: 'rating', appealId: complaint.id }, description: '对被投诉民警开展作风整改', deadline: MONTH.to, ownerOfficerId: owner.officerId },
    });
    expect(ledger.status).toBe(409);
    const file = await call(enterprises, 'getEnterpriseFile', { token: subjectToken, params: { enterpriseId: owner.enterpriseId } });
    expect(JSON.stringify(file.body)).not.toContain(complaint.id);
  });

  it('匿名 is refused on an appeal that is not a complaint', async () => {
    const bad = await call(appeals, 'createAppeal', { token: owner.token, body: { ...conduct, category: 'service-process', anonymous: true } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('匿名');
  });
});

describe('any appeal marked 投诉民警 about another officer', () => {
  it("is a complaint too, and the liaison officer (not its handler) does not see it in the enterprise's lists", async () => {
    const other = a.officers.find((o) => o.id !== owner.officerId)!;
    const body = { type: 'help', category: 'other', urgency: 'normal', title: '民警办证时推诿扯皮', description: '户籍窗口民警多次推诿，要求我们反复提交同样的材料。', aboutPolice: true, subjectOfficerId: other.id };
    const c = (await file(body)).appeal;
    expect(c.complaint).toEqual({ subjectOfficerId: other.id, handler: 'chief', anonymous: false });
    const otherToken = await issueAccessToken({ role: 'officer', userId: `u-${other.id}`, officerId: other.id, stationId: a.stationId });
    expect((await call(appeals, 'getAppeal', { token: otherToken, params: { appealId: c.id } })).status).toBe(404);
    const list = await call(appeals, 'listEnterpriseAppeals', { token: subjectToken, params: { enterpriseId: owner.enterpriseId } });
    expect(JSON.stringify(list.body)).not.toContain(c.id);
    const own = await call(appeals, 'listEnterpriseAppeals', { token: owner.token, params: { enterpriseId: owner.enterpriseId } });
    expect(JSON.stringify(own.body)).toContain(c.id);
  });

  it('naming an officer of another station is refused', async () => {
    const reply = await call(appeals, 'createAppeal', { token: owner.token, body: { ...conduct, subjectOfficerId: 'bof1' } });
    expect(reply.status).toBe(400);
  });
});

describe('a complaint about the station chief', () => {
  let complaint: { id: string };
  let before: { stats: string; summary: string; digest: string[] };

  const chiefView = async () => {
    const station = await organisationRepository.requireStation(a.stationId);
    const [stats, summary, digest] = await Promise.all([
      call(reports, 'stationStats', { token: a.tokens.chief, params: { stationId: a.stationId }, query: MONTH }),
      call(appeals, 'stationQueueSummary', { token: a.tokens.chief, params: { stationId: a.stationId } }),
      buildDigest(station, NOW),
    ]);
    return { stats: JSON.stringify(stats.body), summary: JSON.stringify(summary.body.counts), digest: digest.lines };
  };

  beforeAll(async () => {
    before = await chiefView();
    complaint = (await file({ ...conduct, title: '所长对企业反映的问题置之不理', subjectOfficerId: a.chief.id })).appeal;
  });

  it('goes to the centre, and the chief gets 404 and finds it in no list, statistics or digest line', async () => {
    const centre = await call(appeals, 'getAppeal', { token: a.tokens.centre, params: { appealId: complaint.id } });
    expect(centre.body.appeal.complaint.handler).toBe('centre');
    expect(centre.body.appeal.officerId).toBeNull();
    expect((await call(appeals, 'getAppeal', { token: a.tokens.chief, params: { appealId: complaint.id } })).status).toBe(404);
    const pages = await everyListAs('chief', a.tokens.chief, { officerId: a.chief.id, enterpriseId: owner.enterpriseId, stationId: a.stationId, appealId: complaint.id });
    for (const p of pages) expect({ route: p.route, leaks: p.text.includes(complaint.id) }).toEqual({ route: p.route, leaks: false });
    expect(await chiefView()).toEqual(before);
    await drainOutbox(); // notifications are outbox items, delivered by the notifier
    const box = await call(notifications, 'listNotifications', { token: a.tokens.chief });
    expect(JSON.stringify(box.body)).not.toContain('所长对企业反映的问题置之不理');
  });

  it('the centre handles it: accepts, talks with the enterprise, resolves', async () => {
    let v = await call(appeals, 'getAppeal', { token: a.tokens.centre, params: { appealId: complaint.id } });
    expect(v.body.allowedActions).toEqual(expect.arrayContaining(['accept', 'reassign']));
    expect(v.body.canMessage).toBe(true);
    v = await call(appeals, 'actOnAppeal', { token: a.tokens.centre, params: { appealId: complaint.id }, body: { action: 'accept', version: 1 } });
    expect(v.status).toBe(200);
    expect((await call(appeals, 'postAppealMessage', { token: a.tokens.centre, params: { appealId: complaint.id }, body: { text: '督察已受理，将在10个工作日内反馈' } })).status).toBe(201);
    expect((await call(appeals, 'postAppealMessage', { token: owner.token, params: { appealId: complaint.id }, body: { text: '谢谢，等待答复' } })).status).toBe(201);
    v = await call(appeals, 'actOnAppeal', { token: a.tokens.centre, params: { appealId: complaint.id }, body: { action: 'start', version: v.body.appeal.version } });
    v = await call(appeals, 'actOnAppeal', { token: a.tokens.centre, params: { appealId: complaint.id }, body: { action: 'resolve', version: v.body.appeal.version, resolution: '督察核实后已约谈所长，责令限期改进。' } });
    expect(v.body.appeal.status).toBe('resolved');
    expect(await chiefView()).toEqual(before);
  });

  it("the centre's 督察 view lists every complaint, with counts per station", async () => {
    const all = await call(appeals, 'centreComplaints', { token: a.tokens.centre });
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBe(3);
    expect(all.body.items.every((x: { complaint?: unknown }) => x.complaint)).toBe(true);
    const counts = await call(appeals, 'centreComplaintCounts', { token: a.tokens.centre });
    expect(counts.body.stations.find((s: { stationId: string }) => s.stationId === a.stationId)).toMatchObject({ total: 3, open: 1 });
    expect(counts.body.stations.find((s: { stationId: string }) => s.stationId !== a.stationId)).toMatchObject({ total: 0, open: 0 });
    const open = await call(appeals, 'centreComplaints', { token: a.tokens.centre, query: { stationId: a.stationId, open: 'true' } });
    expect(open.body.items).toHaveLength(1);
    expect((await call(appeals, 'centreComplaints', { token: a.tokens.chief })).status).toBe(403);
  });
});
