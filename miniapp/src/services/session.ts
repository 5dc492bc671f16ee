import Taro from '@tarojs/taro';
import type { Me, Session } from '../../../shared/schemas/auth';
import { PRIVACY_GUIDE_VERSION } from '../../../shared/privacy/consent';

/**
 * The signed-in session, kept in storage so that it survives restarts. One place reads and writes it; pages
 * subscribe to changes (login, refresh, logout) through `onSessionChange`.
 */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms after which the access token is expired (the server is the judge; this is a hint). */
  expiresAt: number;
  me: Me;
}

const SESSION_KEY = 'zq.session.v1';
const PRIVACY_KEY = 'zq.privacy-agreed.v1';
const DEVICE_KEY = 'zq.device-id';

type Listener = (session: StoredSession | null) => void;
const listeners = new Set<Listener>();
let cached: StoredSession | null | undefined;

function read<T>(key: string): T | null {
  try {
    const value = Taro.getStorageSync(key);
    return value === '' || value === undefined || value === null ? null : (value as T);
  } catch {
    return null;
  }
}

function emit() {
  const current = getSession();
  for (const l of listeners) l(current);
}

export function getSession(): StoredSession | null {
  if (cached === undefined) {
    const stored = read<StoredSession>(SESSION_KEY);
    cached = stored && typeof stored.accessToken === 'string' && stored.me ? stored : null;
  }
  return cached;
}

export function getMe(): Me | null {
  return getSession()?.me ?? null;
}

export function saveSession(session: Session): StoredSession {
  const stored: StoredSession = {
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    expiresAt: Date.now() + session.expiresIn * 1000,
    me: session.me,
  };
  cached = stored;
  Taro.setStorageSync(SESSION_KEY, stored);
  emit();
  return stored;
}

/** GET /me came back with fresher data (a new officer, a renamed enterprise …). */
export function updateMe(me: Me) {
  const current = getSession();
  if (!current) return;
  cached = { ...current, me };
  Taro.setStorageSync(SESSION_KEY, cached);
  emit();
}

export function clearSession() {
  cached = null;
  try {
    Taro.removeStorageSync(SESSION_KEY);
  } finally {
    emit();
  }
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Forget the in-memory copy (tests; a storage change from outside). */
export function resetSessionCache() {
  cached = undefined;
}

/**
 * Whether this phone's user agreed to the current version of the privacy guide (the stored value is the
 * version agreed to; an older version, or the `true` of the first release, asks again).
 */
export function hasAgreedPrivacy(): boolean {
  return read<string | boolean>(PRIVACY_KEY) === PRIVACY_GUIDE_VERSION;
}

/** The version agreed to on this phone, sent with the login so the server stores it. */
export function agreedPrivacyVersion(): string | undefined {
  return hasAgreedPrivacy() ? PRIVACY_GUIDE_VERSION : undefined;
}

export function setPrivacyAgreed(agreed: boolean) {
  if (agreed) Taro.setStorageSync(PRIVACY_KEY, PRIVACY_GUIDE_VERSION);
  else Taro.removeStorageSync(PRIVACY_KEY);
}

/**
 * H5 has no wx.login: a random id kept in storage stands for the device, and the local fake WeChat server
 * maps `h5.<deviceId>.<nonce>` to a stable openid per device.
 */
export function getDeviceId(): string {
  const existing = read<string>(DEVICE_KEY);
  if (existing && /^[a-z0-9]{8,40}$/.test(existing)) return existing;
  const id = randomToken(20);
  Taro.setStorageSync(DEVICE_KEY, id);
  return id;
}

export function randomToken(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(length);
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (cryptoApi?.getRandomValues) cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
