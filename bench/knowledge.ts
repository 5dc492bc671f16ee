/**
 * 政策咨询 search: the demo knowledge base (61 published entries) seeded through the service, then every
 * question of the search-quality set asked through `searchKnowledge` (the handler's own call): latency
 * p50/p99, read capacity per search (one Query per distinct term + the stats item + one BatchGet), and
 * top-1 / top-3 accuracy. Also the write cost of publishing an entry (entry + index totals + postings).
 */
import type { Principal } from '../shared/domain/principal';
import { createEntry, publishEntry, searchKnowledge } from '../functions/services/knowledge-service';
import { KNOWLEDGE_SEED, seedKnowledge } from '../scripts/seed/knowledge';
import { QUESTION_SET } from '../tests/shared/knowledge/questions';
import { fmt, markdownTable, summarise, textTable, type Stats, type Table } from './lib';
import type { BenchContext, BenchModule, ModuleResult } from './module';

const ENTERPRISE: Principal = { role: 'enterprise', userId: 'bench-kb', enterpriseId: 'en0002', memberRole: 'owner' };
const CENTRE: Principal = { role: 'centre', userId: 'bench-centre', adminId: 'ad1', centreId: 'c1' };

type Data = { entries: number; questions: number; top1: number; top3: number; latency: Stats; rcu: Stats; publish: { wcu: number; rcu: number } };

async function run(ctx: BenchContext): Promise<ModuleResult> {
  ctx.log('knowledge: seeding the knowledge base');
  await seedKnowledge(ctx.now);
  ctx.appCapacity.take();

  // Publishing one entry of typical size: what the index costs to keep.
  const sample = KNOWLEDGE_SEED[0];
  const draft = await createEntry(CENTRE, { question: `${sample.question}（基准）`, answer: sample.answer, category: sample.category, tags: sample.tags }, ctx.now, 'kb-bench-publish');
  ctx.appCapacity.take();
  await publishEntry(CENTRE, draft.id, draft.version, ctx.now);
  const publishCost = ctx.appCapacity.take();

  const rounds = ctx.quick ? 3 : 10;
  const latencies: number[] = [];
  const units: number[] = [];
  let top1 = 0;
  let top3 = 0;
  for (const [q] of QUESTION_SET) await searchKnowledge(ENTERPRISE, { q, limit: 10 }, ctx.now); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const [q, expected] of QUESTION_SET) {
      ctx.appCapacity.take();
      const t0 = performance.now();
      const result = await searchKnowledge(ENTERPRISE, { q, limit: 10 }, ctx.now);
      latencies.push(performance.now() - t0);
      units.push(ctx.appCapacity.take().read);
      if (r === 0) {
        const ids = result.items.map((i) => i.id);
        if (ids[0] === expected) top1++;
        if (ids.slice(0, 3).includes(expected)) top3++;
      }
    }
  }
  const data: Data = {
    entries: KNOWLEDGE_SEED.filter((e) => !e.status || e.status === 'published').length,
    questions: QUESTION_SET.length,
    top1,
    top3,
    latency: summarise(latencies),
    rcu: summarise(units),
    publish: { wcu: publishCost.write, rcu: publishCost.read },
  };
  const table: Table = {
    headers: ['what', 'value'],
    align: ['l', 'r'],
    rows: [
      ['published entries', String(data.entries)],
      ['questions (top-1 / top-3)', `${top1}/${data.questions} / ${top3}/${data.questions}`],
      ['search p50 / p99 ms', `${fmt.ms(data.latency.p50)} / ${fmt.ms(data.latency.p99)}`],
      ['search RCU p50 / max', `${fmt.cu(data.rcu.p50)} / ${fmt.cu(data.rcu.max)}`],
      ['publish one entry WCU (postings batches + transaction as Local reports it)', fmt.cu(data.publish.wcu)],
    ],
  };
  const markdown = [
    `Searches through \`searchKnowledge\` (the handler's call) over the ${data.questions} questions of the search-quality set, ${rounds} rounds after a warm-up; ` +
      'each search is one Query per distinct query term (at most 24, in parallel), the index totals item and one BatchGet of the best entries.',
    '',
    markdownTable(table),
  ].join('\n');
  return { data, markdown, text: textTable(table) };
}

export const knowledgeModule: BenchModule = { id: 'knowledge', title: '政策咨询知识库检索', order: 30, run };
