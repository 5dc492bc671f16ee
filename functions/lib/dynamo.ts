import { DynamoDBClient, type TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from './config';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let client: DynamoDBDocumentClient | undefined;

/** One document client per container, created on first use. */
export function db(): DynamoDBDocumentClient {
  if (!client) {
    const endpoint = config.dynamoEndpoint;
    const raw = new DynamoDBClient(
      endpoint
        ? { endpoint, region: process.env.AWS_REGION ?? 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {},
    );
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

/** Why each item of a cancelled transaction failed ('None', 'ConditionalCheckFailed', 'TransactionConflict' …), or null. */
export function cancellationCodes(error: unknown): string[] | null {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return null;
  return ((error as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code ?? 'None');
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
 * both mean that someone else changed the data first.
 */
export function cancelledIndexes(error: unknown): number[] | null {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return null;
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict' ? [i] : []));
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
    const out = await db().send(
      new QueryCommand({ ...input, TableName: table(), ExclusiveStartKey: start, Limit: page.limit, ReturnConsumedCapacity: 'TOTAL' }),
    );
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
