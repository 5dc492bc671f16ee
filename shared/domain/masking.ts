/**
 * Masking of personal contact data (PIPL 最小必要): lists show 138****1234 and 王**; the full number is
 * returned only by an explicit, access-logged reveal (POST /enterprises/{id}/contact/reveal).
 */

/** 13812341234 → 138****1234; anything not a mainland mobile keeps only its last 4 characters. */
export function maskMobile(mobile: string): string {
  if (/^1\d{10}$/.test(mobile)) return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
  return mobile.length <= 4 ? '*'.repeat(mobile.length) : `${'*'.repeat(mobile.length - 4)}${mobile.slice(-4)}`;
}

/** 王小明 → 王**: the surname stays so the officer knows whom to ask for. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

/** Matches an unmasked mainland mobile inside any text (used by the tests over every list). */
export const UNMASKED_MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

export const maskContact = <T extends { contactName: string; contactMobile: string }>(x: T): T => ({ ...x, contactName: maskName(x.contactName), contactMobile: maskMobile(x.contactMobile) });
export const maskOfficerMobile = <T extends { mobile: string }>(x: T): T => ({ ...x, mobile: maskMobile(x.mobile) });
export const maskPage = <P extends { items: unknown[] }>(page: P, mask: (x: P['items'][number]) => P['items'][number]): P => ({ ...page, items: page.items.map(mask) });
