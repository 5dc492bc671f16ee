import {
  ACTION_LABELS,
  ALL_CATEGORY_IDS,
  APPEAL_ACTIONS,
  APPEAL_CATEGORIES,
  APPEAL_STATUSES,
  APPEAL_TYPE_LABELS,
  APPEAL_TYPES,
  DEPARTMENTS,
  DEPARTMENT_LABELS,
  RATING_LABELS,
  STATUS_LABELS,
  cannedReplies,
  categoryLabel,
  isCategoryOf,
} from '../../../shared/appeals/catalogue';

describe('catalogue', () => {
  it('four appeal types with Chinese labels', () => {
    expect(APPEAL_TYPE_LABELS).toEqual({ policy: '政策咨询', dispute: '矛盾纠纷', suggestion: '意见建议', help: '求助' });
  });

  it('dispute categories include the ones the centre reports on', () => {
    expect(APPEAL_CATEGORIES.dispute.map((c) => c.label)).toEqual(['阻工/封门堵路', '劳资纠纷', '合同/债务纠纷', '敲诈勒索/强揽工程', '盗窃/损毁企业财物', '知识产权侵权', '周边治安/交通', '其他']);
  });

  it.each(APPEAL_TYPES)('%s: unique ids, ending with 其他, and 3–4 canned replies per category', (type) => {
    const ids = APPEAL_CATEGORIES[type].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(APPEAL_CATEGORIES[type].at(-1)).toEqual({ id: 'other', label: '其他' });
    for (const c of APPEAL_CATEGORIES[type]) {
      expect(isCategoryOf(type, c.id)).toBe(true);
      expect(categoryLabel(type, c.id)).toBe(c.label);
      expect(cannedReplies(type, c.id).length).toBeGreaterThanOrEqual(3);
      expect(cannedReplies(type, c.id).length).toBeLessThanOrEqual(4);
    }
  });

  it('categories are checked per type', () => {
    expect(isCategoryOf('policy', 'obstruction')).toBe(false);
    expect(ALL_CATEGORY_IDS).toContain('obstruction');
    expect(new Set(ALL_CATEGORY_IDS).size).toBe(ALL_CATEGORY_IDS.length);
  });

  it('twelve transfer departments', () => {
    expect(DEPARTMENTS).toHaveLength(12);
    expect(DEPARTMENT_LABELS['market-regulation']).toBe('市场监管');
  });

  it('ratings 5..1 and a label for every status and action', () => {
    expect(RATING_LABELS).toEqual({ 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' });
    for (const s of APPEAL_STATUSES) expect(STATUS_LABELS[s]).toMatch(/[\u4e00-\u9fff]/);
    for (const a of APPEAL_ACTIONS) expect(ACTION_LABELS[a]).toMatch(/[\u4e00-\u9fff]/);
  });
});
