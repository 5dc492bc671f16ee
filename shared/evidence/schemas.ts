import { z } from 'zod';
import { Id, IsoDateTime } from '../schemas/common';
import { ATTACHMENT_KINDS, ATTACHMENT_PURPOSES, ATTACHMENT_STATUSES, checkDeclaredFile, purposeRefusal } from './rules';

/** Asks for an upload form: what the phone is about to send. */
export const UploadRequestBody = z
  .object(
    {
      purpose: z.enum(ATTACHMENT_PURPOSES, { error: '请说明附件用于诉求、留言、走访、整改还是通知' }),
      /** The conversation a message attachment belongs to (the appeal must be visible to the caller). */
      appealId: Id('诉求').optional(),
      /** The enterprise a visit's photos are of (the caller must be a police officer who may visit it). */
      enterpriseId: Id('走访企业').optional(),
      /** The rectification item whose 整改前/整改后 photos these are (the caller must be police who may close it). */
      rectificationId: Id('整改事项').optional(),
      contentType: z.string({ error: '缺少文件类型' }).max(100, '文件类型无效'),
      size: z.number({ error: '缺少文件大小' }).int('文件大小应为整数').min(1, '文件是空的'),
      fileName: z.string({ error: '缺少文件名' }).trim().min(1, '缺少文件名').max(100, '文件名最多100个字'),
      durationSeconds: z.number({ error: '时长应为数字' }).min(0).optional(),
    },
    { error: '请求内容格式不正确' },
  )
  .superRefine((v, ctx) => {
    const refusal = checkDeclaredFile(v.contentType, v.size, v.durationSeconds);
    if (refusal) ctx.addIssue({ code: 'custom', path: [refusal.field], message: refusal.message });
    if (v.purpose === 'message' && !v.appealId) ctx.addIssue({ code: 'custom', path: ['appealId'], message: '留言附件需指明诉求' });
    if (v.purpose === 'visit' && !v.enterpriseId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '走访影像需指明走访企业' });
    if (v.purpose === 'rectification' && !v.rectificationId) ctx.addIssue({ code: 'custom', path: ['rectificationId'], message: '整改照片需指明整改事项' });
    const wrongType = !refusal && purposeRefusal(v.purpose, v.contentType);
    if (wrongType) ctx.addIssue({ code: 'custom', path: ['contentType'], message: wrongType });
  });
export type UploadRequestBody = z.infer<typeof UploadRequestBody>;

/** A presigned POST: send `fields` then the file as `file`, multipart, to `url`. */
export const UploadForm = z.object({
  attachmentId: z.string(),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  maxBytes: z.number(),
  expiresAt: IsoDateTime,
});
export type UploadForm = z.infer<typeof UploadForm>;

/** The stored attachment: written when the upload is confirmed, linked to its record on submit. */
export const Attachment = z.object({
  id: z.string(),
  ownerUserId: z.string(),
  /** The enterprise whose record it belongs to (for a message: the appeal's; for a visit: the one visited). */
  enterpriseId: z.string(),
  purpose: z.enum(ATTACHMENT_PURPOSES),
  appealId: z.string().optional(),
  /** The rectification item the photos were uploaded for (its owner scope, like `appealId` for a message). */
  rectificationId: z.string().optional(),
  /** Set when attached to a submitted record (the appeal, the message in `messageId`, the visit, the rectification or the bulletin). */
  recordId: z.string().optional(),
  messageId: z.string().optional(),
  kind: z.enum(ATTACHMENT_KINDS),
  contentType: z.string(),
  size: z.number(),
  /** S3's ETag of the single-part upload: the MD5 of the bytes. */
  contentHash: z.string(),
  fileName: z.string(),
  status: z.enum(ATTACHMENT_STATUSES),
  /** WeChat's verdict: suggest and label of mediaCheckAsync, the trace id it answered with. */
  check: z.object({ traceId: z.string().optional(), suggest: z.string().optional(), label: z.number().optional(), at: IsoDateTime.optional() }).optional(),
  createdAt: IsoDateTime,
});
export type Attachment = z.infer<typeof Attachment>;

/** What a caller sees: no owner id or hash; a short-lived link only when it may be opened. */
export const AttachmentView = z.object({
  id: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  contentType: z.string(),
  size: z.number(),
  fileName: z.string(),
  status: z.enum(ATTACHMENT_STATUSES),
  statusLabel: z.string(),
  mine: z.boolean(),
  /** Presigned GET, valid a few minutes; absent for a rejected file. */
  url: z.string().nullable(),
  urlExpiresAt: IsoDateTime.nullable(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;

/** Ids of confirmed uploads to attach to an appeal or a message. */
export const AttachmentIdsField = z.array(Id('附件'), { error: '附件应为列表' }).max(20, '附件太多').optional();
