import Taro from '@tarojs/taro';
import { isH5 } from './config';

/**
 * 大字模式 (适老化): text at least 1.3× and larger tap targets on every screen. Sizes in the styles are written
 * as `calc(<px> * var(--zq-fs, 1))` (text) and `calc(44px * var(--zq-tap, 1))` (tap targets), so the layout
 * widths stay and only text and targets grow. H5 sets the two variables once on the document; weapp has no
 * document, so each page root carries them inline (`pageScaleStyle()`).
 *
 * Without a choice of the user's, weapp follows WeChat's own font size (系统字体大小, `fontSizeSetting`).
 */
const KEY = 'zq.large-text.v1';

export const LARGE_TEXT_SCALE = 1.3;
export const LARGE_TAP_SCALE = 1.25;

let cached: boolean | null | undefined;
const listeners = new Set<(on: boolean) => void>();

/** The user's own choice: true / false, or null when they never chose. */
function storedChoice(): boolean | null {
  if (cached !== undefined) return cached;
  try {
    const value = Taro.getStorageSync(KEY);
    cached = typeof value === 'boolean' ? value : null;
  } catch {
    cached = null;
  }
  return cached;
}

/** WeChat's font size setting as a scale (16 is standard); 1 on H5, which has no such setting. */
function systemScale(): number {
  if (isH5()) return 1;
  try {
    const size = Taro.getSystemInfoSync().fontSizeSetting;
    return size && size > 16 ? Math.min(size / 16, 1.6) : 1;
  } catch {
    return 1;
  }
}

/** The text scale in force. */
export function textScale(): number {
  const choice = storedChoice();
  if (choice === true) return Math.max(LARGE_TEXT_SCALE, systemScale());
  if (choice === false) return 1;
  return systemScale();
}

export const isLargeText = (): boolean => textScale() > 1;

function variables(): { fs: string; tap: string } {
  const scale = textScale();
  return { fs: String(scale), tap: String(scale > 1 ? LARGE_TAP_SCALE : 1) };
}

/** H5: put the variables on the document (call at start and after a change). */
export function applyTextSize(): void {
  if (!isH5() || typeof document === 'undefined') return;
  const { fs, tap } = variables();
  document.documentElement.style.setProperty('--zq-fs', fs);
  document.documentElement.style.setProperty('--zq-tap', tap);
  document.documentElement.classList.toggle('zq-large-text', fs !== '1');
}

/** weapp: the inline style of a page root (undefined on H5 and at standard size). */
export function pageScaleStyle(): string | undefined {
  if (isH5()) return undefined;
  const { fs, tap } = variables();
  return fs === '1' ? undefined : `--zq-fs:${fs};--zq-tap:${tap};`;
}

export function setLargeText(on: boolean): void {
  cached = on;
  try {
    Taro.setStorageSync(KEY, on);
  } catch {
    // Storage full or unavailable: the choice holds for this session.
  }
  applyTextSize();
  for (const listener of listeners) listener(on);
}

/** Re-render when the size changes (the 我的 switch, and page roots in weapp). */
export function onTextSizeChange(listener: (on: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
