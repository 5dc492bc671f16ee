/**
 * Checks the WeChat build (miniapp/dist/weapp) before upload:
 *  - every page of app.json, main package and subpackages, has its .js, .json and .wxml;
 *  - the main package stays under WeChat's 2 MB limit (warns above 1 MB), each subpackage under 2 MB,
 *    the whole app under 20 MB.
 * Prints the figures in KB. Run: `npx tsx scripts/check-weapp.ts [distDir]`; exits 1 on a problem.
 * `checkWeapp()` returns the same figures for tests.
 */
import fs from 'node:fs';
import path from 'node:path';

export const KB = 1024;
export const MB = 1024 * KB;
export const LIMITS = { packageBytes: 2 * MB, mainWarnBytes: 1 * MB, totalBytes: 20 * MB } as const;

/** Files the developer tools do not upload (or that are not part of any package). */
const NOT_UPLOADED = [/^project(\.private)?\.config\.json$/, /\.map$/];

export interface PackageFigures {
  /** '' for the main package. */
  root: string;
  bytes: number;
  kb: number;
  pages: string[];
}

export interface WeappReport {
  distDir: string;
  main: PackageFigures;
  subpackages: PackageFigures[];
  totalBytes: number;
  /** Missing files, packages over the limit: any of these fails the check. */
  problems: string[];
  warnings: string[];
  ok: boolean;
}

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  subpackages?: { root: string; pages: string[] }[];
}

function filesUnder(dir: string): { rel: string; bytes: number }[] {
  const out: { rel: string; bytes: number }[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push({ rel: path.relative(dir, full).split(path.sep).join('/'), bytes: fs.statSync(full).size });
    }
  };
  walk(dir);
  return out;
}

const kb = (bytes: number) => Math.round((bytes / KB) * 10) / 10;
const normaliseRoot = (root: string) => root.replace(/^\/+|\/+$/g, '');

export function checkWeapp(distDir = path.resolve(__dirname, '..', 'miniapp', 'dist', 'weapp')): WeappReport {
  const problems: string[] = [];
  const warnings: string[] = [];
  const appJsonPath = path.join(distDir, 'app.json');
  if (!fs.existsSync(appJsonPath)) {
    const empty = { root: '', bytes: 0, kb: 0, pages: [] };
    return { distDir, main: empty, subpackages: [], totalBytes: 0, problems: [`找不到 ${appJsonPath}：请先运行 npm run build:weapp`], warnings, ok: false };
  }
  const app = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as AppJson;
  const subDefs = (app.subPackages ?? app.subpackages ?? []).map((s) => ({ root: normaliseRoot(s.root), pages: s.pages }));

  const checkPage = (page: string) => {
    for (const ext of ['.js', '.json', '.wxml']) {
      if (!fs.existsSync(path.join(distDir, page + ext))) problems.push(`页面 ${page} 缺少 ${ext} 文件`);
    }
  };
  app.pages.forEach(checkPage);
  const subpackages: PackageFigures[] = subDefs.map((s) => {
    const pages = s.pages.map((p) => `${s.root}/${p}`);
    pages.forEach(checkPage);
    return { root: s.root, bytes: 0, kb: 0, pages };
  });
  const main: PackageFigures = { root: '', bytes: 0, kb: 0, pages: app.pages };

  let totalBytes = 0;
  for (const file of filesUnder(distDir)) {
    if (NOT_UPLOADED.some((re) => re.test(path.basename(file.rel)))) continue;
    totalBytes += file.bytes;
    const owner = subpackages.find((s) => file.rel.startsWith(`${s.root}/`)) ?? main;
    owner.bytes += file.bytes;
  }
  for (const figures of [main, ...subpackages]) figures.kb = kb(figures.bytes);

  if (main.bytes > LIMITS.packageBytes) problems.push(`主包 ${main.kb} KB，超过微信 2 MB 的上限`);
  else if (main.bytes > LIMITS.mainWarnBytes) warnings.push(`主包 ${main.kb} KB，已超过 1 MB：新页面请放进分包`);
  for (const s of subpackages) {
    if (s.bytes > LIMITS.packageBytes) problems.push(`分包 ${s.root} ${s.kb} KB，超过微信 2 MB 的上限`);
  }
  if (totalBytes > LIMITS.totalBytes) problems.push(`小程序总大小 ${kb(totalBytes)} KB，超过 20 MB`);

  return { distDir, main, subpackages, totalBytes, problems, warnings, ok: problems.length === 0 };
}

export function formatReport(report: WeappReport): string {
  const lines = [`weapp build: ${report.distDir}`];
  lines.push(`  main package            ${report.main.kb.toFixed(1).padStart(8)} KB  (${report.main.pages.length} pages)`);
  for (const s of report.subpackages) lines.push(`  ${s.root.padEnd(24)}${s.kb.toFixed(1).padStart(8)} KB  (${s.pages.length} pages)`);
  lines.push(`  total                   ${kb(report.totalBytes).toFixed(1).padStart(8)} KB`);
  for (const w of report.warnings) lines.push(`WARN  ${w}`);
  for (const p of report.problems) lines.push(`ERROR ${p}`);
  lines.push(report.ok ? 'OK' : 'FAILED');
  return lines.join('\n');
}

if (require.main === module) {
  const report = checkWeapp(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(formatReport(report));
  process.exit(report.ok ? 0 : 1);
}
