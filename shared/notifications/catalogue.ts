/**
 * 消息 catalogue: every event a module may notify, which of them also go out as WeChat subscribe messages
 * (一次性订阅消息), the template each uses and how a message fills the template's fields. Pure: the
 * template ids themselves are configuration (functions/lib/config.ts, env WECHAT_TEMPLATES); the ids here
 * are the dev defaults the local fake WeChat server knows.
 */
import type { Role } from '../schemas/auth';

export const NOTIFY_EVENTS = [
  'appeal_assigned',
  'appeal_replied',
  'appeal_resolved',
  'appeal_overdue',
  'appeal_update',
  'booking_reminder',
  'booking_update',
  'risk_warning',
  'bulletin',
  'bulletin_reminder',
  'knowledge',
  'morning_digest',
  'rectification',
  'visit',
  'console_sign_in',
] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

export const LINK_KINDS = ['appeal', 'booking', 'bulletin', 'knowledge', 'rectification', 'digest', 'visit', 'enterprise'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export type NotifyLink = { kind: LinkKind; id: string };

/** A template's keyword layout: WeChat's `thing` values hold at most 20 characters, `time` a date-time. */
export interface TemplateSpec {
  /** The template's title as chosen in the WeChat console (shown to the user when asking). */
  title: string;
  /** Keywords filled from the message: its title, its body, and when it happened. */
  fields: { title: string; body: string; time: string };
  /** Who is offered the subscription (the app asks at most 3 templates per tap). */
  audience: readonly Role[];
  /** Dev default template id (the fake WeChat server accepts exactly these). */
  devTemplateId: string;
}

const LAYOUT = { title: 'thing1', body: 'thing2', time: 'time3' } as const;
const ENTERPRISE: readonly Role[] = ['enterprise'];
const POLICE: readonly Role[] = ['officer', 'chief', 'centre'];

/** Events sent as subscribe messages. Events not listed stay in-app only. Order = the order the app asks. */
export const SUBSCRIBE_TEMPLATES: Partial<Record<NotifyEvent, TemplateSpec>> = {
  appeal_replied: { title: '诉求回复通知', fields: LAYOUT, audience: ENTERPRISE, devTemplateId: 'tmpl-appeal-replied' },
  appeal_resolved: { title: '诉求办结通知', fields: LAYOUT, audience: ENTERPRISE, devTemplateId: 'tmpl-appeal-resolved' },
  booking_reminder: { title: '预约办理提醒', fields: LAYOUT, audience: ENTERPRISE, devTemplateId: 'tmpl-booking-reminder' },
  risk_warning: { title: '风险预警通知', fields: LAYOUT, audience: ENTERPRISE, devTemplateId: 'tmpl-risk-warning' },
  appeal_assigned: { title: '新诉求待办通知', fields: LAYOUT, audience: POLICE, devTemplateId: 'tmpl-appeal-assigned' },
  appeal_overdue: { title: '诉求超期提醒', fields: LAYOUT, audience: POLICE, devTemplateId: 'tmpl-appeal-overdue' },
  morning_digest: { title: '每日晨报通知', fields: LAYOUT, audience: ['chief'], devTemplateId: 'tmpl-morning-digest' },
};

export const SUBSCRIBE_EVENTS = Object.keys(SUBSCRIBE_TEMPLATES) as NotifyEvent[];

/** WeChat asks about at most this many templates in one requestSubscribeMessage call. */
export const MAX_TEMPLATES_PER_REQUEST = 3;
/** WeChat's limit for a `thing` keyword. */
export const THING_MAX = 20;

/** Cut to WeChat's `thing` limit by characters (not UTF-16 units), marking the cut with '…'. */
export function truncateThing(text: string, max = THING_MAX): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('') || '-';
  return `${chars.slice(0, max - 1).join('')}…`;
}

/** WeChat's `time` keyword: e.g. 2026年11月23日 14:05 (Shanghai time). */
export function formatTemplateTime(at: Date): string {
  const shanghai = new Date(at.getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${shanghai.getUTCFullYear()}年${p(shanghai.getUTCMonth() + 1)}月${p(shanghai.getUTCDate())}日 ${p(shanghai.getUTCHours())}:${p(shanghai.getUTCMinutes())}`;
}

/** The `data` of a subscribe message for an event's template. */
export function templateData(spec: TemplateSpec, message: { title: string; body: string }, at: Date): Record<string, { value: string }> {
  return {
    [spec.fields.title]: { value: truncateThing(message.title) },
    [spec.fields.body]: { value: truncateThing(message.body) },
    [spec.fields.time]: { value: formatTemplateTime(at) },
  };
}

/** The mini-program page a subscribe message opens (WeChat's `page`): the record's page, else 消息. */
export const LINK_PAGES: Record<LinkKind, { path: string; param: string }> = {
  appeal: { path: 'packages/appeals/pages/detail/index', param: 'id' },
  booking: { path: 'packages/bookings/pages/detail/index', param: 'id' },
  bulletin: { path: 'packages/bulletins/pages/detail/index', param: 'id' },
  knowledge: { path: 'packages/knowledge/pages/entry/index', param: 'id' },
  rectification: { path: 'packages/fieldwork/pages/rectification/index', param: 'id' },
  digest: { path: 'packages/reports/pages/digest/index', param: 'id' },
  visit: { path: 'packages/fieldwork/pages/visit/index', param: 'id' },
  enterprise: { path: 'packages/enterprise/pages/file/index', param: 'enterpriseId' },
};

export function linkPage(link: NotifyLink | null | undefined): string {
  if (!link) return 'packages/notifications/pages/list/index';
  const page = LINK_PAGES[link.kind];
  return `${page.path}?${page.param}=${encodeURIComponent(link.id)}`;
}

/** How a subscribe-message send ended; transient failures are retried, the rest are final. */
export type DeliveryStatus = 'sent' | 'refused' | 'failed' | 'retrying';

/** WeChat errcodes worth another try: system busy. Network errors and HTTP 5xx count too (errcode null). */
export function isTransient(errcode: number | null): boolean {
  return errcode === null || errcode === -1;
}

/** Chinese explanations of the errcodes a support person meets in the delivery log. */
export const ERRCODE_HINTS: Record<number, string> = {
  0: '发送成功',
  [-1]: '微信系统繁忙，已重试',
  40001: 'access_token 无效或已过期（已自动刷新）',
  40003: 'openid 无效',
  40037: '模板 ID 无效，请检查配置',
  41030: '跳转页面不存在或小程序未发布',
  42001: 'access_token 已过期（已自动刷新）',
  43101: '用户拒绝接收消息（未订阅或已关闭）',
  45009: '接口调用超过每日上限',
  47003: '模板参数不正确',
};
