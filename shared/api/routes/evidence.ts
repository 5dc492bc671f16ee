/** The `evidence` function (证据材料): upload forms, confirming uploads, attachments, WeChat's media-check push. */
import { z } from 'zod';
import { AttachmentView, UploadForm, UploadRequestBody } from '../../evidence/schemas';
import { SEES_ENTERPRISE, r, type GroupRoutes } from '../route-spec';

/** WeChat's message push (plaintext JSON mode), signed in the query string with the push token. */
export const WechatPushQuery = z.object({ signature: z.string().max(64), timestamp: z.string().max(16), nonce: z.string().max(32) });
export const WechatPushBody = z.looseObject({
  Event: z.string().optional(),
  trace_id: z.string().max(128).optional(),
  errcode: z.number().optional(),
  result: z.object({ suggest: z.string(), label: z.number().optional() }).optional(),
});

export const evidenceRoutes = {
  requestUpload: r({
    method: 'POST',
    path: '/attachments/uploads',
    group: 'evidence',
    summary: '申请上传证据材料（图片、视频、语音、文件）：返回直传存储的表单，类型、大小与位置已签名固定',
    roles: SEES_ENTERPRISE,
    body: UploadRequestBody,
    response: UploadForm,
    status: 201,
    idempotent: true,
  }),
  confirmUpload: r({
    method: 'POST',
    path: '/attachments/{attachmentId}/confirm',
    group: 'evidence',
    summary: '确认上传完成：记录附件；图片与语音送微信内容安全审核（审核前仅上传者可见）',
    roles: SEES_ENTERPRISE,
    response: AttachmentView,
    status: 201,
    idempotent: true,
  }),
  getAttachment: r({ method: 'GET', path: '/attachments/{attachmentId}', group: 'evidence', summary: '附件详情与短时下载链接（与所属记录同样的查看权限）', roles: SEES_ENTERPRISE, response: AttachmentView }),
  deleteAttachment: r({
    method: 'DELETE',
    path: '/attachments/{attachmentId}',
    group: 'evidence',
    summary: '删除尚未提交的附件（仅上传者）',
    roles: SEES_ENTERPRISE,
    response: z.object({ deleted: z.literal(true) }),
  }),
  wechatPush: r({
    method: 'POST',
    path: '/wechat/push',
    group: 'evidence',
    summary: '微信消息推送：内容安全异步审核结果（按推送令牌验签）',
    roles: 'public',
    query: WechatPushQuery,
    body: WechatPushBody,
    response: z.object({ ok: z.literal(true) }),
  }),
} satisfies GroupRoutes<'evidence'>;
