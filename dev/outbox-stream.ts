/**
 * The local stand-in for the notifier's DynamoDB Streams event source: reads the table's stream from
 * DynamoDB Local (which serves the DynamoDB Streams API on its own endpoint) and hands batches to the same
 * handler Lambda runs on AWS, with its ReportBatchItemFailures answer honoured: a failed record is read
 * again from its sequence number after a back-off, up to MAX_RETRIES, then logged and skipped (on AWS the
 * on-failure destination keeps it).
 *
 * Why the stream and not a poller querying the outbox: the records, their order and the filter are the
 * ones AWS delivers, and the outbox items need no shared partition or index to be found (a Query-able
 * "all outbox items" key would be one hot partition every business write touches). The Streams API is
 * called with fetch (three JSON actions), so no extra SDK package is needed.
 *
 * Used by `npm start` and the e2e stack (startOutboxReader in dev/local-stack.ts) and by integration tests
 * (`drainOutbox()`: deliver everything written so far, then return).
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { clientFor } from './dynamodb-local';
import { handler as notifier, outboxIdOf } from '../functions/handlers/notifier';

type Handler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

/** Tries of one failed record before it is skipped (AWS: MaximumRetryAttempts of the event source). */
const MAX_RETRIES = 8;
/** Records per GetRecords (AWS: BatchSize). */
const BATCH_SIZE = 100;
const DISCOVER_EVERY_MS = 5000;

type ShardState = { iterator: string | null; lastSeq: string | null; finished: boolean; retryAt: number; retries: number };

export type OutboxReader = {
  /** Reads every shard until nothing new is left and no retry is pending; the records handed over. */
  drain: (options?: { timeoutMs?: number }) => Promise<number>;
  /** Reads continuously (every `intervalMs` when idle) until the returned stop is called. */
  start: (intervalMs?: number) => () => Promise<void>;
};

async function streamsCall<T>(endpoint: string, action: string, body: unknown): Promise<T> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDBStreams_20120810.${action}`,
      // DynamoDB Local checks that a request is signed, not the signature (and runs with -sharedDb).
      authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=00',
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw Object.assign(new Error(`DynamoDB Streams ${action}: ${res.status} ${text}`), { name: /"__type":"[^"]*#(\w+)"/.exec(text)?.[1] ?? 'StreamsError' });
  return JSON.parse(text) as T;
}

export function outboxReader(endpoint: string, tableName: string, handler: Handler = notifier, log: (line: string) => void = () => {}): OutboxReader {
  const shards = new Map<string, ShardState>();
  let streamArn: string | null = null;
  let busy: Promise<unknown> = Promise.resolve();

  async function arn(): Promise<string> {
    if (streamArn) return streamArn;
    const client = clientFor(endpoint);
    try {
      const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (!out.Table?.LatestStreamArn) throw new Error(`table ${tableName} has no stream (StreamSpecification in infra/table.json)`);
      streamArn = out.Table.LatestStreamArn;
      return streamArn;
    } finally {
      client.destroy();
    }
  }

  // New shards appear rarely; DescribeStream on every 200 ms pass kept DynamoDB Local busy (≈ 85 % of a core
  // with the district seeded), slowing every other test. Drains (tests) always look; the poller every 5 s.
  let discoveredAt = 0;
  async function discover(force = false): Promise<void> {
    if (!force && shards.size > 0 && Date.now() - discoveredAt < DISCOVER_EVERY_MS) return;
    discoveredAt = Date.now();
    const StreamArn = await arn();
    let start: string | undefined;
    do {
      const out = await streamsCall<{ StreamDescription: { Shards: { ShardId: string }[]; LastEvaluatedShardId?: string } }>(endpoint, 'DescribeStream', { StreamArn, ExclusiveStartShardId: start });
      for (const s of out.StreamDescription.Shards) if (!shards.has(s.ShardId)) shards.set(s.ShardId, { iterator: null, lastSeq: null, finished: false, retryAt: 0, retries: 0 });
      start = out.StreamDescription.LastEvaluatedShardId;
    } while (start);
  }

  async function iteratorOf(shardId: string, state: ShardState, at?: string): Promise<string> {
    const body = at
      ? { ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: at }
      : state.lastSeq
        ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: state.lastSeq }
        : { ShardIteratorType: 'TRIM_HORIZON' };
    const out = await streamsCall<{ ShardIterator: string }>(endpoint, 'GetShardIterator', { StreamArn: await arn(), ShardId: shardId, ...body });
    return out.ShardIterator;
  }

  /** One pass over every shard: stream records read, outbox records handed to the handler, whether retries wait. */
  async function pass(force = false): Promise<{ read: number; records: number; waiting: boolean }> {
    await discover(force);
    let read = 0;
    let records = 0;
    let waiting = false;
    for (const [shardId, state] of shards) {
      if (state.finished) continue;
      if (state.retryAt > Date.now()) {
        waiting = true;
        continue;
      }
      let out: { Records?: DynamoDBRecord[]; NextShardIterator?: string };
      try {
        state.iterator ??= await iteratorOf(shardId, state);
        out = await streamsCall(endpoint, 'GetRecords', { ShardIterator: state.iterator, Limit: BATCH_SIZE });
      } catch (error) {
        if ((error as Error).name !== 'ExpiredIteratorException') throw error;
        state.iterator = null;
        continue;
      }
      const batch = (out.Records ?? []).filter((r) => outboxIdOf(r) !== null);
      const result = batch.length ? await handler({ Records: batch }) : { batchItemFailures: [] };
      const failures = result.batchItemFailures.map((f) => f.itemIdentifier).sort();
      records += batch.length;
      if (failures.length > 0) {
        // As Lambda does: the batch is read again from the first failed record, after a back-off.
        state.retries += 1;
        if (state.retries > MAX_RETRIES) {
          log(`outbox: gave up on record ${failures[0]} after ${MAX_RETRIES} retries`);
          state.retries = 0;
          state.lastSeq = failures[0]!;
          state.iterator = await iteratorOf(shardId, state);
        } else {
          state.iterator = await iteratorOf(shardId, state, failures[0]);
          state.retryAt = Date.now() + Math.min(5000, 100 * 2 ** state.retries);
          waiting = true;
        }
        continue;
      }
      state.retries = 0;
      const last = out.Records?.at(-1)?.dynamodb?.SequenceNumber;
      if (last) state.lastSeq = last;
      if (out.NextShardIterator) state.iterator = out.NextShardIterator;
      else state.finished = true; // a closed shard, read to its end
      read += out.Records?.length ?? 0;
    }
    return { read, records, waiting };
  }

  /** Passes never overlap (the poller and a test's drain share one position per shard). */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = busy.then(work, work);
    busy = run.catch(() => {});
    return run;
  };

  return {
    async drain({ timeoutMs = 30_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      let total = 0;
      for (;;) {
        const { read, records, waiting } = await exclusive(() => pass(true));
        total += records;
        if (read === 0 && !waiting) return total;
        if (Date.now() > deadline) throw new Error(`outbox not drained within ${timeoutMs} ms`);
        if (read === 0) await new Promise((r) => setTimeout(r, 50));
      }
    },
    start(intervalMs = 1000) {
      let stopped = false;
      // Idle passes back off from intervalMs to 5× it (each GetRecords costs DynamoDB Local more as the seeded
      // stream grows); anything read brings the pace back.
      let idle = 0;
      const loop = (async () => {
        while (!stopped) {
          try {
            const { read } = await exclusive(pass);
            if (read > 0) {
              idle = 0;
              continue;
            }
          } catch (error) {
            log(`outbox: ${(error as Error).message}`);
          }
          idle = Math.min(idle + 1, 5);
          await new Promise((r) => setTimeout(r, intervalMs * idle));
        }
      })();
      return async () => {
        stopped = true;
        await loop;
      };
    },
  };
}

const readers = new Map<string, OutboxReader>();

/**
 * For integration tests: delivers every outbox item written so far to the current table (TABLE_NAME on
 * DYNAMODB_ENDPOINT) through the notifier, in this process, and returns how many were handed over.
 */
export async function drainOutbox(options?: { timeoutMs?: number }): Promise<number> {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  const tableName = process.env.TABLE_NAME;
  if (!endpoint || !tableName) throw new Error('drainOutbox needs DYNAMODB_ENDPOINT and TABLE_NAME');
  const key = `${endpoint}|${tableName}`;
  let reader = readers.get(key);
  if (!reader) {
    reader = outboxReader(endpoint, tableName);
    readers.set(key, reader);
  }
  return reader.drain(options);
}
