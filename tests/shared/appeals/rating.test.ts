import { isBadRating, isSatisfied, satisfactionRate, whyCannotRate, whyCannotRectify } from '../../../shared/appeals/rating';

describe('rating rules', () => {
  it('bad is 1–2, satisfied is 4–5, 3 is neither', () => {
    expect([1, 2, 3, 4, 5].map(isBadRating)).toEqual([true, true, false, false, false]);
    expect([1, 2, 3, 4, 5].map(isSatisfied)).toEqual([false, false, false, true, true]);
  });

  it('satisfaction rate', () => {
    expect(satisfactionRate([])).toBeNull();
    expect(satisfactionRate([5, 4, 3, 1])).toBe(0.5);
  });

  it('first rating once resolved; a second only after rectification; never a third', () => {
    const base = { rectification: 'none' as const, rateCount: 0 };
    expect(whyCannotRate({ ...base, status: 'resolved' })).toBeNull();
    expect(whyCannotRate({ ...base, status: 'in_progress' })).toBe('诉求办结后才能评价');
    expect(whyCannotRate({ status: 'closed', rateCount: 1, rectification: 'none' })).toBe('您已评价过该诉求');
    expect(whyCannotRate({ status: 'closed', rateCount: 1, rectification: 'required' })).toBe('派出所正在整改，整改完成后您可以再评价一次');
    expect(whyCannotRate({ status: 'closed', rateCount: 1, rectification: 'done' })).toBeNull();
    expect(whyCannotRate({ status: 'closed', rateCount: 2, rectification: 'done' })).toBe('您已评价过两次，不能再评价');
    expect(whyCannotRate({ status: 'closed', rateCount: 0, rectification: 'none', closeReason: 'auto' })).toMatch(/自动关闭/);
  });

  it('rectification only when required, once', () => {
    const v = { status: 'closed', rateCount: 1 };
    expect(whyCannotRectify({ ...v, rectification: 'required' })).toBeNull();
    expect(whyCannotRectify({ ...v, rectification: 'done' })).toBe('该诉求已登记整改，不能重复登记');
    expect(whyCannotRectify({ ...v, rectification: 'none' })).toBe('该诉求没有收到不满意评价，无需整改');
  });
});
