import { RATE_LIMITS, rateLimitMessage, rateWindow, retryAfterSeconds } from '../../../shared/domain/rate-limits';
import { pickOfficer, distribute } from '../../../shared/domain/assignment';

describe('rate-limit windows', () => {
  const hour = RATE_LIMITS.inviteFailures;
  it('a fixed window: every moment of an hour counts against the same item', () => {
    expect(rateWindow(hour, new Date('2026-12-05T09:00:00Z')).start).toBe('2026-12-05T09:00:00.000Z');
    expect(rateWindow(hour, new Date('2026-12-05T09:59:59Z')).start).toBe('2026-12-05T09:00:00.000Z');
    expect(rateWindow(hour, new Date('2026-12-05T10:00:00Z')).start).toBe('2026-12-05T10:00:00.000Z');
  });
  it('says when to retry: seconds to the end of the window, in minutes or hours for the user', () => {
    const now = new Date('2026-12-05T09:45:00Z');
    expect(retryAfterSeconds(hour, now)).toBe(900);
    expect(rateLimitMessage(hour, now)).toBe('邀请码错误次数过多，请15分钟后再试');
    expect(rateLimitMessage(RATE_LIMITS.takenCreditCodes, new Date('2026-12-05T20:30:00Z'))).toBe('使用已注册信用代码的注册尝试过多，请4小时后再试');
    expect(retryAfterSeconds(hour, new Date('2026-12-05T09:59:59.999Z'))).toBe(1);
  });
});

describe('a deactivated officer (left the force)', () => {
  const o = (id: string, enterpriseCount: number, deactivatedAt: string | null = null) => ({ id, isChief: false, onLeave: false, enterpriseCount, deactivatedAt });
  it('is never picked for a new enterprise, however light its load', () => {
    expect(pickOfficer([o('a', 0, '2026-12-01T00:00:00Z'), o('b', 30)])?.id).toBe('b');
    expect(pickOfficer([o('a', 0, '2026-12-01T00:00:00Z')])).toBeNull();
  });
  it('never receives a hand-over', () => {
    const plan = distribute(['e1', 'e2'], [o('a', 0, '2026-12-01T00:00:00Z'), o('b', 5)]);
    expect([...plan.values()]).toEqual(['b', 'b']);
  });
});
