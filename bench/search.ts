/**
 * 警务检索: what the term index costs to write and what a page of results costs to read, at the demo
 * district's size (1,900 enterprises, 1,900 appeals) and grown to a city's (20,000 enterprises, 100,000
 * appeals), through the services the handlers call (`searchEnterprises`, `searchAppeals`).
 *
 * A page's cost depends on the term lists it reads, not on the table: so the large size writes, in bulk,
 * the postings of the terms the queries read (every enterprise's name postings for 火锅/有限/限公/公司/朝志…,
 * every appeal's postings of 噪音/施工/拖欠 in the template texts below), at the list lengths that size gives them, under the
 * real keys. Appeals are synthetic (templates, spread over stations and a year); their queue entries are not
 * written, so a page's BatchGet of entries reads misses — which DynamoDB charges like the ~0.6 KB entries
 * (0.5 RCU each, eventually consistent).
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../shared/domain/principal';
import { db, table } from '../functions/lib/dynamo';
import { appealSearchItems, enterpriseIndexWrites, enterpriseSearchItems } from '../functions/repositories/search-index';
import { searchIndex } from '../functions/repositories/search-index';
import { appealRepository } from '../functions/repositories/appeal-repository';
import { fileAppeal } from '../functions/services/appeal-service';
import { searchEnterprises } from '../functions/services/search-service';
import { searchAppeals } from '../functions/services/appeal-search-service';
import { generateDistrict } from '../scripts/seed/generate';
import type { Enterprise } from '../shared/schemas/enterprise';
import { fmt, markdownTable, textTable, type Table } from './lib';
import type { BenchContext, BenchModule, ModuleResult } from './module';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';

const CENTRE: Principal = { role: 'centre', userId: 'bench-centre', adminId: 'ad1', centreId: 'c1' };

/** Appeal texts: the queried words occur in some of them, as words recur across a district's appeals. */
const TEMPLATES: { type: 'dispute' | 'help' | 'policy' | 'suggestion'; category: string; title: string; description: string }[] = [
  { type: 'dispute', category: 'public-order', title: '夜间施工噪音扰民', description: '隔壁工地每晚十一点后仍在施工，噪音很大，影响店铺营业和员工休息，希望派出所协调。' },
  { type: 'dispute', category: 'labour-wages', title: '拖欠工资纠纷', description: '包工头拖欠十二名工人三个月工资，工人到店门口聚集，影响正常经营，请求调解。' },
  { type: 'help', category: 'other', title: '门口车辆乱停', description: '店门口经常有车辆乱停，堵住消防通道，顾客进出不便，希望协调交警处理。' },
  { type: 'policy', category: 'household', title: '员工办理居住证咨询', description: '新招员工二十人，想了解居住证集中办理的材料和时间，能否上门办理。' },
  { type: 'dispute', category: 'contract-debt', title: '货款纠纷', description: '合作方拖欠货款四十万元，多次催收无果，对方还威胁店员，请求警方介入。' },
  { type: 'suggestion', category: 'service-process', title: '建议延长办证时间', description: '周末办证窗口开放时间较短，建议延长，方便企业员工办理。' },
  { type: 'dispute', category: 'public-order', title: '商铺门前噪音', description: '对面酒吧夜间音响声音过大，噪音影响周边商户和住户休息。' },
  { type: 'help', category: 'other', title: '店内财物被盗', description: '昨夜店内收银台现金被盗，监控拍到可疑人员，请求民警调查。' },
];

type PageCost = { label: string; size: string; rcu: number[]; items: number[] };

async function bulkPut(items: Record<string, unknown>[]): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < chunks.length) {
        let pending: unknown[] | undefined = chunks[next++].map((Item) => ({ PutRequest: { Item } }));
        while (pending?.length) {
          const result: { UnprocessedItems?: Record<string, unknown[]> } = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: pending as never } }));
          pending = result.UnprocessedItems?.[table()];
        }
      }
    }),
  );
}

/** The appeal terms the queries read (施工 噪音, 拖欠, 噪音): only their postings are written in bulk. */
const QUERIED_APPEAL_TERMS = new Set(['噪音', '施工', '拖欠']);

/** Postings of `count` synthetic appeals (ids from `from`), over `stations` stations and the year before `now`. */
function appealPostings(from: number, count: number, stations: string[], now: Date): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = from; i < from + count; i++) {
    const t = TEMPLATES[i % TEMPLATES.length];
    const createdAt = new Date(now.getTime() - ((i * 7919) % 365) * 86_400_000 - (i % 86_400) * 1000).toISOString();
    const id = `BA${String(i).padStart(8, '0')}`;
    const postings = appealSearchItems({
      id,
      stationId: stations[i % stations.length],
      createdAt,
      enterpriseId: `ben${i % 20_000}`,
      type: t.type,
      category: t.category as never,
      title: t.title,
      description: t.description,
    });
    out.push(...postings.filter((p) => QUERIED_APPEAL_TERMS.has(String(p.pk).slice('SRCHA#'.length))));
  }
  return out;
}

/** The postings of enterprises' names that the queries read (the other terms cost only writes, not these reads). */
const QUERIED_TERMS = new Set(['火锅', '有限', '限公', '公司', '朝志', '志火', '重庆']);
const queriedPostings = (es: Enterprise[]) => es.flatMap(enterpriseSearchItems).filter((i) => QUERIED_TERMS.has(String(i.pk).slice('SRCHE#'.length)));

async function measure(ctx: BenchContext, size: string, out: PageCost[]) {
  const chief: Principal = { role: 'chief', userId: 'bench-chief', officerId: ctx.district.stations[0].chiefOfficerId!, stationId: ctx.district.stations[0].id };
  const officerRec = ctx.district.officers.find((o) => !o.isChief && o.stationId === ctx.district.stations[0].id)!;
  const officer: Principal = { role: 'officer', userId: 'bench-officer', officerId: officerRec.id, stationId: officerRec.stationId };
  const sample = ctx.district.enterprises[0];
  const cases: { label: string; run: (cursor?: string) => Promise<{ items: unknown[]; nextCursor: string | null; consumedCapacity: number; entriesRead?: number }> }[] = [
    { label: 'enterprises · chief · 火锅', run: (cursor) => searchEnterprises(chief, { q: '火锅', cursor, limit: 20 }) },
    { label: 'enterprises · centre · 火锅', run: (cursor) => searchEnterprises(CENTRE, { q: '火锅', cursor, limit: 20 }) },
    { label: 'enterprises · centre · 有限公司 (dense lists)', run: (cursor) => searchEnterprises(CENTRE, { q: '有限公司', cursor, limit: 20 }) },
    { label: 'enterprises · centre · 朝志火锅 (rare ∩ common)', run: (cursor) => searchEnterprises(CENTRE, { q: '朝志火锅', cursor, limit: 20 }) },
    { label: 'enterprises · officer · 火锅 (own list)', run: (cursor) => searchEnterprises(officer, { q: '火锅', cursor, limit: 20 }) },
    { label: 'enterprises · centre · credit code', run: () => searchEnterprises(CENTRE, { q: sample.creditCode, limit: 20 }) },
    { label: 'enterprises · centre · mobile', run: () => searchEnterprises(CENTRE, { q: sample.contactMobile, limit: 20 }) },
    { label: 'appeals · chief · 噪音', run: (cursor) => searchAppeals(chief, { q: '噪音', cursor, limit: 10 }) },
    { label: 'appeals · centre · 施工 噪音', run: (cursor) => searchAppeals(CENTRE, { q: '施工 噪音', cursor, limit: 10 }) },
    { label: 'appeals · centre · 拖欠 + type=dispute + status', run: (cursor) => searchAppeals(CENTRE, { q: '拖欠', type: 'dispute', status: 'submitted', cursor, limit: 10 }) },
    { label: 'appeals · centre · 噪音 + one month', run: (cursor) => searchAppeals(CENTRE, { q: '噪音', from: '2026-08-01', to: '2026-08-31', cursor, limit: 10 }) },
  ];
  const rounds = ctx.quick ? 2 : 5;
  for (const c of cases) {
    const row: PageCost = { label: c.label, size, rcu: [], items: [] };
    for (let r = 0; r < rounds; r++) {
      let cursor: string | undefined;
      // the first three pages (or fewer), each metered on its own
      for (let p = 0; p < 3; p++) {
        ctx.appCapacity.take();
        const page = await c.run(cursor);
        // DynamoDB Local charges nothing for a BatchGet key it does not find; AWS charges 0.5 RCU (eventually
        // consistent, < 4 KB). The synthetic appeals have no queue entries: their keys are added as AWS would.
        const used = ctx.appCapacity.take().read + (page.entriesRead ?? 0) * 0.5;
        if (r === 0) {
          row.rcu.push(used);
          row.items.push(page.items.length);
        }
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
    }
    out.push(row);
    ctx.log(`search: ${size} ${c.label}: RCU ${row.rcu.join(' / ')}, items ${row.items.join(' / ')}`);
  }
}

async function run(ctx: BenchContext): Promise<ModuleResult> {
  const stations13 = ctx.district.stations.map((s) => s.id);
  // ---- writes
  const e = ctx.district.enterprises[1];
  const registration = enterpriseIndexWrites(null, e);
  ctx.appCapacity.replayTransactions(true);
  ctx.appCapacity.take();
  await db().send(new TransactWriteCommand({ TransactItems: registration }));
  const registerIndex = ctx.appCapacity.take();
  const renamed = { ...e, name: `${e.name.slice(0, -4)}火锅有限公司`, version: e.version + 1 };
  const rename = enterpriseIndexWrites(e, renamed);
  await db().send(new TransactWriteCommand({ TransactItems: rename }));
  const renameIndex = ctx.appCapacity.take();
  const filer = ctx.district.enterprises[2];
  const filed = await fileAppeal(
    { role: 'enterprise', userId: `u-bench-${filer.id}`, enterpriseId: filer.id, memberRole: 'owner' },
    { type: 'dispute', category: 'public-order', urgency: 'normal', grade: 1, title: TEMPLATES[0].title, description: TEMPLATES[0].description },
    ctx.now,
  );
  const filing = ctx.appCapacity.take();
  ctx.appCapacity.replayTransactions(false);
  const record = (await appealRepository.get(filed.appeal.id))!;
  ctx.appCapacity.take();
  const appealIndexWcu = await searchIndex.indexAppeal(record);
  const appealIndex = { items: appealSearchItems(record).length, wcu: appealIndexWcu };
  ctx.log(
    `search: writes — registration index ${registration.length} items ${registerIndex.write} WCU; rename ${rename.length} items ${renameIndex.write} WCU; filing ${filing.write} WCU of which postings ${appealIndex.items} items ${appealIndex.wcu} WCU`,
  );

  // ---- 1,900 enterprises (seeded, postings included) and 1,900 appeals
  const pages: PageCost[] = [];
  await bulkPut(appealPostings(0, 1_900, stations13, ctx.now));
  await measure(ctx, '1,900', pages);

  // ---- 20,000 enterprises in 130 stations' worth of lists, 100,000 appeals
  const large = ctx.quick ? { enterprises: 6_000, appeals: 20_000 } : { enterprises: 20_000, appeals: 100_000 };
  const stations130 = [...stations13, ...Array.from({ length: 117 }, (_, i) => `st${String(i + 14).padStart(3, '0')}`)];
  const more = generateDistrict({ enterprises: large.enterprises - 1_900, seed: 20_000 }).enterprises.map((x, i) => ({ ...x, id: `bx${String(i).padStart(6, '0')}`, stationId: stations130[i % stations130.length] }));
  const t0 = Date.now();
  await bulkPut(queriedPostings(more));
  await bulkPut(appealPostings(1_900, large.appeals - 1_900, stations130, ctx.now));
  ctx.log(`search: grown to ${large.enterprises} enterprises / ${large.appeals} appeals' postings in ${fmt.secs(Date.now() - t0)}`);
  await measure(ctx, `${fmt.num(large.enterprises)} / ${fmt.num(large.appeals)}`, pages);

  const writes: Table = {
    headers: ['write', 'index items', 'index WCU (as AWS charges)', 'whole write WCU'],
    align: ['l', 'r', 'r', 'r'],
    rows: [
      ['register an enterprise (in its transaction)', String(registration.length), fmt.cu(registerIndex.write), '–'],
      ['rename an enterprise (in its transaction)', String(rename.length), fmt.cu(renameIndex.write), '–'],
      ['file an appeal (postings batched after the transaction)', String(appealIndex.items), fmt.cu(appealIndex.wcu), fmt.cu(filing.write)],
    ],
  };
  const reads: Table = {
    headers: ['query', 'size (enterprises / appeals)', 'RCU per page (pages 1 / 2 / 3)', 'results per page'],
    align: ['l', 'r', 'r', 'r'],
    rows: pages.map((p) => [p.label, p.size, p.rcu.map((x) => fmt.cu(x)).join(' / '), p.items.join(' / ')]),
  };
  const max = (size: string) => Math.max(...pages.filter((p) => p.size === size).flatMap((p) => p.rcu));
  const data = {
    registration: { items: registration.length, wcu: registerIndex.write },
    rename: { items: rename.length, wcu: renameIndex.write },
    filing: filing.write,
    appealIndex,
    pages,
    maxRcu: { small: max('1,900'), large: max(pages[pages.length - 1].size) },
  };
  const markdown = [
    "Enterprises by name (any part) / credit code / mobile and appeals by words, through `searchEnterprises` / `searchAppeals` (the handlers' calls); " +
      'capacity as DynamoDB Local reports it for reads (Query, GetItem, BatchGet; plus 0.5 RCU per appeal entry the BatchGet asks for, found or not, as AWS charges) and BatchWrite, transactions costed by replay as AWS charges them. ' +
      `At most ${fmt.cu(data.maxRcu.small)} RCU per page at 1,900 and ${fmt.cu(data.maxRcu.large)} at the large size.`,
    '',
    markdownTable(writes),
    '',
    markdownTable(reads),
  ].join('\n');
  return { data, markdown, text: `${textTable(writes)}\n${textTable(reads)}` };
}

export const searchModule: BenchModule = { id: 'search', title: '警务检索（企业、诉求）', order: 35, run };
