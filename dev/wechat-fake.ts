/**
 * A small local stand-in for WeChat's server API, speaking its documented JSON and error codes, so the
 * backend's real client code runs in dev and tests (WeChat's servers are unreachable here).
 *
 *   GET  /sns/jscode2session     code -> { openid, session_key } | { errcode, errmsg }
 *   GET  /cgi-bin/token          -> { access_token, expires_in }
 *   POST /cgi-bin/message/subscribe/send?access_token=  checked like WeChat, records the message, -> { errcode: 0, msgid }
 *        40001 unknown/expired access_token, 40003 touser not openid-shaped, 40037 template_id not configured, 43101 touser refuses, 47003 data invalid
 *        (a `thing` over 20 characters, an empty value, a `time` that is not a date-time)
 *   POST /wxa/getwxacodeunlimit?access_token=  {scene, page} -> a PNG QR code (what scanning it opens: the H5
 *        app's `page` with ?scene= when `openBase` is set, else wxacode://<page>?scene=<scene>); 40001 bad token,
 *        40169 scene longer than 32 or with characters WeChat refuses, 41030 page not a mini-program path
 *   GET  /__fake/sent            what was sent (for tests)
 *   GET  /__fake/codes           the codes made ({scene, page, text})
 * Test hooks (never on WeChat):
 *   POST /__fake/fail    {errcode, times, status?}  the next `times` sends answer errcode (or HTTP status)
 *   POST /__fake/expire-tokens                        every issued access token becomes invalid (40001)
 *   POST /__fake/refuse  {openid}                     that user refuses messages (43101)
 *   POST /__fake/hang    {on}                         on: every WeChat request hangs (no answer) until hang is
 *                                                     turned off, then is answered normally (a client that gave up
 *                                                     meanwhile gets nothing, and nothing is recorded for it)
 *   POST /__fake/reset                                forget sent messages, failures and refusals; stop hanging
 *
 * Codes that trigger WeChat's errors: bad* -> 40029, rate* -> 45011, risk* -> 40226, busy* -> -1;
 * a code used twice -> 40163. Other codes map to a stable openid: "h5.<device>.<nonce>" and
 * "<anything>.<name>.<nonce>" by their first two parts (so one device keeps one openid), others whole.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import QRCode from 'qrcode';
import { SUBSCRIBE_TEMPLATES } from '../shared/notifications/catalogue';

export type FakeWechat = {
  url: string;
  port: number;
  sent: SentMessage[];
  /** Calls of /cgi-bin/token and of the send endpoint, for tests that count them. */
  calls: { token: number; send: number };
  /** Mini-program codes made by /wxa/getwxacodeunlimit. */
  codes: MadeCode[];
  /** Where a scanned code opens: the H5 app's origin (set once the H5 server is up). */
  setOpenBase: (url: string | null) => void;
  stop: () => Promise<void>;
  server: Server;
  /** Hang mode (also POST /__fake/hang): WeChat requests wait for hang(false). */
  hang: (on: boolean) => void;
  /** WeChat requests waiting in hang mode right now. */
  hanging: () => number;
};
export type SentMessage = { touser: string; template_id: string; page?: string; data: Record<string, { value: string }>; miniprogram_state?: string; lang?: string };

export type MadeCode = { scene: string; page: string; text: string };

export type FakeWechatOptions = {
  port?: number;
  appid: string;
  secret: string;
  host?: string;
  /** Template ids the fake accepts; by default the dev ids of the notification catalogue. */
  templates?: string[];
  /** openids that refuse subscribe messages (43101). */
  refusing?: string[];
  /** The H5 app's origin: a code then encodes the URL that opens its page there (a phone browser can "scan" it). */
  openBase?: string;
};

/** What scanning a mini-program code opens: WeChat starts the mini-program at `page` with options.scene. */
export function codeTarget(openBase: string | null | undefined, page: string, scene: string): string {
  const query = `scene=${encodeURIComponent(scene)}`;
  return openBase ? `${openBase.replace(/\/$/, '')}/#/${page}?${query}` : `wxacode://${page}?${query}`;
}

/** openids look like o… (28 chars) on WeChat; seeded demo users have demo_<account>: accept id-shaped strings. */
const OPENID = /^[A-Za-z0-9_-]{8,64}$/;
const TEMPLATE_TIME = /^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$|^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

/** WeChat's checks of a subscribe message's data by keyword type (thing ≤ 20 chars, time a date-time…). */
function dataError(data: unknown): string | null {
  if (!data || typeof data !== 'object') return 'data is empty';
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const value = (entry as { value?: unknown })?.value;
    if (typeof value !== 'string' || value === '') return `data.${key}.value is empty`;
    const type = key.replace(/\d+$/, '');
    if (type === 'thing' && [...value].length > 20) return `data.${key}.value exceeds 20 characters`;
    if (type === 'time' && !TEMPLATE_TIME.test(value)) return `data.${key}.value is not a time`;
    if (type === 'phrase' && [...value].length > 5) return `data.${key}.value exceeds 5 characters`;
  }
  return null;
}

export async function startWechatFake(options: FakeWechatOptions): Promise<FakeWechat> {
  const used = new Set<string>();
  const sent: SentMessage[] = [];
  const calls = { token: 0, send: 0 };
  const codes: MadeCode[] = [];
  let openBase = options.openBase ?? null;
  const templates = new Set(options.templates ?? Object.values(SUBSCRIBE_TEMPLATES).map((t) => t!.devTemplateId));
  const refusing = new Set(options.refusing ?? []);
  let tokens = new Set<string>();
  let tokenSerial = 0;
  let failures: { errcode: number; status?: number; times: number }[] = [];
  let hangOn = false;
  const held: (() => void)[] = [];
  const hang = (on: boolean) => {
    hangOn = on;
    if (!on) for (const release of held.splice(0)) release();
  };
  const readBody = async (req: import('node:http').IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      return null;
    }
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (hangOn && !url.pathname.startsWith('/__fake/')) {
      await new Promise<void>((release) => held.push(release));
      if (req.socket.destroyed) return; // the caller timed out while we hung
    }
    const reply = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/sns/jscode2session') {
      const code = url.searchParams.get('js_code') ?? '';
      if (url.searchParams.get('appid') !== options.appid) return reply({ errcode: 40013, errmsg: 'invalid appid' });
      if (url.searchParams.get('secret') !== options.secret) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      if (!code || code.startsWith('bad')) return reply({ errcode: 40029, errmsg: 'invalid code' });
      if (code.startsWith('rate')) return reply({ errcode: 45011, errmsg: 'api minute-quota reach limit mustslower retry next minute' });
      if (code.startsWith('risk')) return reply({ errcode: 40226, errmsg: 'high risk user' });
      if (code.startsWith('busy')) return reply({ errcode: -1, errmsg: 'system error' });
      if (used.has(code)) return reply({ errcode: 40163, errmsg: 'code been used' });
      used.add(code);
      const parts = code.split('.');
      const identity = parts.length >= 3 ? `${parts[0]}.${parts[1]}` : code;
      const openid = `o${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}`;
      return reply({ openid, session_key: createHash('md5').update(code).digest('base64') });
    }
    if (url.pathname === '/cgi-bin/token') {
      calls.token += 1;
      if (url.searchParams.get('appid') !== options.appid) return reply({ errcode: 40013, errmsg: 'invalid appid' });
      if (url.searchParams.get('secret') !== options.secret) return reply({ errcode: 40001, errmsg: 'invalid credential' });
      const value = `fake-token-${Date.now().toString(36)}-${++tokenSerial}`;
      tokens.add(value);
      return reply({ access_token: value, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      calls.send += 1;
      const body = await readBody(req);
      if (!tokens.has(url.searchParams.get('access_token') ?? '')) return reply({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      const failure = failures[0];
      if (failure) {
        failure.times -= 1;
        if (failure.times <= 0) failures.shift();
        if (failure.status) {
          res.writeHead(failure.status, { 'content-type': 'text/plain' });
          return res.end('upstream error');
        }
        return reply({ errcode: failure.errcode, errmsg: failure.errcode === -1 ? 'system error' : `injected error ${failure.errcode}` });
      }
      if (!body) return reply({ errcode: 47001, errmsg: 'data format error' });
      if (typeof body.touser !== 'string' || !OPENID.test(body.touser)) return reply({ errcode: 40003, errmsg: 'invalid openid' });
      if (typeof body.template_id !== 'string' || !templates.has(body.template_id)) return reply({ errcode: 40037, errmsg: 'invalid template_id' });
      if (refusing.has(body.touser)) return reply({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
      const invalid = dataError(body.data);
      if (invalid) return reply({ errcode: 47003, errmsg: `argument invalid! ${invalid}` });
      sent.push(body as SentMessage);
      return reply({ errcode: 0, errmsg: 'ok', msgid: 100000 + sent.length });
    }
    if (url.pathname === '/wxa/getwxacodeunlimit' && req.method === 'POST') {
      const body = await readBody(req);
      if (!tokens.has(url.searchParams.get('access_token') ?? '')) return reply({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      const scene = typeof body?.scene === 'string' ? body.scene : '';
      if (!/^[A-Za-z0-9!#$&'()*+,/:;=?@._~-]{1,32}$/.test(scene)) return reply({ errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' });
      const page = typeof body?.page === 'string' ? body.page : '';
      if (!/^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/i.test(page)) return reply({ errcode: 41030, errmsg: 'invalid page rid' });
      const text = codeTarget(openBase, page, scene);
      codes.push({ scene, page, text });
      const png = await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: Math.min(1280, Math.max(280, Number(body?.width) || 430)) });
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.length) });
      return res.end(png);
    }
    if (url.pathname === '/__fake/codes') return reply({ codes });
    if (url.pathname === '/__fake/sent') return reply({ sent });
    if (url.pathname === '/__fake/fail' && req.method === 'POST') {
      const body = (await readBody(req)) ?? {};
      failures.push({ errcode: Number(body.errcode ?? -1), status: body.status ? Number(body.status) : undefined, times: Math.max(1, Number(body.times ?? 1)) });
      return reply({ ok: true });
    }
    if (url.pathname === '/__fake/expire-tokens' && req.method === 'POST') {
      tokens = new Set();
      return reply({ ok: true });
    }
    if (url.pathname === '/__fake/refuse' && req.method === 'POST') {
      const body = (await readBody(req)) ?? {};
      if (typeof body.openid === 'string') refusing.add(body.openid);
      return reply({ ok: true });
    }
    if (url.pathname === '/__fake/hang' && req.method === 'POST') {
      hang((await readBody(req))?.on !== false);
      return reply({ ok: true });
    }
    if (url.pathname === '/__fake/reset' && req.method === 'POST') {
      hang(false);
      sent.length = 0;
      failures = [];
      refusing.clear();
      for (const r of options.refusing ?? []) refusing.add(r);
      calls.token = 0;
      calls.send = 0;
      return reply({ ok: true });
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errcode: 404, errmsg: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    sent,
    calls,
    codes,
    setOpenBase: (value) => {
      openBase = value;
    },
    server,
    hang,
    hanging: () => held.length,
    stop: () => {
      hang(false);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
