/**
 * 扫码登录 (console sign-in by scanning with the mini-program): the lifetimes, who may confirm, and the
 * ticket's state machine. Pure: the repository enforces each transition with a conditional write, and these
 * rules decide what a stored ticket means at a given moment (DynamoDB deletes expired items lazily, so a
 * ticket past its expiry may still be read and must be treated as expired here).
 *
 *   pending ──confirm (phone, once)──► confirmed ──poll with the secret (once)──► consumed (a console session)
 *      │ └──cancel (phone)──► cancelled
 *      └──2 minutes pass──► expired          confirmed but not polled within CONSUME_GRACE ──► expired
 */
import type { Role } from '../schemas/auth';

/** A QR code is good for 2 minutes; the desktop asks for a new one when it runs out. */
export const TICKET_SECONDS = 120;
/** After 确认登录 the desktop must pick the session up within this (it polls every 2 s). */
export const CONSUME_GRACE_SECONDS = 60;
/** How often the desktop asks whether the ticket was confirmed. */
export const POLL_INTERVAL_MS = 2000;
/** A console session lives 8 hours from sign-in, absolutely: it is never extended by refreshing. */
export const CONSOLE_SESSION_SECONDS = 8 * 3600;
/** Tickets one IP address may request per minute (a desktop needs one every 2 minutes). */
export const TICKETS_PER_IP_PER_MINUTE = 10;
/** Ticket ids carry 144 random bits (24 base64url characters: WeChat's `scene` allows 32). */
export const TICKET_ID_BYTES = 18;

/** Police (liaison officers, chiefs) and the centre work in the console; enterprises and guests do not. */
export const CONSOLE_ROLES = ['officer', 'chief', 'centre'] as const satisfies readonly Role[];
export const mayUseConsole = (role: Role) => (CONSOLE_ROLES as readonly Role[]).includes(role);

export const TICKET_STATUSES = ['pending', 'confirmed', 'consumed', 'cancelled'] as const;
export type StoredTicketStatus = (typeof TICKET_STATUSES)[number];
/** What a ticket is at a moment: a stored status, or expired once its time has passed. */
export type TicketState = StoredTicketStatus | 'expired';

export type TicketTimes = { status: StoredTicketStatus; expiresAt: string; consumeBy?: string | null };

export function ticketState(t: TicketTimes, now: Date): TicketState {
  const at = now.toISOString();
  if (t.status === 'pending' && t.expiresAt <= at) return 'expired';
  if (t.status === 'confirmed' && (t.consumeBy ?? t.expiresAt) <= at) return 'expired';
  return t.status;
}

/** The page the mini-program code opens (WeChat's `page` has no leading slash and no query). */
export const CONFIRM_PAGE = 'packages/auth/pages/console-confirm/index';

/**
 * 「Chrome 120 · Windows」 from a user agent, for the phone to show which browser asks to sign in. A short
 * list of what desktops in offices run is enough; anything else is 「未知浏览器」.
 */
export function describeBrowser(userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  const browsers: [RegExp, string][] = [
    [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
    [/(?:QQBrowser)\/(\d+)/, 'QQ浏览器'],
    [/360SE|360EE/, '360浏览器'],
    [/MicroMessenger\/(\d+)/, '微信内置浏览器'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/(?:Chrome|Chromium|HeadlessChrome)\/(\d+)/, 'Chrome'],
    [/Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari/, 'Safari'],
  ];
  const systems: [RegExp, string][] = [
    [/Windows NT/, 'Windows'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/Android/, 'Android'],
    [/iPhone|iPad/, 'iOS'],
    [/UOS|Deepin/, '统信UOS'],
    [/Kylin/, '麒麟'],
    [/Linux|X11/, 'Linux'],
  ];
  let browser = '未知浏览器';
  for (const [re, name] of browsers) {
    const m = ua.match(re);
    if (m) {
      browser = m[1] ? `${name} ${m[1]}` : name;
      break;
    }
  }
  const system = systems.find(([re]) => re.test(ua))?.[1];
  return system ? `${browser} · ${system}` : browser;
}
