/**
 * npm run bench [-- [--quick] [module ...]]
 *
 * Starts its own DynamoDB Local (in memory, free port), creates the app's table, seeds the demo district and
 * runs the benchmark modules on it in turn; figures go to bench/results/latest.json and latest.md (sections of
 * modules not run this time are kept) and a compact table to stdout. DynamoDB Local is stopped at the end,
 * also on error or Ctrl-C.
 *
 *   --quick    smaller sizes and fewer samples, written to a temporary directory instead of bench/results
 *   module     run only these modules (ids: bundles, api, appeals, outbox, bookings, evidence, bulletins, knowledge, reports)
 */
import './env';
import os from 'node:os';
import path from 'node:path';
import { clientFor, createAppTable } from '../dev/dynamodb-local';
import { db } from '../functions/lib/dynamo';
import { generateDistrict } from '../scripts/seed/generate';
import { seedDistrict } from '../scripts/seed/seed';
import { apiModule } from './api';
import { appealsModule } from './appeals';
import { bookingsModule } from './bookings';
import { bundlesModule } from './bundles';
import { bulletinsModule } from './bulletins';
import { evidenceModule } from './evidence';
import { knowledgeModule } from './knowledge';
import { reportsModule } from './reports';
import { outboxModule } from './outbox';
import { documentClient, meterCapacity, startBenchDynamo } from './dynamo';
import { fmt, machineInfo, progressLine, RESULTS_DIR, watchLoad, writeResults, type Section } from './lib';
import type { BenchContext, BenchModule } from './module';

const MODULES: BenchModule[] = [bundlesModule, apiModule, appealsModule, outboxModule, bookingsModule, evidenceModule, bulletinsModule, knowledgeModule, reportsModule];

/** Every module asks the app about the same moment: Wednesday 28 October 2026, 15:00 in Shanghai. */
const NOW = new Date('2026-10-28T07:00:00.000Z');
const TABLE = 'zqztc-bench';
const SHADOW_TABLE = 'zqztc-bench-shadow';

async function main(argv: string[]): Promise<void> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const load = watchLoad();
  const quick = argv.includes('--quick');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((id) => !MODULES.some((m) => m.id === id));
  if (unknown.length) throw new Error(`unknown module(s): ${unknown.join(', ')} (known: ${MODULES.map((m) => m.id).join(', ')})`);
  const selected = wanted.length ? MODULES.filter((m) => wanted.includes(m.id)) : MODULES;

  const log = (line: string) => console.log(line);
  log(`bench: ${selected.map((m) => m.id).join(', ')}${quick ? ' (quick)' : ''} · ${os.cpus().length} cores · load average ${os.loadavg()[0].toFixed(2)}`);
  const local = await startBenchDynamo(TABLE);
  const sections: Record<string, Section> = {};
  const texts: string[] = [];
  try {
    log(`DynamoDB Local ${local.version} on ${local.endpoint} (pid ${local.pid})`);
    process.env.TABLE_NAME = TABLE;
    process.env.DYNAMODB_ENDPOINT = local.endpoint;
    const district = generateDistrict({ now: NOW });
    const progress = progressLine();
    const seeded = await seedDistrict({ tableName: TABLE, endpoint: local.endpoint, district, concurrency: 16, onProgress: (done, total, phase) => progress.update(`seeding ${done}/${total} (${phase})`) });
    const c = seeded.counts;
    progress.done(`seeded ${c.stations} stations, ${c.officers + c.chiefs} officers, ${fmt.num(c.enterprises)} enterprises (${fmt.num(c.items)} items) in ${fmt.secs(seeded.elapsedMs)}`);

    const raw = clientFor(local.endpoint);
    // Same definition, kept empty: transactions are costed by replaying their items there (see meterCapacity).
    await createAppTable(local.endpoint, SHADOW_TABLE, { fresh: true });
    const shadowDoc = documentClient(local.endpoint);
    const appCapacity = meterCapacity(db(), { doc: shadowDoc, tableName: TABLE, shadowTable: SHADOW_TABLE });
    const ctx: BenchContext = { endpoint: local.endpoint, tableName: TABLE, district, now: NOW, raw, appCapacity, quick, log };
    try {
      for (const m of selected) {
        const t0 = Date.now();
        log(`— ${m.title}`);
        const result = await m.run(ctx);
        sections[m.id] = { title: m.title, order: m.order, generatedAt: new Date().toISOString(), elapsedMs: Date.now() - t0, data: result.data, markdown: result.markdown };
        texts.push(`${m.title}\n\n${result.text}`);
      }
    } finally {
      raw.destroy();
      shadowDoc.destroy();
    }
  } finally {
    await local.stop();
  }

  const elapsedMs = Date.now() - started;
  const dir = quick ? path.join(os.tmpdir(), 'zqztc-bench-quick') : RESULTS_DIR;
  writeResults({ startedAt, elapsedMs, ...machineInfo(), loadAverage: load.stop(), dynamoLocal: local.version, modules: selected.map((m) => m.id) }, sections, dir);
  console.log(`\n${texts.join('\n\n')}\n`);
  console.log(`done in ${fmt.secs(elapsedMs)} · results in ${path.relative(process.cwd(), dir) || dir}/latest.{json,md}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
