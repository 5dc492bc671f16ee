/**
 * The one Shanghai-time date formatter, for every date the system shows or derives from an instant
 * (functions and mini-program alike). An ISO timestamp's first ten characters are the UTC day: from 00:00
 * to 07:59 Beijing time that is yesterday (filed 12月5日 01:01 → listed as 12月4日). China has kept no
 * daylight saving since 1991, so a fixed +08:00 offset is exact and needs no time-zone database (which
 * the mini-program's engine may lack).
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-DD' of the Shanghai calendar day of an instant (ISO string, epoch ms or Date). */
export function shanghaiDate(t: string | number | Date = Date.now()): string {
  const ms = typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
