import { latestDigestTime } from '../../scripts/seed/modules';
import { previousWorkday } from '../../functions/services/digest-service';

describe('the seeded 每日晨报', () => {
  it("is today's on a working day", () => {
    const now = new Date('2026-12-04T02:00:00Z'); // Friday
    expect(latestDigestTime(previousWorkday, now)).toBe(now);
  });

  it("on a day off is the latest working day's, at its 08:30, so the chief's page is never empty", () => {
    expect(latestDigestTime(previousWorkday, new Date('2026-12-05T02:00:00Z')).toISOString()).toBe('2026-12-04T00:30:00.000Z'); // Saturday → Friday
    expect(latestDigestTime(previousWorkday, new Date('2026-10-03T02:00:00Z')).toISOString()).toBe('2026-09-30T00:30:00.000Z'); // 国庆 → 09-30
  });
});
