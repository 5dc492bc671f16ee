import fc from 'fast-check';
import { addDays, allowedRectificationActions, isRectificationOverdue, latestDueBaseline, nextRectificationStatus, shanghaiDay, visitDueDay } from '../../../shared/fieldwork/rules';
import { CreateVisitBody, RectificationActionBody, PutServicePlanBody } from '../../../shared/fieldwork/schemas';

describe('the rectification state machine (待整改 → 整改中 → 已整改 / 已销号)', () => {
  it('allows start only from 待整改, and closing from either open state', () => {
    expect(nextRectificationStatus('pending', 'start')).toBe('in_progress');
    expect(nextRectificationStatus('in_progress', 'start')).toBeNull();
    expect(nextRectificationStatus('in_progress', 'complete')).toBe('done');
    expect(nextRectificationStatus('pending', 'cancel')).toBe('cancelled');
    expect(allowedRectificationActions('done')).toEqual([]);
    expect(allowedRectificationActions('cancelled')).toEqual([]);
  });

  it('is overdue only while open and after the deadline day', () => {
    expect(isRectificationOverdue({ status: 'pending', deadline: '2026-11-20' }, '2026-11-20')).toBe(false);
    expect(isRectificationOverdue({ status: 'in_progress', deadline: '2026-11-20' }, '2026-11-21')).toBe(true);
    expect(isRectificationOverdue({ status: 'done', deadline: '2026-11-20' }, '2026-12-21')).toBe(false);
  });
});

describe('the contact rule', () => {
  it('counts calendar days across months and years', () => {
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(visitDueDay('2026-10-24', 30)).toBe('2026-11-23');
  });

  it('an enterprise is due on a day exactly when its baseline is at or before day − interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 7, max: 180 }), (base, gap, interval) => {
        const baseline = addDays('2025-01-01', base);
        const day = addDays(baseline, gap);
        const due = visitDueDay(baseline, interval) <= day;
        expect(baseline <= latestDueBaseline(day, interval)).toBe(due);
      }),
    );
  });

  it('uses the Shanghai calendar day', () => {
    expect(shanghaiDay(new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24');
    expect(shanghaiDay(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
  });
});

describe('request bodies', () => {
  it('needs a deadline not before the visit for problems that become ledger items; an appeal takes its deadline from the SLA', () => {
    const base = { enterpriseId: 'en0001', day: '2026-11-23', metWith: '王经理', content: '了解企业情况。' };
    expect(CreateVisitBody.safeParse({ ...base, problems: [{ description: '周边道路照明不足', followUp: 'appeal', appealType: 'help' }] }).success).toBe(true);
    expect(CreateVisitBody.safeParse({ ...base, problems: [{ description: '周边道路照明不足', followUp: 'appeal', appealType: 'policy' }] }).success).toBe(false);
    const missing = CreateVisitBody.safeParse({ ...base, problems: [{ description: '灭火器过期', followUp: 'rectification' }] });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues[0]!.message).toBe('请填写第1个问题的整改期限');
    const early = CreateVisitBody.safeParse({ ...base, problems: [{ description: '灭火器过期', followUp: 'rectification', deadline: '2026-11-01' }] });
    expect(early.error!.issues[0]!.message).toBe('第1个问题的整改期限不能早于走访日期');
    expect(CreateVisitBody.parse({ ...base, problems: [{ description: '灭火器过期', followUp: 'none' }] }).problems).toHaveLength(1);
  });

  it('requires a closing note to complete or cancel', () => {
    expect(RectificationActionBody.safeParse({ action: 'complete', version: 1 }).error!.issues[0]!.message).toBe('请填写整改情况（至少4个字）');
    expect(RectificationActionBody.safeParse({ action: 'cancel', note: '重复', version: 1 }).error!.issues[0]!.message).toBe('请填写销号原因（至少4个字）');
    expect(RectificationActionBody.safeParse({ action: 'start', version: 1 }).success).toBe(true);
  });

  it('names the plan field in its message', () => {
    const r = PutServicePlanBody.safeParse({ text: '方案', targets: [{ title: '' }], version: 0 });
    expect(r.error!.issues[0]!.message).toBe('目标至少2个字');
  });
});
