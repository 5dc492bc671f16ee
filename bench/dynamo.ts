/**
 * DynamoDB plumbing for the benchmarks: an emulator that cannot outlive the run, a capacity meter on the app's
 * own client, and a parallel BatchWrite loader for bulk data.
 */
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  DynamoDBDocumentClient,
  PutCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { clientFor, createAppTable, startDynamoLocal } from '../dev/dynamodb-local';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * DynamoDB Local in memory with the app's table, tuned for throughput rather than start-up
 * (dev/dynamodb-local's `throughput` option: loading 100,000 appeals writes about a million items).
 *
 * The JVM is killed however the process ends (error, Ctrl-C, `process.exit`), so a failed run leaves no java
 * behind; `stop()` is the orderly path.
 */
export type BenchDynamo = { endpoint: string; pid: number; version: string; stop: () => Promise<void> };

export async function startBenchDynamo(tableName: string): Promise<BenchDynamo> {
  const local = await startDynamoLocal({ throughput: true });
  const kill = () => {
    try {
      process.kill(local.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    kill();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', kill);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const stop = async () => {
    await local.stop();
    process.off('exit', kill);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  try {
    await createAppTable(local.endpoint, tableName, { fresh: true });
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint: local.endpoint, pid: local.pid, version: local.version, stop };
}

export function documentClient(endpoint: string): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(clientFor(endpoint), { marshallOptions: { removeUndefinedValues: true } });
}

// ---- capacity meter -----------------------------------------------------------------------------------

export type Capacity = {
  read: number;
  /** write units; for transactions the replayed figure when replay is on (see below), else what Local reported */
  write: number;
  calls: number;
  /** transactions costed by replay since the last take() */
  replayed: number;
};

export type CapacityMeter = {
  take: () => Capacity;
  /** cost TransactWriteItems by replay (adds requests to the call: never while timing) */
  replayTransactions: (on: boolean) => void;
};

const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite|ExecuteTransaction|BatchExecuteStatement)/;

/**
 * Asks for ReturnConsumedCapacity=TOTAL on every call the client sends (unless the caller already asked) and
 * adds up what comes back, so a whole service call — its GetItems, Queries and transactions — can be costed
 * without changing the service. `take()` returns the units since the previous `take()`.
 *
 * Transactions: DynamoDB Local's TransactWriteItems reports a wrong total (9 puts of 1.5 KB → 4 WCU; AWS
 * charges 36, two units per KB per item; it seems to add up only distinct per-item values), while its PutItem,
 * DeleteItem and BatchWriteItem figures are right (a replacing put charges the larger of old and new, a delete
 * the deleted item's size). With replay on, each transaction is costed as AWS documents it: the items it
 * replaced or deleted are read first, and after it commits every Put/Delete is repeated alone on a shadow
 * table holding those old items; twice the sum of those units is the transaction's WCU.
 */
export function meterCapacity(client: Pick<DynamoDBDocumentClient, 'middlewareStack'>, shadow?: { doc: DynamoDBDocumentClient; tableName: string; shadowTable: string }): CapacityMeter {
  let totals: Capacity = { read: 0, write: 0, calls: 0, replayed: 0 };
  let replay = false;
  // At the initialize step a document command's input is still plain JavaScript (it is marshalled later).
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string; TransactItems?: TransactItem[] };
      const replaying = replay && shadow && input.TransactItems ? { ...shadow, items: input.TransactItems } : null;
      const before = replaying ? await oldItems(replaying.doc, replaying.tableName, replaying.items) : null;
      const out = await next({ ...args, input: { ...input, ReturnConsumedCapacity: input.ReturnConsumedCapacity ?? 'TOTAL' } });
      totals.calls += 1;
      if (replaying && before) {
        totals.write += await replayAlone(replaying.doc, replaying.tableName, replaying.shadowTable, replaying.items, before);
        totals.replayed += 1;
        return out;
      }
      const consumed = (out.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
      const units = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce((s, c) => s + (c.CapacityUnits ?? 0), 0);
      if (WRITES.test(context.commandName ?? '')) totals.write += units;
      else totals.read += units;
      return out;
    },
    { step: 'initialize', name: 'benchCapacityMeter', override: true },
  );
  return {
    take() {
      const t = totals;
      totals = { read: 0, write: 0, calls: 0, replayed: 0 };
      return t;
    },
    replayTransactions(on) {
      if (on && !shadow) throw new Error('meterCapacity: replay needs a shadow table');
      replay = on;
    },
  };
}

type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Key = { pk: unknown; sk: unknown };
const keyOf = (item: Item): Key => ({ pk: item.pk, sk: item.sk });
const keyString = (k: Key) => `${String(k.pk)}|${String(k.sk)}`;

/** What a transaction does to each item: a put, a delete, or an update (whose result is read after commit). */
function operations(items: TransactItem[], tableName: string): { put?: Item; update?: true; key: Key }[] {
  return items.flatMap((t) => {
    if (t.Put?.TableName === tableName && t.Put.Item) return [{ put: t.Put.Item, key: keyOf(t.Put.Item) }];
    if (t.Delete?.TableName === tableName && t.Delete.Key) return [{ key: keyOf(t.Delete.Key) }];
    if (t.Update?.TableName === tableName && t.Update.Key) return [{ update: true as const, key: keyOf(t.Update.Key) }];
    if (t.ConditionCheck) throw new Error('meterCapacity: ConditionCheck is not replayed');
    return [];
  });
}

async function oldItems(doc: DynamoDBDocumentClient, tableName: string, items: TransactItem[]): Promise<Map<string, Item>> {
  const keys = operations(items, tableName).map((o) => o.key);
  const found = new Map<string, Item>();
  for (let i = 0; i < keys.length; i += 100) {
    let request: BatchGetCommandInput['RequestItems'] = { [tableName]: { Keys: keys.slice(i, i + 100), ConsistentRead: true } };
    while (request && Object.keys(request).length) {
      const out: BatchGetCommandOutput = await doc.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of out.Responses?.[tableName] ?? []) found.set(keyString(keyOf(item)), item);
      request = out.UnprocessedKeys;
    }
  }
  return found;
}

async function replayAlone(doc: DynamoDBDocumentClient, tableName: string, shadowTable: string, items: TransactItem[], before: Map<string, Item>): Promise<number> {
  let units = 0;
  for (const op of operations(items, tableName)) {
    const old = before.get(keyString(op.key));
    if (old) await doc.send(new PutCommand({ TableName: shadowTable, Item: old }));
    else await doc.send(new DeleteCommand({ TableName: shadowTable, Key: op.key }));
    // An update writes what is now in the table (the transaction has committed): AWS charges the larger of
    // the old and new item, exactly what a replacing put of the new item on the shadow table reports.
    const written = op.update ? (await doc.send(new GetCommand({ TableName: tableName, Key: op.key, ConsistentRead: true }))).Item : op.put;
    const out = written
      ? await doc.send(new PutCommand({ TableName: shadowTable, Item: written, ReturnConsumedCapacity: 'TOTAL' }))
      : await doc.send(new DeleteCommand({ TableName: shadowTable, Key: op.key, ReturnConsumedCapacity: 'TOTAL' }));
    units += out.ConsumedCapacity?.CapacityUnits ?? 0;
    await doc.send(new DeleteCommand({ TableName: shadowTable, Key: op.key }));
  }
  return 2 * units;
}

// ---- bulk loader --------------------------------------------------------------------------------------

const BATCH = 25;
const MAX_ATTEMPTS = 10;

/**
 * Items in, BatchWrites out: 25 items a request, `concurrency` requests in flight, unprocessed items retried
 * with backoff. `put` waits only when every slot is busy, so a generator can feed it as fast as the table takes.
 */
export class BatchLoader {
  written = 0;
  batches = 0;
  retries = 0;
  private buffer: Item[] = [];
  private readonly inflight = new Set<Promise<void>>();
  private failure: unknown;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly concurrency = 16,
  ) {}

  async put(item: Item): Promise<void> {
    this.buffer.push(item);
    if (this.buffer.length >= BATCH) await this.dispatch(this.buffer.splice(0, BATCH));
  }

  /** Send what is buffered and wait for every request in flight. */
  async flush(): Promise<void> {
    if (this.buffer.length) await this.dispatch(this.buffer.splice(0));
    await Promise.all(this.inflight);
    if (this.failure) throw this.failure;
  }

  private async dispatch(items: Item[]): Promise<void> {
    while (this.inflight.size >= this.concurrency) await Promise.race(this.inflight);
    if (this.failure) throw this.failure;
    const request: Promise<void> = this.write(items)
      .then(
        () => {
          this.written += items.length;
        },
        (error: unknown) => {
          this.failure ??= error;
        },
      )
      .finally(() => this.inflight.delete(request));
    this.inflight.add(request);
  }

  private async write(items: Item[]): Promise<void> {
    let requests = items.map((Item) => ({ PutRequest: { Item } }));
    this.batches += 1;
    for (let attempt = 0; ; attempt++) {
      const out = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
      const left = out.UnprocessedItems?.[this.tableName] ?? [];
      if (left.length === 0) return;
      if (attempt + 1 >= MAX_ATTEMPTS) throw new Error(`BatchWrite left ${left.length} items unprocessed after ${MAX_ATTEMPTS} attempts`);
      this.retries += 1;
      requests = left as typeof requests;
      await sleep(Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2));
    }
  }
}
