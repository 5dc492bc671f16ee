/**
 * 通知公告 on DynamoDB Local: audience targeting (property-style: every enterprise's feed is exactly the set
 * of bulletins addressed to it, across stations and industries), read receipts (once, counted, concurrent),
 * withdrawal, scheduled publication, the daily reminder, resumable delivery, and the HTTP round trip.
 */
import fc from 'fast-check';
import { handler as bulletins } from '../../../functions/handlers/bulletins';
import { collectAll } from '../../../functions/lib/dynamo';
import { bulletinRepository } from '../../../functions/repositories/bulletin-repository';
import { enterpriseItem } from '../../../functions/repositories/enterprise-repository';
import { notificationRepository } from '../../../functions/repositories/notification-repository';
import {
  bulletinSettings,
  createBulletin,
  feedUnreadCounts,
  getBulletin,
  listBulletinReceipts,
  listFeed,
  readBulletin,
  remindBulletinUnread,
  runBulletinJob,
  runBulletinJobs,
  withdrawBulletin,
} from '../../../functions/services/bulletin-service';
import { issueAccessToken } from '../../../functions/lib/tokens';
import { addresses, type Audience } from '../../../shared/bulletins/audience';
import type { BulletinKind } from '../../../shared/bulletins/catalogue';
import type { Principal } from '../../../shared/domain/principal';
import type { Enterprise } from '../../../shared/schemas/enterprise';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { twoStations, writeItems, type Side } from '../../support/fixtures';
import { drainOutbox } from '../../support/outbox';

const INDUSTRIES = ['manufacturing', 'finance', 'software'] as const;
const body = { blocks: [{ type: 'paragraph' as const, spans: [{ text: '请各企业提高防范意识，' }, { text: '不轻信、不转账', bold: true }] }] };
const NOW = new Date('2026-10-28T07:00:00.000Z');

let a: Side;
let b: Side;
let ents: Enterprise[];
const entPrincipal = (e: Enterprise): Principal => ({ role: 'enterprise', userId: `u-${e.id}`, enterpriseId: e.id, memberRole: 'owner' });
const feedIds = async (e: Enterprise) => (await collectAll((cursor) => listFeed(entPrincipal(e), { cursor, limit: 100 }))).map((f) => f.bulletinId).sort();

function enterprise(n: number, side: Side): Enterprise {
  return {
    id: `ben${String(n).padStart(3, '0')}`,
    name: `测试企业${n}号`,
    creditCode: `91500000MA${String(n).padStart(8, '0')}`,
    industry: INDUSTRIES[n % 3],
    address: '重庆市渝中区测试路1号',
    stationId: side.stationId,
    officerId: side.officers[n % 3].id,
    contactName: '张经理',
    contactMobile: '13800138000',
    employeeCount: 10,
    createdAt: NOW.toISOString(),
    version: 1,
  };
}

beforeAll(async () => {
  await createTestTable('bulletins');
  ({ a, b } = await twoStations());
  ents = Array.from({ length: 24 }, (_, n) => enterprise(n, n % 2 ? a : b));
  await writeItems(ents.map(enterpriseItem));
}, 60_000);

describe('audience targeting', () => {
  /** Every bulletin published so far (and not withdrawn), with its audience. */
  const published: { id: string; audience: Audience }[] = [];

  const publisherArb = fc.constantFrom('officerA', 'chiefA', 'centre', 'chiefB', 'officerB');
  const subset = (pool: Enterprise[]) => fc.subarray(pool, { minLength: 1, maxLength: Math.min(5, pool.length) });

  function audienceFor(who: string): fc.Arbitrary<{ caller: Principal; audience: Audience }> {
    const side = who.endsWith('A') ? a : b;
    const own = ents.filter((e) => e.stationId === side.stationId);
    if (who.startsWith('officer')) {
      const caller = side.principals.officer;
      const mine = own.filter((e) => e.officerId === side.officers[0].id);
      return fc.oneof(
        fc.constant({ caller, audience: { type: 'stations', stationIds: [side.stationId] } as Audience }),
        subset(mine).map((es) => ({ caller, audience: { type: 'enterprises', enterpriseIds: es.map((e) => e.id) } as Audience })),
      );
    }
    if (who.startsWith('chief')) {
      const caller = side.principals.chief;
      return fc.oneof(
        fc.constant({ caller, audience: { type: 'stations', stationIds: [side.stationId] } as Audience }),
        fc.constantFrom(...INDUSTRIES).map((industry) => ({ caller, audience: { type: 'industry', industry, stationId: side.stationId } as Audience })),
        subset(own).map((es) => ({ caller, audience: { type: 'enterprises', enterpriseIds: es.map((e) => e.id) } as Audience })),
      );
    }
    const caller = a.principals.centre;
    return fc.oneof(
      fc.constant({ caller, audience: { type: 'all' } as Audience }),
      fc.subarray([a.stationId, b.stationId], { minLength: 1 }).map((stationIds) => ({ caller, audience: { type: 'stations', stationIds } as Audience })),
      fc
        .record({ industry: fc.constantFrom(...INDUSTRIES), station: fc.constantFrom(undefined, a.stationId, b.stationId) })
        .map(({ industry, station }) => ({ caller, audience: { type: 'industry', industry, stationId: station } as Audience })),
      subset(ents).map((es) => ({ caller, audience: { type: 'enterprises', enterpriseIds: es.map((e) => e.id) } as Audience })),
    );
  }

  it('every enterprise sees exactly the bulletins addressed to it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(publisherArb.chain(audienceFor), { minLength: 1, maxLength: 3 }), fc.constantFrom<BulletinKind>('risk', 'support', 'legal', 'policy'), async (batch, kind) => {
        for (const { caller, audience } of batch) {
          const created = await createBulletin(caller, { kind, title: '属性测试的通知', body, audience }, NOW);
          expect(created.bulletin.delivered).toBe(true);
          expect(created.bulletin.audienceCount).toBe(ents.filter((e) => addresses(audience, e)).length);
          published.push({ id: created.bulletin.id, audience });
        }
        for (const e of ents) {
          const expected = published
            .filter((p) => addresses(p.audience, e))
            .map((p) => p.id)
            .sort();
          expect(await feedIds(e)).toEqual(expected);
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);

  it("refuses audiences outside the caller's scope", async () => {
    const other = ents.find((e) => e.stationId === b.stationId)!;
    const colleagues = ents.find((e) => e.stationId === a.stationId && e.officerId !== a.officers[0].id)!;
    const attempts: [Principal, Audience][] = [
      [a.principals.officer, { type: 'stations', stationIds: [b.stationId] }],
      [a.principals.officer, { type: 'industry', industry: 'finance', stationId: a.stationId }],
      [a.principals.officer, { type: 'enterprises', enterpriseIds: [colleagues.id] }],
      [a.principals.chief, { type: 'all' }],
      [a.principals.chief, { type: 'industry', industry: 'finance' }],
      [a.principals.chief, { type: 'enterprises', enterpriseIds: [other.id] }],
    ];
    for (const [caller, audience] of attempts) {
      await expect(createBulletin(caller, { kind: 'risk', title: '越权的风险预警', body, audience }, NOW)).rejects.toMatchObject({ kind: expect.stringMatching(/forbidden|not-found/) });
    }
  });
});

describe('read receipts', () => {
  const finance = () => ents.filter((e) => e.stationId === a.stationId && e.industry === 'finance');

  it('confirming twice gives one receipt; concurrent confirms are all counted', async () => {
    const { bulletin } = await createBulletin(a.principals.chief, { kind: 'risk', title: '警惕冒充客服退款诈骗', body, audience: { type: 'industry', industry: 'finance', stationId: a.stationId } }, NOW);
    const audience = finance();
    expect(bulletin.audienceCount).toBe(audience.length);
    const [first, ...rest] = audience;
    const once = await readBulletin(entPrincipal(first), bulletin.id, new Date(NOW.getTime() + 1000));
    const twice = await readBulletin(entPrincipal(first), bulletin.id, new Date(NOW.getTime() + 5000));
    expect(twice.readAt).toBe(once.readAt);
    await Promise.all(rest.map((e) => readBulletin(entPrincipal(e), bulletin.id, new Date(NOW.getTime() + 2000))));
    const stored = await bulletinRepository.get(bulletin.id);
    expect(stored!.readCount).toBe(audience.length);
    const read = await collectAll((cursor) => listBulletinReceipts(a.principals.chief, bulletin.id, { state: 'read', cursor, limit: 2 }));
    expect(read.map((r) => r.enterpriseId).sort()).toEqual(audience.map((e) => e.id).sort());
    expect((await listBulletinReceipts(a.principals.chief, bulletin.id, { state: 'unread', limit: 20 })).items).toEqual([]);
    expect((await getBulletin(entPrincipal(first), bulletin.id)).readAt).toBe(once.readAt);
  });

  it('unread counts by kind fall as items are read, and reading is only for the addressed', async () => {
    const e = ents.find((x) => x.stationId === a.stationId && x.industry === 'software')!;
    const before = await feedUnreadCounts(entPrincipal(e));
    const { bulletin } = await createBulletin(a.principals.chief, { kind: 'policy', title: '一图读懂助企新政', body, audience: { type: 'enterprises', enterpriseIds: [e.id] } }, NOW);
    const after = await feedUnreadCounts(entPrincipal(e));
    expect(after.byKind.policy).toBe(before.byKind.policy + 1);
    expect(after.total).toBe(before.total + 1);
    await readBulletin(entPrincipal(e), bulletin.id, NOW);
    expect((await feedUnreadCounts(entPrincipal(e))).byKind.policy).toBe(before.byKind.policy);
    const outsider = ents.find((x) => x.id !== e.id)!;
    await expect(readBulletin(entPrincipal(outsider), bulletin.id, NOW)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(getBulletin(entPrincipal(outsider), bulletin.id)).rejects.toMatchObject({ kind: 'not-found' });
    const kindFeed = await listFeed(entPrincipal(e), { kind: 'policy', limit: 100 });
    expect(kindFeed.items.every((i) => i.kind === 'policy')).toBe(true);
    expect(kindFeed.items.map((i) => i.bulletinId)).toContain(bulletin.id);
  });

  it('reminds the unread at most once a day', async () => {
    const { bulletin } = await createBulletin(a.principals.chief, { kind: 'risk', title: '防范虚假投资理财诈骗', body, audience: { type: 'industry', industry: 'manufacturing', stationId: a.stationId } }, NOW);
    const audience = ents.filter((e) => e.stationId === a.stationId && e.industry === 'manufacturing');
    await readBulletin(entPrincipal(audience[0]), bulletin.id, NOW);
    const first = await remindBulletinUnread(a.principals.chief, bulletin.id, NOW);
    expect(first.reminded).toBe(audience.length - 1);
    await drainOutbox();
    const inbox = await notificationRepository.list(`enterprise:${audience[1].id}`, { limit: 20 });
    expect(inbox.items.some((n) => n.title.includes('请确认阅知'))).toBe(true);
    // The warning itself is in the feed; it is not duplicated as an in-app notification.
    expect(inbox.items.some((n) => n.title.startsWith('风险预警：'))).toBe(false);
    await expect(remindBulletinUnread(a.principals.chief, bulletin.id, new Date(NOW.getTime() + 23 * 3_600_000))).rejects.toMatchObject({ code: 'REMINDED_RECENTLY' });
    const nextDay = await remindBulletinUnread(a.principals.chief, bulletin.id, new Date(NOW.getTime() + 24 * 3_600_000 + 1000));
    expect(nextDay.reminded).toBe(audience.length - 1);
    await expect(remindBulletinUnread(a.principals.officer, bulletin.id, NOW)).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('withdrawal, schedule and resumable delivery', () => {
  it('a withdrawn bulletin leaves every feed and cannot be confirmed', async () => {
    const { bulletin } = await createBulletin(a.principals.centre, { kind: 'legal', title: '远离非法集资 守护钱袋子', body, audience: { type: 'all' } }, NOW);
    expect(bulletin.audienceCount).toBe(ents.length);
    await withdrawBulletin(a.principals.centre, bulletin.id, { version: bulletin.version }, NOW);
    for (const e of ents) expect(await feedIds(e)).not.toContain(bulletin.id);
    await expect(readBulletin(entPrincipal(ents[0]), bulletin.id, NOW)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(withdrawBulletin(a.principals.centre, bulletin.id, { version: bulletin.version + 1 }, NOW)).rejects.toMatchObject({ code: 'BULLETIN_WITHDRAWN' });
  });

  it('a scheduled bulletin is published by the scheduler when due, not before', async () => {
    const at = new Date(NOW.getTime() + 3_600_000);
    const { bulletin } = await createBulletin(b.principals.chief, { kind: 'support', title: '企业开办“一件事”上线', body, audience: { type: 'stations', stationIds: [b.stationId] }, publishAt: at.toISOString() }, NOW);
    expect(bulletin.status).toBe('scheduled');
    const target = ents.find((e) => e.stationId === b.stationId)!;
    await runBulletinJobs(new Date(at.getTime() - 60_000));
    expect(await feedIds(target)).not.toContain(bulletin.id);
    const swept = await runBulletinJobs(at);
    expect(swept.published).toBeGreaterThanOrEqual(1);
    expect(await feedIds(target)).toContain(bulletin.id);
    expect((await bulletinRepository.get(bulletin.id))!.status).toBe('published');
    await expect(
      createBulletin(b.principals.chief, { kind: 'support', title: '过去时间的定时发布', body, audience: { type: 'stations', stationIds: [b.stationId] }, publishAt: NOW.toISOString() }, NOW),
    ).rejects.toMatchObject({ kind: 'validation' });
  });

  it('a large delivery continues where it stopped, counting each enterprise once', async () => {
    const saved = { ...bulletinSettings };
    Object.assign(bulletinSettings, { inlineBudget: 5, slice: 5 });
    try {
      const { bulletin } = await createBulletin(a.principals.centre, { kind: 'support', title: '分批送达的助企动态', body, audience: { type: 'all' } }, NOW);
      expect(bulletin.delivered).toBe(false);
      expect(bulletin.audienceCount).toBe(5);
      // A second worker racing the first: one of them wins each checkpoint, entries are never doubled.
      await Promise.all([runBulletinJob(bulletin.id, NOW, 7), runBulletinJob(bulletin.id, NOW, 7)]);
      await runBulletinJobs(NOW);
      const done = await bulletinRepository.get(bulletin.id);
      expect(done!.delivered).toBe(true);
      expect(done!.audienceCount).toBe(ents.length);
      for (const e of ents) expect(await feedIds(e)).toContain(bulletin.id);
      expect(await bulletinRepository.getJob(bulletin.id)).toBeNull();
    } finally {
      Object.assign(bulletinSettings, saved);
    }
  });
});

describe('over HTTP', () => {
  it('publish, feed, confirm and receipts', async () => {
    const chief = await issueAccessToken(a.principals.chief);
    const target = ents.find((e) => e.stationId === a.stationId && e.industry === 'software')!;
    const entToken = await issueAccessToken(entPrincipal(target));
    const created = await call(bulletins, 'createBulletin', { token: chief, body: { kind: 'risk', title: '警惕虚假招聘诈骗', body, audience: { type: 'industry', industry: 'software', stationId: a.stationId } } });
    expect(created.status).toBe(201);
    const id = created.body.bulletin.id;
    const feed = await call(bulletins, 'listFeed', { token: entToken, query: { kind: 'risk' } });
    expect(feed.body.items[0]).toMatchObject({ bulletinId: id, kind: 'risk', readAt: null });
    const read = await call(bulletins, 'readBulletin', { token: entToken, params: { bulletinId: id } });
    expect(read.status).toBe(200);
    const receipts = await call(bulletins, 'listBulletinReceipts', { token: chief, params: { bulletinId: id }, query: { state: 'read' } });
    expect(receipts.body.items.map((r: { enterpriseId: string }) => r.enterpriseId)).toContain(target.id);
    const bad = await call(bulletins, 'createBulletin', {
      token: chief,
      body: { kind: 'risk', title: '链接', body: { blocks: [{ type: 'paragraph', spans: [{ text: 'x', link: 'javascript:alert(1)' }] }] }, audience: { type: 'stations', stationIds: [a.stationId] } },
    });
    expect(bad.status).toBe(400);
    const list = await call(bulletins, 'listManagedBulletins', { token: chief });
    expect(list.body.items.some((i: { id: string }) => i.id === id)).toBe(true);
  });
});
