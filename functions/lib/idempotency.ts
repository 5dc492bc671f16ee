import { createHash, randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { IdempotencyKeyReused, RequestAlreadyDone, RequestInProgress, ValidationFailed } from '../../shared/errors';
import { db, isConditionFailure, table } from './dynamo';
import { withClaim } from './idempotency-marker';
import { logger } from './logger';

/**
 * Idempotency-Key (IETF httpapi draft) for the routes that declare `idempotent: true`.
 *
 * Item `IDEM#<caller>#<key>` · `IDEM` (one partition per key: no hot partition), expiring after 24 h (`ttl`):
 *   1. claim   — a conditional Put (`in_progress`, a fresh token, the request's fingerprint hash, a lease);
 *                if the key is there: another fingerprint → 422, completed → replay the stored status and
 *                body, committed without a stored answer → 409 已成功提交, still leased → 409 处理中 (retry).
 *   2. run     — the route's implementation; every transaction it sends also sets `committed = true` on the
 *                claim, conditional on the token (idempotency-marker.ts): the record and the key's use
 *                commit together, so the key is spent exactly once even if this Lambda dies or the
 *                database drops the connection after the commit.
 *   3. finish  — success: store status and body on the claim (if that write fails the response is still
 *                sent: the record is committed). Failure before any commit: delete the claim so the
 *                client's retry runs again at once; after a commit the claim stays.
 * A lease that ran out with nothing committed (the Lambda died) can be taken over by the same request.
 */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** How long a claim blocks retries (409 处理中) before a retry may take it over: past the Lambda's 10 s timeout. */
const leaseSeconds = () => Number(process.env.IDEMPOTENCY_LEASE_SECONDS ?? 15);

export type StoredResponse = { status: number; body: string };
export type IdempotentOutcome = StoredResponse & { replayed: boolean };

const KEY = /^[\x21-\x7e]{1,128}$/;

export function checkIdempotencyKey(key: string): void {
  if (!KEY.test(key)) throw new ValidationFailed([{ field: 'Idempotency-Key', message: '操作编号（Idempotency-Key）须为 1–128 个可见 ASCII 字符' }]);
}

/** What makes two requests "the same": route, path parameters and body (key order does not matter). */
export function fingerprint(route: string, params: Record<string, string>, body: unknown): string {
  return createHash('sha256')
    .update(`${route}\n${stable(params)}\n${stable(body)}`)
    .digest('base64url');
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const idempotencyKeys = { record: (caller: string, key: string) => ({ pk: `IDEM#${caller}#${key}`, sk: 'IDEM' }) };

export async function runIdempotent(request: { caller: string; key: string; hash: string; route: string }, now: Date, run: () => Promise<StoredResponse>): Promise<IdempotentOutcome> {
  checkIdempotencyKey(request.key);
  const key = idempotencyKeys.record(request.caller, request.key);
  const token = randomUUID();
  const seconds = Math.floor(now.getTime() / 1000);
  const claimed = await claim(key, token, request, seconds);
  if (claimed !== true) return { ...claimed, replayed: true };

  let response: StoredResponse;
  try {
    response = await withClaim({ tableName: table(), ...key, token }, run);
  } catch (error) {
    await release(key, token);
    throw error;
  }
  await complete(key, token, response);
  return { ...response, replayed: false };
}

async function claim(key: { pk: string; sk: string }, token: string, request: { hash: string; route: string }, seconds: number): Promise<true | StoredResponse> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...key, entity: 'idempotency', status: 'in_progress', token, hash: request.hash, route: request.route, leaseUntil: seconds + leaseSeconds(), ttl: seconds + IDEMPOTENCY_TTL_SECONDS },
        // Free, expired (TTL deletes lazily), or a dead request's lease of the same request with nothing committed.
        ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now OR (#status = :inProgress AND attribute_not_exists(committed) AND leaseUntil < :now AND #hash = :hash)',
        ExpressionAttributeNames: { '#ttl': 'ttl', '#status': 'status', '#hash': 'hash' },
        ExpressionAttributeValues: { ':now': seconds, ':inProgress': 'in_progress', ':hash': request.hash },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    // The old item comes back in DynamoDB's wire format (the document client does not convert errors).
    const old = (error as { Item?: Record<string, { S?: string; N?: string; BOOL?: boolean }> }).Item;
    if (!old) throw new RequestInProgress();
    if (old.hash?.S !== request.hash) throw new IdempotencyKeyReused();
    if (old.status?.S === 'completed') return { status: Number(old.statusCode?.N), body: old.body?.S ?? '' };
    if (old.committed?.BOOL === true) throw new RequestAlreadyDone();
    throw new RequestInProgress();
  }
}

async function complete(key: { pk: string; sk: string }, token: string, response: StoredResponse): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: key,
        UpdateExpression: 'SET #status = :done, statusCode = :code, body = :body, committed = :yes REMOVE leaseUntil',
        ConditionExpression: '#token = :token',
        ExpressionAttributeNames: { '#status': 'status', '#token': 'token' },
        ExpressionAttributeValues: { ':done': 'completed', ':code': response.status, ':body': response.body, ':yes': true, ':token': token },
      }),
    );
  } catch (error) {
    // The work is done and answered; only a later replay of this answer is lost (it then reads 已成功提交).
    logger.warn('idempotent response not stored', { pk: key.pk, error: error as Error });
  }
}

async function release(key: { pk: string; sk: string }, token: string): Promise<void> {
  try {
    await db().send(
      new DeleteCommand({
        TableName: table(),
        Key: key,
        ConditionExpression: '#token = :token AND attribute_not_exists(committed)',
        ExpressionAttributeNames: { '#token': 'token' },
        ExpressionAttributeValues: { ':token': token },
      }),
    );
  } catch (error) {
    // Committed (keep it), taken over, or the database is away: the lease runs out on its own.
    if (!isConditionFailure(error)) logger.warn('idempotency claim not released', { pk: key.pk, error: error as Error });
  }
}
