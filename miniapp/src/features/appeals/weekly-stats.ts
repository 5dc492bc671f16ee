import type { AppealSummary } from '../../../../shared/appeals/views';
import { shanghaiDay, shanghaiDayBefore } from './appeal-format';

export interface DayFigures {
  day: string;
  created: number;
  resolved: number;
}

export interface WeeklyStats {
  days: DayFigures[];
  /** Resolved in the window by their deadline, of all resolved in the window; null when none were. */
  onTimeRate: number | null;
  resolvedInWindow: number;
  /** How many distinct appeals the figures were computed from. */
  sample: number;
}

/**
 * New and resolved appeals per Beijing day for the last `days` days, and the on-time rate, from whatever
 * queue pages the client could fetch (deduplicated by id).
 *
 * The API has no per-day history: 'new' and 'resolved_today' cover today only, and appeals closed after a
 * rating on an earlier day are in no queue at all. So past days count only the appeals still open, awaiting a
 * rating or awaiting rectification — a lower bound, labelled as such on screen.
 */
export function weeklyStats(appeals: readonly AppealSummary[], now: number, days = 7): WeeklyStats {
  const unique = new Map(appeals.map((a) => [a.id, a]));
  const window: DayFigures[] = [];
  for (let n = days - 1; n >= 0; n--) window.push({ day: shanghaiDayBefore(now, n), created: 0, resolved: 0 });
  const byDay = new Map(window.map((d) => [d.day, d]));

  let resolvedInWindow = 0;
  let onTime = 0;
  for (const a of unique.values()) {
    const created = byDay.get(shanghaiDay(a.createdAt));
    if (created) created.created += 1;
    if (a.resolvedAt) {
      const resolved = byDay.get(shanghaiDay(a.resolvedAt));
      if (resolved) {
        resolved.resolved += 1;
        resolvedInWindow += 1;
        if (new Date(a.resolvedAt).getTime() <= new Date(a.resolveDueAt).getTime()) onTime += 1;
      }
    }
  }
  return { days: window, onTimeRate: resolvedInWindow ? onTime / resolvedInWindow : null, resolvedInWindow, sample: unique.size };
}
