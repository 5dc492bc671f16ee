import { RateLimited, Unauthenticated, UpstreamUnavailable, Forbidden } from '../../shared/errors';
import { config } from './config';
import { getSecret } from './secrets';

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
  } catch (error) {
    throw new UpstreamUnavailable('WECHAT_UNREACHABLE', '暂时无法连接微信服务器，请检查网络后重试');
  }
  if (reply.errcode) throw wechatError(reply.errcode);
  if (!reply.openid) throw new UpstreamUnavailable('WECHAT_BAD_REPLY', '微信登录服务返回异常，请稍后重试');
  return { openid: reply.openid, unionid: reply.unionid };
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
