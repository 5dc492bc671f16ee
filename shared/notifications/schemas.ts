/** Request and response schemas of 消息 (in-app notification centre, WeChat subscribe messages). */
import { z } from 'zod';
import { Cursor, PageLimit } from '../schemas/common';
import { NOTIFY_EVENTS } from './catalogue';

/** GET /notifications: newest first; `unread=true` lists only the unread ones. */
export const NotificationListQuery = z.object({
  cursor: Cursor,
  limit: PageLimit,
  unread: z
    .enum(['true', 'false'], { error: '筛选条件 unread 只能为 true 或 false' })
    .optional()
    .transform((v) => v === 'true'),
});

export const UnreadCount = z.object({
  count: z.number().int().min(0),
  /** True when there are more unread than counted (the app shows 99+). */
  capped: z.boolean(),
});

export const MarkedRead = z.object({ id: z.string(), readAt: z.string() });
export const MarkedAllRead = z.object({ marked: z.number().int().min(0) });

export const SubscribeTemplate = z.object({
  event: z.enum(NOTIFY_EVENTS),
  templateId: z.string(),
  title: z.string(),
  /** One-time grants the caller still holds for this template (each allows one message). */
  remaining: z.number().int().min(0),
});
export const SubscribeTemplates = z.object({ items: z.array(SubscribeTemplate) });

const TemplateIdKey = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, '模板 ID 格式不正确');
/** What wx.requestSubscribeMessage answered, per template id. */
export const SubscriptionResults = z.object({
  results: z
    .record(TemplateIdKey, z.enum(['accept', 'reject', 'ban', 'filter'], { error: '订阅结果只能为 accept、reject、ban 或 filter' }), { error: '请提交订阅结果' })
    .refine((r) => Object.keys(r).length >= 1, '请提交订阅结果')
    .refine((r) => Object.keys(r).length <= 10, '一次最多提交10个模板的订阅结果'),
});
export type SubscriptionResults = z.infer<typeof SubscriptionResults>;

export const SubscriptionsRecorded = z.object({
  items: z.array(z.object({ templateId: z.string(), remaining: z.number().int().min(0) })),
});

export const Delivery = z.object({
  id: z.string(),
  event: z.string(),
  templateId: z.string(),
  attempt: z.number().int(),
  status: z.enum(['sent', 'refused', 'failed', 'retrying']),
  errcode: z.number().nullable(),
  errmsg: z.string(),
  msgid: z.union([z.number(), z.string()]).nullable(),
  at: z.string(),
});
export type Delivery = z.infer<typeof Delivery>;
