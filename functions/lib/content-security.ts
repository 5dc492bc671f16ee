/**
 * WeChat's content security (内容安全), v2: msgSecCheck for text before it is stored, mediaCheckAsync for
 * images and audio after upload (the verdict comes later, to the message-push callback).
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html
 */
import { logger } from './logger';
import { postWithToken } from './wechat-client';

/** scene: 1 资料 (profile-like text), 2 评论, 3 论坛, 4 社交日志. */
export type SecScene = 1 | 2 | 3 | 4;
export type SecResult = { suggest: 'pass' | 'review' | 'risky'; label: number; traceId?: string };

type MsgSecCheckReply = { errcode?: number; errmsg?: string; trace_id?: string; result?: { suggest?: SecResult['suggest']; label?: number } };

/**
 * The verdict on one text, or null when WeChat could not give one (unreachable, busy, an error code): the
 * caller then accepts the text and records it for a later check rather than refusing the user.
 */
export async function checkText(openid: string, content: string, scene: SecScene, title?: string): Promise<SecResult | null> {
  try {
    const reply = await postWithToken<MsgSecCheckReply>('/wxa/msg_sec_check', { content, version: 2, scene, openid, ...(title && { title }) });
    if (reply.errcode || !reply.result?.suggest) {
      logger.warn('msgSecCheck gave no verdict', { errcode: reply.errcode, errmsg: reply.errmsg });
      return null;
    }
    return { suggest: reply.result.suggest, label: reply.result.label ?? 0, traceId: reply.trace_id };
  } catch (error) {
    logger.warn('msgSecCheck unreachable', { error: error as Error });
    return null;
  }
}

type MediaCheckReply = { errcode?: number; errmsg?: string; trace_id?: string };

/** media_type: 1 audio, 2 image. The trace id names the verdict WeChat pushes later; null when not accepted. */
export async function submitMediaCheck(openid: string, mediaUrl: string, mediaType: 1 | 2, scene: SecScene): Promise<string | null> {
  try {
    const reply = await postWithToken<MediaCheckReply>('/wxa/media_check_async', { media_url: mediaUrl, media_type: mediaType, version: 2, scene, openid });
    if (reply.errcode || !reply.trace_id) {
      logger.warn('mediaCheckAsync refused', { errcode: reply.errcode, errmsg: reply.errmsg });
      return null;
    }
    return reply.trace_id;
  } catch (error) {
    logger.warn('mediaCheckAsync unreachable', { error: error as Error });
    return null;
  }
}
