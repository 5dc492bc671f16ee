import { RateLimited } from '../../shared/errors';
import { RATE_LIMITS, rateLimitMessage, retryAfterSeconds, type RateLimitName } from '../../shared/domain/rate-limits';
import { rateLimitRepository } from '../repositories/rate-limit-repository';

/** Per-user and per-openid subjects: a new user on the same WeChat account does not start afresh. */
export const subjectsOf = (u: { userId: string; openid: string }) => [`user:${u.userId}`, `openid:${u.openid}`];

const refused = (name: RateLimitName, now: Date) => new RateLimited(RATE_LIMITS[name].code, rateLimitMessage(RATE_LIMITS[name], now), retryAfterSeconds(RATE_LIMITS[name], now));

/** 429 when any subject has used up the window (checked before the attempt, so a blocked guess reveals nothing). */
export async function assertUnderLimit(name: RateLimitName, subjects: string[], now: Date): Promise<void> {
  const counts = await Promise.all(subjects.map((s) => rateLimitRepository.count(name, RATE_LIMITS[name], s, now)));
  if (counts.some((n) => n >= RATE_LIMITS[name].max)) throw refused(name, now);
}

/** Count a failed attempt against every subject. */
export async function countFailure(name: RateLimitName, subjects: string[], now: Date): Promise<void> {
  await Promise.all(subjects.map((s) => rateLimitRepository.add(name, RATE_LIMITS[name], s, now)));
}

/** Count an attempt that is limited whether or not it succeeds (sign-in); 429 once the window is used up. */
export async function takeAllowance(name: RateLimitName, subject: string, now: Date): Promise<void> {
  if (!(await rateLimitRepository.take(name, RATE_LIMITS[name], subject, now))) throw refused(name, now);
}
