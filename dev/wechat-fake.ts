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
 *   POST /wxa/msg_sec_check?access_token=  {content, version: 2, scene, openid} -> {errcode: 0, trace_id, result:
 *        {suggest, label}, detail: [...]}: risky when the text holds a risky phrase (label 20001 时政 … 21000 其他;
 *        100 正常); 40001 bad token, 40003 openid not openid-shaped, 47001 version not 2 or scene not 1-4
 *   POST /wxa/media_check_async?access_token=  {media_url, media_type: 1 audio | 2 image, version: 2, scene, openid}
 *        -> {errcode: 0, trace_id}; then fetches media_url and pushes the verdict (Event wxa_media_check, JSON,
 *        signed with the push token as WeChat signs message pushes) to the push URL, retrying 3 times;
 *        a file is risky when its MD5 was marked risky or its bytes contain "RISKY-SAMPLE"
 *   GET  /__fake/sent            what was sent (for tests)
 *   GET  /__fake/codes           the codes made ({scene, page, text})
 * Test hooks (never on WeChat):
 *   POST /__fake/fail    {errcode, times, status?}  the next `times` sends answer errcode (or HTTP status)
 *   POST /__fake/expire-tokens                        every issued access token becomes invalid (40001)
 *   POST /__fake/refuse  {openid}                     that user refuses messages (43101)
 *   POST /__fake/hang    {on}                         on: every WeChat request hangs (no answer) until hang is
 *                                                     turned off, then is answered normally (a client that gave up
 *                                                     meanwhile gets nothing, and nothing is recorded for it)
 *   POST /__fake/risky   {text?, md5?}                 this phrase (in any text) or this file is risky from now on
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
  /** Requests held while hanging (only those whose path starts with `pathPrefix`, when given). */
  hanging: (pathPrefix?: string) => number;
  /** Content security: texts checked, media submitted (with the verdict pushed), what counts as risky. */
  textChecks: TextCheck[];
  mediaChecks: MediaCheck[];
  markRisky: (what: { text?: string; md5?: string }) => void;
  /** Where media-check verdicts are pushed (the API's /wechat/push) and the token that signs them. */
  setPush: (url: string | null, token: string) => void;
};
export type TextCheck = { openid: string; scene: number; content: string; suggest: string; label: number; traceId: string };
export type MediaCheck = { traceId: string; openid: string; mediaType: number; mediaUrl: string; suggest?: string; label?: number; pushed?: number; fetchStatus?: number };
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
  const held: { path: string; release: () => void }[] = [];
  const hang = (on: boolean) => {
    hangOn = on;
    if (!on) for (const h of held.splice(0)) h.release();
  };
  const riskyTexts = new Set<string>(['【违规测试】']);
  const riskyMd5s = new Set<string>();
  const textChecks: TextCheck[] = [];
  const mediaChecks: MediaCheck[] = [];
  let push: { url: string; token: string } | null = null;
  let traceSerial = 0;
  const traceId = () => `fake-trace-${Date.now().toString(36)}-${++traceSerial}`;
  const verdict = (risky: boolean) => (risky ? { suggest: 'risky', label: 20001 } : { suggest: 'pass', label: 100 });
  /** WeChat's message push: signature = sha1 of the sorted token, timestamp and nonce. */
  const pushVerdict = async (check: MediaCheck) => {
    let risky = false;
    try {
      const res = await fetch(check.mediaUrl, { signal: AbortSignal.timeout(10_000) });
      check.fetchStatus = res.status;
      const bytes = Buffer.from(await res.arrayBuffer());
      risky = res.ok && (riskyMd5s.has(createHash('md5').update(bytes).digest('hex')) || bytes.includes('RISKY-SAMPLE'));
      // A file WeChat cannot download is reported with errcode, not a verdict.
    } catch {
      check.fetchStatus = 0;
    }
    const result = verdict(risky);
    Object.assign(check, result);
    const event = {
      ToUserName: 'gh_fake00000000',
      FromUserName: check.openid,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: options.appid,
      trace_id: check.traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest: result.suggest, label: result.label, prob: risky ? 90 : 0 }],
      errcode: check.fetchStatus === 200 ? 0 : 87011,
      errmsg: check.fetchStatus === 200 ? 'ok' : 'media download failed',
      result,
    };
    for (let attempt = 0; attempt < 3 && push; attempt++) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = String(Math.floor(Math.random() * 1e9));
      const signature = createHash('sha1').update([push.token, timestamp, nonce].sort().join('')).digest('hex');
      try {
        const res = await fetch(`${push.url}?${new URLSearchParams({ signature, timestamp, nonce })}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(event),
          signal: AbortSignal.timeout(5000),
        });
        if (res.ok) {
          check.pushed = (check.pushed ?? 0) + 1;
          return;
        }
      } catch {
        /* WeChat retries a push that was not answered */
      }
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
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
      await new Promise<void>((release) => held.push({ path: url.pathname, release }));
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
    if (url.pathname === '/wxa/msg_sec_check' && req.method === 'POST') {
      const body = await readBody(req);
      if (!tokens.has(url.searchParams.get('access_token') ?? '')) return reply({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      if (body?.version !== 2 || ![1, 2, 3, 4].includes(body.scene)) return reply({ errcode: 47001, errmsg: 'data format error' });
      if (typeof body.openid !== 'string' || !OPENID.test(body.openid)) return reply({ errcode: 40003, errmsg: 'invalid openid' });
      const content = String(body.content ?? '');
      const hit = [...riskyTexts].find((t) => content.includes(t) || String(body.title ?? '').includes(t));
      const result = verdict(Boolean(hit));
      const id = traceId();
      textChecks.push({ openid: body.openid, scene: body.scene, content, ...result, traceId: id });
      return reply({
        errcode: 0,
        errmsg: 'ok',
        trace_id: id,
        result,
        detail: [
          { strategy: 'content_model', errcode: 0, suggest: result.suggest, label: result.label, prob: hit ? 90 : 0 },
          { strategy: 'keyword', errcode: 0, suggest: result.suggest, label: result.label, level: hit ? 20 : 0, keyword: hit ?? '' },
        ],
      });
    }
    if (url.pathname === '/wxa/media_check_async' && req.method === 'POST') {
      const body = await readBody(req);
      if (!tokens.has(url.searchParams.get('access_token') ?? '')) return reply({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      if (body?.version !== 2 || ![1, 2, 3, 4].includes(body.scene) || ![1, 2].includes(body.media_type) || typeof body.media_url !== 'string') return reply({ errcode: 47001, errmsg: 'data format error' });
      if (typeof body.openid !== 'string' || !OPENID.test(body.openid)) return reply({ errcode: 40003, errmsg: 'invalid openid' });
      const check: MediaCheck = { traceId: traceId(), openid: body.openid, mediaType: body.media_type, mediaUrl: body.media_url };
      mediaChecks.push(check);
      setTimeout(() => void pushVerdict(check), 20);
      return reply({ errcode: 0, errmsg: 'ok', trace_id: check.traceId });
    }
    if (url.pathname === '/__fake/risky' && req.method === 'POST') {
      const body = (await readBody(req)) ?? {};
      if (typeof body.text === 'string' && body.text) riskyTexts.add(body.text);
      if (typeof body.md5 === 'string' && body.md5) riskyMd5s.add(body.md5.toLowerCase());
      return reply({ ok: true });
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
    hanging: (pathPrefix) => held.filter((h) => !pathPrefix || h.path.startsWith(pathPrefix)).length,
    textChecks,
    mediaChecks,
    markRisky: ({ text, md5 }) => {
      if (text) riskyTexts.add(text);
      if (md5) riskyMd5s.add(md5.toLowerCase());
    },
    setPush: (pushUrl, pushToken) => {
      push = pushUrl ? { url: pushUrl, token: pushToken } : null;
    },
    stop: () => {
      hang(false);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
