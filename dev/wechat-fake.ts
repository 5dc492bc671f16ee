/**
 * A small local stand-in for WeChat's server API, speaking its documented JSON and error codes, so the
 * backend's real client code runs in dev and tests (WeChat's servers are unreachable here).
 *
 *   GET  /sns/jscode2session     code -> { openid, session_key } | { errcode, errmsg }
 *   GET  /cgi-bin/token          -> { access_token, expires_in }
 *   POST /cgi-bin/message/subscribe/send?access_token=  records the message, -> { errcode: 0 }
 *   GET  /__fake/sent            what was sent (for tests)
 *
 * Codes that trigger WeChat's errors: bad* -> 40029, rate* -> 45011, risk* -> 40226, busy* -> -1;
 * a code used twice -> 40163. Other codes map to a stable openid: "h5.<device>.<nonce>" and
 * "<anything>.<name>.<nonce>" by their first two parts (so one device keeps one openid), others whole.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

export type FakeWechat = { url: string; port: number; sent: unknown[]; stop: () => Promise<void>; server: Server };

export async function startWechatFake(options: { port?: number; appid: string; secret: string; host?: string }): Promise<FakeWechat> {
  const used = new Set<string>();
  const sent: unknown[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
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
      if (url.searchParams.get('secret') !== options.secret) return reply({ errcode: 40001, errmsg: 'invalid credential' });
      return reply({ access_token: `fake-token-${Date.now()}`, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      if (!body.touser) return reply({ errcode: 40003, errmsg: 'invalid openid' });
      if (!body.template_id) return reply({ errcode: 40037, errmsg: 'invalid template_id' });
      sent.push(body);
      return reply({ errcode: 0, errmsg: 'ok', msgid: sent.length });
    }
    if (url.pathname === '/__fake/sent') return reply({ sent });
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errcode: 404, errmsg: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    sent,
    server,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
