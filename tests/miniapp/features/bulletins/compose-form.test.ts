import { audienceOf, emptyDraft, validateDraft } from '../../../../miniapp/src/features/bulletins/compose-form';

const today = '2026-10-28';

describe('compose form', () => {
  it("builds the audience within the caller's own station", () => {
    const d = { ...emptyDraft('chief', today), audienceType: 'industry' as const, industry: 'hospitality' as const };
    expect(audienceOf(d, 'st01')).toEqual({ type: 'industry', industry: 'hospitality', stationId: 'st01' });
    expect(audienceOf({ ...d, audienceType: 'station' }, 'st01')).toEqual({ type: 'stations', stationIds: ['st01'] });
    expect(audienceOf({ ...emptyDraft('centre', today), audienceType: 'industry', industry: 'finance' }, null)).toEqual({ type: 'industry', industry: 'finance' });
  });

  it('names the fields that are wrong, in Chinese', () => {
    const bad = validateDraft({ ...emptyDraft('chief', today), audienceType: 'industry' }, 'st01');
    expect(bad.ok).toBe(false);
    expect(bad.errors.title).toMatch(/标题/);
    expect(bad.errors.body).toMatch(/正文/);
    expect(bad.errors.audience).toBe('请选择行业');
  });

  it('turns a complete draft into the request body', () => {
    const ok = validateDraft({ ...emptyDraft('officer', today), title: '警惕冒充客服诈骗', text: '请注意**防范**\n- 不转账' }, 'st01');
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.body.audience).toEqual({ type: 'stations', stationIds: ['st01'] });
      expect(ok.body.body.blocks).toHaveLength(2);
      expect(ok.body.publishAt).toBeUndefined();
    }
    const past = validateDraft({ ...emptyDraft('officer', today), title: '警惕冒充客服诈骗', text: 'x', scheduled: true, day: '2020-01-01' }, 'st01');
    expect(past.errors.publishAt).toMatch(/晚于当前时间/);
  });
});
