import { BULLETIN_KIND_LABELS, BULLETIN_KINDS, BULLETIN_STATUS_LABELS, type BulletinKind, type BulletinStatus } from '../../../../shared/bulletins/catalogue';
import { shanghaiDate } from '../../../../shared/dates';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** '10月28日 15:00' (with the year when it is not this year), Shanghai time. */
export function bulletinTime(at: string, now: number = Date.now()): string {
  const d = new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS);
  const thisYear = new Date(now + SHANGHAI_OFFSET_MS).getUTCFullYear();
  return `${d.getUTCFullYear() !== thisYear ? `${d.getUTCFullYear()}年` : ''}${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export const kindLabel = (kind: BulletinKind) => BULLETIN_KIND_LABELS[kind];
export const statusLabel = (status: BulletinStatus) => BULLETIN_STATUS_LABELS[status];

export type KindFilter = BulletinKind | 'all';
export const KIND_FILTERS: { key: KindFilter; label: string }[] = [{ key: 'all', label: '全部' }, ...BULLETIN_KINDS.map((k) => ({ key: k as KindFilter, label: BULLETIN_KIND_LABELS[k] }))];

/** The badge text of an unread count: nothing for none, 99+ at the cap. */
export function unreadBadge(count: number, capped = false): string | null {
  if (count <= 0) return null;
  return capped || count > 99 ? '99+' : String(count);
}

/** 'YYYY-MM-DD' and 'HH:mm' of a Shanghai wall time as an ISO instant. */
export function shanghaiInstant(day: string, time: string): string {
  return new Date(`${day}T${time}:00+08:00`).toISOString();
}

export function shanghaiToday(now: number = Date.now()): string {
  return shanghaiDate(now);
}
