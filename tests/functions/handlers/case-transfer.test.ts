/**
 * Issue 13: cases follow their enterprise. Reassigning an enterprise, or handing over all of a leaving
 * officer's enterprises, moves their open appeals and open rectification items to the new officer (with a
 * history entry and a notification each); the new officer can act on every one, the old one sees none.
 */
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as officers } from '../../../functions/handlers/officers';
import { actOnAppeal, fileAppeal, getAppeal } from '../../../functions/services/appeal-service';
import { appealRepository } from '../../../functions/repositories/appeal-repository';
import { enterpriseRepository } from '../../../functions/repositories/enterprise-repository';
import { fieldworkRepository } from '../../../functions/repositories/fieldwork-repository';
import { notificationRepository } from '../../../functions/repositories/notification-repository';
import type { Rectification } from '../../../shared/fieldwork/schemas';
import type { Principal } from '../../../shared/domain/principal';
import { call } from '../../support/http';
import { drainOutbox } from '../../support/outbox';
import { createTestTable } from '../../support/table';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';

let a: Side;
let serial = 8600;
const NOW = new Date('2026-11-16T02:00:00Z'); // Monday 10:00 Shanghai

beforeAll(async () => {
  await createTestTable('cases');
  ({ a } = await twoStations());
});

const help = { type: 'help', category: 'other', urgency: 'normal', title: '需要协助核实情况', description: '有陌生人多次到公司打听财务人员信息，请求协助。' } as never;
const officerPrincipal = (officerId: string): Principal => ({ role: 'officer', userId: `u-${officerId}`, officerId, stationId: a.stationId });

/** A registered enterprise, moved to `officerId` if the assignment gave it to someone else. */
async function enterpriseOf(officerId: string) {
  const mine = serial++;
  const g = await guest(`ct-${mine}`);
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, mine) });
  expect(reg.status).toBe(201);
  let e = reg.body.enterprise;
  if (e.officerId !== officerId) e = await enterpriseRepository.reassign(e, officerId, NOW.toISOString());
  const owner: Principal = { role: 'enterprise', userId: g.user.userId, enterpriseId: e.id, memberRole: 'owner' };
  return { enterprise: e, owner };
}

function rectificationFor(e: { id: string; name: string }, ownerOfficerId: string, n: number): Rectification {
  return {
    id: `RECT-CT-${n}`,
    enterpriseId: e.id,
    enterpriseName: e.name,
    stationId: a.stationId,
    ownerOfficerId,
    ownerName: '民警',
    source: { kind: 'visit', visitId: `V-CT-${n}`, followUp: 'rectification' },
    description: '消防通道堆放杂物，需清理',
    deadline: '2026-11-30',
    status: 'pending',
    openedDay: '2026-11-16',
    openedAt: NOW.toISOString(),
    closedDay: null,
    closedAt: null,
    closingNote: null,
    history: [{ at: NOW.toISOString(), by: ownerOfficerId, byName: '民警', action: 'open', note: null }],
    version: 1,
  };
}

describe('reassigning one enterprise', () => {
  it('moves its open appeal: the new officer can accept it, the old one no longer sees it', async () => {
    const [from, to] = [a.officers[0].id, a.officers[1].id];
    const { enterprise, owner } = await enterpriseOf(from);
    const filed = await fileAppeal(owner, help, NOW);
    expect(filed.appeal.officerId).toBe(from);
    const reply = await call(enterprises, 'reassignEnterprise', { token: a.tokens.chief, params: { enterpriseId: enterprise.id }, body: { officerId: to, version: enterprise.version } });
    expect(reply.status).toBe(200);
    const moved = (await appealRepository.get(filed.appeal.id))!;
    expect(moved.officerId).toBe(to);
    await expect(getAppeal(officerPrincipal(from), moved.id, NOW)).rejects.toThrow();
    const accepted = await actOnAppeal(officerPrincipal(to), moved.id, { action: 'accept', version: moved.version }, NOW);
    expect(accepted.appeal.status).toBe('accepted');
    expect(accepted.history).toContainEqual(expect.objectContaining({ action: 'reassign', targetOfficerId: to }));
  });
});

describe('hand-over of an officer with 40 enterprises and open cases', () => {
  it('moves every enterprise with its open appeals and rectification items; the new officer acts on each', async () => {
    const leaving = a.officers[2].id;
    const receiver = a.officers[0].id;
    const appealIds: string[] = [];
    const rectIds: string[] = [];
    const done: string[] = [];
    for (let i = 0; i < 40; i++) {
      const { enterprise, owner } = await enterpriseOf(leaving);
      const filed = await fileAppeal(owner, help, NOW);
      appealIds.push(filed.appeal.id);
      if (i % 4 === 0) {
        // Some already in progress, one waiting for the enterprise.
        const accepted = await actOnAppeal(officerPrincipal(leaving), filed.appeal.id, { action: 'accept', version: filed.appeal.version }, NOW);
        if (i === 8) await actOnAppeal(officerPrincipal(leaving), filed.appeal.id, { action: 'request_info', version: accepted.appeal.version, note: '请补充来访人员的照片' }, NOW);
      }
      if (i === 1) {
        // A closed case stays where it was: only open ones move.
        const accepted = await actOnAppeal(officerPrincipal(leaving), appealIds[i], { action: 'accept', version: filed.appeal.version }, NOW);
        await actOnAppeal(officerPrincipal(leaving), appealIds[i], { action: 'resolve', version: accepted.appeal.version, resolution: '已上门核实情况并告知防范要点。' }, NOW);
        done.push(appealIds.pop()!);
      }
      if (i % 8 === 0) {
        const r = rectificationFor(enterprise, leaving, i);
        await fieldworkRepository.openRectification(r);
        rectIds.push(r.id);
      }
    }
    const reply = await call(officers, 'handOverEnterprises', { token: a.tokens.chief, params: { officerId: leaving }, body: { toOfficerIds: [receiver] } });
    expect(reply.status).toBe(200);
    expect(reply.body.moved).toBeGreaterThanOrEqual(40);
    expect(reply.body.cases).toEqual({ appeals: appealIds.length, rectifications: rectIds.length });
    expect((await enterpriseRepository.listByOfficer(leaving, { limit: 10 })).items).toHaveLength(0);

    const newOfficer = officerPrincipal(receiver);
    for (const id of appealIds) {
      const appeal = (await appealRepository.get(id))!;
      expect(appeal.officerId).toBe(receiver);
      await expect(getAppeal(officerPrincipal(leaving), id, NOW)).rejects.toThrow();
      const view = await getAppeal(newOfficer, id, NOW);
      expect(view.history.at(-1)).toMatchObject({ action: 'reassign', targetOfficerId: receiver });
      expect(view.allowedActions.length).toBeGreaterThan(0);
      const next = appeal.status === 'submitted' ? 'accept' : appeal.status === 'accepted' ? 'start' : null;
      if (next) expect((await actOnAppeal(newOfficer, id, { action: next, version: appeal.version }, NOW)).appeal.officerId).toBe(receiver);
    }
    expect((await appealRepository.get(done[0]))!.officerId).toBe(leaving);
    for (const id of rectIds) {
      const r = (await fieldworkRepository.getRectification(id))!;
      expect(r.ownerOfficerId).toBe(receiver);
      expect(r.history.at(-1)!.action).toBe('reassign');
    }
    await drainOutbox();
    const inbox = await notificationRepository.list(`officer:${receiver}`, { limit: 100 });
    expect(inbox.items.filter((n: { link: { kind: string; id: string } | null }) => n.link && (appealIds.includes(n.link.id) || rectIds.includes(n.link.id))).length).toBe(appealIds.length + rectIds.length);
  }, 600_000); // 40 enterprises, ~60 cases moved one by one: well past the default 30 s on a loaded 2-core machine
});
