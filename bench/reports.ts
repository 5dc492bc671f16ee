/**
 * Reports: what a district month costs. Files a month of appeals per station through the services (so the
 * counters are written as in production; some resolved and rated), then measures the ledger export (.xlsx)
 * and the quarterly 两书一单 (.docx) of one station's month and of all 13 stations, the statistics queries'
 * read capacity for a month and a quarter, and one morning-digest run over the 13 stations.
 */
import type { Principal } from '../shared/domain/principal';
import { actOnAppeal, fileAppeal } from '../functions/services/appeal-service';
import { exportLedger, exportRiskReport } from '../functions/services/export-service';
import { centreStats, stationStats } from '../functions/services/stats-service';
import { runMorningDigest } from '../functions/services/digest-service';
import { statsRepository } from '../functions/repositories/stats-repository';
import { quarterOf, quarterPeriod } from '../shared/stats/period';
import { fmt, markdownTable, progressLine, summarise, textTable, timed, type Table } from './lib';
import type { BenchContext, BenchModule } from './module';

const BODIES = [
  { type: 'policy', category: 'household', urgency: 'normal', title: '员工落户政策咨询', description: '公司新招聘的大学生员工想落户本区，请问需要哪些材料和流程？' },
  { type: 'dispute', category: 'labour-wages', urgency: 'urgent', grade: 2, title: '工地工人讨薪聚集', description: '分包商拖欠工人工资，今天有二十多名工人在项目部门口聚集讨薪。' },
  { type: 'suggestion', category: 'service-process', urgency: 'normal', title: '建议延长窗口办公时间', description: '建议户籍窗口周六上午开放，方便企业员工集中办理业务。' },
  { type: 'help', category: 'other', urgency: 'normal', title: '夜间仓库周边治安巡逻', description: '仓库周边夜间照明差，近期有可疑人员徘徊，请求加强巡逻。' },
];

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function fileMonth(ctx: BenchContext, perStation: number, month: { from: string; to: string }) {
  const bar = progressLine();
  const start = Date.parse(`${month.from}T01:00:00Z`);
  const days = Math.max(1, Math.round((ctx.now.getTime() - start) / 86_400_000) - 1);
  let n = 0;
  for (const station of ctx.district.stations) {
    const ents = ctx.district.members.filter((m) => ctx.district.enterprises.find((e) => e.id === m.enterpriseId)?.stationId === station.id);
    for (let i = 0; i < perStation && ents.length; i++) {
      const m = ents[i % ents.length];
      const owner: Principal = { role: 'enterprise', userId: m.userId, enterpriseId: m.enterpriseId, memberRole: 'owner' };
      const at = new Date(start + (i % days) * 86_400_000 + (i % 9) * 3_600_000);
      const view = await fileAppeal(owner, BODIES[i % 4] as never, at);
      const officerId = view.appeal.officerId;
      if (officerId && i % 10 < 7) {
        const officer: Principal = { role: 'officer', userId: `u-${officerId}`, officerId, stationId: station.id };
        let v = (await actOnAppeal(officer, view.appeal.id, { action: 'accept', version: view.appeal.version }, new Date(at.getTime() + 3_600_000))).appeal.version;
        v = (await actOnAppeal(officer, view.appeal.id, { action: 'resolve', version: v, resolution: '已按规定办理完毕，相关情况已电话告知企业。' }, new Date(at.getTime() + 20 * 3_600_000))).appeal.version;
        if (i % 2 === 0)
          await actOnAppeal(owner, view.appeal.id, { action: 'rate', version: v, rating: (i % 5) + 1, ...((i % 5) + 1 <= 2 && { comment: '处理太慢，没有解决问题' }) } as never, new Date(at.getTime() + 30 * 3_600_000));
      }
      bar.update(`reports: filing appeals ${++n}`);
    }
  }
  bar.done(`reports: filed ${n} appeals`);
  return n;
}

export const reportsModule: BenchModule = {
  id: 'reports',
  title: 'Reports: ledger export, 两书一单, statistics and the morning digest',
  order: 40,
  async run(ctx) {
    const quarter = quarterOf(ctx.now.toISOString().slice(0, 10));
    const month = { from: `${ctx.now.toISOString().slice(0, 7)}-01`, to: ctx.now.toISOString().slice(0, 10) };
    const perStation = ctx.quick ? 15 : 120;
    const filed = await fileMonth(ctx, perStation, month);
    const centre: Principal = { role: 'centre', userId: 'bench', adminId: 'bench', centreId: ctx.district.centres[0].id };
    const st = ctx.district.stations[0];

    const ledger = await timed(() => exportLedger(centre, st.id, month));
    const report = await timed(() => exportRiskReport(centre, st.id, quarter, ctx.now));
    const all = await timed(async () => {
      let bytes = 0;
      for (const s of ctx.district.stations) bytes += (await exportLedger(centre, s.id, month)).size;
      return bytes;
    });
    const ledgerSamples: number[] = [];
    for (let i = 0; i < (ctx.quick ? 3 : 10); i++) ledgerSamples.push((await timed(() => exportLedger(centre, st.id, month))).ms);
    const ledgerStats = summarise(ledgerSamples);

    const q = quarterPeriod(quarter);
    const monthRcu = (await statsRepository.period('station', st.id, month)).consumedCapacity;
    const quarterRcu = (await statsRepository.period('station', st.id, { from: q.from, to: month.to })).consumedCapacity;
    const yearRcu = (await statsRepository.period('station', st.id, { from: `${month.from.slice(0, 4)}-01-01`, to: month.to })).consumedCapacity;
    ctx.appCapacity.take();
    const stationQ = await timed(() => stationStats(centre, st.id, month));
    const stationCap = ctx.appCapacity.take();
    const centreQ = await timed(() => centreStats(centre, { from: q.from, to: month.to }));
    const centreCap = ctx.appCapacity.take();

    const digestDay = new Date(`${month.to}T00:30:00Z`);
    const digest = await timed(() => runMorningDigest(digestDay));

    const table: Table = {
      headers: ['measure', 'value'],
      rows: [
        ['appeals filed for the month (all stations)', String(filed)],
        [`ledger .xlsx, one station's month (${ledger.value.rows.诉求台账} appeals)`, `${kb(ledger.value.size)}, ${fmt.ms(ledger.ms)} ms first, p50 ${fmt.ms(ledgerStats.p50)} ms`],
        ['ledger .xlsx, all 13 stations in turn', `${kb(all.value)}, ${fmt.ms(all.ms)} ms`],
        [`两书一单 .docx, one station's quarter`, `${kb(report.value.size)}, ${fmt.ms(report.ms)} ms`],
        ['counter Query RCU: month / quarter-to-date / year-to-date', `${monthRcu} / ${quarterRcu} / ${yearRcu}`],
        ['station stats (station + every officer), month', `${fmt.ms(stationQ.ms)} ms, ${fmt.cu(stationCap.read)} RCU in ${stationCap.calls} calls`],
        ['centre stats, 13 stations, quarter-to-date', `${fmt.ms(centreQ.ms)} ms, ${fmt.cu(centreCap.read)} RCU in ${centreCap.calls} calls`],
        ['morning digest, 13 stations', `${fmt.ms(digest.ms)} ms (${digest.value.delivered} delivered)`],
      ],
      align: ['l', 'r'],
    };
    return {
      data: {
        filed,
        ledger: { bytes: ledger.value.size, ms: ledger.ms, p50: ledgerStats.p50, rows: ledger.value.rows },
        allStations: { bytes: all.value, ms: all.ms },
        report: { bytes: report.value.size, ms: report.ms },
        rcu: { month: monthRcu, quarter: quarterRcu, year: yearRcu },
        stationStatsMs: stationQ.ms,
        centreStatsMs: centreQ.ms,
        digest: { ms: digest.ms, ...digest.value },
      },
      markdown: markdownTable(table),
      text: textTable(table),
    };
  },
};
