/**
 * 走访、整改台账、一企一策 on DynamoDB Local: a visit that finds a problem opens a rectification item in the
 * same request; the last-visit state and the due lists follow (also with two visits logged at once and a
 * station's own interval); ledger transitions refuse stale versions; the enterprise file lists each
 * section newest first; enterprises never see the police notes.
 */
import { handler as fieldwork } from '../../../functions/handlers/fieldwork';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as appeals } from '../../../functions/handlers/appeals';
import { issueAccessToken } from '../../../functions/lib/tokens';
import {
  backfillStationContacts,
  listStationRectifications,
  listStationRectificationsOpenedOn,
  listStationVisits,
  logVisit,
  stationRectificationsDue,
  stationVisitsDue,
} from '../../../functions/services/fieldwork-service';
import { DeleteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../../../functions/lib/dynamo';
import { contactReassignUpdate, fieldworkRepository } from '../../../functions/repositories/fieldwork-repository';
import type { Principal } from '../../../shared/domain/principal';
import { addDays, shanghaiDay } from '../../../shared/fieldwork/rules';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';

type Ent = { id: string; officerId: string; ownerToken: string; officer: Principal; officerToken: string };

let a: Side;
let serial = 7100;
const today = shanghaiDay(new Date());

async function enterprise(): Promise<Ent> {
  const n = serial++;
  const g = await guest(`field-owner-${n}`);
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, n) });
  expect(reg.status).toBe(201);
  const officerId = reg.body.enterprise.officerId as string;
  const officer: Principal = { role: 'officer', userId: `u-${officerId}`, officerId, stationId: a.stationId };
  return { id: reg.body.enterprise.id, officerId, ownerToken: reg.body.session.accessToken, officer, officerToken: await issueAccessToken(officer) };
}

const visitBody = (enterpriseId: string, extra: Record<string, unknown> = {}) => ({
  enterpriseId,
  day: today,
  metWith: '企业负责人张经理',
  content: '走访了解企业经营与治安防范情况，宣传反诈知识。',
  problems: [],
  ...extra,
});

beforeAll(async () => {
  await createTestTable('fieldwork');
  ({ a } = await twoStations());
});

describe('a visit that finds a problem', () => {
  it('opens the rectification item in the same request, and the ledger and digest feeds list it', async () => {
    const e = await enterprise();
    const reply = await call(fieldwork, 'createVisit', {
      token: e.officerToken,
      body: visitBody(e.id, {
        problems: [
          { description: '仓库消防通道堆放杂物', followUp: 'rectification', deadline: addDays(today, 10) },
          { description: '二楼安全出口门锁损坏', followUp: 'rectification', deadline: addDays(today, 20) },
          { description: '监控探头角度偏移，已当场调整', followUp: 'none' },
        ],
      }),
    });
    expect(reply.status).toBe(201);
    const { visit, rectifications } = reply.body;
    expect(rectifications).toHaveLength(2);
    expect(visit.problems.map((p: { rectificationId: string | null }) => p.rectificationId)).toEqual([rectifications[0].id, rectifications[1].id, null]);
    expect(rectifications[0]).toMatchObject({ status: 'pending', ownerOfficerId: e.officerId, source: { kind: 'visit', visitId: visit.id } });

    const ledger = await call(fieldwork, 'stationRectifications', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { status: 'pending' } });
    expect(ledger.body.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([rectifications[0].id, rectifications[1].id]));
    const own = await call(fieldwork, 'officerRectifications', { token: e.officerToken, params: { officerId: e.officerId } });
    expect(own.body.items.map((r: { id: string }) => r.id)).toContain(rectifications[0].id);

    const opened = await listStationRectificationsOpenedOn(a.stationId, today);
    expect(opened.map((r) => r.id)).toEqual(expect.arrayContaining([rectifications[0].id, rectifications[1].id]));
    const inPeriod = await listStationRectifications(a.stationId, addDays(today, -30), today);
    expect(inPeriod.map((r) => r.id)).toContain(rectifications[0].id);
    const due = await stationRectificationsDue(a.stationId, addDays(today, 10));
    expect(due.items.map((r) => r.id)).toContain(rectifications[0].id);
    expect(due.items.map((r) => r.id)).not.toContain(rectifications[1].id);
    expect((await listStationVisits(a.stationId, today, today)).map((v) => v.id)).toContain(visit.id);
  });

  it("files 20 problems as appeals (the schema's maximum) without exceeding the transaction limit: 201", async () => {
    const e = await enterprise();
    const problems = Array.from({ length: 20 }, (_, i) => ({ description: `走访发现的第${i + 1}个问题：周边道路夜间照明不足`, followUp: 'appeal', appealType: 'help' }));
    const reply = await call(fieldwork, 'createVisit', { token: e.officerToken, body: visitBody(e.id, { problems }) });
    expect(reply.status).toBe(201);
    const ids = reply.body.visit.problems.map((p: { appealId: string }) => p.appealId);
    expect(new Set(ids).size).toBe(20);
    const mine = await call(appeals, 'listEnterpriseAppeals', { token: e.ownerToken, params: { enterpriseId: e.id }, query: { limit: '50' } });
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(ids));
  });

  it('files a problem as an appeal for the enterprise (转诉求): routed to its officer, visible to the enterprise, rated by it', async () => {
    const e = await enterprise();
    const reply = await call(fieldwork, 'createVisit', {
      token: e.officerToken,
      body: visitBody(e.id, { problems: [{ description: '员工反映周边道路夜间照明不足，下班途中存在安全隐患', followUp: 'appeal', appealType: 'help' }] }),
    });
    expect(reply.status).toBe(201);
    expect(reply.body.rectifications).toHaveLength(0);
    const appealId = reply.body.visit.problems[0].appealId as string;
    expect(appealId).toBeTruthy();

    // The enterprise sees it among its appeals, with the visit as its context and the filer in the history.
    const mine = await call(appeals, 'listEnterpriseAppeals', { token: e.ownerToken, params: { enterpriseId: e.id } });
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(appealId);
    const view = await call(appeals, 'getAppeal', { token: e.ownerToken, params: { appealId } });
    expect(view.body.appeal).toMatchObject({ type: 'help', status: 'submitted', officerId: e.officerId, enterpriseId: e.id });
    expect(view.body.appeal.description).toContain('走访');
    expect(view.body.history[0]).toMatchObject({ actorRole: 'officer', action: 'submit' });
    expect(view.body.history[0].actorName).toContain('走访代企业上报');

    // And the officer works it like any other: it is in the inbox and can be accepted.
    const inbox = await call(appeals, 'officerInbox', { token: e.officerToken, params: { officerId: e.officerId } });
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(appealId);
    const accepted = await call(appeals, 'actOnAppeal', { token: e.officerToken, params: { appealId }, body: { action: 'accept', version: view.body.appeal.version } });
    expect(accepted.status).toBe(200);
  });

  it('needs a deadline for a problem turned into a rectification, and refuses a day in the future', async () => {
    const e = await enterprise();
    const noDeadline = await call(fieldwork, 'createVisit', { token: e.officerToken, body: visitBody(e.id, { problems: [{ description: '灭火器过期', followUp: 'rectification' }] }) });
    expect(noDeadline.status).toBe(400);
    expect(noDeadline.body.error.issues[0].field).toBe('problems.0.deadline');
    const future = await call(fieldwork, 'createVisit', { token: e.officerToken, body: visitBody(e.id, { day: addDays(today, 2) }) });
    expect(future.status).toBe(400);
  });

  it("is logged only by the enterprise's own officer or the chief; the enterprise does not see visits", async () => {
    const e = await enterprise();
    const other = a.officers.find((o) => o.id !== e.officerId)!;
    const stranger = await issueAccessToken({ role: 'officer', userId: `u-${other.id}`, officerId: other.id, stationId: a.stationId });
    expect((await call(fieldwork, 'createVisit', { token: stranger, body: visitBody(e.id) })).status).toBe(404);
    const byChief = await call(fieldwork, 'createVisit', { token: a.tokens.chief, body: visitBody(e.id) });
    expect(byChief.status).toBe(201);
    expect((await call(fieldwork, 'getVisit', { token: e.ownerToken, params: { visitId: byChief.body.visit.id } })).status).toBe(403);
    expect((await call(fieldwork, 'listEnterpriseVisits', { token: e.ownerToken, params: { enterpriseId: e.id } })).status).toBe(403);
    expect((await call(fieldwork, 'getVisit', { token: e.officerToken, params: { visitId: byChief.body.visit.id } })).status).toBe(200);
  });
});

describe('last visit and the due lists', () => {
  it('lists never-visited enterprises as due, drops them once visited, and keeps the latest of two concurrent visits', async () => {
    const e = await enterprise();
    await backfillStationContacts(a.stationId);
    // Registered today: due after the 30-day interval.
    const later = addDays(today, 31);
    const dueLater = await stationVisitsDue(a.stationId, later);
    expect(dueLater.items.map((i) => i.enterpriseId)).toContain(e.id);
    expect(dueLater.count).toBeGreaterThanOrEqual(dueLater.items.length);
    expect((await stationVisitsDue(a.stationId, today)).items.map((i) => i.enterpriseId)).not.toContain(e.id);

    const earlier = addDays(today, -3);
    const [first, second] = await Promise.all([
      call(fieldwork, 'createVisit', { token: e.officerToken, body: visitBody(e.id, { day: today }) }),
      call(fieldwork, 'createVisit', { token: e.officerToken, body: visitBody(e.id, { day: earlier }) }),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    const contact = await fieldworkRepository.getContact(e.id);
    expect(contact).toMatchObject({ lastVisitDay: today, lastVisitId: first.body.visit.id, baselineDay: today });

    const all = await call(fieldwork, 'officerVisitsDue', { token: e.officerToken, params: { officerId: e.officerId }, query: { view: 'all', limit: '100' } });
    expect(all.status).toBe(200);
    expect(all.body.items.find((i: { enterpriseId: string }) => i.enterpriseId === e.id)).toMatchObject({ lastVisitDay: today, dueDay: addDays(today, 30), overdue: false });
    const visits = await call(fieldwork, 'listEnterpriseVisits', { token: e.officerToken, params: { enterpriseId: e.id } });
    expect(visits.body.items.map((v: { day: string }) => v.day)).toEqual([today, earlier]);
  });

  it('never loses the latest visit day, whatever order five concurrent visits commit in', async () => {
    const e = await enterprise();
    const days = [3, 0, 4, 1, 2].map((n) => addDays(today, -n));
    const replies = await Promise.all(days.map((day) => logVisit(e.officer, visitBody(e.id, { day }) as never, new Date())));
    const latest = replies.find((r) => r.visit.day === today)!;
    expect(await fieldworkRepository.getContact(e.id)).toMatchObject({ lastVisitDay: today, lastVisitId: latest.visit.id });
    const visits = await call(fieldwork, 'listEnterpriseVisits', { token: e.officerToken, params: { enterpriseId: e.id } });
    expect(visits.body.items).toHaveLength(5);
  });

  it("follows the station's own interval (走访周期)", async () => {
    const e = await enterprise();
    await call(fieldwork, 'createVisit', { token: e.officerToken, body: visitBody(e.id, { day: addDays(today, -20) }) });
    const dueNow = async () =>
      (await call(fieldwork, 'officerVisitsDue', { token: e.officerToken, params: { officerId: e.officerId }, query: { limit: '100' } })).body.items.map((i: { enterpriseId: string }) => i.enterpriseId);
    expect(await dueNow()).not.toContain(e.id);
    const policy = await call(fieldwork, 'getVisitPolicy', { token: a.tokens.chief, params: { stationId: a.stationId } });
    expect(policy.body).toMatchObject({ intervalDays: 30 });
    const put = await call(fieldwork, 'putVisitPolicy', { token: a.tokens.chief, params: { stationId: a.stationId }, body: { intervalDays: 15, version: policy.body.version } });
    expect(put.status).toBe(200);
    expect(await dueNow()).toContain(e.id);
    const stale = await call(fieldwork, 'putVisitPolicy', { token: a.tokens.chief, params: { stationId: a.stationId }, body: { intervalDays: 20, version: policy.body.version } });
    expect(stale.status).toBe(409);
    const item = (await call(fieldwork, 'stationVisitsDue', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { limit: '100' } })).body.items.find(
      (i: { enterpriseId: string }) => i.enterpriseId === e.id,
    );
    expect(item).toMatchObject({ dueDay: addDays(today, -5), overdue: true });
    await call(fieldwork, 'putVisitPolicy', { token: a.tokens.chief, params: { stationId: a.stationId }, body: { intervalDays: 30, version: put.body.version } });
  });
});

describe('registration and reassignment keep the due lists', () => {
  it("a newly registered enterprise is on its officer's list, due for a first visit from its registration day", async () => {
    const e = await enterprise();
    expect(await fieldworkRepository.getContact(e.id)).toMatchObject({ officerId: e.officerId, stationId: a.stationId, lastVisitDay: null, baselineDay: today });
    const due = await stationVisitsDue(a.stationId, addDays(today, 30));
    expect(due.items.map((i) => i.enterpriseId)).toContain(e.id);
  });

  it("reassigning moves the enterprise to the new officer's due list, keeping its last visit", async () => {
    const e = await enterprise();
    await logVisit(e.officer, visitBody(e.id, { day: addDays(today, -40) }) as never, new Date());
    const to = a.officers.find((o) => o.id !== e.officerId)!;
    const record = (await call(enterprises, 'getEnterprise', { token: a.tokens.chief, params: { enterpriseId: e.id } })).body;
    const moved = await call(enterprises, 'reassignEnterprise', { token: a.tokens.chief, params: { enterpriseId: e.id }, body: { officerId: to.id, version: record.version } });
    expect(moved.status).toBe(200);
    const dueOf = async (officerId: string) => (await fieldworkRepository.listOfficerContacts(officerId, undefined, { limit: 100 })).items.map((c) => c.enterpriseId);
    expect(await dueOf(to.id)).toContain(e.id);
    expect(await dueOf(e.officerId)).not.toContain(e.id);
    expect(await fieldworkRepository.getContact(e.id)).toMatchObject({ officerId: to.id, lastVisitDay: addDays(today, -40) });
  });

  it('the reassignment update creates a complete contact item for an enterprise that had none (data from before field work)', async () => {
    const e = await enterprise();
    const record = (await call(enterprises, 'getEnterprise', { token: a.tokens.chief, params: { enterpriseId: e.id } })).body;
    await db().send(new DeleteCommand({ TableName: table(), Key: { pk: `ENT#${e.id}`, sk: 'CONTACT' } }));
    await db().send(new TransactWriteCommand({ TransactItems: [contactReassignUpdate(record, e.officerId)] }));
    const registeredDay = shanghaiDay(new Date(record.createdAt));
    expect(await fieldworkRepository.getContact(e.id)).toMatchObject({ enterpriseName: record.name, stationId: a.stationId, lastVisitDay: null, baselineDay: registeredDay });
  });
});

describe('the rectification ledger', () => {
  async function openItem() {
    const e = await enterprise();
    const reply = await call(fieldwork, 'createVisit', {
      token: e.officerToken,
      body: visitBody(e.id, { problems: [{ description: '安全出口指示灯损坏', followUp: 'rectification', deadline: today }] }),
    });
    return { e, item: reply.body.rectifications[0] };
  }

  it('runs 待整改 → 整改中 → 已整改 with a closing note, and a stale version gets 409', async () => {
    const { e, item } = await openItem();
    const act = (body: Record<string, unknown>, token = e.officerToken) => call(fieldwork, 'actOnRectification', { token, params: { rectificationId: item.id }, body });
    const [x, y] = await Promise.all([act({ action: 'start', version: 1 }), act({ action: 'start', version: 1 })]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    expect((await act({ action: 'complete', version: 2 })).status).toBe(400);
    expect((await act({ action: 'cancel', note: '企业已搬离辖区', version: 2 })).status).toBe(403);
    const done = await act({ action: 'complete', note: '已更换指示灯并复查', version: 2 });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', closingNote: '已更换指示灯并复查', closedDay: today, overdue: false });
    expect((await act({ action: 'start', version: 3 })).status).toBe(409);
    const ledger = await call(fieldwork, 'stationRectifications', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { status: 'done' } });
    expect(ledger.body.items.map((r: { id: string }) => r.id)).toContain(item.id);
  });

  it('marks open items past their deadline as overdue; the chief can close one as 已销号', async () => {
    const { item } = await openItem();
    const later = await call(fieldwork, 'getRectification', { token: a.tokens.chief, params: { rectificationId: item.id } });
    expect(later.body.overdue).toBe(false);
    const due = await stationRectificationsDue(a.stationId, addDays(today, 1));
    expect(due.items.map((r) => r.id)).toContain(item.id);
    const cancelled = await call(fieldwork, 'actOnRectification', { token: a.tokens.chief, params: { rectificationId: item.id }, body: { action: 'cancel', note: '企业已注销，予以销号', version: 1 } });
    expect(cancelled.body.status).toBe('cancelled');
  });

  it('opens an item from a bad rating, and only from one', async () => {
    const e = await enterprise();
    const filed = await call(appeals, 'createAppeal', { token: e.ownerToken, body: { type: 'help', category: 'other', urgency: 'normal', title: '门口道路积水', description: '公司门口道路积水严重，影响员工通行。' } });
    const id = filed.body.appeal.id;
    const body = { source: { kind: 'rating', appealId: id }, description: '对积水处置不满意，需整改', deadline: addDays(today, 7) };
    expect((await call(fieldwork, 'createRectification', { token: e.officerToken, body })).status).toBe(409);
    let version = filed.body.appeal.version;
    for (const step of [{ action: 'accept' }, { action: 'resolve', resolution: '已协调市政部门疏通排水管道。' }]) {
      const r = await call(appeals, 'actOnAppeal', { token: e.officerToken, params: { appealId: id }, body: { ...step, version } });
      expect(r.status).toBe(200);
      version = r.body.appeal.version;
    }
    const rated = await call(appeals, 'actOnAppeal', { token: e.ownerToken, params: { appealId: id }, body: { action: 'rate', rating: 1, comment: '积水问题没有根本解决', version } });
    expect(rated.status).toBe(200);
    const opened = await call(fieldwork, 'createRectification', { token: a.tokens.chief, body });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ source: { kind: 'rating', appealId: id }, ownerOfficerId: e.officerId, status: 'pending' });
    const again = await call(fieldwork, 'createRectification', { token: e.officerToken, body });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('RECTIFICATION_EXISTS');
  });
});

describe('一企一策 and the enterprise file', () => {
  it('keeps the plan version-conditional; the enterprise reads it but cannot edit it', async () => {
    const e = await enterprise();
    const empty = await call(fieldwork, 'getServicePlan', { token: e.ownerToken, params: { enterpriseId: e.id } });
    expect(empty.body).toMatchObject({ text: '', targets: [], version: 0 });
    const body = { text: '重点帮助企业完善内部安全管理制度。', targets: [{ title: '完成消防安全培训', due: addDays(today, 30), done: false }], version: 0 };
    const put = await call(fieldwork, 'putServicePlan', { token: e.officerToken, params: { enterpriseId: e.id }, body });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(1);
    expect((await call(fieldwork, 'putServicePlan', { token: a.tokens.chief, params: { enterpriseId: e.id }, body })).status).toBe(409);
    expect((await call(fieldwork, 'putServicePlan', { token: e.ownerToken, params: { enterpriseId: e.id }, body: { ...body, version: 1 } })).status).toBe(403);
    expect((await call(fieldwork, 'getServicePlan', { token: e.ownerToken, params: { enterpriseId: e.id } })).body.targets[0].title).toBe('完成消防安全培训');
  });

  it('shows every section newest first; visits and the ledger only to the police', async () => {
    const e = await enterprise();
    const days = [addDays(today, -9), addDays(today, -2), addDays(today, -5)];
    for (const day of days) {
      await logVisit(e.officer, visitBody(e.id, { day, problems: [{ description: `问题${day}`, followUp: 'rectification', deadline: today }] }) as never, new Date());
    }
    for (const title of ['第一条诉求标题', '第二条诉求标题']) {
      await call(appeals, 'createAppeal', { token: e.ownerToken, body: { type: 'help', category: 'other', urgency: 'normal', title, description: '用于一企一档排序测试的诉求内容。' } });
    }
    const file = await call(enterprises, 'getEnterpriseFile', { token: e.officerToken, params: { enterpriseId: e.id } });
    expect(file.status).toBe(200);
    const s = file.body.sections;
    expect(Object.keys(s)).toEqual(['plan', 'visits', 'appeals', 'bookings', 'rectifications']);
    expect(s.visits.items.map((v: { day: string }) => v.day)).toEqual([...days].sort().reverse());
    expect(s.appeals.items.map((x: { title: string }) => x.title)).toEqual(['第二条诉求标题', '第一条诉求标题']);
    const opened = s.rectifications.items.map((r: { openedAt: string; id: string }) => r.id);
    expect(opened).toEqual([...opened].sort().reverse());
    expect(opened).toHaveLength(3);
    const own = await call(enterprises, 'getEnterpriseFile', { token: e.ownerToken, params: { enterpriseId: e.id } });
    expect(own.body.sections.visits).toBeNull();
    expect(own.body.sections.rectifications).toBeNull();
    expect(own.body.sections.appeals.items).toHaveLength(2);

    // The enterprise's home asks for the profile only: no section is read.
    const profile = await call(enterprises, 'getEnterpriseFile', { token: e.ownerToken, params: { enterpriseId: e.id }, query: { sections: 'none' } });
    expect(profile.status).toBe(200);
    expect(profile.body.sections).toEqual({});
    expect(profile.body.officer.id).toBe(e.officerId);
    const bad = await call(enterprises, 'getEnterpriseFile', { token: e.ownerToken, params: { enterpriseId: e.id }, query: { sections: 'some' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe('sections');
  });
});

describe('the demo seed', () => {
  it('gives every enterprise a contact state, so the due lists are complete', async () => {
    const { seedFieldwork } = await import('../../../scripts/seed/fieldwork');
    const e = await enterprise();
    const written = await seedFieldwork(new Date());
    expect(written).toBeGreaterThan(0);
    expect(await fieldworkRepository.getContact(e.id)).toMatchObject({ enterpriseId: e.id, officerId: e.officerId });
    const all = await call(fieldwork, 'stationVisitsDue', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { view: 'all', limit: '100' } });
    expect(all.body.items.map((i: { enterpriseId: string }) => i.enterpriseId)).toContain(e.id);
  });
});
