import { aggregateDeltas, counterDeltas, emptyCounters, figuresOf, isOnTime, sumCounters } from '../../../shared/stats/counters';
import { daysOf, presetPeriod, quarterPeriod } from '../../../shared/stats/period';
import { StatsQuery, LedgerQuery } from '../../../shared/stats/schemas';

const base = { stationId: 'st01', officerId: 'of001', type: 'suggestion' as const, createdAt: '2026-11-02T01:00:00.000Z', resolveDueAt: '2026-11-10T09:00:00.000Z' };

describe('counterDeltas', () => {
  it('files an appeal on the Shanghai day it was filed, by type and status', () => {
    // 2026-11-01T17:00Z is 01:00 on 2 November in Shanghai.
    const [b] = counterDeltas({ kind: 'appeal_filed', appeal: { stationId: 'st01', type: 'dispute', status: 'submitted', createdAt: '2026-11-01T17:00:00.000Z' } });
    expect(b).toEqual({ scope: 'station', id: 'st01', stationId: 'st01', day: '2026-11-02', deltas: { filed: 1, filed_dispute: 1, status_submitted: 1 } });
  });

  it('resolving moves the status on the filing day and the flows on the event day, for the resolver too', () => {
    const out = counterDeltas({
      kind: 'appeal_changed',
      before: { ...base, status: 'in_progress' },
      after: { ...base, status: 'resolved', resolvedAt: '2026-11-05T02:00:00.000Z' },
      history: { action: 'resolve', actorId: 'of080', actorRole: 'chief', at: '2026-11-05T02:00:00.000Z' },
    });
    expect(out).toEqual([
      { scope: 'station', id: 'st01', stationId: 'st01', day: '2026-11-02', deltas: { status_in_progress: -1, status_resolved: 1 } },
      { scope: 'station', id: 'st01', stationId: 'st01', day: '2026-11-05', deltas: { resolved: 1, resolvedOnTime: 1, suggestionsAnswered: 1 } },
      { scope: 'officer', id: 'of080', stationId: 'st01', day: '2026-11-05', deltas: { resolved: 1, resolvedOnTime: 1, suggestionsAnswered: 1 } },
    ]);
  });

  it('merges same-day status and flow deltas into one bucket (one update per item in a transaction)', () => {
    const out = counterDeltas({
      kind: 'appeal_changed',
      before: { ...base, status: 'resolved' },
      after: { ...base, status: 'closed', rating: 2 },
      history: { action: 'rate', actorId: 'u1', actorRole: 'enterprise', at: '2026-11-02T03:00:00.000Z', rating: 2 },
    });
    expect(out.filter((b) => b.scope === 'station')).toHaveLength(1);
    expect(out[0].deltas).toEqual({ status_resolved: -1, status_closed: 1, rated_2: 1 });
    expect(out[1]).toMatchObject({ scope: 'officer', id: 'of001', deltas: { rated_2: 1 } });
  });

  it('field work counts for station and officer; a late rectification is not on time', () => {
    const out = counterDeltas({ kind: 'rectification_closed', stationId: 'st01', officerId: 'of001', enterpriseId: 'en1', at: '2026-11-03T02:00:00Z', onTime: false });
    expect(out.map((b) => b.deltas)).toEqual([{ rectClosed: 1 }, { rectClosed: 1 }]);
  });

  it('a registration counts for the station only', () => {
    expect(counterDeltas({ kind: 'enterprise_registered', stationId: 'st01', officerId: 'of001', enterpriseId: 'en1', at: '2026-11-03T02:00:00Z' })).toEqual([
      { scope: 'station', id: 'st01', stationId: 'st01', day: '2026-11-03', deltas: { enterprises: 1 } },
    ]);
  });
});

describe('figures', () => {
  it('satisfaction is 满意 and above among ratings; bad rate is 不满意 and below', () => {
    const c = { ...emptyCounters(), rated_5: 2, rated_4: 1, rated_3: 0, rated_2: 1, rated_1: 0, resolved: 4, resolvedOnTime: 3 };
    const f = figuresOf(c);
    expect(f.rated).toBe(4);
    expect(f.satisfaction).toBe(0.75);
    expect(f.badRate).toBe(0.25);
    expect(f.onTimeRate).toBe(0.75);
    expect(figuresOf(emptyCounters()).satisfaction).toBeNull();
  });

  it('aggregating events equals summing them one by one', () => {
    const events = Array.from({ length: 30 }, (_, i) => ({
      kind: 'visit_made' as const,
      stationId: 'st01',
      officerId: `of00${i % 3}`,
      enterpriseId: 'e',
      at: `2026-11-${String(1 + (i % 5)).padStart(2, '0')}T03:00:00Z`,
    }));
    const agg = aggregateDeltas(events).filter((b) => b.scope === 'station');
    expect(sumCounters(agg.map((b) => b.deltas)).visits).toBe(30);
    expect(agg).toHaveLength(5);
  });

  it('on time means no later than the deadline', () => {
    expect(isOnTime({ resolvedAt: '2026-11-10T09:00:00.000Z', resolveDueAt: '2026-11-10T09:00:00.000Z' })).toBe(true);
    expect(isOnTime({ resolvedAt: '2026-11-10T09:00:01.000Z', resolveDueAt: '2026-11-10T09:00:00.000Z' })).toBe(false);
  });
});

describe('periods', () => {
  it('presets and quarters in Shanghai days', () => {
    const now = new Date('2026-11-23T17:00:00Z'); // 24 November, 01:00 in Shanghai
    expect(presetPeriod('this_month', now)).toEqual({ from: '2026-11-01', to: '2026-11-24' });
    expect(presetPeriod('last_month', now)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetPeriod('this_quarter', now)).toEqual({ from: '2026-10-01', to: '2026-11-24' });
    expect(quarterPeriod('2026Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(daysOf({ from: '2026-02-27', to: '2026-03-01' })).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('caps the period and names the field in Chinese', () => {
    expect(StatsQuery.safeParse({ from: '2026-11-30', to: '2026-11-01' }).error?.issues[0].message).toBe('结束日期不能早于开始日期');
    expect(LedgerQuery.safeParse({ from: '2026-01-01', to: '2026-06-30' }).error?.issues[0].message).toContain('最长93天');
    expect(StatsQuery.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
    expect(LedgerQuery.safeParse({ from: '2026-11-01', to: '2026-11-30' }).success).toBe(true);
  });
});
