import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ConsoleQrLogin } from '../../../../miniapp/src/features/auth/ConsoleQrLogin';
import { PAGES } from '../../../../miniapp/src/services/navigation';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { getSession, resetSessionCache } from '../../../../miniapp/src/services/session';
import { taroStub } from '../../support/taro-stub';
import { aMe, aSession, http } from '../../support/factories';

const request = () => Taro.request as unknown as jest.Mock;
type Call = { url: string; method: string; header: Record<string, string> };

/** A fake of the two desktop routes: each ticket answers the poll replies queued for it, then `pending`. */
function serve(pollReplies: Record<string, unknown[]>) {
  const calls: Call[] = [];
  let serial = 0;
  request().mockImplementation((opts: Call) => {
    calls.push(opts);
    const path = new URL(opts.url, 'http://x').pathname;
    if (opts.method === 'POST' && path.endsWith('/auth/console-tickets')) {
      serial += 1;
      return Promise.resolve(
        http(201, { ticketId: `ticket-${serial}-abcdefghijklmnop`, secret: `secret-${serial}`, expiresAt: new Date(Date.now() + 120_000).toISOString(), pollIntervalMs: 5, qrImage: `data:image/png;base64,QR${serial}` }),
      );
    }
    const id = path.split('/').pop()!;
    const reply = pollReplies[id]?.shift() ?? { status: 'pending', expiresAt: new Date(Date.now() + 60_000).toISOString() };
    return Promise.resolve(http(200, reply));
  });
  return calls;
}

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
});

it('shows the code, polls with the secret, and takes a new code by itself when the old one expires', async () => {
  const calls = serve({ 'ticket-1-abcdefghijklmnop': [{ status: 'pending', expiresAt: new Date().toISOString() }, { status: 'expired' }] });
  render(<ConsoleQrLogin />);
  await waitFor(() => expect(document.querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,QR1'));
  await waitFor(() => expect(document.querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,QR2'));
  const polls = calls.filter((c) => c.method === 'GET');
  expect(polls.length).toBeGreaterThan(0);
  expect(polls[0].header['X-Ticket-Secret']).toBe('secret-1');
  expect(polls[0].header.Authorization).toBeUndefined();
});

it('keeps the console session and opens the chief’s queue once the phone has confirmed', async () => {
  const session = aSession({ me: aMe({ role: 'chief', enterprise: null, memberRole: null }) });
  serve({ 'ticket-1-abcdefghijklmnop': [{ status: 'signed-in', session, sessionExpiresAt: new Date(Date.now() + 8 * 3600_000).toISOString() }] });
  render(<ConsoleQrLogin />);
  await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: PAGES.stationQueue }));
  expect(getSession()?.accessToken).toBe(session.accessToken);
});

it('says so when the phone cancelled, and offers a new code', async () => {
  serve({ 'ticket-1-abcdefghijklmnop': [{ status: 'cancelled' }] });
  render(<ConsoleQrLogin />);
  await screen.findByText('已在手机上取消本次登录');
  fireEvent.click(screen.getByText('刷新二维码'));
  await waitFor(() => expect(document.querySelector('img')?.getAttribute('src')).toBe('data:image/png;base64,QR2'));
});
