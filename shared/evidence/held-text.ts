/**
 * 内容安全 after the fact: a text WeChat could not judge at filing is checked again by the scheduler; when it
 * then comes back risky the record keeps it (nothing is deleted) but holds it: the views show everyone a
 * placeholder instead, except its author, who sees the text with a note saying why and what to do.
 */

export const HELD_PLACEHOLDER = '该内容未通过微信内容安全检查，已隐藏';
export const HELD_NOTE = '该内容未通过微信内容安全检查，仅您可见，请修改或联系联络官';

/** After this long without a verdict the recheck gives up and leaves the text to a person (`SECCHECK#UNJUDGED`). */
export const SECCHECK_GIVE_UP_DAYS = 3;

export function recheckGivenUp(pendingSince: string, now: Date): boolean {
  return now.getTime() - Date.parse(pendingSince) >= SECCHECK_GIVE_UP_DAYS * 24 * 60 * 60 * 1000;
}

/** A record with text fields WeChat judged risky after it was stored. */
export type Holdable = { heldFields?: string[] };

/** The record as this viewer may read it: held fields replaced by the placeholder, or (the author) a note added. */
export function showHeld<T extends Holdable>(record: T, viewerIsAuthor: boolean): T & { heldNote?: string } {
  const held = record.heldFields ?? [];
  if (held.length === 0) return record;
  if (viewerIsAuthor) return { ...record, heldNote: HELD_NOTE };
  const shown: Record<string, unknown> = { ...record };
  for (const field of held) if (typeof shown[field] === 'string') shown[field] = HELD_PLACEHOLDER;
  return shown as T;
}
