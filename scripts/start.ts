/**
 * npm start — the whole local stack with a district's demo data:
 *   DynamoDB Local (in memory; --persist keeps data in .data/dynamodb) -> table from infra/table.json ->
 *   seed (3 centres, 13 stations, 92 police accounts, 1,900 enterprises; fixed seed) -> fake WeChat ->
 *   API under serverless-offline -> the mini-program's H5 build served with an /api proxy.
 * Prints where to open the app and the demo accounts; Ctrl-C stops everything it started.
 *
 * Options: --persist   keep DynamoDB data across restarts (git-ignored .data/)
 *          --no-h5     API only, skip building and serving the H5 app
 *          --rebuild   rebuild the H5 app even if it looks up to date
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ensurePrerequisites } from './ensure-prereqs';
import { ROOT, startStack } from '../dev/local-stack';

const args = new Set(process.argv.slice(2));
const persist = args.has('--persist');
const withH5 = !args.has('--no-h5');
const h5Root = path.join(ROOT, 'miniapp/dist/h5');
const t0 = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} 秒`;

async function portOr(preferred: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(undefined));
    s.listen(preferred, '127.0.0.1', () => s.close(() => resolve(preferred)));
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function buildH5IfStale(): boolean {
  const index = path.join(h5Root, 'index.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'miniapp')), newestMtime(path.join(ROOT, 'shared')));
  if (!args.has('--rebuild') && existsSync(index) && statSync(index).mtimeMs > sources) {
    console.log('小程序 H5 版本已是最新，跳过构建');
    return true;
  }
  console.log('构建小程序 H5 版本（首次约 30-60 秒）…');
  const started = Date.now();
  const result = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: path.join(ROOT, 'miniapp'),
    env: { ...process.env, TARO_APP_API_BASE: '/api', TARO_APP_STAGE: 'dev', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    console.error(`H5 构建失败（仅启动接口）：\n${result.stderr?.slice(-2000)}`);
    return false;
  }
  console.log(`H5 构建完成，用时 ${seconds(started)}`);
  return true;
}

async function main() {
  ensurePrerequisites({ browser: false });
  const h5Ready = withH5 && buildH5IfStale();
  let seedSeconds = '';
  const stack = await startStack({
    dbPath: persist ? path.join(ROOT, '.data/dynamodb') : undefined,
    s3Dir: persist ? path.join(ROOT, '.data/s3') : undefined,
    ports: { dynamo: await portOr(8000), api: await portOr(3000), lambda: await portOr(3002), wechat: await portOr(9100), h5: (await portOr(10086)) ?? 0 },
    h5Root: h5Ready ? h5Root : undefined,
    log: (line) => console.log(`✓ ${line}`),
    prepare: async ({ created }) => {
      if (!created) {
        console.log('✓ 使用已保存的数据（--persist），不重新播种');
        return;
      }
      const { seedDistrict, PHASE_LABELS } = await import('./seed/seed');
      const started = Date.now();
      let lastPhase = '';
      await seedDistrict({
        // One updating line on a terminal; one line per phase in a log file.
        onProgress: (done: number, total: number, phase: keyof typeof PHASE_LABELS) => {
          if (process.stdout.isTTY) process.stdout.write(`\r  播种演示数据 ${done}/${total} ${PHASE_LABELS[phase]}          `);
          else if (phase !== lastPhase) console.log(`  播种演示数据 ${done}/${total} ${PHASE_LABELS[phase]}`);
          lastPhase = phase;
        },
      });
      const { seedDemoAppeals } = await import('./seed/appeals');
      const appeals = await seedDemoAppeals({
        onProgress: (done, total) => {
          if (process.stdout.isTTY) process.stdout.write(`\r  播种演示诉求 ${done}/${total}          `);
        },
      });
      const { seedDemoModules } = await import('./seed/modules');
      const modules = await seedDemoModules();
      seedSeconds = seconds(started);
      process.stdout.write(`\r✓ 演示数据已生成：3 个中心、13 个派出所、79 名联络官、1900 家企业、${appeals} 件诉求${modules.map((m) => `、${m}`).join('')}（${seedSeconds}）          \n`);
    },
  });

  const { demoAccounts } = await import('../functions/repositories/demo-repository');
  const accounts = await demoAccounts();
  const open = stack.h5Url ?? '(未构建 H5)';
  console.log(`
══════════════════════════════════════════════════════════════
 助企直通车 本地环境已就绪（用时 ${seconds(t0)}）

 打开小程序（H5）：  ${open}
 接口：              ${stack.apiUrl}        接口文档：${stack.apiUrl}/openapi.json
 微信接口模拟：      ${stack.wechat.url}
 DynamoDB Local：    ${stack.dynamo.endpoint}  表：${stack.tableName}

 演示账号（在 H5 登录页点“演示登录”选择，或 POST /auth/demo {"accountId": …}）：`);
  const byRole = new Map<string, typeof accounts>();
  for (const a of accounts) byRole.set(a.role, [...(byRole.get(a.role) ?? []), a]);
  const titles: Record<string, string> = { centre: '助企警务中心', chief: '派出所所长', officer: '联络官', enterprise: '企业' };
  for (const [role, list] of byRole) {
    console.log(`   ${titles[role] ?? role}：`);
    for (const a of list.slice(0, 4)) console.log(`     ${a.accountId.padEnd(20)} ${a.label}  ${a.detail}`);
    if (list.length > 4) console.log(`     …共 ${list.length} 个`);
  }
  console.log(`
 按 Ctrl-C 停止全部服务。
══════════════════════════════════════════════════════════════`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n正在停止…');
    await stack.stop();
    console.log('已停止（DynamoDB Local、接口、微信模拟、H5 服务均已关闭）');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
