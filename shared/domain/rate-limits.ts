/**
 * Limits where guessing pays (pure: the repository counts, these rules decide). Each limit counts events of
 * one subject (a user or a WeChat openid) in a fixed window; the counter item expires after its window.
 */
export type RateLimit = { max: number; windowSeconds: number; code: string; what: string };

export const RATE_LIMITS = {
  /** wrong invite codes (a valid one binds a police account or joins an enterprise) */
  inviteFailures: { max: 5, windowSeconds: 3600, code: 'INVITE_RATE_LIMITED', what: '邀请码错误次数过多' },
  /** sign-ins from one WeChat openid */
  login: { max: 30, windowSeconds: 3600, code: 'LOGIN_RATE_LIMITED', what: '登录过于频繁' },
  /** registrations with a credit code that is already registered (each one tells that a company is registered) */
  takenCreditCodes: { max: 3, windowSeconds: 86_400, code: 'REGISTRATION_RATE_LIMITED', what: '使用已注册信用代码的注册尝试过多' },
} as const satisfies Record<string, RateLimit>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** The window `now` falls in: its start (the counter's sort key) and end. */
export function rateWindow(limit: RateLimit, now: Date): { start: string; endsAt: Date } {
  const ms = limit.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { start: new Date(start).toISOString(), endsAt: new Date(start + ms) };
}

/** Seconds until the window ends (at least 1), for Retry-After. */
export const retryAfterSeconds = (limit: RateLimit, now: Date) => Math.max(1, Math.ceil((rateWindow(limit, now).endsAt.getTime() - now.getTime()) / 1000));

/** What the user reads: what happened and when to try again. */
export function rateLimitMessage(limit: RateLimit, now: Date): string {
  const seconds = retryAfterSeconds(limit, now);
  const wait = seconds >= 3600 ? `${Math.ceil(seconds / 3600)}小时` : `${Math.ceil(seconds / 60)}分钟`;
  return `${limit.what}，请${wait}后再试`;
}
