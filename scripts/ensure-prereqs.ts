/**
 * Installs what a fresh machine of this kind lacks, or names the exact install line:
 *   java (DynamoDB Local)       Debian: openjdk-17-jre-headless
 *   chromium + a CJK font       Debian: chromium fonts-wqy-microhei   (browser tests only)
 * Run with --browser to include the browser test prerequisites.
 */
import { execSync, spawnSync } from 'node:child_process';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const hasFont = () => spawnSync('sh', ['-c', 'fc-list :lang=zh | grep -q .'], { stdio: 'ignore' }).status === 0;

export function ensurePrerequisites(options: { browser: boolean }): void {
  const missing: string[] = [];
  if (!has('java')) missing.push('openjdk-17-jre-headless');
  if (options.browser && !has('chromium')) missing.push('chromium');
  if (options.browser && !hasFont()) missing.push('fonts-wqy-microhei');
  if (missing.length === 0) return;
  const line = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !has('apt-get')) {
    console.error(`缺少依赖：${missing.join(', ')}。请先运行：\n  sudo ${line}`);
    process.exit(1);
  }
  console.log(`安装缺少的依赖：${missing.join(', ')} …`);
  execSync(line, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

if (require.main === module) ensurePrerequisites({ browser: process.argv.includes('--browser') });
