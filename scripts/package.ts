/**
 * `npm run package [-- --stage prod] [--package DIR] [--region REGION] [--verbose]`
 *
 * Runs `serverless package` offline (dummy AWS credentials: packaging never calls AWS) and prints each
 * function's zip size. Output goes to .serverless/ (or --package DIR): the CloudFormation template plus one
 * zip per function, exactly what `serverless deploy --package DIR` would upload.
 *
 * Packaging runs in a throw-away service directory (serverless.yml copied, everything else symlinked), so
 * the bundler's scratch folders (.esbuild/) never clash with a running `serverless offline` in the repo or
 * with another packaging of a different stage at the same time (the infra test packages dev and prod in
 * parallel).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

/** Top-level entries never linked into the throw-away service directory (build output, VCS). */
const NOT_LINKED = new Set(['serverless.yml', '.serverless', '.esbuild', '.build', '.sourcemaps', '.git']);

export interface PackagedFunction {
  /** Function key in serverless.yml (e.g. "auth"). */
  name: string;
  /** Deployed Lambda name (e.g. "zqztc-prod-auth"). */
  lambdaName: string;
  zip: string;
  bytes: number;
}

export interface CfnResource {
  Type: string;
  // biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are free-form JSON that callers walk by path
  Properties?: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string | string[];
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, unknown>;
}

export interface PackageResult {
  stage: string;
  outDir: string;
  template: CfnTemplate;
  functions: PackagedFunction[];
  /** Combined stdout + stderr of the serverless CLI. */
  log: string;
  ms: number;
}

export interface PackageOptions {
  stage?: string;
  /** Where the template and zips go; default <repo>/.serverless. Emptied first. */
  outDir?: string;
  region?: string;
  /** Echo the CLI's output while it runs. */
  verbose?: boolean;
}

function stagingDir(stage: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zqztc-package-${stage}-`));
  fs.copyFileSync(path.join(ROOT, 'serverless.yml'), path.join(dir, 'serverless.yml'));
  for (const entry of fs.readdirSync(ROOT)) {
    if (NOT_LINKED.has(entry)) continue;
    fs.symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  }
  return dir;
}

/** The environment for an offline packaging: dummy credentials, no profile, nothing that reaches AWS. */
function packagingEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    'AWS_PROFILE',
    'AWS_DEFAULT_PROFILE',
    'AWS_SESSION_TOKEN',
    'AWS_SECURITY_TOKEN',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_ROLE_ARN',
  ]) {
    delete env[name];
  }
  return {
    ...env,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_EC2_METADATA_DISABLED: 'true',
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    FORCE_COLOR: '0',
  };
}

function run(args: string[], cwd: string, verbose: boolean): Promise<string> {
  const bin = require.resolve('serverless/bin/serverless.js', { paths: [ROOT] });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: packagingEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const collect = (chunk: Buffer) => {
      log += chunk.toString();
      if (verbose) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(log);
      else reject(new Error(`serverless ${args.join(' ')} exited with ${code}\n${log}`));
    });
  });
}

export async function packageStage(options: PackageOptions = {}): Promise<PackageResult> {
  const stage = options.stage ?? 'dev';
  const outDir = path.resolve(options.outDir ?? path.join(ROOT, '.serverless'));
  const started = Date.now();
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(outDir), { recursive: true });

  const work = stagingDir(stage);
  let log: string;
  try {
    // No --package: serverless silently ignores a --package path ending in ".serverless" (it is taken for
    // its own default). It writes to <work>/.serverless, which is then moved to outDir.
    const args = ['package', '--stage', stage];
    if (options.region) args.push('--region', options.region);
    log = await run(args, work, options.verbose ?? false);
    fs.cpSync(path.join(work, '.serverless'), outDir, { recursive: true });
    // Source maps are a build artefact kept beside the zips, never inside them (infra/esbuild-plugins.js).
    const maps = path.join(work, '.sourcemaps');
    if (fs.existsSync(maps)) fs.cpSync(maps, path.join(outDir, 'sourcemaps'), { recursive: true });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }

  const template = JSON.parse(fs.readFileSync(path.join(outDir, 'cloudformation-template-update-stack.json'), 'utf8')) as CfnTemplate;
  const state = JSON.parse(fs.readFileSync(path.join(outDir, 'serverless-state.json'), 'utf8'));
  const functions: PackagedFunction[] = Object.entries(state.service.functions as Record<string, { name: string; package: { artifact: string } }>).map(([name, fn]) => {
    const zip = path.join(outDir, path.basename(fn.package.artifact));
    return { name, lambdaName: fn.name, zip, bytes: fs.statSync(zip).size };
  });
  return { stage, outDir, template, functions, log, ms: Date.now() - started };
}

export function formatSizes(result: PackageResult): string {
  const width = Math.max(...result.functions.map((f) => f.name.length), 8);
  const lines = result.functions.map((f) => `  ${f.name.padEnd(width)}  ${(f.bytes / 1024).toFixed(1).padStart(8)} KB`);
  const total = result.functions.reduce((sum, f) => sum + f.bytes, 0);
  return [
    `stage ${result.stage}: ${result.functions.length} functions packaged in ${(result.ms / 1000).toFixed(1)} s -> ${path.relative(process.cwd(), result.outDir) || '.'}`,
    ...lines,
    `  ${'total'.padEnd(width)}  ${(total / 1024).toFixed(1).padStart(8)} KB`,
  ].join('\n');
}

function parseArgs(argv: string[]): PackageOptions {
  const options: PackageOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--stage' || arg === '-s') options.stage = value();
    else if (arg.startsWith('--stage=')) options.stage = arg.slice('--stage='.length);
    else if (arg === '--package' || arg === '--out') options.outDir = value();
    else if (arg === '--region' || arg === '-r') options.region = value();
    else if (arg === '--verbose' || arg === '-v') options.verbose = true;
    else if (!arg.startsWith('-') && !options.stage) options.stage = arg;
    else throw new Error(`Unknown argument ${arg}`);
  }
  return options;
}

if (require.main === module) {
  packageStage(parseArgs(process.argv.slice(2)))
    .then((result) => {
      // Notes from the infra/ resolvers (a function without routes, a handler not written yet) and warnings.
      const notes = result.log.split('\n').filter((line) => /^(infra\/|Warning)/.test(line.trim()));
      if (notes.length) console.warn(notes.join('\n'));
      console.log(formatSizes(result));
    })
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
