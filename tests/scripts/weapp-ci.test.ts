/**
 * WeChat's own compiler (miniprogram-ci, offline) accepts the weapp build made by `npm test`, and every
 * code-quality check it can run offline passes (compression on, lazy code loading, package sizes, no
 * unused files). It runs in a child process: the compiler keeps a file watcher alive after it finishes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { WeappCiReport } from '../../scripts/weapp-ci';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'miniapp/dist/weapp');

describe('miniprogram-ci on miniapp/dist/weapp', () => {
  let report: WeappCiReport;

  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'app.json'))) throw new Error('No weapp build: run `npm test` (it builds) or `npm run build:weapp`');
    const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'scripts/weapp-ci.ts'), DIST], { encoding: 'utf8', timeout: 280_000 });
    if (run.status !== 0) throw new Error(`miniprogram-ci failed (exit ${run.status}):\n${run.stderr.slice(-3000)}`);
    report = JSON.parse(run.stdout.trim().split('\n').pop()!) as WeappCiReport;
    const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
    console.log(
      [
        `miniprogram-ci: ${report.compiledFiles} files compiled in ${(report.compileMs / 1000).toFixed(1)} s`,
        ...Object.entries(report.packages).map(([name, bytes]) => `  ${name === '__APP__' ? '主包' : name}: ${kib(bytes)}`),
        ...report.quality.map((q) => `  ${q.success ? '✓' : '✗'} ${q.name}`),
      ].join('\n'),
    );
  }, 300_000);

  it('compiles the build', () => {
    expect(report.compiledFiles).toBeGreaterThan(0);
  });

  it('passes every code-quality check it runs offline', () => {
    expect(report.quality.filter((q) => !q.success)).toEqual([]);
    expect(report.quality.map((q) => q.name)).toEqual(expect.arrayContaining(['JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN', 'PACKAGE_SIZE_LIMIT']));
  });

  it('keeps the main package under 1 MB', () => {
    expect(report.packages.__APP__).toBeLessThan(1024 * 1024);
  });
});
