/**
 * The privacy guide's version (text: guide.ts) and the user's consent to it. The server stores the version and
 * time of consent on the user (at login, or POST /me/consent); a new version here asks everyone again, and
 * personal-data writes are refused (403 CONSENT_REQUIRED) until the user has agreed to it. Kept apart from the
 * guide's text so that every function, which checks consent on personal-data writes, does not bundle the text.
 */
import { z } from 'zod';

export const PRIVACY_GUIDE_VERSION = '2026-12-05';

export const ConsentBody = z.object({ version: z.string({ error: '缺少隐私保护指引版本' }).min(1, '缺少隐私保护指引版本').max(32, '版本格式不正确') });
export const ConsentState = z.object({
  /** The version the user agreed to, if any. */
  version: z.string().nullable(),
  consentedAt: z.string().nullable(),
  currentVersion: z.string(),
  /** True while the user has not agreed to the current version: the app shows the guide again. */
  required: z.boolean(),
});
export type ConsentState = z.infer<typeof ConsentState>;

export function consentState(user: { privacyVersion?: string | null; consentedAt?: string | null }): ConsentState {
  const version = user.privacyVersion ?? null;
  return { version, consentedAt: user.consentedAt ?? null, currentVersion: PRIVACY_GUIDE_VERSION, required: version !== PRIVACY_GUIDE_VERSION };
}
