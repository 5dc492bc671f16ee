import fc from 'fast-check';
import { ulid } from 'ulid';
import { closesAppeal, followUpDueDay, followUpReason, isSatisfiedAfter, sampleBucket, wasSatisfiedBefore } from '../../../shared/followups/rules';
import { RecordFollowUpBody } from '../../../shared/followups/schemas';
import { counterDeltas, emptyCounters, figuresOf } from '../../../shared/stats/counters';

describe('followUpReason (which closed appeals the station calls back)', () => {
  it('every bad rating, whatever the type and the sample', () => {
    for (const rating of [1, 2]) for (const type of ['policy', 'dispute', 'suggestion', 'help'] as const) expect(followUpReason({ id: 'X', type, rating }, 0)).toBe('bad_rating');
  });

  it('every dispute that was not badly rated, rated or auto-closed, even with a sample of 0', () => {
    expect(followUpReason({ id: 'X', type: 'dispute', rating: 5 }, 0)).toBe('dispute');
    expect(followUpReason({ id: 'X', type: 'dispute' }, 0)).toBe('dispute');
  });

  it('of the rest: none at 0 %, all at 100 %', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('policy', 'suggestion', 'help' as const), fc.constantFrom(3, 4, 5, undefined), (id, type, rating) => {
        expect(followUpReason({ id, type, rating }, 0)).toBeNull();
        expect(followUpReason({ id, type, rating }, 100)).toBe('sample');
      }),
    );
  });

  it('decides the same way every time for one appeal (a retried close cannot flip it)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 100 }), (id, percent) => {
        expect(followUpReason({ id, type: 'help', rating: 4 }, percent)).toBe(followUpReason({ id, type: 'help', rating: 4 }, percent));
        expect(sampleBucket(id)).toBeGreaterThanOrEqual(0);
        expect(sampleBucket(id)).toBeLessThan(100);
      }),
    );
  });

  it('samples about the share asked of real ids (ULIDs of one millisecond differ only at the end)', () => {
    const t = Date.parse('2026-11-20T02:00:00Z');
    const ids = Array.from({ length: 4000 }, (_, i) => ulid(t + (i % 3)));
    const sampled = ids.filter((id) => followUpReason({ id, type: 'policy', rating: 5 }, 20) === 'sample').length / ids.length;
    expect(sampled).toBeGreaterThan(0.17);
    expect(sampled).toBeLessThan(0.23);
  });

  it('a larger percent keeps everything a smaller one took (raising the policy only adds tasks)', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), fc.integer({ min: 0, max: 99 }), (id, p) => !(followUpReason({ id, type: 'help' }, p) === 'sample') || followUpReason({ id, type: 'help' }, p + 1) === 'sample'));
  });
});

describe('closesAppeal', () => {
  it('is resolved → closed only: a second rating after rectification (closed → closed) makes no second task', () => {
    expect(closesAppeal({ status: 'resolved' }, { status: 'closed' })).toBe(true);
    expect(closesAppeal({ status: 'closed' }, { status: 'closed' })).toBe(false);
    expect(closesAppeal({ status: 'in_progress' }, { status: 'resolved' })).toBe(false);
  });
});

describe('due day and satisfaction', () => {
  it('is due seven calendar days after the close, across a month end', () => {
    expect(followUpDueDay('2026-11-27')).toBe('2026-12-04');
  });
  it('counts 满意 as satisfied after, like a rating of 4–5; 基本满意 like a 3', () => {
    expect(isSatisfiedAfter('satisfied')).toBe(true);
    expect(isSatisfiedAfter('basically_satisfied')).toBe(false);
    expect(isSatisfiedAfter('dissatisfied')).toBe(false);
    expect(wasSatisfiedBefore(4)).toBe(true);
    expect(wasSatisfiedBefore(3)).toBe(false);
    expect(wasSatisfiedBefore(undefined)).toBeNull();
  });
});

describe('RecordFollowUpBody', () => {
  it('asks for satisfaction when reached and a reason when not', () => {
    const issues = (v: unknown) => (RecordFollowUpBody.safeParse(v).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
    expect(issues({ method: 'phone', reached: true })).toEqual([['satisfaction', '联系上企业时请选择满意程度']]);
    expect(issues({ method: 'phone', reached: false })).toEqual([['notes', '未联系上时请写明原因（如电话无人接听）']]);
    expect(issues({ method: 'visit', reached: false, satisfaction: 'satisfied', notes: '无人' })).toEqual([['satisfaction', '未联系上企业时不能登记满意程度']]);
    expect(issues({ method: 'visit', reached: true, satisfaction: 'basically_satisfied' })).toEqual([]);
  });
});

describe('follow-up counters', () => {
  it('count a record on the day the task was created, so coverage and the satisfaction change are of the same tasks', () => {
    // 2026-11-20T17:00Z is 21 November in Shanghai.
    const out = counterDeltas({ kind: 'followup_recorded', stationId: 'st01', createdAt: '2026-11-20T17:00:00Z', reached: true, satisfiedBefore: false, satisfiedAfter: true });
    expect(out).toEqual([{ scope: 'station', id: 'st01', stationId: 'st01', day: '2026-11-21', deltas: { followUpsDone: 1, followUpsReached: 1, followUpsCompared: 1, followUpsSatisfiedAfter: 1 } }]);
    expect(counterDeltas({ kind: 'followup_recorded', stationId: 'st01', createdAt: '2026-11-20T01:00:00Z', reached: false, satisfiedBefore: null, satisfiedAfter: false })[0]!.deltas).toEqual({ followUpsDone: 1 });
  });

  it('give coverage and before/after shares', () => {
    const c = { ...emptyCounters(), followUpsDue: 4, followUpsDone: 3, followUpsReached: 3, followUpsCompared: 2, followUpsSatisfiedBefore: 0, followUpsSatisfiedAfter: 1 };
    const f = figuresOf(c);
    expect([f.followUpsDue, f.followUpsDone, f.followUpCoverage, f.satisfactionBeforeFollowUp, f.satisfactionAfterFollowUp]).toEqual([4, 3, 0.75, 0, 0.5]);
    expect(figuresOf(emptyCounters()).followUpCoverage).toBeNull();
  });
});
