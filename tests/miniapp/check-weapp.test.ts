import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkWeapp, formatReport, MB } from '../../scripts/check-weapp';

let dist: string;

const write = (rel: string, bytes = 10) => {
  const full = path.join(dist, rel);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, Buffer.alloc(bytes, 97));
};
const page = (p: string, bytes = 100) => {
  for (const ext of ['.js', '.json', '.wxml', '.wxss']) write(p + ext, bytes);
};

beforeEach(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-'));
  fs.writeFileSync(path.join(dist, 'app.json'), JSON.stringify({ pages: ['pages/index/index'], subPackages: [{ root: 'packages/auth', pages: ['pages/login/index'] }] }));
  page('pages/index/index');
  page('packages/auth/pages/login/index', 2048);
  write('app.js', 4096);
  write('project.config.json', 5000);
});

afterEach(() => fs.rmSync(dist, { recursive: true, force: true }));

describe('check-weapp', () => {
  it('sizes the main package and each subpackage', () => {
    const report = checkWeapp(dist);

    expect(report.ok).toBe(true);
    // app.json + app.js + 4 files of the index page; project.config.json is not uploaded.
    const appJsonBytes = fs.statSync(path.join(dist, 'app.json')).size;
    expect(report.main.bytes).toBe(appJsonBytes + 4096 + 400);
    expect(report.subpackages).toEqual([expect.objectContaining({ root: 'packages/auth', bytes: 4 * 2048, kb: 8 })]);
    expect(formatReport(report)).toMatch(/packages\/auth\s+8\.0 KB/);
  });

  it('fails when a page lacks its .wxml', () => {
    fs.rmSync(path.join(dist, 'packages/auth/pages/login/index.wxml'));
    const report = checkWeapp(dist);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(['页面 packages/auth/pages/login/index 缺少 .wxml 文件']);
  });

  it('warns above 1 MB and fails above 2 MB of main package', () => {
    write('vendors.js', 1.2 * MB);
    expect(checkWeapp(dist)).toMatchObject({ ok: true, warnings: [expect.stringContaining('已超过 1 MB')] });

    write('vendors.js', 2.1 * MB);
    expect(checkWeapp(dist)).toMatchObject({ ok: false, problems: [expect.stringContaining('超过微信 2 MB 的上限')] });
  });

  it('says what to do when there is no build', () => {
    const report = checkWeapp(path.join(dist, 'nowhere'));
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toContain('npm run build:weapp');
  });
});
