/**
 * Line icons for the home tiles and states, drawn on a 24-unit grid with a 1.8 stroke (the WeUI/渝快办 look),
 * as SVG data URIs: an `Image` shows them the same in weapp and H5, with no font and no image files in the
 * main package (the whole set is ~4 KB of source).
 */
export const ICON_PATHS = {
  // 政策咨询: a speech bubble with a question mark
  consult: 'M4 5h16v11H9l-5 4z M10 9.2a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6 1v.4 M12 14.2v.1',
  // 矛盾纠纷上报: a warning triangle
  dispute: 'M12 3.5 2.8 19.5h18.4z M12 9.5v5 M12 17v.1',
  // 意见建议: a light bulb
  suggestion: 'M9 18h6 M10 21h4 M12 3a6 6 0 0 0-3.5 10.9c.6.5.9 1.2.9 2V16h5.2v-.1c0-.8.3-1.5.9-2A6 6 0 0 0 12 3z',
  // 求助: a life buoy
  help: 'M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18z M12 8a4 4 0 1 0 0 8 4 4 0 1 0 0-8z M5.6 5.6l3.6 3.6 M14.8 14.8l3.6 3.6 M18.4 5.6l-3.6 3.6 M9.2 14.8l-3.6 3.6',
  // 我的诉求 / 待办: a clipboard with lines
  clipboard: 'M8 4H5v17h14V4h-3 M8 2.8h8v3H8z M8.5 11h7 M8.5 15h5',
  // 消息: a bell
  bell: 'M6 17V11a6 6 0 0 1 12 0v6l1.5 1.5h-15z M10 20.5a2 2 0 0 0 4 0',
  // 预约办证: a calendar
  calendar: 'M4 6h16v14H4z M4 10h16 M8 3.5v4 M16 3.5v4 M8 14h3 M13 14h3 M8 17h3',
  // 我的预约: a QR code
  qr: 'M4 4h6v6H4z M14 4h6v6h-6z M4 14h6v6H4z M14 14h2.5v2.5H14z M17.5 17.5H20V20h-2.5z M6.5 6.5h1v1h-1z M16.5 6.5h1v1h-1z M6.5 16.5h1v1h-1z',
  // 助企动态: a megaphone
  megaphone: 'M3.5 10v4h3l8 4.5V5.5l-8 4.5z M6.5 14l1.5 5.5h2.5L9.5 14 M18 9a4 4 0 0 1 0 6',
  // 走访企业: a map pin
  pin: 'M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z M12 7a2.5 2.5 0 1 0 0 5 2.5 2.5 0 1 0 0-5z',
  // 整改台账: a wrench
  wrench: 'M14.7 6.3a4 4 0 0 0 5 5L21 10a5 5 0 0 1-6.5 6.2L8 22.7a2 2 0 0 1-2.8 0l-1-1a2 2 0 0 1 0-2.8l6.5-6.5A5 5 0 0 1 16.9 6l-2.2.3z',
  // 发布信息: a paper plane
  send: 'M21 3 3 10.5l7 3 3 7.5z M21 3 10 13.5',
  // 每日队列: stacked rows
  queue: 'M4 5h16v4H4z M4 11h16v4H4z M4 17h10',
  // 统计分析: a bar chart
  chart: 'M4 20h16 M7 20v-7 M12 20V5 M17 20v-10',
  // 台账导出: a sheet with a down arrow
  export: 'M6 3h8l4 4v14H6z M14 3v4h4 M12 10v7 M9 14.5l3 3 3-3',
  // 每日晨报: a rising sun
  sun: 'M4 18h16 M7 18a5 5 0 0 1 10 0 M12 6v3 M5.6 9.6l2 2 M18.4 9.6l-2 2 M2.5 14.5h2 M19.5 14.5h2',
  // 政策知识库: an open book
  book: 'M12 6.5C10 5 7 4.5 3.5 5v13.5c3.5-.5 6.5 0 8.5 1.5 2-1.5 5-2 8.5-1.5V5c-3.5-.5-6.5 0-8.5 1.5z M12 6.5V20',
  // 工作日历: a calendar with a tick
  calendarCheck: 'M4 6h16v14H4z M4 10h16 M8 3.5v4 M16 3.5v4 M9 15l2 2 4-4',
  // empty state: an empty tray
  tray: 'M3 13h5l1.5 3h5l1.5-3h5 M5.5 5h13L21 13v6H3v-6z',
  // error state: a cloud with a cross (the network or the server)
  offline: 'M7 18a4.5 4.5 0 0 1-.6-9A6 6 0 0 1 18 9.5a4.3 4.3 0 0 1-.5 8.5z M10 11.5l4 4 M14 11.5l-4 4',
  // phone
  phone: 'M6.5 3.5h3l1.5 4.5-2 1.5a11 11 0 0 0 5.5 5.5l1.5-2 4.5 1.5v3a2 2 0 0 1-2 2A16.5 16.5 0 0 1 4.5 5.5a2 2 0 0 1 2-2z',
  // map
  map: 'M3 6.5 9 4l6 2.5L21 4v13.5L15 20l-6-2.5L3 20z M9 4v13.5 M15 6.5V20',
} as const;

export type IconName = keyof typeof ICON_PATHS;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string: weapp has no btoa, and an SVG data URI must be base64 for its image component. */
export function base64Ascii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : Number.NaN;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : Number.NaN;
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (Number.isNaN(b) ? '=' : B64[(n >> 6) & 63]) + (Number.isNaN(c) ? '=' : B64[n & 63]);
  }
  return out;
}

const cache = new Map<string, string>();

/** The icon as a data URI, stroked in `color` (a hex colour). */
export function iconUri(name: IconName, color = '#1d4f91'): string {
  const key = `${name}${color}`;
  let uri = cache.get(key);
  if (!uri) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="${color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d="${ICON_PATHS[name]}"/></svg>`;
    uri = `data:image/svg+xml;base64,${base64Ascii(svg)}`;
    cache.set(key, uri);
  }
  return uri;
}
