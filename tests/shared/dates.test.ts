import { shanghaiDate } from '../../shared/dates';
import { shanghaiDay } from '../../shared/appeals/queues';

describe('shanghaiDate: the one date formatter', () => {
  it('gives the Beijing day, not the UTC day of the timestamp', () => {
    // Filed 12月5日 01:01 Beijing time: the timestamp's first ten characters say 12-04.
    expect(shanghaiDate('2026-12-04T17:01:00.000Z')).toBe('2026-12-05');
    expect(shanghaiDate('2026-12-04T15:59:59.999Z')).toBe('2026-12-04');
    expect(shanghaiDate(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(shanghaiDate(new Date('2026-06-30T23:30:00+08:00'))).toBe('2026-06-30');
  });

  it('is what the queues and statistics use', () => {
    for (const t of ['2026-12-04T17:01:00.000Z', '2026-03-01T00:00:00.000Z', '2027-01-31T23:59:59.000Z']) expect(shanghaiDay(t)).toBe(shanghaiDate(t));
  });
});
