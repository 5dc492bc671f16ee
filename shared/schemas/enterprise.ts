import { z } from 'zod';
import { creditCodeProblem, CREDIT_CODE_MESSAGES } from '../domain/credit-code';
import { INDUSTRY_IDS } from '../domain/industries';
import { Id, IsoDateTime, MobileNumber, pageOf } from './common';
import { OfficerCard, StationSummary } from './organisation';
import { AppealSummary } from '../appeals/views';
import { Booking } from '../bookings/schemas';
import { RectificationView, ServicePlan, Visit } from '../fieldwork/schemas';

export const CreditCode = z
  .string({ error: '请填写统一社会信用代码' })
  .trim()
  .toUpperCase()
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[problem] });
  });

export const RegisterEnterpriseBody = z.object({
  name: z.string({ error: '请填写企业名称' }).trim().min(4, '企业名称至少4个字').max(60, '企业名称最多60个字'),
  creditCode: CreditCode,
  industry: z.enum(INDUSTRY_IDS, { error: '请从列表中选择所属行业' }),
  address: z.string({ error: '请填写企业地址' }).trim().min(5, '企业地址至少5个字').max(120, '企业地址最多120个字'),
  stationId: Id('辖区派出所'),
  contactName: z.string({ error: '请填写联系人' }).trim().min(2, '联系人姓名至少2个字').max(20, '联系人姓名最多20个字'),
  contactMobile: MobileNumber,
  employeeCount: z.number({ error: '员工人数应为数字' }).int('员工人数应为整数').min(0, '员工人数不能为负数').max(1_000_000, '员工人数过大，请核对').optional(),
});
export type RegisterEnterpriseBody = z.infer<typeof RegisterEnterpriseBody>;

export const Enterprise = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  industry: z.enum(INDUSTRY_IDS),
  address: z.string(),
  stationId: z.string(),
  officerId: z.string(),
  contactName: z.string(),
  contactMobile: z.string(),
  employeeCount: z.number().int().nullable(),
  createdAt: IsoDateTime,
  /** 注销: closed with its last owner's account; its records stay for the station, its contact anonymised. */
  closedAt: IsoDateTime.optional(),
  version: z.number().int(),
});
export type Enterprise = z.infer<typeof Enterprise>;

export const ReassignEnterpriseBody = z.object({
  officerId: Id('新联络官'),
  version: z.number({ error: '缺少版本号' }).int(),
});
export type ReassignEnterpriseBody = z.infer<typeof ReassignEnterpriseBody>;

/** Move every enterprise of a departing officer to the other officers of the station. */
export const HandOverEnterprisesBody = z.object({
  toOfficerIds: z.array(Id('接收联络官')).max(50).optional(),
});
export type HandOverEnterprisesBody = z.infer<typeof HandOverEnterprisesBody>;

export const HandOverResult = z.object({
  moved: z.number().int(),
  to: z.record(z.string(), z.number().int()),
  /** The open appeals and rectification items that followed their enterprises. */
  cases: z.object({ appeals: z.number().int(), rectifications: z.number().int() }).optional(),
});

export const EnterpriseMember = z.object({
  userId: z.string(),
  enterpriseId: z.string(),
  memberRole: z.enum(['owner', 'staff']),
  displayName: z.string(),
  joinedAt: IsoDateTime,
});
export type EnterpriseMember = z.infer<typeof EnterpriseMember>;

/**
 * 一企一档: the enterprise file — profile, officer and station, and its sections (plan, visits, appeals with ratings,
 * bookings, rectifications), each a Query on the enterprise's key.
 */
export const EnterpriseFile = z.object({
  enterprise: Enterprise,
  officer: OfficerCard,
  station: StationSummary,
  /**
   * Each the latest 10, newest first; visits and rectifications are police notes (null for the enterprise).
   * Partial: a reader that needs only the profile (the enterprise home) may get a file without sections.
   */
  sections: z
    .object({
      plan: ServicePlan,
      visits: pageOf(Visit).nullable(),
      appeals: pageOf(AppealSummary),
      bookings: pageOf(Booking.extend({ stationName: z.string().optional() }).passthrough()),
      rectifications: pageOf(RectificationView).nullable(),
    })
    .partial(),
});
export type EnterpriseFile = z.infer<typeof EnterpriseFile>;

/** `sections=none`: the profile, officer and station only (the enterprise's home page needs no more). */
export const EnterpriseFileQuery = z.object({
  sections: z.enum(['all', 'none'], { error: 'sections 只能为 all 或 none' }).default('all'),
});

export const EnterpriseCreated = z.object({ enterprise: Enterprise, officer: OfficerCard });
