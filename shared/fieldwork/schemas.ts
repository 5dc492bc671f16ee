/**
 * 走访记录、一企一策、问题整改台账: request bodies and records, shared by the Lambdas and the mini-program.
 */
import { z } from 'zod';
import { RECTIFICATION_PHOTO_MAX } from '../evidence/rules';
import { AttachmentIdsField, AttachmentView } from '../evidence/schemas';
import { Cursor, DayField, Id, IsoDateTime, PageLimit, TextField } from '../schemas/common';
import { FOLLOW_UPS, RECTIFICATION_ACTIONS, RECTIFICATION_STATUSES, VISIT_APPEAL_TYPES, VISIT_INTERVAL_MAX, VISIT_INTERVAL_MIN } from './rules';

const BODY_SHAPE = '请求内容格式不正确';

const VersionField = z.number({ error: '缺少版本号，请刷新后重试' }).int('版本号格式不正确').min(0, '版本号格式不正确');

// ---- visits (走访记录) --------------------------------------------------------------------------------------

export const FollowUp = z.enum(FOLLOW_UPS, { error: '请选择问题的处理方式（不处理、转整改或转诉求）' });

export const VisitProblemInput = z.object(
  {
    description: TextField('问题描述', 4, 300),
    followUp: FollowUp,
    /** 整改期限, required when the problem becomes a rectification item. */
    deadline: DayField('整改期限').optional(),
    /** 转诉求: what kind of appeal it becomes (default 求助); the SLA sets its deadline. */
    appealType: z.enum(VISIT_APPEAL_TYPES, { error: '请选择诉求类型（求助、矛盾纠纷或意见建议）' }).optional(),
  },
  { error: BODY_SHAPE },
);
export type VisitProblemInput = z.infer<typeof VisitProblemInput>;

export const CreateVisitBody = z
  .object(
    {
      enterpriseId: Id('走访企业'),
      day: DayField('走访日期'),
      metWith: TextField('走访对象', 2, 60),
      content: TextField('交流内容', 5, 2000),
      problems: z.array(VisitProblemInput, { error: '问题清单格式不正确' }).max(20, '一次走访最多登记20个问题').default([]),
      /** 工作影像资料: confirmed uploads of purpose 'visit' for this enterprise (police only). */
      attachmentIds: AttachmentIdsField,
    },
    { error: BODY_SHAPE },
  )
  .superRefine((v, ctx) => {
    v.problems.forEach((p, i) => {
      if (p.followUp === 'rectification' && !p.deadline) ctx.addIssue({ code: 'custom', path: ['problems', i, 'deadline'], message: `请填写第${i + 1}个问题的整改期限` });
      if (p.deadline && p.deadline < v.day) ctx.addIssue({ code: 'custom', path: ['problems', i, 'deadline'], message: `第${i + 1}个问题的整改期限不能早于走访日期` });
    });
  });
export type CreateVisitBody = z.infer<typeof CreateVisitBody>;

export const VisitProblem = z.object({
  description: z.string(),
  followUp: FollowUp,
  deadline: z.string().nullable(),
  /** The rectification item the problem became, if any. */
  rectificationId: z.string().nullable(),
  /** The appeal it became (转诉求, filed for the enterprise), if any. */
  appealId: z.string().nullable().optional(),
});
export type VisitProblem = z.infer<typeof VisitProblem>;

export const Visit = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  stationId: z.string(),
  officerId: z.string(),
  officerName: z.string(),
  day: z.string(),
  metWith: z.string(),
  content: z.string(),
  problems: z.array(VisitProblem),
  /** 工作影像资料, by id (stored with the visit); `attachments` are their views, with short-lived links. */
  attachmentIds: z.array(z.string()).optional(),
  attachments: z.array(AttachmentView).optional(),
  createdAt: IsoDateTime,
  version: z.number().int(),
});
export type Visit = z.infer<typeof Visit>;

export const VisitListQuery = z.object({
  cursor: Cursor,
  limit: PageLimit,
  from: DayField('起始日期').optional(),
  to: DayField('截止日期').optional(),
});
export type VisitListQuery = z.infer<typeof VisitListQuery>;

/** One enterprise's contact state: when it was last visited and when the next visit is due. */
export const VisitDueItem = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  officerId: z.string(),
  lastVisitDay: z.string().nullable(),
  dueDay: z.string(),
  overdue: z.boolean(),
});
export type VisitDueItem = z.infer<typeof VisitDueItem>;

export const VisitsDueQuery = z.object({
  cursor: Cursor,
  limit: PageLimit,
  /** due: only those whose visit is due by today; all: every enterprise, longest unvisited first. */
  view: z.enum(['due', 'all'], { error: '视图应为 due 或 all' }).default('due'),
});
export type VisitsDueQuery = z.infer<typeof VisitsDueQuery>;

/** 走访频次: a station's contact rule. */
export const VisitPolicy = z.object({
  stationId: z.string(),
  intervalDays: z.number().int(),
  version: z.number().int(),
});
export type VisitPolicy = z.infer<typeof VisitPolicy>;

export const PutVisitPolicyBody = z.object(
  {
    intervalDays: z.number({ error: '走访周期应为天数' }).int('走访周期应为整数天').min(VISIT_INTERVAL_MIN, `走访周期至少${VISIT_INTERVAL_MIN}天`).max(VISIT_INTERVAL_MAX, `走访周期最多${VISIT_INTERVAL_MAX}天`),
    version: VersionField,
  },
  { error: BODY_SHAPE },
);
export type PutVisitPolicyBody = z.infer<typeof PutVisitPolicyBody>;

// ---- rectification ledger (问题整改台账) -----------------------------------------------------------------

export const RectificationStatus = z.enum(RECTIFICATION_STATUSES);
export const RectificationSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('visit'), visitId: z.string(), followUp: z.enum(['rectification', 'appeal']) }),
  z.object({ kind: z.literal('rating'), appealId: z.string() }),
]);
export type RectificationSource = z.infer<typeof RectificationSource>;

export const RectificationHistoryEntry = z.object({
  at: IsoDateTime,
  by: z.string(),
  byName: z.string(),
  action: z.enum(['open', 'reassign', ...RECTIFICATION_ACTIONS]),
  note: z.string().nullable(),
});

export const Rectification = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  stationId: z.string(),
  /** 责任民警 */
  ownerOfficerId: z.string(),
  ownerName: z.string(),
  source: RectificationSource,
  description: z.string(),
  deadline: z.string(),
  status: RectificationStatus,
  openedDay: z.string(),
  openedAt: IsoDateTime,
  closedDay: z.string().nullable(),
  closedAt: IsoDateTime.nullable(),
  closingNote: z.string().nullable(),
  /** 整改前 / 整改后 photos, by id: attached by whoever closes the item, in the closing write. */
  beforePhotoIds: z.array(z.string()).optional(),
  afterPhotoIds: z.array(z.string()).optional(),
  history: z.array(RectificationHistoryEntry),
  version: z.number().int(),
});
export type Rectification = z.infer<typeof Rectification>;

/** A rectification as the API shows it: with whether it is overdue today, and its photos with short-lived links. */
export const RectificationView = Rectification.extend({ overdue: z.boolean(), beforePhotos: z.array(AttachmentView).optional(), afterPhotos: z.array(AttachmentView).optional() });
export type RectificationView = z.infer<typeof RectificationView>;

export const CreateRectificationBody = z.object(
  {
    source: z.object({ kind: z.literal('rating', { error: '整改来源应为不满意评价' }), appealId: Id('诉求') }, { error: '请选择整改来源' }),
    description: TextField('整改问题', 4, 300),
    deadline: DayField('整改期限'),
    ownerOfficerId: Id('责任民警').optional(),
  },
  { error: BODY_SHAPE },
);
export type CreateRectificationBody = z.infer<typeof CreateRectificationBody>;

export const RectificationActionBody = z
  .object(
    {
      action: z.enum(RECTIFICATION_ACTIONS, { error: '操作应为 start（开始整改）、complete（整改完成）或 cancel（销号）' }),
      note: z.string({ error: '说明应为文字' }).trim().max(500, '说明最多500个字').optional(),
      /** 整改前 / 整改后 photos (confirmed uploads of purpose 'rectification' for this item), when closing it. */
      beforePhotoIds: z.array(Id('整改前照片'), { error: '整改前照片应为列表' }).max(RECTIFICATION_PHOTO_MAX, `整改前照片最多${RECTIFICATION_PHOTO_MAX}张`).optional(),
      afterPhotoIds: z.array(Id('整改后照片'), { error: '整改后照片应为列表' }).max(RECTIFICATION_PHOTO_MAX, `整改后照片最多${RECTIFICATION_PHOTO_MAX}张`).optional(),
      version: VersionField,
    },
    { error: BODY_SHAPE },
  )
  .superRefine((v, ctx) => {
    if ((v.action === 'complete' || v.action === 'cancel') && (v.note ?? '').length < 4) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: v.action === 'complete' ? '请填写整改情况（至少4个字）' : '请填写销号原因（至少4个字）' });
    }
    if (v.action === 'start' && (v.beforePhotoIds?.length || v.afterPhotoIds?.length)) {
      ctx.addIssue({ code: 'custom', path: ['afterPhotoIds'], message: '整改前后照片在整改完成或销号时上传' });
    }
    const both = new Set(v.beforePhotoIds ?? []);
    if ((v.afterPhotoIds ?? []).some((id) => both.has(id))) ctx.addIssue({ code: 'custom', path: ['afterPhotoIds'], message: '同一张照片不能既是整改前又是整改后' });
  });
export type RectificationActionBody = z.infer<typeof RectificationActionBody>;

export const RectificationListQuery = z.object({
  cursor: Cursor,
  limit: PageLimit,
  status: RectificationStatus.optional().or(z.literal('all')).default('all'),
});
export type RectificationListQuery = z.infer<typeof RectificationListQuery>;

// ---- service plan (一企一策) ----------------------------------------------------------------------------

export const PlanTarget = z.object(
  {
    title: TextField('目标', 2, 100),
    due: DayField('目标期限').optional(),
    done: z.boolean({ error: '目标是否完成应为是或否' }).default(false),
  },
  { error: '目标格式不正确' },
);

export const ServicePlan = z.object({
  enterpriseId: z.string(),
  text: z.string(),
  targets: z.array(z.object({ title: z.string(), due: z.string().optional(), done: z.boolean() })),
  updatedAt: IsoDateTime.nullable(),
  updatedBy: z.string().nullable(),
  /** 0 while no plan has been written. */
  version: z.number().int(),
});
export type ServicePlan = z.infer<typeof ServicePlan>;

export const PutServicePlanBody = z.object(
  {
    text: z.string({ error: '请填写服务方案' }).trim().max(3000, '服务方案最多3000个字'),
    targets: z.array(PlanTarget, { error: '目标清单格式不正确' }).max(30, '目标最多30项').default([]),
    version: VersionField,
  },
  { error: BODY_SHAPE },
);
export type PutServicePlanBody = z.infer<typeof PutServicePlanBody>;
