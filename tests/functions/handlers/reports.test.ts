/**
 * Statistics, digest and exports on DynamoDB Local: after a random mix of registrations and appeal
 * transitions the incremental counters equal a recount from the records, for each station, each officer
 * and the centre; the morning digest runs on working days only (调休 Saturday included) and once a day;
 * the ledger opens in exceljs with the expected rows; the quarterly report names the station.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as reports } from '../../../functions/handlers/reports';
import { handler as notifications } from '../../../functions/handlers/notifications';
import { handler as appeals } from '../../../functions/handlers/appeals';
import { actOnAppeal, fileAppeal, systemAction } from '../../../functions/services/appeal-service';
import { previousWorkday, runMorningDigest } from '../../../functions/services/digest-service';
import { logVisit } from '../../../functions/services/fieldwork-service';
import { recountStation } from '../../../functions/services/stats-service';
import { statsRepository } from '../../../functions/repositories/stats-repository';
import { addCounters, emptyCounters, figuresOf } from '../../../shared/stats/counters';
import type { Principal } from '../../../shared/domain/principal';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';
import { drainOutbox } from '../../support/outbox';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
let a: Side;
let b: Side;
const filedInNovember: Record<string, number> = {};

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BODIES = [
  { type: 'policy', category: 'household', urgency: 'normal', title: '员工落户政策咨询', description: '公司新招聘的大学生员工想落户本区，请问需要哪些材料和流程？' },
  { type: 'dispute', category: 'labour-wages', urgency: 'urgent', grade: 2, title: '工地工人讨薪聚集', description: '分包商拖欠工人工资，今天有二十多名工人在项目部门口聚集讨薪。' },
  { type: 'suggestion', category: 'service-process', urgency: 'normal', title: '建议延长窗口办公时间', description: '建议户籍窗口周六上午开放，方便企业员工集中办理业务。' },
  { type: 'help', category: 'other', urgency: 'normal', title: '夜间仓库周边治安巡逻', description: '仓库周边夜间照明差，近期有可疑人员徘徊，请求加强巡逻。' },
];

const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000);

beforeAll(async () => {
  await createTestTable('reports');
  ({ a, b } = await twoStations());
  const random = rng(7);
  let serial = 9100;
  for (const side of [a, b]) {
    const owners: Principal[] = [];
    for (let i = 0; i < 4; i++) {
      const g = await guest(`rep-${side.stationId}-${i}`);
      const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(side.stationId, serial++) });
      expect(reg.status).toBe(201);
      owners.push({ role: 'enterprise', userId: g.user.userId, enterpriseId: reg.body.enterprise.id, memberRole: 'owner' });
      // 走访: each enterprise visited by its officer on Friday 27 November; one problem becomes an 整改 item.
      const officerId = reg.body.enterprise.officerId as string;
      await logVisit(
        { role: 'officer', userId: `u-${officerId}`, officerId, stationId: side.stationId },
        {
          enterpriseId: reg.body.enterprise.id,
          day: '2026-11-27',
          metWith: '张经理',
          content: '了解企业经营和安全防范情况。',
          problems: i % 2 === 0 ? [{ description: `仓库消防通道堵塞${i}`, followUp: 'rectification', deadline: '2026-12-04' }] : [],
        } as never,
        new Date('2026-11-27T03:00:00Z'),
      );
    }
    for (let n = 0; n < 14; n++) {
      const owner = owners[Math.floor(random() * owners.length)];
      const filedAt = new Date(Date.parse('2026-11-02T01:00:00Z') + Math.floor(random() * 14) * 86_400_000 + Math.floor(random() * 8) * 3_600_000);
      const view = await fileAppeal(owner, BODIES[n % 4] as never, filedAt);
      filedInNovember[side.stationId] = (filedInNovember[side.stationId] ?? 0) + 1;
      const id = view.appeal.id;
      const officerId = view.appeal.officerId!;
      const officer: Principal = { role: 'officer', userId: `u-${officerId}`, officerId, stationId: side.stationId };
      let version = view.appeal.version;
      const act = async (who: Principal, body: Record<string, unknown>, at: Date) => {
        const out = await actOnAppeal(who, id, { ...body, version } as never, at);
        version = out.appeal.version;
        return out;
      };
      const path = random();
      if (path < 0.1) {
        await act(owner, { action: 'withdraw' }, hours(filedAt.toISOString(), 1));
        continue;
      }
      if (path < 0.2) continue; // left open: the sweep escalates it later
      await act(officer, { action: 'accept' }, hours(filedAt.toISOString(), 2));
      // Some wait for the enterprise (paused and resumed), some are reassigned by the chief.
      if (random() < 0.25) {
        await act(officer, { action: 'request_info', note: '请补充相关证明材料' }, hours(filedAt.toISOString(), 3));
        await act(owner, { action: 'provide_info', note: '材料已上传' }, hours(filedAt.toISOString(), 5));
      }
      let handler = officer;
      if (random() < 0.25) {
        const other = side.officers.find((o) => o.id !== officerId)!;
        await act(side.principals.chief, { action: 'reassign', targetOfficerId: other.id }, hours(filedAt.toISOString(), 6));
        handler = { role: 'officer', userId: `u-${other.id}`, officerId: other.id, stationId: side.stationId };
      }
      if (path < 0.3) continue;
      // Some are resolved late (after the deadline), by the officer or by the chief.
      const late = random() < 0.3;
      const resolver = random() < 0.2 ? side.principals.chief : handler;
      const resolvedAt = hours(filedAt.toISOString(), late ? 24 * 12 : 20);
      await act(resolver, { action: 'resolve', resolution: '已按规定办理完毕，相关情况已电话告知企业。' }, resolvedAt);
      // Some are reopened by the enterprise and resolved again.
      if (random() < 0.2) {
        await act(owner, { action: 'reopen', note: '问题没有彻底解决' }, hours(resolvedAt.toISOString(), 2));
        await act(handler, { action: 'resolve', resolution: '已再次上门处理，问题已彻底解决。' }, hours(resolvedAt.toISOString(), 4));
      }
      if (path < 0.45) continue; // awaiting a rating: auto-closed by the sweep later
      const rating = 1 + Math.floor(random() * 5);
      const at = hours(filedAt.toISOString(), 24 * 13);
      await act(owner, { action: 'rate', rating, ...(rating <= 2 && { comment: '处理太慢，没有解决问题' }) }, at);
      if (rating <= 2 && random() < 0.6) await act(side.principals.chief, { action: 'rectify', note: '已约谈企业负责人，重新核实并整改到位。' }, hours(at.toISOString(), 3));
    }
  }
  // The SLA sweep's two actions, late in the month: escalate what is overdue, auto-close the unrated.
  const sweepAt = new Date('2026-11-28T02:00:00Z');
  const { appealRepository } = await import('../../../functions/repositories/appeal-repository');
  for (const pk of ['SLA#WATCH', 'SLA#AUTOCLOSE'] as const) {
    const page = await appealRepository.listQueue(pk, { limit: 100 }, { range: { before: sweepAt.toISOString() } });
    for (const s of page.items) await systemAction(s.id, pk === 'SLA#WATCH' ? 'escalate' : 'auto_close', sweepAt);
  }
}, 120_000);

describe('counters kept on write', () => {
  it.each(['a', 'b'] as const)('station %s: the counters equal a recount, for the station and every officer', async (s) => {
    const side = s === 'a' ? a : b;
    const recount = await recountStation(side.stationId, YEAR);
    const kept = await statsRepository.period('station', side.stationId, YEAR);
    expect(kept.counters).toEqual(recount.station);
    expect(kept.counters.filed).toBe(filedInNovember[side.stationId]);
    expect(kept.counters.enterprises).toBe(4);
    expect(kept.counters.resolved).toBeGreaterThan(0);
    expect(kept.counters.visits).toBe(4);
    expect(kept.counters.rectOpened).toBe(2);
    for (const o of [...side.officers, side.chief]) {
      const mine = await statsRepository.period('officer', o.id, YEAR);
      expect(mine.counters).toEqual(recount.officers.get(o.id) ?? emptyCounters());
    }
    // status counters: every appeal filed is in exactly one status
    expect(
      Object.entries(kept.counters)
        .filter(([k]) => k.startsWith('status_'))
        .reduce((n, [, v]) => n + v, 0),
    ).toBe(filedInNovember[side.stationId]);
  });

  it('the centre sees each station and their sum; the chief sees officers', async () => {
    const centre = await call(reports, 'centreStats', { token: a.tokens.centre, query: YEAR });
    expect(centre.status).toBe(200);
    const [ra, rb] = await Promise.all([recountStation(a.stationId, YEAR), recountStation(b.stationId, YEAR)]);
    // Open cases past their deadline now count as late in the on-time rate: the same count as the queue's 已超期.
    const [oa, ob] = await Promise.all([a, b].map(async (side) => (await call(appeals, 'stationQueueSummary', { token: side.tokens.chief, params: { stationId: side.stationId } })).body.counts.overdue as number));
    expect(oa + ob).toBeGreaterThan(0);
    expect(centre.body.totals).toEqual(figuresOf(addCounters(ra.station, rb.station), oa + ob));
    expect(centre.body.totals.onTimeRate).toBeLessThan(1);
    expect(centre.body.stations.map((x: { stationId: string }) => x.stationId).sort()).toEqual([a.stationId, b.stationId]);
    const chief = await call(reports, 'stationStats', { token: a.tokens.chief, params: { stationId: a.stationId }, query: YEAR });
    expect(chief.status).toBe(200);
    expect(chief.body.totals).toEqual(figuresOf(ra.station, oa));
    // Every officer's 诉求 column: the appeals that reached them, and together at least every appeal filed.
    const assigned = chief.body.officers.reduce((n: number, o: { figures: { assigned: number } }) => n + o.figures.assigned, 0);
    expect(assigned).toBeGreaterThanOrEqual(filedInNovember[a.stationId]);
    for (const o of chief.body.officers) expect(o.figures.assigned).toBe(ra.officers.get(o.officerId)?.assigned ?? 0);
    expect(chief.body.officers.map((o: { officerId: string }) => o.officerId)).toEqual(expect.arrayContaining(a.officers.map((o) => o.id)));
    const series = await call(reports, 'stationStatsSeries', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { from: '2026-11-01', to: '2026-11-30' } });
    expect(series.body.days).toHaveLength(30);
    expect(series.body.days.reduce((n: number, d: { filed: number }) => n + d.filed, 0)).toBe(filedInNovember[a.stationId]);
  });

  it('refuses another station, a too-long export and a reversed period, in Chinese', async () => {
    expect((await call(reports, 'stationStats', { token: a.tokens.chief, params: { stationId: b.stationId }, query: YEAR })).status).toBe(404);
    const long = await call(reports, 'exportLedger', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { from: '2026-01-01', to: '2026-12-31' } });
    expect(long.status).toBe(400);
    expect(long.body.error.issues[0].message).toContain('93天');
    const reversed = await call(reports, 'stationStats', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { from: '2026-11-30', to: '2026-11-01' } });
    expect(reversed.body.error.issues[0]).toEqual({ field: 'to', message: '结束日期不能早于开始日期' });
  });
});

describe('morning digest', () => {
  it('on a working day: one per station, delivered to the chief once even if run twice', async () => {
    const monday = new Date('2026-11-30T00:30:00Z'); // Monday 08:30 Shanghai
    const first = await runMorningDigest(monday);
    expect(first).toEqual({ day: '2026-11-30', workday: true, stations: 2, delivered: 2 });
    expect((await runMorningDigest(monday)).delivered).toBe(0);
    const list = await call(reports, 'listDigests', { token: a.tokens.chief, params: { stationId: a.stationId } });
    expect(list.body.items.map((d: { day: string }) => d.day)).toEqual(['2026-11-30']);
    const digest = await call(reports, 'getDigest', { token: a.tokens.chief, params: { stationId: a.stationId, day: '2026-11-30' } });
    expect(digest.body.title).toBe('每日晨报 11月30日');
    // Friday's visit problems are listed on Monday morning.
    expect(digest.body.figures.rectificationsNew).toBe(2);
    expect(digest.body.rectifications.map((r: { title: string }) => r.title).sort()).toEqual(['仓库消防通道堵塞0', '仓库消防通道堵塞2']);
    expect(previousWorkday('2026-10-08')).toBe('2026-09-30');
    await drainOutbox();
    const box = await call(notifications, 'listNotifications', { token: a.tokens.chief });
    expect(box.body.items.filter((n: { title: string }) => n.title === '每日晨报 11月30日')).toHaveLength(1);
  });

  it('not on a holiday (国庆 2026-10-01) nor a Sunday, but on the 调休 Saturday 2026-10-10', async () => {
    expect(await runMorningDigest(new Date('2026-10-01T00:30:00Z'))).toMatchObject({ workday: false, delivered: 0 });
    expect(await runMorningDigest(new Date('2026-11-29T00:30:00Z'))).toMatchObject({ workday: false, delivered: 0 });
    expect(await runMorningDigest(new Date('2026-10-10T00:30:00Z'))).toMatchObject({ workday: true, delivered: 2 });
    const none = await call(reports, 'getDigest', { token: a.tokens.chief, params: { stationId: a.stationId, day: '2026-10-01' } });
    expect(none.status).toBe(404);
  });
});

describe('exports', () => {
  it('the month ledger opens in exceljs with Chinese headers and one row per appeal filed', async () => {
    const reply = await call(reports, 'exportLedger', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { from: '2026-11-01', to: '2026-11-30' } });
    expect(reply.status).toBe(200);
    const bytes = Buffer.from(reply.body.base64, 'base64');
    expect(bytes.length).toBe(reply.body.size);
    expect(reply.body.filename).toMatch(/台账_2026-11-01至2026-11-30\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['诉求台账', '走访台账', '整改台账']);
    const ws = book.getWorksheet('诉求台账')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['编号', '企业', '类型', '类别', '标题', '提交时间', '联络官', '状态', '办结时间', '是否按时', '评价', '附件数']);
    expect(ws.rowCount - 1).toBe(filedInNovember[a.stationId]);
    expect(reply.body.rows).toEqual({ 诉求台账: filedInNovember[a.stationId], 走访台账: 4, 整改台账: 2 });
    expect(book.getWorksheet('整改台账')!.getRow(2).getCell(3).value).toMatch(/^仓库消防通道堵塞/);
    const titles = new Set(ws.getColumn(5).values.slice(2));
    expect([...titles].every((t) => ['员工落户政策咨询', '工地工人讨薪聚集', '建议延长窗口办公时间', '夜间仓库周边治安巡逻'].includes(String(t)))).toBe(true);
    const empty = await call(reports, 'exportLedger', { token: a.tokens.centre, params: { stationId: a.stationId }, query: { from: '2026-09-01', to: '2026-09-30' } });
    expect(empty.body.rows.诉求台账).toBe(0);
  });

  it('the quarterly 两书一单 is a .docx naming the station and its three parts', async () => {
    const reply = await call(reports, 'exportRiskReport', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { quarter: '2026Q4' } });
    expect(reply.status).toBe(200);
    expect(reply.body.filename).toBe('测试a派出所2026年第四季度两书一单.docx');
    const zip = await JSZip.loadAsync(Buffer.from(reply.body.base64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const text of ['测试a派出所', '涉企风险提示书', '意见建议书', '风险预警单', '建议延长窗口办公时间']) expect(xml).toContain(text);
  });
});
