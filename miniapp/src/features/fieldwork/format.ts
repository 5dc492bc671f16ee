import { RECTIFICATION_STATUS_LABELS, addDays, shanghaiDay, type RectificationStatusId } from '../../../../shared/fieldwork/rules';

export { addDays, shanghaiDay };

export const today = () => shanghaiDay(new Date());

/** 2026-11-23 → 11月23日 (this year) or 2025年11月23日. */
export function formatDay(day: string | null | undefined, now = today()): string {
  if (!day) return '—';
  const [y, m, d] = day.split('-').map(Number);
  return day.slice(0, 4) === now.slice(0, 4) ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}

/** How long ago a day was, in words: 今天 / 昨天 / 12天前. */
export function daysAgo(day: string, now = today()): string {
  const n = Math.round((Date.parse(`${now}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
  if (n <= 0) return '今天';
  if (n === 1) return '昨天';
  return `${n}天前`;
}

export const STATUS_TONES: Record<RectificationStatusId, string> = { pending: 'warning', in_progress: 'primary', done: 'success', cancelled: 'muted' };
export const statusLabel = (s: RectificationStatusId) => RECTIFICATION_STATUS_LABELS[s];

export const firstDayOfMonth = (day = today()) => `${day.slice(0, 8)}01`;
