import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { ConsentRequired, DomainError, Forbidden, NotFound, RateLimited, ServiceBusy, Unauthenticated, ValidationFailed, type FieldIssue } from '../../shared/errors';
import type { Principal } from '../../shared/domain/principal';
import { routeKey, type RouteSpec } from '../../shared/api/route-spec';
import type { ErrorBody } from '../../shared/schemas/common';
import { Id } from '../../shared/schemas/common';
import { config } from './config';
import { isOutage } from './dynamo';
import { fingerprint, runIdempotent, type StoredResponse } from './idempotency';
import { logger } from './logger';
import { verifyAccess, verifyAccessToken } from './tokens';
import { userRepository } from '../repositories/user-repository';
import { consentState } from '../../shared/privacy/consent';

/** A function's routes by name: its group table from shared/api/routes/<group>.ts. */
type RouteTable = Record<string, RouteSpec>;
type BodyOf<S extends RouteSpec> = S extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;
type QueryOf<S extends RouteSpec> = S extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
type CallerOf<S extends RouteSpec> = S['roles'] extends 'public' ? Principal | null : Principal;

/** What the implementation of the route declared by spec S is given. */
export type RequestContext<S extends RouteSpec> = {
  caller: CallerOf<S>;
  body: BodyOf<S>;
  query: QueryOf<S>;
  params: Record<string, string>;
  requestId: string;
  now: Date;
  /** Who sent the request, as API Gateway saw it (the source IP is the connection's, not a header's). */
  client: { ip: string; userAgent: string };
  /** Request headers, names in lower case. */
  headers: Record<string, string | undefined>;
};

export type RouteImpl<S extends RouteSpec> = (ctx: RequestContext<S>) => Promise<z.input<S['response']>>;
/** One implementation for every route of the table: a route deployed to the function cannot go unserved. */
export type RouteImpls<T extends RouteTable> = { [N in keyof T]: RouteImpl<T[N]> };

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/**
 * One Lambda serves the routes of one resource: its group table (shared/api/routes/<group>.ts), never the
 * whole registry, so its bundle holds only its own schemas. For each request: find the route in the table,
 * authenticate, admit by role, validate path, query and body with the route's zod schemas, call the
 * implementation — once per Idempotency-Key on routes that declare `idempotent` (see idempotency.ts) —
 * and map every error to a status in one place. Errors never escape: serverless-offline would turn them
 * into HTTP 200, API Gateway into a bare 500.
 */
export function httpHandler<T extends RouteTable>(routes: T, impls: NoInfer<RouteImpls<T>>) {
  const table = new Map<string, { name: string; spec: RouteSpec; impl: RouteImpl<RouteSpec>; params: z.ZodType }>();
  for (const [name, spec] of Object.entries(routes)) {
    table.set(routeKey(spec), { name, spec, impl: impls[name] as RouteImpl<RouteSpec>, params: paramSchema(spec) });
  }

  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const requestId = requestIdOf(event);
    logger.appendKeys({ requestId, route: event.routeKey });
    try {
      const entry = table.get(event.routeKey);
      if (!entry || (entry.spec.devOnly && config.stage !== 'dev')) throw new NotFound('接口', 'ROUTE_NOT_FOUND');
      const { name, spec, impl } = entry;
      const caller = await authenticate(event, spec);
      const params = parse(entry.params, event.pathParameters ?? {}, 'path') as Record<string, string>;
      const query = spec.query ? parse(spec.query, event.queryStringParameters ?? {}, 'query') : undefined;
      const json = spec.body ? readJson(event) : {};
      const body = spec.body ? parse(spec.body, json, 'body') : undefined;
      const now = new Date();
      const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const client = { ip: event.requestContext?.http?.sourceIp ?? 'unknown', userAgent: event.requestContext?.http?.userAgent ?? headers['user-agent'] ?? '' };
      const run = async (): Promise<StoredResponse> => {
        const result = await impl({ caller, body, query, params, requestId, now, client, headers } as RequestContext<RouteSpec>);
        // Locally, check responses against the contract so drift shows up in every test and e2e run.
        const payload = config.stage === 'dev' ? spec.response.parse(result) : result;
        return { status: spec.status ?? 200, body: JSON.stringify(payload) };
      };
      const key = spec.idempotent && caller ? headerOf(event, 'idempotency-key') : undefined;
      if (key === undefined) {
        const out = await run();
        return { statusCode: out.status, headers: HEADERS, body: out.body };
      }
      const out = await runIdempotent({ caller: caller!.userId, key, hash: fingerprint(name, params, json), route: name }, now, run);
      return { statusCode: out.status, headers: out.replayed ? { ...HEADERS, 'idempotent-replayed': 'true' } : HEADERS, body: out.body };
    } catch (error) {
      return errorResponse(error, requestId);
    } finally {
      logger.removeKeys(['requestId', 'route']);
    }
  };
}

async function authenticate(event: APIGatewayProxyEventV2, spec: RouteSpec): Promise<Principal | null> {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  if (spec.roles === 'public')
    return header
      ? Promise.resolve(header)
          .then(bearer)
          .then(verifyAccessToken)
          .catch(() => null)
      : null;
  if (!header) throw new Unauthenticated('请先登录', 'NOT_LOGGED_IN');
  const { principal: caller, sessionId } = await verifyAccess(bearer(header));
  if (!spec.roles.includes(caller.role)) throw new Forbidden();
  // Personal-data writes need consent to the current privacy guide (one more GetItem, on these routes only).
  if (spec.personalData && sessionId !== undefined) {
    const user = await userRepository.get(caller.userId);
    if (!user) throw new Unauthenticated('账号已注销，请重新登录', 'USER_GONE');
    if (consentState(user).required) throw new ConsentRequired();
  }
  return caller;
}

/** The token of an `Authorization: Bearer <token>` header; any other scheme or shape is not a session. */
const bearer = (header: string) => {
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  if (!match) throw new Unauthenticated('登录凭证无效，请重新登录', 'TOKEN_INVALID');
  return match[1]!;
};

function headerOf(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const headers = event.headers ?? {};
  const found = Object.keys(headers).find((h) => h.toLowerCase() === name);
  return found ? headers[found] : undefined;
}

/**
 * API Gateway's request id; serverless-offline sends the same placeholder for every request, and a
 * hand-made event may have none: then a random one, so every error body names its own request.
 */
function requestIdOf(event: APIGatewayProxyEventV2): string {
  const given = event.requestContext?.requestId;
  return given && !given.startsWith('offlineContext') ? given : `local-${randomUUID()}`;
}

function readJson(event: APIGatewayProxyEventV2): unknown {
  if (!event.body) return {};
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationFailed([{ field: 'body', message: '请求内容不是有效的 JSON' }]);
  }
}

/** The path-parameter schema of a route: built once per route when the handler is made, not per request. */
function paramSchema(spec: RouteSpec): z.ZodType {
  const names = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return z.object(Object.fromEntries(names.map((n) => [n, Id(n)])));
}

function parse<T extends z.ZodType>(schema: T, value: unknown, where: 'body' | 'query' | 'path'): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationFailed(fieldIssues(result.error, where));
}

export function fieldIssues(error: z.ZodError, where: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : where,
    message: issue.message,
  }));
}

const STATUS: Record<DomainError['kind'], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
  'rate-limited': 429,
  unavailable: 503,
};

/** Seconds a client should wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * The one place errors become HTTP responses. The database being away (connection, timeout, throttling)
 * is a 503 with Retry-After, logged as a dependency failure; unknown errors are logged and answered with
 * a generic 500.
 */
export function errorResponse(error: unknown, requestId: string): APIGatewayProxyResultV2 {
  let status: number;
  let body: ErrorBody;
  if (!(error instanceof DomainError) && isOutage(error)) {
    logger.warn('dependency failure', { dependency: 'dynamodb', error: error as Error });
    error = new ServiceBusy();
  } else if (error instanceof ServiceBusy) {
    logger.warn('dependency failure', { dependency: 'dynamodb', reason: 'throttled transaction' });
  }
  if (error instanceof DomainError) {
    status = STATUS[error.kind];
    body = { error: { code: error.code, message: error.message, requestId, ...(error instanceof ValidationFailed ? { issues: error.issues } : {}) } };
    if (status >= 500 && !(error instanceof ServiceBusy)) logger.warn('upstream failure', { code: error.code });
  } else {
    status = 500;
    body = { error: { code: 'INTERNAL', message: `系统繁忙，请稍后重试（请求编号 ${requestId}）`, requestId } };
    logger.error('unhandled error', error as Error);
  }
  const retryAfter = status === 503 ? RETRY_AFTER_SECONDS : error instanceof RateLimited ? error.retryAfterSeconds : undefined;
  const headers = retryAfter !== undefined ? { ...HEADERS, 'retry-after': String(retryAfter) } : HEADERS;
  return { statusCode: status, headers, body: JSON.stringify(body) };
}
