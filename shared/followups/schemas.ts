/** 回访任务: the task, the list query and the record body, shared by the Lambdas and the mini-program. */
import { z } from 'zod';
import { APPEAL_TYPES } from '../appeals/catalogue';
import { Cursor, PageLimit } from '../schemas/common';
import { FOLLOW_UP_METHODS, FOLLOW_UP_REASONS, FOLLOW_UP_SATISFACTIONS, FOLLOW_UP_STATUSES } from './rules';

const BODY_SHAPE = '请求内容格式不正确';

export const FollowUpTask = z.object({
  /** The task's id is its appeal's: one task per closed appeal. */
  id: z.string(),
  appealId: z.string(),
  stationId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  appealTitle: z.string(),
  appealType: z.enum(APPEAL_TYPES),
  /** The officer who had the case; the task is the station's, anyone of it may record. */
  officerId: z.string().nullable(),
  officerName: z.string().nullable(),
  reason: z.enum(FOLLOW_UP_REASONS),
  /** The enterprise's rating at the close (none when auto-closed). */
  rating: z.number().int().optional(),
  ratingComment: z.string().optional(),
  closedAt: z.string(),
  /** Shanghai day by which the station should have called back. */
  dueDay: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  createdAt: z.string(),
  // ---- the record, once done --------------------------------------------------------------------------
  method: z.enum(FOLLOW_UP_METHODS).optional(),
  reached: z.boolean().optional(),
  satisfaction: z.enum(FOLLOW_UP_SATISFACTIONS).optional(),
  notes: z.string().optional(),
  recordedAt: z.string().optional(),
  recordedBy: z.string().optional(),
  recordedByName: z.string().optional(),
  version: z.number().int(),
});
export type FollowUpTask = z.infer<typeof FollowUpTask>;

/** 待回访 (due first) or 已回访 (newest record first). */
export const FollowUpListQuery = z.object({ status: z.enum(FOLLOW_UP_STATUSES, { error: '回访状态只能是待回访或已回访' }).default('pending'), cursor: Cursor, limit: PageLimit });
export type FollowUpListQuery = z.infer<typeof FollowUpListQuery>;

export const RecordFollowUpBody = z
  .object(
    {
      method: z.enum(FOLLOW_UP_METHODS, { error: '请选择回访方式（电话或上门）' }),
      reached: z.boolean({ error: '请选择是否联系上企业' }),
      satisfaction: z.enum(FOLLOW_UP_SATISFACTIONS, { error: '请选择企业回访后的满意程度' }).optional(),
      notes: z.string({ error: '回访情况应为文字' }).trim().max(500, '回访情况最多500个字').optional(),
    },
    { error: BODY_SHAPE },
  )
  .superRefine((v, ctx) => {
    // Satisfaction is only known from someone reached; a "not reached" with a verdict would be made up.
    if (v.reached && !v.satisfaction) ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: '联系上企业时请选择满意程度' });
    if (!v.reached && v.satisfaction) ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: '未联系上企业时不能登记满意程度' });
    if (!v.reached && !v.notes) ctx.addIssue({ code: 'custom', path: ['notes'], message: '未联系上时请写明原因（如电话无人接听）' });
  });
export type RecordFollowUpBody = z.infer<typeof RecordFollowUpBody>;
