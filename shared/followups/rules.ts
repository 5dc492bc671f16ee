/**
 * 回访 (follow-up after an appeal is closed): which closed appeals the station calls back, pure.
 *
 * Every bad rating (不满意/非常不满意) and every dispute (矛盾纠纷) is followed up; of the rest, a sample
 * whose size the station sets (default 20 %). The sample is drawn from the appeal id, not from a random
 * number, so a retried or replayed close decides the same way and never flips a task in or out.
 */
import type { AppealType } from '../appeals/catalogue';
import { isBadRating, isSatisfied } from '../appeals/rating';

export const DEFAULT_FOLLOW_UP_SAMPLE_PERCENT = 20;
/** A task is due this many calendar days after the close: soon enough that the case is still remembered. */
export const FOLLOW_UP_DUE_DAYS = 7;

export const FOLLOW_UP_REASONS = ['bad_rating', 'dispute', 'sample'] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];
export const FOLLOW_UP_REASON_LABELS: Record<FollowUpReason, string> = { bad_rating: '差评回访', dispute: '矛盾纠纷回访', sample: '抽样回访' };

export const FOLLOW_UP_METHODS = ['phone', 'visit'] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];
export const FOLLOW_UP_METHOD_LABELS: Record<FollowUpMethod, string> = { phone: '电话回访', visit: '上门回访' };

export const FOLLOW_UP_SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type FollowUpSatisfaction = (typeof FOLLOW_UP_SATISFACTIONS)[number];
export const FOLLOW_UP_SATISFACTION_LABELS: Record<FollowUpSatisfaction, string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' };

export const FOLLOW_UP_STATUSES = ['pending', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/**
 * Where the appeal falls in 0–99 for the sample: FNV-1a (32 bit) of its id. A ULID's first ten characters
 * are its time, so the whole id is hashed, not a suffix of it.
 */
export function sampleBucket(appealId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < appealId.length; i++) {
    h ^= appealId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 100;
}

export type ClosedAppealFacts = { id: string; type: AppealType; rating?: number | undefined };

/** Why this closed appeal gets a follow-up task, or null when it does not. A bad rating wins over a dispute. */
export function followUpReason(appeal: ClosedAppealFacts, samplePercent: number = DEFAULT_FOLLOW_UP_SAMPLE_PERCENT): FollowUpReason | null {
  if (appeal.rating !== undefined && isBadRating(appeal.rating)) return 'bad_rating';
  if (appeal.type === 'dispute') return 'dispute';
  return sampleBucket(appeal.id) < samplePercent ? 'sample' : null;
}

/** The transition that closes an appeal for good enough to call back: resolved → closed (rated or auto-closed). */
export const closesAppeal = (before: { status: string }, after: { status: string }): boolean => before.status === 'resolved' && after.status === 'closed';

/** 满意 counts as satisfied, like 满意/非常满意 of a rating; 基本满意 does not, like a rating of 3. */
export const isSatisfiedAfter = (s: FollowUpSatisfaction): boolean => s === 'satisfied';

/** Whether the enterprise's rating at the close counted as satisfied (no rating = not compared). */
export const wasSatisfiedBefore = (rating: number | undefined): boolean | null => (rating === undefined ? null : isSatisfied(rating));

/** The day (Shanghai calendar day, yyyy-mm-dd) a task closed on `closedDay` is due. */
export function followUpDueDay(closedDay: string): string {
  const d = new Date(`${closedDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + FOLLOW_UP_DUE_DAYS);
  return d.toISOString().slice(0, 10);
}
