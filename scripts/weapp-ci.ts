/**
 * WeChat's own compiler and code-quality check on the weapp build, offline:
 * `npx tsx scripts/weapp-ci.ts [distDir]` prints one JSON line { quality, compiledFiles, compileMs, packages }.
 *
 * miniprogram-ci normally asks WeChat's servers for the project's attributes; here the Project is created
 * with the tourist appid and a dummy private key, and `project.attr` resolves to `ci.DefaultProjectAttr`.
 * Its only other network call (getwhiteextlist) fails with ENOTFOUND and is harmless. The compiler leaves a
 * file watcher running, so the script exits explicitly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface QualityItem {
  name: string;
  success: boolean;
  text: string;
}

export interface WeappCiReport {
  quality: QualityItem[];
  compiledFiles: number;
  compileMs: number;
  /** Bytes per package as WeChat counts them ('__APP__' is the main package). */
  packages: Record<string, number>;
}

export async function runWeappCi(distDir: string): Promise<WeappCiReport> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS package without types
  const ci = require('miniprogram-ci');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-ci-'));
  const privateKeyPath = path.join(work, 'private.key');
  fs.writeFileSync(privateKeyPath, 'offline-check-no-upload');
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: distDir, privateKeyPath, ignores: ['node_modules/**/*'] });
  project.attr = async () => ({ ...ci.DefaultProjectAttr });

  const checks: { name: string; success: boolean; text: string; detail?: unknown }[] = await ci.checkCodeQuality(project);
  const sizes = checks.find((c) => c.name === 'PACKAGE_SIZE_LIMIT')?.detail as Record<string, number> | undefined;
  const started = Date.now();
  const compiled: Record<string, unknown> = await ci.getCompiledResult({ project, setting: { es6: false, minified: true, minifyWXML: true, minifyWXSS: true } }, path.join(work, 'compiled.zip'));
  return {
    quality: checks.map(({ name, success, text }) => ({ name, success, text })),
    compiledFiles: Object.keys(compiled).length,
    compileMs: Date.now() - started,
    packages: sizes ?? {},
  };
}

if (require.main === module) {
  const distDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'miniapp', 'dist', 'weapp'));
  // miniprogram-ci logs its progress on stdout: keep stdout for the one JSON line.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => process.stderr.write(chunk, ...(rest as []))) as typeof process.stdout.write;
  runWeappCi(distDir).then(
    (report) => {
      write(`${JSON.stringify(report)}\n`, () => process.exit(0));
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
