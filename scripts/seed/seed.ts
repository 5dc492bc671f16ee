/**
 * Writes the demo district (scripts/seed/generate.ts) into the app's table.
 *
 * Items are built by the repositories' own item builders, so the seed can never disagree with the key
 * layout. They go in with BatchWrite (25 items a request, 8 requests in flight), phase by phase —
 * organisation, users, enterprises, members, demo accounts — retrying UnprocessedItems with backoff.
 * Writing is idempotent: running it again over a seeded table puts the same items back (it does not
 * delete anything created since).
 *
 * Table and endpoint: passed explicitly, or read from TABLE_NAME and DYNAMODB_ENDPOINT (the same variables
 * functions/lib/dynamo's db() reads). seedDistrict uses its own short-lived DynamoDB client rather than
 * the shared db() one, so a caller can seed any table without touching process.env.
 *
 * CLI:  npx tsx scripts/seed/seed.ts [--table NAME] [--endpoint URL] [--create] [--seed N]
 *                                    [--enterprises N] [--officers N] [--aws]
 *   --create   create the table from infra/table.json first if missing (DynamoDB Local only)
 *   --aws      allow seeding a real AWS table (no endpoint); refused otherwise
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { adminItem, centreItem, officerItem, stationItem } from '../../functions/repositories/organisation-repository';
import { creditMarkerItem, enterpriseItem, memberItem } from '../../functions/repositories/enterprise-repository';
import { openidItem, userItem } from '../../functions/repositories/user-repository';
import { demoItem } from '../../functions/repositories/demo-repository';
import { counterItem } from '../../functions/repositories/stats-repository';
import { aggregateDeltas } from '../../shared/stats/counters';
import { generateDistrict, type District, type GenerateOptions } from './generate';
import { mapLimit } from '../../functions/lib/parallel';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export type SeedPhase = 'organisation' | 'users' | 'enterprises' | 'members' | 'demo';
export const PHASE_LABELS: Record<SeedPhase, string> = {
  organisation: '中心、派出所与民警',
  users: '用户',
  enterprises: '企业',
  members: '企业成员',
  demo: '演示账号',
};

export type SeedParams = {
  /** the table to fill (default: process.env.TABLE_NAME) */
  tableName?: string;
  /** DynamoDB Local's endpoint (default: process.env.DYNAMODB_ENDPOINT); with neither, the SDK's default (AWS) */
  endpoint?: string;
  /** called after every batch: items written so far, items in all, the phase being written */
  onProgress?: (done: number, total: number, phase: SeedPhase) => void;
  /** generator options (seed, enterprises, officers, now, ownersPerStation) */
  options?: GenerateOptions;
  /** an already generated district, instead of generating one from `options` */
  district?: District;
  /** BatchWrite requests in flight (default 8) */
  concurrency?: number;
};

export type SeedResult = {
  tableName: string;
  counts: {
    centres: number;
    stations: number;
    officers: number;
    chiefs: number;
    admins: number;
    enterprises: number;
    users: number;
    members: number;
    demoAccounts: number;
    /** DynamoDB items written (enterprises and users are two items each) */
    items: number;
    batches: number;
    /** BatchWrite requests re-sent for unprocessed items */
    retries: number;
  };
  elapsedMs: number;
};

type Item = Record<string, unknown>;

/** The district as table items, per phase, in write order. */
export function districtItems(d: District): { phase: SeedPhase; items: Item[] }[] {
  return [
    { phase: 'organisation', items: [...d.centres.map(centreItem), ...d.stations.map(stationItem), ...d.officers.map(officerItem), ...d.admins.map(adminItem)] },
    { phase: 'users', items: d.users.flatMap((u) => [userItem(u), openidItem(u)]) },
    { phase: 'enterprises', items: [...d.enterprises.flatMap((e) => [enterpriseItem(e), creditMarkerItem(e)]), ...registrationCounters(d)] },
    { phase: 'members', items: d.members.map(memberItem) },
    { phase: 'demo', items: d.demoAccounts.map((a, i) => demoItem(i + 1, a)) },
  ];
}

/** The registration counters the enterprises would have left had they registered through the service. */
function registrationCounters(d: District): Item[] {
  return aggregateDeltas(d.enterprises.map((e) => ({ kind: 'enterprise_registered' as const, stationId: e.stationId, officerId: e.officerId, enterpriseId: e.id, at: e.createdAt }))).map(counterItem);
}

const BATCH = 25;
const MAX_ATTEMPTS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function clientFor(endpoint: string | undefined): DynamoDBDocumentClient {
  const raw = new DynamoDBClient(endpoint ? { endpoint, region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {});
  return DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
}

export async function seedDistrict(params: SeedParams = {}): Promise<SeedResult> {
  const started = Date.now();
  const tableName = params.tableName ?? process.env.TABLE_NAME ?? '';
  if (!tableName) throw new Error('seedDistrict: no tableName given and TABLE_NAME is not set');
  const endpoint = params.endpoint ?? process.env.DYNAMODB_ENDPOINT;
  const district = params.district ?? generateDistrict(params.options);
  const phases = districtItems(district);
  const total = phases.reduce((s, p) => s + p.items.length, 0);
  const concurrency = Math.max(1, params.concurrency ?? 8);
  const client = clientFor(endpoint);
  let done = 0;
  let batches = 0;
  let retries = 0;

  async function writeBatch(items: Item[]): Promise<void> {
    let requests = items.map((Item) => ({ PutRequest: { Item } }));
    batches += 1;
    for (let attempt = 0; ; attempt++) {
      const out = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      const left = out.UnprocessedItems?.[tableName] ?? [];
      if (left.length === 0) return;
      if (attempt + 1 >= MAX_ATTEMPTS) throw new Error(`BatchWrite left ${left.length} items unprocessed after ${MAX_ATTEMPTS} attempts`);
      retries += 1;
      requests = left as typeof requests;
      await sleep(Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
    }
  }

  try {
    for (const { phase, items } of phases) {
      const chunks: Item[][] = [];
      for (let i = 0; i < items.length; i += BATCH) chunks.push(items.slice(i, i + BATCH));
      await mapLimit(chunks, concurrency, async (chunk) => {
        await writeBatch(chunk);
        done += chunk.length;
        params.onProgress?.(done, total, phase);
      });
    }
  } finally {
    client.destroy();
  }

  return {
    tableName,
    counts: {
      centres: district.centres.length,
      stations: district.stations.length,
      officers: district.officers.filter((o) => !o.isChief).length,
      chiefs: district.officers.filter((o) => o.isChief).length,
      admins: district.admins.length,
      enterprises: district.enterprises.length,
      users: district.users.length,
      members: district.members.length,
      demoAccounts: district.demoAccounts.length,
      items: total,
      batches,
      retries,
    },
    elapsedMs: Date.now() - started,
  };
}

// ---------------------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`未知参数 ${a}`);
    const [key, inline] = a.slice(2).split('=', 2);
    if (inline !== undefined) out[key] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[key] = argv[++i];
    else out[key] = true;
  }
  return out;
}

const intArg = (v: string | true | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v === true || !Number.isInteger(n) || n < 0) throw new Error(`--${name} 应为非负整数`);
  return n;
};

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const args = parseArgs(argv);
  const tableName = (typeof args.table === 'string' ? args.table : undefined) ?? process.env.TABLE_NAME;
  const endpoint = (typeof args.endpoint === 'string' ? args.endpoint : undefined) ?? process.env.DYNAMODB_ENDPOINT;
  if (!tableName) throw new Error('请用 --table 或环境变量 TABLE_NAME 指定表名');
  if (!endpoint && !args.aws) throw new Error('未指定 DynamoDB Local 地址（--endpoint 或 DYNAMODB_ENDPOINT）；写入 AWS 上的表需加 --aws');
  if (args.create) {
    if (!endpoint) throw new Error('--create 只用于 DynamoDB Local');
    const { createAppTable } = await import('../../dev/dynamodb-local');
    await createAppTable(endpoint, tableName);
  }
  const options: GenerateOptions = { seed: intArg(args.seed, 'seed'), enterprises: intArg(args.enterprises, 'enterprises'), officers: intArg(args.officers, 'officers'), now: new Date() };
  const tty = process.stdout.isTTY;
  let lastPrinted = 0;
  const result = await seedDistrict({
    tableName,
    endpoint,
    options,
    onProgress: (done, total, phase) => {
      const line = `播种演示数据 ${done}/${total} ${PHASE_LABELS[phase]}`;
      if (tty) process.stdout.write(`\r${line}\x1b[K`);
      else if (done === total || Date.now() - lastPrinted > 1000) {
        lastPrinted = Date.now();
        process.stdout.write(`${line}\n`);
      }
    },
  });
  if (tty) process.stdout.write('\n');
  const c = result.counts;
  console.log(
    `完成：表 ${result.tableName}，${c.centres} 个中心、${c.stations} 个派出所、${c.chiefs} 名所长、${c.officers} 名联络官、${c.admins} 名中心管理员、` +
      `${c.enterprises} 家企业、${c.users} 个用户、${c.demoAccounts} 个演示账号；共 ${c.items} 条，用时 ${(result.elapsedMs / 1000).toFixed(1)} 秒`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`\n播种失败：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
