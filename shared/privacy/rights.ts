/**
 * PIPL rights (个人信息保护法): correcting the enterprise's basic data, exporting what is held, deleting the
 * account (注销). Pure: schemas and the rules the services apply.
 */
import { z } from 'zod';
import { RegisterEnterpriseBody } from '../schemas/enterprise';

export const EDITABLE_ENTERPRISE_FIELDS = ['name', 'contactName', 'contactMobile', 'address', 'industry', 'employeeCount'] as const;
export type EditableEnterpriseField = (typeof EDITABLE_ENTERPRISE_FIELDS)[number];

/** 更正企业信息: the credit code is not editable (strict: sending it is a 400). */
export const UpdateEnterpriseBody = RegisterEnterpriseBody.pick({ name: true, contactName: true, contactMobile: true, address: true, industry: true, employeeCount: true })
  .partial()
  .extend({
    version: z.number({ error: '缺少版本号' }).int(),
    creditCode: z.never({ error: '统一社会信用代码不能修改，如有错误请联系辖区派出所' }).optional(),
    stationId: z.never({ error: '辖区派出所不能在此修改，请联系辖区派出所' }).optional(),
  })
  .refine((v) => EDITABLE_ENTERPRISE_FIELDS.some((k) => v[k] !== undefined), { message: '没有需要保存的修改，请至少修改一项', path: ['name'] });
export type UpdateEnterpriseBody = z.infer<typeof UpdateEnterpriseBody>;

export const FIELD_LABELS: Record<EditableEnterpriseField, string> = {
  name: '企业名称',
  contactName: '联系人',
  contactMobile: '联系电话',
  address: '企业地址',
  industry: '所属行业',
  employeeCount: '员工人数',
};

/** Only the owner may change the enterprise's name (a name change is the owner's declaration). */
export const OWNER_ONLY_FIELDS: readonly EditableEnterpriseField[] = ['name'];

export const EnterpriseChange = z.object({ field: z.enum(EDITABLE_ENTERPRISE_FIELDS), from: z.union([z.string(), z.number(), z.null()]), to: z.union([z.string(), z.number(), z.null()]) });
export type EnterpriseChange = z.infer<typeof EnterpriseChange>;

/** The changes an update makes to the enterprise as it is (unchanged fields dropped). */
export function enterpriseChanges(current: Record<EditableEnterpriseField, string | number | null>, update: Partial<Record<EditableEnterpriseField, string | number | null | undefined>>): EnterpriseChange[] {
  return EDITABLE_ENTERPRISE_FIELDS.filter((f) => update[f] !== undefined && update[f] !== current[f]).map((f) => ({ field: f, from: current[f], to: update[f] ?? null }));
}

export const EnterpriseHistoryEntry = z.object({
  at: z.string(),
  version: z.number().int(),
  /** Who changed it: a member's role (the member's name is not kept, so 注销 leaves nothing to erase here). */
  by: z.object({ role: z.enum(['owner', 'staff']) }),
  changes: z.array(EnterpriseChange),
});
export type EnterpriseHistoryEntry = z.infer<typeof EnterpriseHistoryEntry>;

export const ExportQuery = z.object({ format: z.enum(['json', 'xlsx'], { error: '导出格式应为 json 或 xlsx' }).default('json') });

/** 注销: the owner who is the last owner must say that the enterprise closes with the account. */
export const DeleteAccountQuery = z.object({ closeEnterprise: z.enum(['true', 'false']).default('false') });
export const AccountDeleted = z.object({
  deleted: z.literal(true),
  /** The enterprise was closed with the account (its last owner left). */
  enterpriseClosed: z.boolean(),
  /** Items erased or anonymised, by kind (for the record; nothing personal). */
  erased: z.record(z.string(), z.number().int()),
});

/** What the confirmation dialog says is deleted and what is kept (also the README's list). */
export const DELETION_SUMMARY = {
  deleted: ['您的微信账号绑定、称呼、登录设备与会话', '您的消息订阅与发送记录', '您在企业成员中的记录', '您上传的照片、视频、语音和文件（诉求和留言中的证据材料一并删除）'],
  anonymised: ['您提交的诉求、留言、评价中的姓名（内容按规定保留，显示为“已注销用户”）', '您预约办证时填写的办事人姓名和手机号'],
  kept: ['企业的诉求、走访记录和台账（派出所依法保存，统计不变）', '民警查看企业档案的记录（不含您的个人信息）'],
};

export type Role = 'owner' | 'staff';

/** The last owner may leave only by closing the enterprise with the account. */
export function mayLeave(member: { memberRole: Role }, owners: number, closeEnterprise: boolean): { ok: true } | { ok: false; reason: string } {
  if (member.memberRole !== 'owner' || owners > 1 || closeEnterprise) return { ok: true };
  return { ok: false, reason: '您是企业唯一的管理员：请先邀请并设置其他管理员，或选择同时注销企业' };
}
