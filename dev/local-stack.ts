/**
 * The whole local stack, for `npm start`, the HTTP smoke test, the browser tests and the benchmarks:
 * DynamoDB Local -> the table (from infra/table.json) -> optional seed -> fake WeChat server ->
 * the API under serverless-offline -> optional H5 static server with an /api proxy.
 * Every child runs in its own process group and is stopped (group-wide) by stop().
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createAppTable, freePort, startDynamoLocal, type DynamoLocal } from './dynamodb-local';
import { startWechatFake, type FakeWechat } from './wechat-fake';
import { startH5Server } from './h5-server';
import { outboxReader } from './outbox-stream';
import { LOCAL_S3_ACCESS_KEY, LOCAL_S3_SECRET, startS3Local, type S3Local } from './s3-local';

export const ROOT = path.resolve(__dirname, '..');
export const DEV_APPID = 'wxdev00000000demo';
export const DEV_WECHAT_SECRET = 'local-dev-wechat-secret';
export const DEV_TOKEN_SECRET = 'local-dev-token-secret-not-for-production-use';
/** The Token of the mini-program's message push (media-check verdicts), locally shared with the fake. */
export const DEV_PUSH_TOKEN = 'local-dev-wechat-push-token';

export type StackOptions = {
  tableName?: string;
  dbPath?: string;
  ports?: { dynamo?: number; api?: number; lambda?: number; wechat?: number; h5?: number; s3?: number };
  /** Where uploads are kept (`npm start -- --persist`); a temporary directory by default. */
  s3Dir?: string;
  /** Runs after the table exists, before the API starts (e.g. seeding). */
  prepare?: (env: { endpoint: string; tableName: string; created: boolean }) => Promise<void>;
  h5Root?: string;
  log?: (line: string) => void;
  quietApi?: boolean;
};

export type Stack = {
  dynamo: DynamoLocal;
  wechat: FakeWechat;
  s3: S3Local;
  apiUrl: string;
  h5Url: string | null;
  tableName: string;
  env: Record<string, string>;
  stop: () => Promise<void>;
};

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? (() => {});
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
  };
  try {
    const tableName = options.tableName ?? 'zqztc-dev';
    const dynamo = await startDynamoLocal({ port: options.ports?.dynamo, dbPath: options.dbPath });
    stops.push(dynamo.stop);
    log(`DynamoDB Local    ${dynamo.endpoint}${options.dbPath ? `（数据保存在 ${options.dbPath}）` : '（内存模式）'}`);
    const created = (await createAppTable(dynamo.endpoint, tableName)) === 'created';
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
    process.env.TABLE_NAME = tableName;
    await options.prepare?.({ endpoint: dynamo.endpoint, tableName, created });

    const wechat = await startWechatFake({ port: options.ports?.wechat, appid: DEV_APPID, secret: DEV_WECHAT_SECRET });
    stops.push(wechat.stop);
    log(`微信接口（本地模拟） ${wechat.url}`);

    const s3 = await startS3Local({ bucket: `${tableName}-evidence`, port: options.ports?.s3, directory: options.s3Dir });
    stops.push(s3.stop);
    log(`S3（本地 s3rver）  ${s3.endpoint}/${s3.bucket}`);

    const apiPort = options.ports?.api ?? (await freePort());
    const lambdaPort = options.ports?.lambda ?? (await freePort());
    const env: Record<string, string> = {
      STAGE: 'dev',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPID: DEV_APPID,
      WECHAT_SECRET: DEV_WECHAT_SECRET,
      TOKEN_SECRET: DEV_TOKEN_SECRET,
      WECHAT_PUSH_TOKEN: DEV_PUSH_TOKEN,
      ATTACHMENTS_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: LOCAL_S3_ACCESS_KEY,
      S3_SECRET_ACCESS_KEY: LOCAL_S3_SECRET,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REGION: 'ap-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
    };
    // The notifier, as the stream would run it on AWS: in this process, with the API's settings.
    Object.assign(process.env, { ...env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'ERROR' });
    const stopOutbox = outboxReader(dynamo.endpoint, tableName, undefined, log).start();
    stops.push(stopOutbox);

    const api = spawn(process.execPath, [require.resolve('serverless/bin/serverless.js'), 'offline', 'start', '--stage', 'dev', '--httpPort', String(apiPort), '--lambdaPort', String(lambdaPort), '--host', '127.0.0.1'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    stops.push(() => killGroup(api));
    let output = '';
    const collect = (d: Buffer) => {
      output += d.toString();
      if (!options.quietApi)
        process.stdout.write(
          d
            .toString()
            .split('\n')
            .filter((l) => /error|warn/i.test(l))
            .map((l) => `[api] ${l}\n`)
            .join(''),
        );
    };
    api.stdout!.on('data', collect);
    api.stderr!.on('data', collect);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor(`${apiUrl}/health`, 120_000, () => (api.exitCode !== null ? `serverless offline exited:\n${output}` : null));
    log(`接口（serverless-offline） ${apiUrl}`);
    // WeChat pushes media-check verdicts to the API (微信公众平台 → 消息推送 on the real platform).
    wechat.setPush(`${apiUrl}/wechat/push`, DEV_PUSH_TOKEN);

    let h5Url: string | null = null;
    if (options.h5Root) {
      const h5 = await startH5Server({ root: options.h5Root, apiTarget: apiUrl, port: options.ports?.h5 ?? 0 });
      stops.push(h5.stop);
      h5Url = h5.url;
      // A scanned mini-program code (扫码登录) opens the confirm page of this H5 app.
      wechat.setOpenBase(h5Url);
    }
    return { dynamo, wechat, s3, apiUrl, h5Url, tableName, env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitFor(url: string, timeoutMs: number, failed: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = failed();
    if (why) throw new Error(why);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Stop a detached child and everything it started (serverless-offline spawns workers). */
export async function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 4000);
  await exited;
  clearTimeout(timer);
}
