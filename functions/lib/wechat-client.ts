import { RateLimited, Unauthenticated, UpstreamUnavailable, Forbidden } from '../../shared/errors';
import { config } from './config';
import { getSecret } from './secrets';
import { logger } from './logger';

/**
 * WeChat's server API at a configurable base URL (the real one in AWS, a local fake in dev and tests).
 * Error codes become named errors with messages a user can act on; session_key never leaves this module.
 */
export type WechatSession = { openid: string; unionid?: string };

type Code2SessionReply = { openid?: string; session_key?: string; unionid?: string; errcode?: number; errmsg?: string };

const TIMEOUT_MS = 5000;

export async function code2Session(code: string): Promise<WechatSession> {
  const url = new URL('/sns/jscode2session', config.wechatApiBase);
  url.search = new URLSearchParams({ appid: config.wechatAppId, secret: await getSecret('WECHAT_SECRET'), js_code: code, grant_type: 'authorization_code' }).toString();
  let reply: Code2SessionReply;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    reply = (await res.json()) as Code2SessionReply;
  } catch {
    throw new UpstreamUnavailable('WECHAT_UNREACHABLE', '暂时无法连接微信服务器，请检查网络后重试');
  }
  if (reply.errcode) throw wechatError(reply.errcode);
  if (!reply.openid) throw new UpstreamUnavailable('WECHAT_BAD_REPLY', '微信登录服务返回异常，请稍后重试');
  return { openid: reply.openid, unionid: reply.unionid };
}

// ---- subscribe messages (订阅消息) -------------------------------------------------------------------------

/** WeChat's answer to one send, or errcode null when WeChat could not be reached (network, HTTP 5xx). */
export type SendResult = { errcode: number | null; errmsg: string; msgid: number | string | null };

export type SubscribeMessage = {
  touser: string;
  templateId: string;
  /** The mini-program page the message opens, e.g. packages/appeals/pages/detail/index?id=… */
  page: string;
  data: Record<string, { value: string }>;
};

/** errcodes meaning the access token is no longer valid: fetch a new one and try once more. */
const TOKEN_EXPIRED = new Set([40001, 40014, 42001]);

let token: { value: string; expiresAt: number } | null = null;
let pendingToken: Promise<string> | null = null;

/**
 * The access token, cached per container until five minutes before it expires; concurrent callers share
 * one fetch. (In production, /cgi-bin/stable_token is the better endpoint when many containers share one
 * AppID: /cgi-bin/token hands out a new token each time and the old one lives only five more minutes.)
 */
async function accessToken(force = false): Promise<string> {
  if (!force && token && token.expiresAt > Date.now()) return token.value;
  if (!pendingToken) {
    pendingToken = (async () => {
      const url = new URL('/cgi-bin/token', config.wechatApiBase);
      url.search = new URLSearchParams({ grant_type: 'client_credential', appid: config.wechatAppId, secret: await getSecret('WECHAT_SECRET') }).toString();
      const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!res.ok) throw new Error(`token HTTP ${res.status}`);
      const reply = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
      if (!reply.access_token) throw Object.assign(new Error(reply.errmsg ?? 'no access_token'), { errcode: reply.errcode ?? null });
      token = { value: reply.access_token, expiresAt: Date.now() + Math.max(60, (reply.expires_in ?? 7200) - 300) * 1000 };
      return token.value;
    })().finally(() => {
      pendingToken = null;
    });
  }
  return pendingToken;
}

/**
 * A JSON POST to a WeChat API that takes the access token, renewing an expired token once. Throws on the
 * network or an HTTP error (the caller decides what an unreachable WeChat means for it).
 */
export async function postWithToken<T extends { errcode?: number }>(path: string, body: unknown): Promise<T> {
  const post = async (value: string) => {
    const url = new URL(path, config.wechatApiBase);
    url.search = new URLSearchParams({ access_token: value }).toString();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as T;
  };
  const value = await accessToken();
  const reply = await post(value);
  if (reply.errcode === undefined || !TOKEN_EXPIRED.has(reply.errcode)) return reply;
  return post(await accessToken(token?.value === value));
}

/** Forget the cached token (tests; a deploy that rotates the secret). */
export function resetAccessToken() {
  token = null;
}

/**
 * One attempt at sending a subscribe message, through postWithToken (an expired or invalid access token is
 * renewed once within the attempt). Never throws: the caller records the result and decides about retries;
 * errcode null means WeChat gave no answer (network, HTTP error, or no access token).
 */
export async function sendSubscribeMessage(message: SubscribeMessage): Promise<SendResult> {
  const body = {
    touser: message.touser,
    template_id: message.templateId,
    page: message.page,
    data: message.data,
    miniprogram_state: config.stage === 'prod' ? 'formal' : 'developer',
    lang: 'zh_CN',
  };
  try {
    const reply = await postWithToken<{ errcode?: number; errmsg?: string; msgid?: number | string }>('/cgi-bin/message/subscribe/send', body);
    return { errcode: reply.errcode ?? 0, errmsg: reply.errmsg ?? 'ok', msgid: reply.msgid ?? null };
  } catch (error) {
    return { errcode: (error as { errcode?: number | null }).errcode ?? null, errmsg: (error as Error).message, msgid: null };
  }
}

function wechatError(errcode: number) {
  switch (errcode) {
    case 40029:
    case 40163:
      return new Unauthenticated('登录凭证无效或已使用，请重新打开小程序登录', 'WECHAT_INVALID_CODE');
    case 45011:
      return new RateLimited('WECHAT_RATE_LIMITED', '登录过于频繁，请一分钟后再试');
    case 40226:
      return new Forbidden('您的微信账号存在风险，已被限制登录。如有疑问请联系微信客服', 'WECHAT_USER_BLOCKED');
    case -1:
      return new UpstreamUnavailable('WECHAT_BUSY', '微信服务繁忙，请稍后重试');
    default:
      return new UpstreamUnavailable('WECHAT_ERROR', `微信登录失败（错误码 ${errcode}），请稍后重试`);
  }
}

// ---- mini-program codes (小程序码) ------------------------------------------------------------------------

/**
 * wxacode.getUnlimited: a mini-program code that opens `page` with `scene` (≤ 32 characters) when scanned.
 * WeChat answers the image itself, or JSON with an errcode; an expired access token is renewed once.
 * `env_version` follows the stage so a code made in dev opens the developer version.
 */
/** Drawing a code takes WeChat longer than a JSON call; the desktop waits for it anyway. */
const CODE_TIMEOUT_MS = 10_000;

export async function getUnlimitedCode(scene: string, page: string): Promise<{ png: Buffer; contentType: string }> {
  const post = async (accessTokenValue: string) => {
    const url = new URL('/wxa/getwxacodeunlimit', config.wechatApiBase);
    url.search = new URLSearchParams({ access_token: accessTokenValue }).toString();
    const body = { scene, page, check_path: false, env_version: config.stage === 'prod' ? 'release' : 'develop', width: 430 };
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(CODE_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const contentType = res.headers.get('content-type') ?? '';
    const bytes = Buffer.from(await res.arrayBuffer());
    if (contentType.startsWith('image/')) return { png: bytes, contentType, errcode: 0 };
    const reply = JSON.parse(bytes.toString('utf8')) as { errcode?: number; errmsg?: string };
    return { png: null, contentType, errcode: reply.errcode ?? -1 };
  };
  try {
    let value = await accessToken();
    let reply = await post(value);
    if (TOKEN_EXPIRED.has(reply.errcode)) {
      value = await accessToken(token?.value === value);
      reply = await post(value);
    }
    if (reply.png) return { png: reply.png, contentType: reply.contentType };
    throw new Error(`errcode ${reply.errcode}`);
  } catch (error) {
    logger.warn('wxacode.getUnlimited failed', { error: error as Error });
    throw new UpstreamUnavailable('WECHAT_QRCODE_FAILED', '暂时无法生成登录二维码，请稍后刷新重试');
  }
}
