import fc from 'fast-check';
import { LINK_KINDS, LINK_PAGES, MAX_TEMPLATES_PER_REQUEST, SUBSCRIBE_TEMPLATES, THING_MAX, formatTemplateTime, isTransient, linkPage, templateData, truncateThing } from '../../../shared/notifications/catalogue';
import { SubscriptionResults, NotificationListQuery } from '../../../shared/notifications/schemas';

describe('subscribe-message catalogue', () => {
  it('covers the issue’s events with distinct dev template ids, and each role is asked at most two taps’ worth', () => {
    for (const e of ['appeal_assigned', 'appeal_replied', 'appeal_resolved', 'appeal_overdue', 'booking_reminder', 'risk_warning'] as const) expect(SUBSCRIBE_TEMPLATES[e]).toBeDefined();
    const ids = Object.values(SUBSCRIBE_TEMPLATES).map((t) => t!.devTemplateId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const role of ['enterprise', 'officer', 'chief', 'centre'] as const) {
      const offered = Object.values(SUBSCRIBE_TEMPLATES).filter((t) => t!.audience.includes(role)).length;
      expect(offered).toBeGreaterThan(0);
      expect(offered).toBeLessThanOrEqual(2 * MAX_TEMPLATES_PER_REQUEST);
    }
  });

  it('truncates thing values to 20 characters (by character, not UTF-16 unit), marking the cut', () => {
    expect(truncateThing('诉求已办结')).toBe('诉求已办结');
    expect(truncateThing('一二三四五六七八九十一二三四五六七八九十')).toHaveLength(20);
    expect(truncateThing('一二三四五六七八九十一二三四五六七八九十一')).toBe('一二三四五六七八九十一二三四五六七八九…');
    expect(truncateThing('   ')).toBe('-');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const out = truncateThing(s);
        return [...out].length <= THING_MAX && out.length > 0;
      }),
    );
  });

  it('formats time in Shanghai wall-clock time and fills the template layout', () => {
    expect(formatTemplateTime(new Date('2026-11-23T16:05:00Z'))).toBe('2026年11月24日 00:05');
    const data = templateData(SUBSCRIBE_TEMPLATES.risk_warning!, { title: '电信诈骗风险预警', body: '近期辖区出现冒充客服退款诈骗，请提醒财务人员注意核实' }, new Date('2026-11-23T02:00:00Z'));
    expect(data).toEqual({ thing1: { value: '电信诈骗风险预警' }, thing2: { value: expect.stringMatching(/^近期辖区出现冒充客服退款诈骗.*…$/) }, time3: { value: '2026年11月23日 10:00' } });
    expect([...data.thing2.value]).toHaveLength(20);
  });

  it('opens the linked record’s page, the enterprise file by enterpriseId, else 消息', () => {
    for (const kind of LINK_KINDS) expect(LINK_PAGES[kind].path).toMatch(/^packages\/[a-z]+\/pages\/[a-z]+\/index$/);
    expect(linkPage({ kind: 'appeal', id: 'ap1' })).toBe('packages/appeals/pages/detail/index?id=ap1');
    expect(linkPage({ kind: 'enterprise', id: 'en0002' })).toBe('packages/enterprise/pages/file/index?enterpriseId=en0002');
    expect(linkPage(null)).toBe('packages/notifications/pages/list/index');
  });

  it('treats system busy and unreachable as transient, WeChat’s final answers not', () => {
    expect([null, -1].map(isTransient)).toEqual([true, true]);
    expect([0, 40003, 40037, 43101, 45009, 47003].map(isTransient)).toEqual([false, false, false, false, false, false]);
  });

  it('validates subscription results and the unread filter with Chinese messages', () => {
    expect(SubscriptionResults.safeParse({ results: { 'tmpl-a': 'accept' } }).success).toBe(true);
    const bad = SubscriptionResults.safeParse({ results: { 'tmpl-a': 'yes' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toContain('订阅结果');
    expect(SubscriptionResults.safeParse({ results: {} }).error!.issues[0].message).toBe('请提交订阅结果');
    expect(NotificationListQuery.parse({ unread: 'true' }).unread).toBe(true);
    expect(NotificationListQuery.parse({}).unread).toBe(false);
  });
});
