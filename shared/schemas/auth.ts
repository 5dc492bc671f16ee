import { z } from 'zod';
import { Id } from './common';
import { ConsentState } from '../privacy/consent';
import { Enterprise } from './enterprise';
import { Officer, StationSummary } from './organisation';

export const ROLES = ['guest', 'enterprise', 'officer', 'chief', 'centre'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  guest: '未注册用户',
  enterprise: '企业用户',
  officer: '助企警务联络官',
  chief: '派出所所长',
  centre: '助企警务中心',
};

export const WechatLoginBody = z.object({
  code: z.string({ error: '缺少微信登录凭证' }).min(1, '缺少微信登录凭证').max(128, '微信登录凭证格式不正确'),
  /** The privacy guide version the user agreed to on this phone before signing in (stored on the user). */
  privacyVersion: z.string().max(32, '版本格式不正确').optional(),
});
export const RefreshBody = z.object({ refreshToken: z.string({ error: '缺少刷新凭证' }).min(10, '刷新凭证无效') });
export const DemoLoginBody = z.object({ accountId: Id('演示账号') });
export const BindInviteBody = z.object({
  inviteCode: z
    .string({ error: '请填写邀请码' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, '邀请码为8位字母或数字'),
  displayName: z.string().trim().min(1).max(20, '称呼最多20个字').optional(),
});

/** Who is calling, as the app needs to know it. */
export const Me = z.object({
  userId: z.string(),
  role: z.enum(ROLES),
  displayName: z.string(),
  memberRole: z.enum(['owner', 'staff']).nullable(),
  enterprise: Enterprise.nullable(),
  officer: Officer.nullable(),
  station: StationSummary.nullable(),
  centreId: z.string().nullable(),
  /** Consent to the privacy guide: `required` asks the app to show the current version again. */
  consent: ConsentState.optional(),
});
export type Me = z.infer<typeof Me>;

export const Session = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  me: Me,
});
export type Session = z.infer<typeof Session>;

export const DemoAccount = z.object({ accountId: z.string(), role: z.enum(ROLES), label: z.string(), detail: z.string() });
export const DemoAccounts = z.object({ items: z.array(DemoAccount) });
export type DemoAccount = z.infer<typeof DemoAccount>;
