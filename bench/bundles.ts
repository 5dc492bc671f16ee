/**
 * Lean bundles, fast cold starts: what each function ships and what its module load costs, against the floor
 * every function pays.
 *
 * The prod stage is packaged exactly as `npm run package -- --stage prod` does (scripts/package.ts, into a
 * temporary directory); each zip's size is recorded and the zip unpacked. Cold load: a fresh `node` process per
 * sample times `require()` of the unpacked handler file (process.hrtime around the require; process start-up is
 * not counted). The floor is a bundle that only imports @aws-sdk/client-dynamodb + @aws-sdk/lib-dynamodb and
 * creates a DynamoDBDocumentClient, built by esbuild with the functions' own options (read from the packaged
 * serverless state). Those options keep @aws-sdk/* out of the bundles (the Lambda runtime ships it), so both
 * the functions and the floor resolve it from this repository's node_modules through NODE_PATH, as the runtime
 * does from its own. Each child gets the function's environment from the packaged template (what Lambda sets),
 * plus AWS_REGION, so settings read at module load see prod values. Samples of all functions and the floor
 * are interleaved in a random order per round.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import JSZip from 'jszip';
import { packageStage, ROOT, type CfnTemplate } from '../scripts/package';
import { fmt, markdownTable, progressLine, shuffled, summarise, textTable, type Stats, type Table } from './lib';
import type { BenchModule } from './module';

/** Goals of the issue: zip ≤ 150 KB for every API function (reports excepted), cold load ≤ 2× the floor. */
const ZIP_GOAL_KB = 150;
const LOAD_GOAL = 2;
/** Functions not behind the HTTP API (no zip goal): stream, schedule. */
const NOT_API = new Set(['scheduler', 'notifier', 'digest']);
const PLACEHOLDER_APPID = 'wx0000000000000000';

const FLOOR_SOURCE = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
export const client = DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
`;

/** Runs in the child: time one require of the file, print the milliseconds. */
const PROBE = 'const t0 = process.hrtime.bigint(); require(process.argv[1]); process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6));';

type EsbuildConfig = { minify?: boolean; keepNames?: boolean; target?: string; platform?: 'node'; format?: 'cjs' | 'esm'; mainFields?: string[]; exclude?: string[]; sourcemap?: unknown; sourcesContent?: boolean };

type Fn = { name: string; zipBytes: number; file: string; env: Record<string, string>; api: boolean; composition?: { part: string; kb: number }[] };

type Row = { name: string; api: boolean; zipKb: number; load: Stats; ratio: number; zipOk: boolean | null; loadOk: boolean; composition?: { part: string; kb: number }[] };

function loadOnce(file: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', PROBE, file], { env, cwd: path.dirname(file), timeout: 60_000 }, (error, stdout, stderr) => {
      const ms = Number(stdout);
      if (error || !Number.isFinite(ms)) reject(new Error(`loading ${file} failed: ${error?.message ?? ''}\n${stderr}`));
      else resolve(ms);
    });
  });
}

/** The options serverless-esbuild got (custom.esbuild), as esbuild options; `exclude` becomes `external`. */
function esbuildOptions(config: EsbuildConfig): BuildOptions {
  const { zodWithoutLocales } = require('../infra/esbuild-plugins.js') as { zodWithoutLocales: NonNullable<BuildOptions['plugins']>[number] };
  return {
    bundle: true,
    minify: config.minify,
    keepNames: config.keepNames,
    target: config.target,
    platform: config.platform,
    format: config.format,
    mainFields: config.mainFields,
    external: config.exclude,
    plugins: [zodWithoutLocales],
    logLevel: 'silent',
  };
}

/** What fills a bundle, by package (or source folder), largest first: for the functions over the size goal. */
async function composition(handlerTs: string, options: BuildOptions): Promise<{ part: string; kb: number }[]> {
  const out = await build({ ...options, entryPoints: [handlerTs], write: false, metafile: true, outdir: path.join(os.tmpdir(), 'zqztc-bench-meta') });
  const parts = new Map<string, number>();
  for (const output of Object.values(out.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const part = pkg ? pkg[1] : input.split('/').slice(0, 2).join('/');
      parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
    }
  }
  return [...parts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([part, bytes]) => ({ part, kb: bytes / 1024 }));
}

export const bundlesModule: BenchModule = {
  id: 'bundles',
  title: 'Bundles: zip size and cold module load per function (prod stage)',
  order: 5,
  async run(ctx) {
    const samples = ctx.quick ? 5 : 15;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zqztc-bench-bundles-'));
    try {
      const appIdBefore = process.env.WECHAT_APPID;
      // Packaging prod refuses to run without an AppID (infra/wechat-appid.js); any well-formed one will do.
      if (!/^wx[0-9a-f]{16}$/.test(appIdBefore ?? '')) process.env.WECHAT_APPID = PLACEHOLDER_APPID;
      ctx.log('packaging the prod stage …');
      const packaged = await packageStage({ stage: 'prod', outDir: path.join(work, 'package') }).finally(() => {
        if (appIdBefore === undefined) delete process.env.WECHAT_APPID;
        else process.env.WECHAT_APPID = appIdBefore;
      });
      ctx.log(`packaged ${packaged.functions.length} functions in ${fmt.secs(packaged.ms)}`);
      const state = JSON.parse(fs.readFileSync(path.join(packaged.outDir, 'serverless-state.json'), 'utf8')) as {
        service: { custom: { esbuild: EsbuildConfig }; functions: Record<string, { handler: string }> };
      };
      const options = esbuildOptions(state.service.custom.esbuild);
      const lambdas = lambdaEnvironments(packaged.template);

      // The child processes resolve @aws-sdk/* from here (the runtime's copy on Lambda), nothing else.
      const baseEnv: Record<string, string> = { PATH: process.env.PATH ?? '', NODE_PATH: path.join(ROOT, 'node_modules'), AWS_REGION: 'cn-northwest-1', AWS_DEFAULT_REGION: 'cn-northwest-1' };
      const fns: Fn[] = [];
      for (const f of packaged.functions) {
        const dir = path.join(work, 'unzipped', f.name);
        const zip = await JSZip.loadAsync(fs.readFileSync(f.zip));
        for (const entry of Object.values(zip.files)) {
          if (entry.dir) continue;
          const target = path.join(dir, entry.name);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.writeFileSync(target, await entry.async('nodebuffer'));
        }
        const handler = state.service.functions[f.name].handler; // functions/handlers/meta.handler
        const file = path.join(dir, `${handler.slice(0, handler.lastIndexOf('.'))}.js`);
        if (!fs.existsSync(file)) throw new Error(`${f.name}: ${path.relative(dir, file)} is not in its zip`);
        const env = { ...baseEnv, ...(lambdas.get(f.lambdaName) ?? {}), AWS_LAMBDA_FUNCTION_NAME: f.lambdaName };
        fns.push({ name: f.name, zipBytes: f.bytes, file, env, api: !NOT_API.has(f.name) });
      }
      for (const fn of fns) {
        if (fn.zipBytes / 1024 > ZIP_GOAL_KB) fn.composition = await composition(path.join(ROOT, `${state.service.functions[fn.name].handler.replace(/\.\w+$/, '')}.ts`), options);
      }

      const floorDir = path.join(work, 'floor');
      fs.mkdirSync(floorDir, { recursive: true });
      fs.writeFileSync(path.join(floorDir, 'entry.ts'), FLOOR_SOURCE);
      await build({ ...options, entryPoints: [path.join(floorDir, 'entry.ts')], outfile: path.join(floorDir, 'floor.js') });
      const floorBytes = fs.statSync(path.join(floorDir, 'floor.js')).size;
      const floor = { name: 'floor', file: path.join(floorDir, 'floor.js'), env: { ...baseEnv, ...(lambdas.values().next().value ?? {}) } };

      // Every contender once per round, in a fresh random order; one round first to warm the page cache.
      const contenders = [floor, ...fns];
      const ms = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
      const progress = progressLine();
      for (let round = -1; round < samples; round++) {
        for (const c of shuffled(contenders)) {
          const t = await loadOnce(c.file, c.env);
          if (round >= 0) ms.get(c.name)!.push(t);
        }
        progress.update(`cold loads: round ${round + 1}/${samples} of ${contenders.length} bundles`);
      }
      progress.done(`cold loads: ${samples} rounds of ${contenders.length} bundles (floor included), random order per round`);

      const floorLoad = summarise(ms.get('floor')!);
      const rows: Row[] = fns.map((fn) => {
        const load = summarise(ms.get(fn.name)!);
        const zipKb = fn.zipBytes / 1024;
        const ratio = load.p50 / floorLoad.p50;
        return { name: fn.name, api: fn.api, zipKb, load, ratio, zipOk: fn.api ? zipKb <= ZIP_GOAL_KB : null, loadOk: ratio <= LOAD_GOAL, composition: fn.composition };
      });
      const data = { stage: 'prod', samples, floor: { bytes: floorBytes, load: floorLoad }, goals: { zipKb: ZIP_GOAL_KB, loadRatio: LOAD_GOAL }, functions: rows, esbuild: state.service.custom.esbuild };
      return { data, ...render(data) };
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  },
};

/** Each Lambda's environment variables as the template sets them (only plain strings; none are intrinsics today). */
function lambdaEnvironments(template: CfnTemplate): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const r of Object.values(template.Resources)) {
    if (r.Type !== 'AWS::Lambda::Function') continue;
    const vars = (r.Properties?.Environment?.Variables ?? {}) as Record<string, unknown>;
    out.set(String(r.Properties?.FunctionName), Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'string' ? v : `cfn-${k.toLowerCase()}`])));
  }
  return out;
}

type Data = { samples: number; floor: { bytes: number; load: Stats }; functions: Row[] };

function render(d: Data): { markdown: string; text: string } {
  const mark = (ok: boolean | null) => (ok === null ? '' : ok ? '' : ' ✗');
  const table: Table = {
    headers: ['function', 'zip KB', 'load p50 ms', 'load p90 ms', 'load / floor (p50)'],
    align: ['l'],
    rows: [
      ...d.functions.map((r) => [r.name + (r.api ? '' : ' (not API)'), fmt.ms(r.zipKb) + mark(r.zipOk), fmt.ms(r.load.p50), fmt.ms(r.load.p90), fmt.ratio(r.ratio) + mark(r.loadOk)]),
      [`floor (DynamoDB document client only, ${(d.floor.bytes / 1024).toFixed(1)} KB bundle)`, '', fmt.ms(d.floor.load.p50), fmt.ms(d.floor.load.p90), '1.00×'],
    ],
  };
  const api = d.functions.filter((r) => r.api);
  const bigZips = api.filter((r) => !r.zipOk);
  const slow = d.functions.filter((r) => !r.loadOk);
  const notes = [
    `Zip goal ≤ ${ZIP_GOAL_KB} KB for the API functions (reports may be larger): ${bigZips.length ? `over: ${bigZips.map((r) => `${r.name} ${fmt.ms(r.zipKb)} KB`).join(', ')}` : 'all within'}.`,
    `Cold-load goal ≤ ${LOAD_GOAL}× the floor (p50 ${fmt.ms(d.floor.load.p50)} ms): ${slow.length ? `over: ${slow.map((r) => `${r.name} ${fmt.ratio(r.ratio)}`).join(', ')}` : `all within (largest ${fmt.ratio(Math.max(...d.functions.map((r) => r.ratio)))})`}.`,
    ...d.functions.filter((r) => r.composition).map((r) => `What fills ${r.name} (minified bytes in the bundle, largest first): ${r.composition!.map((c) => `${c.part} ${c.kb.toFixed(0)} KB`).join(', ')}.`),
  ];
  const markdown = [
    '`npm run package -- --stage prod` into a temporary directory; each zip unpacked and its handler file `require()`d in a',
    `fresh \`node\` process (${process.version}), timed with process.hrtime around the require (process start-up not counted);`,
    `${d.samples} samples per bundle after one warm-up round, all bundles interleaved in a random order per round. The floor`,
    'imports @aws-sdk/client-dynamodb + @aws-sdk/lib-dynamodb and creates a DynamoDBDocumentClient, built with the',
    "functions' esbuild options (@aws-sdk/* external: functions and floor load it from node_modules via NODE_PATH, as",
    "Lambda's runtime provides it). Each child has its function's environment from the packaged template (TABLE_NAME,",
    'STAGE=prod, …) plus AWS_REGION. ✗ marks a figure over its goal.',
    '',
    markdownTable(table),
    '',
    ...notes.map((n) => `- ${n}`),
  ].join('\n');
  return { markdown, text: [textTable(table), ...notes].join('\n') };
}
