import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { decodeJwt } from 'jose';
import { handler as auth } from '../../../functions/handlers/auth';
import { handler as notifications } from '../../../functions/handlers/notifications';
import { startWechatFake, type FakeWechat } from '../../../dev/wechat-fake';
import { issueAccessToken } from '../../../functions/lib/tokens';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../../../functions/lib/dynamo';
import { consoleKeys, consoleRepository } from '../../../functions/repositories/console-repository';
import { userItem } from '../../../functions/repositories/user-repository';
import { cancelTicket, confirmTicket, createTicket, pollTicket } from '../../../functions/services/console-service';
import { refreshSession } from '../../../functions/services/session-service';
import { CONFIRM_PAGE, CONSOLE_SESSION_SECONDS, TICKET_SECONDS, TICKETS_PER_IP_PER_MINUTE } from '../../../shared/console/rules';
import { call } from '../../support/http';
import { drainOutbox } from '../../support/outbox';
import { createTestTable } from '../../support/table';
import { twoStations, user, writeItems, type Side } from '../../support/fixtures';

// The machine these run on is shared; a sign-in is a handful of round trips and a QR code.
jest.setTimeout(90_000);

const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
let fake: FakeWechat;
let a: Side;
let b: Side;
let enterpriseToken: string;
let ipSerial = 0;
/** Each test's tickets come from their own address, so the per-IP limit only bites where a test wants it. */
const client = () => ({ ip: `10.0.${Math.floor(++ipSerial / 200)}.${ipSerial % 200}`, userAgent: UA });
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

beforeAll(async () => {
  await createTestTable('console');
  ({ a, b } = await twoStations());
  fake = await startWechatFake({ appid: process.env.WECHAT_APPID!, secret: process.env.WECHAT_SECRET!, openBase: 'http://h5.test' });
  process.env.WECHAT_API_BASE = fake.url;
  enterpriseToken = await issueAccessToken({ role: 'enterprise', userId: 'u-ent', enterpriseId: 'e1', memberRole: 'owner' });
});
afterAll(() => fake.stop());

const poll = (ticketId: string, secret?: string) => call(auth, 'pollConsoleTicket', { params: { ticketId }, headers: secret ? { 'x-ticket-secret': secret } : {} });

function scan(dataUrl: string): string {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const decoded = jsQR(Uint8ClampedArray.from(png.data), png.width, png.height);
  if (!decoded) throw new Error('no QR code in the image');
  return decoded.data;
}

describe('POST /auth/console-tickets', () => {
  it('creates a pending ticket with a random id, a 2-minute expiry (ttl too) and a code that opens the confirm page with it', async () => {
    const reply = await call(auth, 'createConsoleTicket', { headers: { 'user-agent': UA } });
    expect(reply.status).toBe(201);
    const { ticketId, secret, expiresAt, qrImage, pollIntervalMs } = reply.body;
    expect(Buffer.from(ticketId, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(pollIntervalMs).toBe(2000);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    expect(scan(qrImage)).toBe(`http://h5.test/#/${CONFIRM_PAGE}?scene=${encodeURIComponent(ticketId)}`);
    expect(fake.codes.at(-1)).toMatchObject({ scene: ticketId, page: CONFIRM_PAGE });

    const stored = await consoleRepository.getTicket(ticketId);
    expect(stored).toMatchObject({ status: 'pending', browser: 'Chrome 120 · Windows' });
    expect(Date.parse(expiresAt) - Date.parse(stored!.createdAt)).toBe(TICKET_SECONDS * 1000);
    const raw = await db().send(new GetCommand({ TableName: table(), Key: consoleKeys.ticket(ticketId) }));
    expect(raw.Item?.ttl).toBe(Math.ceil(Date.parse(expiresAt) / 1000));
    expect(JSON.stringify(stored)).not.toContain(secret);
    const second = await call(auth, 'createConsoleTicket', {});
    expect(second.body.ticketId).not.toBe(ticketId);
  });

  it(`limits an IP to ${TICKETS_PER_IP_PER_MINUTE} tickets a minute`, async () => {
    const from = client();
    const now = new Date('2026-12-04T10:00:10Z');
    await createTicket(from, now);
    const rest = await Promise.all(Array.from({ length: TICKETS_PER_IP_PER_MINUTE }, () => consoleRepository.takeTicketAllowance(from.ip, now, TICKETS_PER_IP_PER_MINUTE)));
    expect(rest.filter(Boolean)).toHaveLength(TICKETS_PER_IP_PER_MINUTE - 1);
    await expect(createTicket(from, now)).rejects.toMatchObject({ kind: 'rate-limited', code: 'CONSOLE_TICKETS_RATE_LIMITED' });
    await expect(createTicket(client(), now)).resolves.toMatchObject({ ticketId: expect.any(String) });
    await expect(createTicket(from, new Date('2026-12-04T10:01:00Z'))).resolves.toMatchObject({ ticketId: expect.any(String) });
  });
});

describe('the ticket state machine', () => {
  it('pending → confirmed → consumed: the next poll signs the desktop in once, as a console session', async () => {
    const t = await createTicket(client(), new Date());
    expect((await poll(t.ticketId, t.secret)).body).toEqual({ status: 'pending', expiresAt: t.expiresAt });

    const seen = await call(auth, 'getConsoleTicket', { token: a.tokens.chief, params: { ticketId: t.ticketId } });
    expect(seen.body).toMatchObject({ status: 'pending', browser: 'Chrome 120 · Windows', ip: expect.stringMatching(/^10\.0\./) });
    const confirmed = await call(auth, 'confirmConsoleTicket', { token: a.tokens.chief, params: { ticketId: t.ticketId } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');

    const signedIn = await poll(t.ticketId, t.secret);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.status).toBe('signed-in');
    const { session, sessionExpiresAt } = signedIn.body;
    expect(session.me.role).toBe('chief');
    expect(Date.parse(sessionExpiresAt) - Date.now()).toBeGreaterThan((CONSOLE_SESSION_SECONDS - 60) * 1000);
    const claims = decodeJwt(session.accessToken);
    expect(claims).toMatchObject({ typ: 'access', sub: 'u-achief', role: 'chief', console: true, csid: expect.any(String) });
    expect(claims.exp).toBeDefined();
    const refreshClaims = decodeJwt(session.refreshToken);
    expect(refreshClaims.typ).toBe('console-refresh');
    expect(refreshClaims.exp).toBe(Math.floor(Date.parse(sessionExpiresAt) / 1000));
    expect((await call(auth, 'me', { token: session.accessToken })).body.userId).toBe('u-achief');

    // Single use: the consumed ticket gives nothing more, and cannot be confirmed again.
    const again = await poll(t.ticketId, t.secret);
    expect(again.status).toBe(404);
    expect(Object.keys(again.body)).toEqual(['error']);
    expect((await call(auth, 'confirmConsoleTicket', { token: a.tokens.chief, params: { ticketId: t.ticketId } })).status).toBe(409);
    expect((await consoleRepository.getTicket(t.ticketId))?.status).toBe('consumed');
  });

  it('a stolen ticket id without the browser’s secret gets nothing, before and after confirmation', async () => {
    const t = await createTicket(client(), new Date());
    for (const secret of [undefined, 'not-the-secret', `${t.secret}x`]) {
      const reply = await poll(t.ticketId, secret);
      expect(reply.status).toBe(404);
      expect(Object.keys(reply.body)).toEqual(['error']);
    }
    await call(auth, 'confirmConsoleTicket', { token: a.tokens.officer, params: { ticketId: t.ticketId } });
    const stolen = await poll(t.ticketId, 'guessed');
    expect(stolen.status).toBe(404);
    expect(JSON.stringify(stolen.body)).not.toMatch(/accessToken|session/);
    // The rightful browser still signs in: the thief's attempts did not consume the ticket.
    expect((await poll(t.ticketId, t.secret)).body.status).toBe('signed-in');
  });

  it('pending → expired after 2 minutes, judged by the code even while the item still exists', async () => {
    const t = await createTicket(client(), new Date());
    expect(await pollTicket(t.ticketId, t.secret, later(TICKET_SECONDS + 1))).toEqual({ status: 'expired' });
    await expect(confirmTicket(a.principals.chief, t.ticketId, later(TICKET_SECONDS + 1))).rejects.toMatchObject({ code: 'CONSOLE_TICKET_EXPIRED' });
    expect((await consoleRepository.getTicket(t.ticketId))?.status).toBe('pending');
  });

  it('a confirmed ticket the desktop does not pick up in time expires and never becomes a session', async () => {
    const t = await createTicket(client(), new Date());
    await confirmTicket(a.principals.chief, t.ticketId, new Date());
    expect(await pollTicket(t.ticketId, t.secret, later(61))).toEqual({ status: 'expired' });
    expect((await consoleRepository.getTicket(t.ticketId))?.status).toBe('confirmed');
  });

  it('pending → cancelled: the desktop sees the phone’s 取消 and the ticket cannot be confirmed afterwards', async () => {
    const t = await createTicket(client(), new Date());
    const cancelled = await call(auth, 'cancelConsoleTicket', { token: a.tokens.centre, params: { ticketId: t.ticketId } });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await poll(t.ticketId, t.secret)).body).toEqual({ status: 'cancelled' });
    const confirm = await call(auth, 'confirmConsoleTicket', { token: a.tokens.centre, params: { ticketId: t.ticketId } });
    expect(confirm.status).toBe(409);
    expect(confirm.body.error.code).toBe('CONSOLE_TICKET_CANCELLED');
    await expect(cancelTicket(a.principals.centre, t.ticketId, new Date())).rejects.toMatchObject({ kind: 'conflict' });
  });

  it('two phones racing: the ticket is confirmed once, and the other phone can no longer even see it', async () => {
    const t = await createTicket(client(), new Date());
    const replies = await Promise.all([a.tokens.chief, b.tokens.chief].map((token) => call(auth, 'confirmConsoleTicket', { token, params: { ticketId: t.ticketId } })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = replies[0].status === 200 ? b.tokens.chief : a.tokens.chief;
    expect((await call(auth, 'getConsoleTicket', { token: loser, params: { ticketId: t.ticketId } })).status).toBe(404);
  });

  it('an enterprise account cannot confirm, and is told why', async () => {
    const t = await createTicket(client(), new Date());
    const reply = await call(auth, 'confirmConsoleTicket', { token: enterpriseToken, params: { ticketId: t.ticketId } });
    expect(reply.status).toBe(403);
    await expect(confirmTicket({ role: 'enterprise', userId: 'u-ent', enterpriseId: 'e1', memberRole: 'owner' }, t.ticketId, new Date())).rejects.toMatchObject({
      kind: 'forbidden',
      message: expect.stringContaining('企业账号不能登录'),
    });
    expect((await consoleRepository.getTicket(t.ticketId))?.status).toBe('pending');
  });
});

describe('console sessions', () => {
  async function signIn(principal = a.principals.officer) {
    const t = await createTicket(client(), new Date());
    await confirmTicket(principal, t.ticketId, new Date());
    const polled = await pollTicket(t.ticketId, t.secret, new Date());
    if (polled.status !== 'signed-in') throw new Error(`not signed in: ${polled.status}`);
    return polled;
  }

  it('are listed on the phone, written to the security log and announced in the app', async () => {
    const { session } = await signIn(a.principals.chief);
    const listed = await call(auth, 'listConsoleSessions', { token: a.tokens.chief });
    const csid = decodeJwt(session.accessToken).csid;
    expect(listed.body.items).toContainEqual(expect.objectContaining({ sessionId: csid, browser: 'Chrome 120 · Windows' }));
    const log = await consoleRepository.securityLog('u-achief');
    expect(log).toContainEqual(expect.objectContaining({ event: 'console_sign_in', sessionId: csid }));
    await drainOutbox(); // the sign-in notice is an outbox item, delivered by the notifier
    const inbox = await call(notifications, 'listNotifications', { token: a.tokens.chief });
    expect(inbox.body.items[0]).toMatchObject({ title: '你的账号在电脑上登录' });
    expect(inbox.body.items[0].body).toContain('Chrome 120 · Windows');
  });

  it('退出 on the phone ends the desktop at its next request, and its refresh token too', async () => {
    const { session } = await signIn();
    const csid = String(decodeJwt(session.accessToken).csid);
    expect((await call(auth, 'me', { token: session.accessToken })).status).toBe(200);
    const ended = await call(auth, 'endConsoleSession', { token: a.tokens.officer, params: { sessionId: csid } });
    expect(ended.body).toEqual({ sessionId: csid, ended: true });
    const after = await call(auth, 'me', { token: session.accessToken });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('CONSOLE_SESSION_ENDED');
    expect((await call(auth, 'refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    expect((await call(auth, 'endConsoleSession', { token: a.tokens.officer, params: { sessionId: csid } })).status).toBe(404);
    expect(await consoleRepository.securityLog('u-aof1')).toContainEqual(expect.objectContaining({ event: 'console_sign_out', sessionId: csid }));
  });

  it('refresh renews the access token within the 8 hours and never yields a 30-day phone session', async () => {
    const { session, sessionExpiresAt } = await signIn();
    const refreshed = await call(auth, 'refresh', { body: { refreshToken: session.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(refreshed.body.refreshToken)).toMatchObject({ typ: 'console-refresh', exp: Math.floor(Date.parse(sessionExpiresAt) / 1000) });
    expect(decodeJwt(refreshed.body.accessToken).console).toBe(true);
    await expect(refreshSession(session.refreshToken)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('end when the account no longer holds a police or centre role', async () => {
    const { session } = await signIn(a.principals.centre);
    await writeItems([userItem(user('u-aadmin', 'guest'))]);
    const reply = await call(auth, 'me', { token: session.accessToken });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('CONSOLE_SESSION_ENDED');
  });

  it('another user cannot end someone else’s console session', async () => {
    const { session } = await signIn(b.principals.chief);
    const csid = String(decodeJwt(session.accessToken).csid);
    expect((await call(auth, 'endConsoleSession', { token: a.tokens.chief, params: { sessionId: csid } })).status).toBe(404);
    expect((await call(auth, 'me', { token: session.accessToken })).status).toBe(200);
  });
});
