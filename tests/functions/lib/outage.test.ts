/**
 * How failures of our own database reach the client: an outage (connection refused, timeout, throttling)
 * is a 503 with Retry-After and 系统繁忙，请稍后再试; a transaction cancelled for throttling is a 503 and one
 * cancelled as malformed a logged 500 — never a 409 "someone changed it"; every error names its request,
 * uniquely, also under serverless-offline (which sends one placeholder id for every request).
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { cancelledIndexes, InvalidTransaction, isOutage } from '../../../functions/lib/dynamo';
import { errorResponse, httpHandler } from '../../../functions/lib/http';
import { ServiceBusy } from '../../../shared/errors';

const cancelled = (...codes: string[]) => new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
const throttled = Object.assign(new Error('rate exceeded'), { name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } });
const timeout = Object.assign(new Error('socket timed out'), { name: 'TimeoutError' });

describe('outages answer 503', () => {
  it.each([
    ['connection refused', refused],
    ['throughput exceeded', throttled],
    ['timeout', timeout],
    ['RequestLimitExceeded', Object.assign(new Error('limit'), { name: 'RequestLimitExceeded' })],
    ['a throttled transaction', cancelled('None', 'ThrottlingError')],
  ])('%s', (_, error) => {
    expect(isOutage(error)).toBe(true);
    const res = errorResponse(error, 'req-1') as { statusCode: number; headers: Record<string, string>; body: string };
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('2');
    expect(JSON.parse(res.body).error).toEqual({ code: 'SERVICE_BUSY', message: '系统繁忙，请稍后再试', requestId: 'req-1' });
  });

  it('a bug is still a 500 without Retry-After', () => {
    const res = errorResponse(new TypeError('x is undefined'), 'req-2') as { statusCode: number; headers: Record<string, string> };
    expect(res.statusCode).toBe(500);
    expect(res.headers['retry-after']).toBeUndefined();
  });
});

describe('cancelled transactions are classified', () => {
  it('conditions and conflicts are the caller’s (409 material)', () => {
    expect(cancelledIndexes(cancelled('None', 'ConditionalCheckFailed', 'TransactionConflict'))).toEqual([1, 2]);
  });
  it('throttling is a 503, not a conflict', () => {
    expect(() => cancelledIndexes(cancelled('ProvisionedThroughputExceeded', 'None'))).toThrow(ServiceBusy);
  });
  it('a validation error is a bug (500), not a conflict', () => {
    expect(() => cancelledIndexes(cancelled('ValidationError', 'None'))).toThrow(InvalidTransaction);
    const res = errorResponse(new InvalidTransaction(['ValidationError']), 'req-3') as { statusCode: number };
    expect(res.statusCode).toBe(500);
  });
  it('anything else is not a transaction failure', () => {
    expect(cancelledIndexes(new Error('other'))).toBeNull();
  });
});

describe('request ids', () => {
  it('are unique per request under serverless-offline and without a request context', async () => {
    const handler = httpHandler({}, {});
    const event = (requestId?: string) => ({ routeKey: 'GET /nowhere', requestContext: requestId ? { requestId } : undefined }) as unknown as APIGatewayProxyEventV2;
    const ids = await Promise.all([...Array(50)].map(async (_, n) => JSON.parse(((await handler(event(n % 2 ? 'offlineContext_resourceId' : undefined))) as { body: string }).body).error.requestId as string));
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).not.toContain('offlineContext');
    const given = JSON.parse(((await handler(event('abc-123'))) as { body: string }).body).error.requestId;
    expect(given).toBe('abc-123');
  });
});
