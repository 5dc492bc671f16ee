import { DynamoDBClient, type TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ServiceBusy } from '../../shared/errors';
import { config } from './config';
import { idempotencyMarker } from './idempotency-marker';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let client: DynamoDBDocumentClient | undefined;

/**
 * How long one DynamoDB call may take. On AWS a single-item request answers in milliseconds and a 1 MB
 * page well under a second, so an outage is known within 1 s to connect or 3 s to answer, and the SDK's
 * standard retry (3 attempts with jittered back-off, throttling included) gives up well inside the
 * Lambda's 10 s: the request then answers 503 (see `isOutage`) instead of timing out. DynamoDB Local on a
 * busy laptop or CI box accepts hundreds of concurrent connections only after many seconds, so locally
 * there is no time limit; a stopped emulator still fails at once (connection refused or reset).
 */
export function dynamoClientLimits(local: boolean) {
  return local ? { maxAttempts: 3 } : { maxAttempts: 3, requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 } };
}

/** One document client per container, created on first use. */
export function db(): DynamoDBDocumentClient {
  if (!client) {
    const endpoint = config.dynamoEndpoint;
    const raw = new DynamoDBClient({
      ...dynamoClientLimits(Boolean(endpoint)),
      ...(endpoint ? { endpoint, region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    });
    // Every transaction of an idempotent request carries its key's marker (exactly once, see idempotency.ts).
    raw.middlewareStack.add(idempotencyMarker, { step: 'serialize', priority: 'high', name: 'idempotencyMarker' });
    client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  }
  return client;
}

export function table(): string {
  return config.tableName;
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** Cancellation reasons that mean "someone else's data decided it": the caller's business (409, retry). */
const CONFLICT_CODES = new Set(['ConditionalCheckFailed', 'TransactionConflict']);
/** Reasons that mean the database is overloaded: nothing was decided, answer 503. */
const THROTTLE_CODES = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);

/** A transaction DynamoDB refused as malformed (ValidationError, ItemCollectionSizeLimitExceeded …): a bug of ours, a logged 500. */
export class InvalidTransaction extends Error {
  constructor(readonly codes: string[]) {
    super(`transaction cancelled for a reason that is not a conflict: ${codes.join(',')}`);
    this.name = 'InvalidTransaction';
  }
}

/**
 * Classifies a cancelled transaction. Conditions and conflicts are returned to the caller (they are
 * domain outcomes); throttling throws `ServiceBusy` (503) and anything else — a validation error, an
 * item collection too large — throws `InvalidTransaction` (500, logged), so no caller can mistake them for
 * "someone changed it first".
 */
export function cancellationCodes(error: unknown): string[] | null {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return null;
  const codes = ((error as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  if (codes.some((c) => THROTTLE_CODES.has(c))) throw new ServiceBusy();
  if (!codes.some((c) => CONFLICT_CODES.has(c))) throw new InvalidTransaction(codes);
  return codes;
}

const OUTAGE_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ThrottlingException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'ESOCKETTIMEDOUT']);

/**
 * The database could not be reached or would not serve (after the SDK's own retries): connection
 * refused/reset, a timeout, throttling, a 5xx. Such a request decided nothing the client can act on
 * except to retry later — a 503 with Retry-After, not a 500 that looks like a bug.
 */
export function isOutage(error: unknown): boolean {
  if (error instanceof ServiceBusy) return true;
  if (!(error instanceof Error)) return false;
  if (OUTAGE_NAMES.has(error.name)) return true;
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code && NETWORK_CODES.has(code)) return true;
  // The SDK wraps a dropped socket ("AWS SDK error wrapper for TimeoutError: socket hang up").
  if (/socket hang up|ECONNRESET|ECONNREFUSED/.test(error.message)) return true;
  const meta = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
  if (meta?.httpStatusCode && meta.httpStatusCode >= 500) return true;
  if (error.name === 'TransactionCanceledException') {
    const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
    return reasons.some((r) => THROTTLE_CODES.has(r.Code ?? ''));
  }
  return false;
}

/**
 * Transactions on a hot item (a slot's seat counter, a bulletin's read count) cancel each other with
 * TransactionConflict; the loser retries this many times, after `transactionBackoff(attempt)`.
 */
export const TRANSACTION_ATTEMPTS = 12;
export const transactionBackoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * 2 ** attempt)));

/**
 * For a cancelled transaction: which items (by position) failed their condition. Items cancelled by a
 * concurrent transaction on the same item ("TransactionConflict") count as failed too: for the caller
 * both mean that someone else changed the data first. Never an empty list: a cancellation for throttling
 * throws `ServiceBusy` (503) and one for a malformed request `InvalidTransaction` (logged 500) — see
 * `cancellationCodes` — so every caller's "if (cancelledIndexes(e)) → 409" is only ever a real conflict.
 */
export function cancelledIndexes(error: unknown): number[] | null {
  const codes = cancellationCodes(error);
  return codes ? codes.flatMap((c, i) => (CONFLICT_CODES.has(c) ? [i] : [])) : null;
}

/** Pagination cursors are the LastEvaluatedKey, opaque to clients. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  return BAD_CURSOR;
}
const BAD_CURSOR = { __bad: true } as Record<string, unknown>;
export const isBadCursor = (key: Record<string, unknown> | undefined) => key === BAD_CURSOR;

import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ValidationFailed } from '../../shared/errors';
import type { Page } from '../../shared/schemas/common';

/**
 * Runs one page of a Query (the repositories' named patterns call this) and turns the cursor round-trip
 * into clear errors: a cursor that is not ours, or not for this partition, is a 400, never a 500.
 */
export async function queryPage<T>(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>,
  page: { cursor?: string; limit: number },
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T> & { consumedCapacity?: number }> {
  const start = decodeCursor(page.cursor);
  if (isBadCursor(start)) throw badCursor();
  try {
    const out = await db().send(new QueryCommand({ ...input, TableName: table(), ExclusiveStartKey: start, Limit: page.limit, ReturnConsumedCapacity: 'TOTAL' }));
    return {
      items: (out.Items ?? []).map(map),
      nextCursor: encodeCursor(out.LastEvaluatedKey),
      consumedCapacity: out.ConsumedCapacity?.CapacityUnits,
    };
  } catch (error) {
    if (start && error instanceof Error && error.name === 'ValidationException') throw badCursor();
    throw error;
  }
}

const badCursor = () => new ValidationFailed([{ field: 'cursor', message: '分页游标无效，请从第一页重新加载' }]);

/** Every item of a paged read, for the few patterns that are small by nature (a station's officers). */
export async function collectAll<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/**
 * Every item under one partition key whose sort key starts with `prefix`, strongly consistent, paged
 * through: for a record's own short lists (the history of one appeal or one booking).
 */
export async function readAllWithPrefix(pk: string, prefix: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
