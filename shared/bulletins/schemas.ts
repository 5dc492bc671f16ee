/** Request and view shapes of bulletins (通知公告), shared by the Lambdas and the mini-program. */
import { z } from 'zod';
import { AttachmentView } from '../evidence/schemas';
import { Cursor, Id, IsoDateTime, PageLimit } from '../schemas/common';
import { Audience } from './audience';
import { BULLETIN_KINDS, BULLETIN_STATUSES } from './catalogue';
import { RichText } from './rich-text';

export const BulletinKindField = z.enum(BULLETIN_KINDS, { error: '请选择类别：风险预警、助企动态、法治宣教或政策解读' });

export const CreateBulletinBody = z.object({
  kind: BulletinKindField,
  title: z.string({ error: '请填写标题' }).trim().min(4, '标题至少4个字').max(60, '标题最多60个字'),
  body: RichText,
  audience: Audience,
  /** Publish later (定时发布); absent = now. */
  publishAt: z.string({ error: '定时发布时间格式不正确' }).datetime({ offset: true, message: '定时发布时间格式不正确' }).optional(),
  /** One image or one PDF (a confirmed upload of purpose 'bulletin' by the publisher), linked when it is published. */
  attachmentId: Id('通知附件').optional(),
});
export type CreateBulletinBody = z.infer<typeof CreateBulletinBody>;

export const WithdrawBulletinBody = z.object({ version: z.number({ error: '缺少版本号' }).int('版本号应为整数').min(1, '版本号应为正整数') });

export const Publisher = z.object({ role: z.enum(['officer', 'chief', 'centre']), id: z.string(), name: z.string(), stationId: z.string().nullable() });
export type Publisher = z.infer<typeof Publisher>;

export const Bulletin = z.object({
  id: z.string(),
  kind: BulletinKindField,
  title: z.string(),
  body: RichText,
  summary: z.string(),
  audience: Audience,
  audienceLabel: z.string(),
  publisher: Publisher,
  status: z.enum(BULLETIN_STATUSES),
  createdAt: IsoDateTime,
  publishAt: IsoDateTime,
  publishedAt: IsoDateTime.nullable(),
  withdrawnAt: IsoDateTime.nullable(),
  /** enterprises the fan-out has reached so far (the whole audience once `delivered`) */
  audienceCount: z.number().int(),
  readCount: z.number().int(),
  delivered: z.boolean(),
  remindedAt: IsoDateTime.nullable(),
  /** Its one image or PDF, by id (linked in the creating transaction). */
  attachmentId: z.string().optional(),
  version: z.number().int(),
});
export type Bulletin = z.infer<typeof Bulletin>;

/** What a publisher's list shows. */
export const BulletinSummary = Bulletin.omit({ body: true });
export type BulletinSummary = z.infer<typeof BulletinSummary>;

/** One item of an enterprise's feed. */
export const FeedEntry = z.object({
  bulletinId: z.string(),
  kind: BulletinKindField,
  title: z.string(),
  summary: z.string(),
  publisherName: z.string(),
  publishedAt: IsoDateTime,
  readAt: IsoDateTime.nullable(),
});
export type FeedEntry = z.infer<typeof FeedEntry>;

export const FeedQuery = z.object({ kind: BulletinKindField.optional(), cursor: Cursor, limit: PageLimit });
export type FeedQuery = z.infer<typeof FeedQuery>;

export const UnreadCounts = z.object({
  total: z.number().int(),
  byKind: z.record(BulletinKindField, z.number().int()),
  /** true when there are at least UNREAD_CAP unread items (the badge shows 99+) */
  capped: z.boolean(),
});
export type UnreadCounts = z.infer<typeof UnreadCounts>;

/** The detail: the bulletin as its reader sees it, with the caller's own receipt for an enterprise. */
export const BulletinView = z.object({
  bulletin: Bulletin,
  /** enterprise caller: when it read / confirmed it */
  readAt: IsoDateTime.nullable(),
  /** police caller: may withdraw, see receipts and remind */
  canManage: z.boolean(),
  /** Its image (shown on the page) or PDF (opened or downloaded), with a short-lived link. */
  attachment: AttachmentView.nullable().optional(),
});
export type BulletinView = z.infer<typeof BulletinView>;

export const ReceiptQuery = z.object({ state: z.enum(['read', 'unread'], { error: '请选择已阅知或未阅知' }).default('read'), cursor: Cursor, limit: PageLimit });
export const Receipt = z.object({ enterpriseId: z.string(), enterpriseName: z.string(), stationId: z.string(), readAt: IsoDateTime.nullable() });
export type Receipt = z.infer<typeof Receipt>;

export const ReadResult = z.object({ readAt: IsoDateTime, readCount: z.number().int() });
export const RemindResult = z.object({ reminded: z.number().int() });
