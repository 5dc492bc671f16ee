/**
 * npm test — every test: installs missing prerequisites (java; chromium and a CJK font for the browser
 * tests), builds the mini-program for weapp and h5, then runs all Jest projects (unit, integration on
 * DynamoDB Local, miniapp components, e2e in headless Chromium). Before all that, the linter and format check
 * (Biome, a few seconds: `npm run lint`) and the type check of both projects (`npm run typecheck`: the backend,
 * shared and tests; the mini-program with its own stricter tsconfig; about a minute). Extra arguments go to Jest.
 * SKIP_BUILD=1 reuses existing builds.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensurePrerequisites } from './ensure-prereqs';

const ROOT = path.resolve(__dirname, '..');
const started = Date.now();

function run(label: string, command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const t = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✗ ${label} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

run('lint and format check (biome ci)', process.execPath, [require.resolve('@biomejs/biome/bin/biome'), 'ci', '--error-on-warnings', '.']);
const tsc = require.resolve('typescript/bin/tsc');
run('type check (tsc: functions, shared, tests)', process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit']);
run('type check (tsc: miniapp)', process.execPath, [tsc, '-p', 'miniapp/tsconfig.json', '--noEmit']);
ensurePrerequisites({ browser: true });
const taro = require.resolve('@tarojs/cli/bin/taro');
if (!process.env.SKIP_BUILD) {
  run('build weapp', process.execPath, [taro, 'build', '--type', 'weapp'], { cwd: path.join(ROOT, 'miniapp'), env: { NODE_ENV: 'production', TARO_APP_STAGE: 'prod' } });
  run('build h5 (dev stage, API at /api)', process.execPath, [taro, 'build', '--type', 'h5'], { cwd: path.join(ROOT, 'miniapp'), env: { NODE_ENV: 'production', TARO_APP_API_BASE: '/api', TARO_APP_STAGE: 'dev' } });
}
run('jest: unit, integration, miniapp, e2e', process.execPath, [require.resolve('jest/bin/jest'), '--ci', ...process.argv.slice(2)], { env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
console.log(`\nAll tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
