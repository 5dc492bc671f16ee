import Taro from '@tarojs/taro';
import { z } from 'zod';
import { routes, type RouteBody, type RouteName, type RouteResponse, type RouteSpec } from '../../../shared/api/routes';
import { ErrorBody } from '../../../shared/schemas/common';
import { Session } from '../../../shared/schemas/auth';
import { apiBase } from './config';
import { actionId, keyForAction, settleAction } from './idempotency';
import { restartAt } from './navigation';
import { clearSession, getSession, saveSession } from './session';

// The mini-program's engine forbids `new Function`; zod must not try its JIT there.
z.config({ jitless: true });

/**
 * The single interceptor chain every request goes through:
 *   base URL → path params → query → Bearer token → Taro.request
 *   → creates and actions (`idempotent` routes): one Idempotency-Key per user action (idempotency.ts)
 *   → 503, 409 处理中 or a dropped connection: retried with back-off and the same key, the user told
 *     「网络不稳定，正在重试…」 (GETs too; other POSTs are never repeated by the layer)
 *   → 401: POST /auth/refresh once (shared by concurrent 401s), retry once; the refresh answered 401 or the
 *     retry is still 401: clear the session, back to login (once); refresh 429/5xx/network: keep the session
 *   → error: the server's Chinese message as a toast, thrown as ApiError (with field issues)
 *   → success: the body parsed with the route's shared zod response schema.
 */
export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }
}

export interface ApiOptions<N extends RouteName> {
  /** Values for the `{placeholders}` of the route's path. */
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: RouteBody<N>;
  /** Do not toast errors: the caller shows them itself (e.g. under form fields). */
  silent?: boolean;
  /** Extra request headers (e.g. the console ticket's X-Ticket-Secret). */
  headers?: Record<string, string>;
}

export interface HttpResponse {
  statusCode: number;
  data: unknown;
  header?: Record<string, string>;
}

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';
const EXPIRED_MESSAGE = '登录已过期，请重新登录';
const BAD_RESPONSE_MESSAGE = '服务返回的数据有误，请稍后重试';
/** Client-side code: the session could not be refreshed and the user was sent back to login. */
export const SESSION_EXPIRED = 'SESSION_EXPIRED';

const FALLBACK_MESSAGES: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: EXPIRED_MESSAGE,
  403: '您没有权限进行此操作',
  404: '要找的内容不存在或已删除',
  409: '操作冲突，请刷新后重试',
  429: '操作太频繁，请稍后再试',
  500: '服务暂时不可用，请稍后重试',
};

export function showError(message: string) {
  // icon 'none' is the only toast style that shows two lines of text.
  Taro.showToast({ title: message, icon: 'none', duration: 3000 });
}

export function buildUrl(spec: Pick<RouteSpec, 'path'>, params: Record<string, string> = {}, query: ApiOptions<RouteName>['query'] = {}) {
  const path = spec.path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined || value === '') throw new Error(`missing path parameter ${key} for ${spec.path}`);
    return encodeURIComponent(value);
  });
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${apiBase()}${path}${qs ? `?${qs}` : ''}`;
}

/** How often and how long the layer retries a 503 / dropped connection (tests shorten the delays). */
export const retryPolicy = {
  retries: 3,
  delayMs: (attempt: number, retryAfterSeconds?: number) => Math.min(8000, Math.max((retryAfterSeconds ?? 0) * 1000, 800 * 2 ** attempt)) * (0.75 + Math.random() / 2),
};
const RETRYING_MESSAGE = '网络不稳定，正在重试…';

function isRetryable(res: HttpResponse | ApiError): boolean {
  if (res instanceof ApiError) return res.code === 'NETWORK';
  if (res.statusCode === 503) return true;
  return res.statusCode === 409 && (res.data as { error?: { code?: string } } | null)?.error?.code === 'REQUEST_IN_PROGRESS';
}

/**
 * One request as the user meant it: an idempotent route carries the action's key, and a 503, a 409
 * 处理中 or a dropped connection is retried with back-off and the same key (GETs likewise). The key is
 * settled on a final answer; after the last retry it stays pending, so the user's next tap reuses it.
 */
async function send(spec: RouteSpec, url: string, body: unknown, token: string | null, extraHeaders: Record<string, string> = {}): Promise<HttpResponse> {
  const safe = spec.method === 'GET';
  const action = spec.idempotent ? actionId(spec.method, url, body) : null;
  const key = action ? keyForAction(action) : undefined;
  for (let attempt = 0; ; attempt++) {
    const res = await sendOnce(spec, url, body, token, key, extraHeaders).catch((error: ApiError) => error);
    if ((safe || key) && isRetryable(res) && attempt < retryPolicy.retries) {
      if (attempt === 0) Taro.showToast({ title: RETRYING_MESSAGE, icon: 'none', duration: 2000 });
      const retryAfter = res instanceof ApiError ? undefined : Number(res.header?.['retry-after'] ?? res.header?.['Retry-After']) || undefined;
      await new Promise((resolve) => setTimeout(resolve, retryPolicy.delayMs(attempt, retryAfter)));
      continue;
    }
    if (res instanceof ApiError) throw res;
    if (action && res.statusCode !== 401 && !isRetryable(res) && res.statusCode < 500) settleAction(action);
    return res;
  }
}

async function sendOnce(spec: RouteSpec, url: string, body: unknown, token: string | null, idempotencyKey?: string, extraHeaders: Record<string, string> = {}): Promise<HttpResponse> {
  const header: Record<string, string> = { 'Content-Type': 'application/json', ...extraHeaders };
  if (token) header.Authorization = `Bearer ${token}`;
  if (idempotencyKey) header['Idempotency-Key'] = idempotencyKey;
  try {
    const res = await Taro.request({
      url,
      method: spec.method as keyof Taro.request.Method,
      header,
      data: spec.method === 'GET' || spec.method === 'DELETE' ? undefined : (body ?? {}),
      dataType: 'json',
      timeout: 15000,
    });
    return { statusCode: res.statusCode, data: res.data, header: res.header as Record<string, string> | undefined };
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
}

function toApiError(res: HttpResponse): ApiError {
  const parsed = ErrorBody.safeParse(res.data);
  if (parsed.success) {
    const { code, message, issues, requestId } = parsed.data.error;
    return new ApiError(res.statusCode, code, message, issues ?? [], requestId);
  }
  const message = FALLBACK_MESSAGES[res.statusCode] ?? FALLBACK_MESSAGES[500];
  return new ApiError(res.statusCode, `HTTP_${res.statusCode}`, message);
}

/**
 * What a refresh came to. Only a 401 from /auth/refresh means the session is over; a 429, a 5xx, a
 * network failure or an unreadable answer leave the 30-day session in place for the next try.
 */
type RefreshOutcome = 'refreshed' | 'rejected' | 'unavailable';

// Concurrent 401s share one refresh, and its failure logs out once (not once per waiting request).
let refreshing: Promise<RefreshOutcome> | null = null;

function refreshSessionOnce(): Promise<RefreshOutcome> {
  if (!refreshing) {
    refreshing = refreshSession()
      .then((outcome) => {
        if (outcome === 'rejected') expireSession();
        return outcome;
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

async function refreshSession(): Promise<RefreshOutcome> {
  const session = getSession();
  if (!session) return 'rejected';
  let res: HttpResponse;
  try {
    res = await send(routes.refresh, buildUrl(routes.refresh), { refreshToken: session.refreshToken }, null);
  } catch {
    return 'unavailable';
  }
  if (res.statusCode === 401) return 'rejected';
  if (res.statusCode !== 200 && res.statusCode !== 201) return 'unavailable';
  const parsed = Session.safeParse(res.data);
  if (!parsed.success) return 'unavailable';
  saveSession(parsed.data);
  return 'refreshed';
}

function expireSession() {
  clearSession();
  showError(EXPIRED_MESSAGE);
  void restartAt('login');
}

const expiredError = () => new ApiError(401, SESSION_EXPIRED, EXPIRED_MESSAGE);

function sessionExpired(): ApiError {
  expireSession();
  return expiredError();
}

/** Call a route of the registry by name; resolves with its parsed response, rejects with ApiError. */
export async function api<N extends RouteName>(name: N, options: ApiOptions<N> = {}): Promise<RouteResponse<N>> {
  const spec: RouteSpec = routes[name];
  try {
    const url = buildUrl(spec, options.params, options.query);
    const needsToken = spec.roles !== 'public';
    const token = getSession()?.accessToken ?? null;
    if (needsToken && !token) throw sessionExpired();

    let res = await send(spec, url, options.body, needsToken ? token : null, options.headers);
    if (res.statusCode === 401 && needsToken) {
      const current = getSession()?.accessToken ?? null;
      // Logged out meanwhile by another request's failed refresh: that one already told the user.
      if (!current) throw expiredError();
      // Another request refreshed since this one was sent: retry with the new token, no second refresh.
      if (current === token) {
        const outcome = await refreshSessionOnce();
        if (outcome === 'rejected') throw expiredError();
        if (outcome === 'unavailable') throw new ApiError(0, 'REFRESH_UNAVAILABLE', NETWORK_MESSAGE);
      }
      res = await send(spec, url, options.body, getSession()?.accessToken ?? null, options.headers);
      if (res.statusCode === 401) throw sessionExpired();
    }

    if (res.statusCode < 200 || res.statusCode >= 300) throw toApiError(res);

    const parsed = spec.response.safeParse(res.data);
    if (!parsed.success) {
      console.error(`[api] ${name}: response does not match the schema`, parsed.error.issues);
      throw new ApiError(res.statusCode, 'BAD_RESPONSE', BAD_RESPONSE_MESSAGE);
    }
    return parsed.data as RouteResponse<N>;
  } catch (error) {
    const apiError = error instanceof ApiError ? error : new ApiError(0, 'CLIENT', (error as Error).message || BAD_RESPONSE_MESSAGE);
    // The expiry path has already told the user.
    if (!options.silent && apiError.code !== SESSION_EXPIRED) showError(apiError.message);
    throw apiError;
  }
}

/** Test hook: forget an in-flight refresh. */
export function resetRequestState() {
  refreshing = null;
}
