/**
 * Satisfaction rules. A bad rating (不满意/非常不满意) is the station chief's business: it must explain itself,
 * triggers a rectification (整改), and after that the enterprise gets exactly one more say.
 */
import type { RatingLevel, RectificationState } from './catalogue';

export const BAD_RATING_LEVELS: readonly RatingLevel[] = [1, 2];
export const SATISFIED_RATING_LEVELS: readonly RatingLevel[] = [4, 5];
/** A bad rating without a reason cannot be acted on, so it needs a few words. */
export const BAD_RATING_COMMENT_MIN = 5;
export const MAX_RATINGS = 2;

export const isBadRating = (level: number): boolean => level === 1 || level === 2;
export const isSatisfied = (level: number): boolean => level === 4 || level === 5;

type RatingView = {
  status: string;
  rateCount: number;
  rectification: RectificationState;
  closeReason?: 'rated' | 'auto' | undefined;
};

/** Why the enterprise cannot rate now, in words it can act on; null when it can. */
export function whyCannotRate(appeal: RatingView): string | null {
  if (appeal.status === 'resolved') return appeal.rateCount === 0 ? null : '您已评价过该诉求';
  if (appeal.status !== 'closed') return '诉求办结后才能评价';
  if (appeal.closeReason === 'auto') return '该诉求办结后超过期限未评价，已自动关闭，不能再评价';
  if (appeal.rateCount >= MAX_RATINGS) return '您已评价过两次，不能再评价';
  if (appeal.rectification === 'required') return '派出所正在整改，整改完成后您可以再评价一次';
  if (appeal.rectification === 'done' && appeal.rateCount === 1) return null;
  return '您已评价过该诉求';
}

/** Why the chief cannot record a rectification now; null when it can. */
export function whyCannotRectify(appeal: RatingView): string | null {
  if (appeal.rectification === 'required') return null;
  if (appeal.rectification === 'done') return '该诉求已登记整改，不能重复登记';
  return '该诉求没有收到不满意评价，无需整改';
}

/** Share of satisfied ratings (4–5) among all ratings; null when there are none. */
export function satisfactionRate(levels: readonly number[]): number | null {
  if (levels.length === 0) return null;
  return levels.filter(isSatisfied).length / levels.length;
}
