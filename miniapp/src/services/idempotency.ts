import Taro from '@tarojs/taro';

/**
 * One Idempotency-Key per user action. The action is identified by what it sends (route, URL, body):
 * while it has no final answer its key is kept in storage, so every retry — the request layer's own after
 * a 503 or a dropped connection, a second tap on the same form, the same submit after the app was
 * backgrounded or restarted — sends the same key and the server makes one record and replays its answer.
 * A final answer (success or a refusal) settles the action; the next identical submit is a new action.
 */
const STORAGE_KEY = 'pending-actions';
/** The server keeps a key's answer for 24 h; forget pending keys a little before that. */
const MAX_AGE_MS = 23 * 60 * 60 * 1000;

type Pending = Record<string, { key: string; at: number }>;

function load(): Pending {
  const value = Taro.getStorageSync(STORAGE_KEY);
  return value && typeof value === 'object' ? (value as Pending) : {};
}

function store(pending: Pending) {
  Taro.setStorageSync(STORAGE_KEY, pending);
}

/** A short stable digest of the action (storage keys stay small whatever the body's size). */
export function actionId(method: string, url: string, body: unknown): string {
  const text = `${method} ${url} ${JSON.stringify(body ?? {})}`;
  let h1 = 0x811c9dc5;
  let h2 = 5381;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = (Math.imul(h2, 33) + c) | 0;
  }
  return `${(h1 >>> 0).toString(36)}${(h2 >>> 0).toString(36)}${text.length.toString(36)}`;
}

const newKey = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 10)}`;

/** The key of this action: the pending one if it was sent before without a final answer, else a new one. */
export function keyForAction(id: string, now = Date.now()): string {
  const pending = load();
  for (const [k, v] of Object.entries(pending)) if (now - v.at > MAX_AGE_MS) delete pending[k];
  const existing = pending[id];
  if (existing) return existing.key;
  const key = newKey();
  pending[id] = { key, at: now };
  store(pending);
  return key;
}

/** The action got its final answer: its key is spent. */
export function settleAction(id: string) {
  const pending = load();
  if (!(id in pending)) return;
  delete pending[id];
  store(pending);
}
