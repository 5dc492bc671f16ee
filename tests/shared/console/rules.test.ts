import { CONSOLE_ROLES, describeBrowser, mayUseConsole, ticketState } from '../../../shared/console/rules';

describe('ticketState', () => {
  const now = new Date('2026-12-04T10:00:00.000Z');
  it('a pending ticket expires when its time has passed, though the item still says pending', () => {
    expect(ticketState({ status: 'pending', expiresAt: '2026-12-04T10:00:01.000Z' }, now)).toBe('pending');
    expect(ticketState({ status: 'pending', expiresAt: '2026-12-04T10:00:00.000Z' }, now)).toBe('expired');
  });
  it('a confirmed ticket expires at its pick-up deadline, not at the code’s', () => {
    expect(ticketState({ status: 'confirmed', expiresAt: '2026-12-04T09:59:00.000Z', consumeBy: '2026-12-04T10:00:30.000Z' }, now)).toBe('confirmed');
    expect(ticketState({ status: 'confirmed', expiresAt: '2026-12-04T10:01:00.000Z', consumeBy: '2026-12-04T09:59:59.000Z' }, now)).toBe('expired');
  });
  it('consumed and cancelled stay what they are', () => {
    expect(ticketState({ status: 'consumed', expiresAt: '2026-12-04T09:00:00.000Z' }, now)).toBe('consumed');
    expect(ticketState({ status: 'cancelled', expiresAt: '2026-12-04T09:00:00.000Z' }, now)).toBe('cancelled');
  });
});

describe('who may use the console', () => {
  it('police and the centre, not enterprises or guests', () => {
    expect(CONSOLE_ROLES.every(mayUseConsole)).toBe(true);
    expect(mayUseConsole('enterprise')).toBe(false);
    expect(mayUseConsole('guest')).toBe(false);
  });
});

describe('describeBrowser', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36', 'Chrome 120 · Windows'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91', 'Edge 120 · Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15', 'Safari 17 · macOS'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0', 'Firefox 120 · Linux'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'Chrome 131 · Linux'],
    ['', '未知浏览器'],
  ])('%s → %s', (ua, expected) => {
    expect(describeBrowser(ua)).toBe(expected);
  });
});
