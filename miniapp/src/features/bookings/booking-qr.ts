import { create } from 'qrcode';
import { base64Ascii } from '../../components/icons';

/**
 * 预约码 as a QR code the counter scans (核验到场). The code carries the booking id and its 6-character code,
 * `ZQBK:<bookingId>:<code>`: the id finds the booking in one read, the code proves it was shown by its holder.
 * Typed in by hand (H5 has no camera scan, or a phone with a broken camera), the 6 characters alone are enough
 * on the day's list.
 */
const PREFIX = 'ZQBK';

export const bookingQrPayload = (bookingId: string, code: string): string => `${PREFIX}:${bookingId}:${code}`;

export type ScannedBooking = { bookingId: string; code: string } | { bookingId: null; code: string } | null;

/** What a scan or a typed text names: a whole payload, or a 6-character code (case and spaces forgiven). */
export function parseScannedBooking(text: string): ScannedBooking {
  const t = text.trim();
  const whole = /^ZQBK:([A-Za-z0-9_-]+):([A-Za-z0-9]{6})$/i.exec(t);
  if (whole) return { bookingId: whole[1], code: whole[2].toUpperCase() };
  const code = t.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z0-9]{6}$/.test(code) ? { bookingId: null, code } : null;
}

/** The QR code as an SVG data URI (one path of dark modules; medium error correction, a 4-module quiet zone). */
export function qrDataUri(text: string): string {
  // One byte segment of the (ASCII) text: given a string, qrcode encodes it with TextEncoder, which WeChat's
  // JS engine on older base libraries does not have.
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  const { modules } = create([{ mode: 'byte', data: bytes }], { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const quiet = 4;
  let d = '';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) if (modules.data[row * n + col]) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
  }
  const size = n + quiet * 2;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
  return `data:image/svg+xml;base64,${base64Ascii(svg)}`;
}
