/**
 * Reference lists of the policy knowledge base (政策咨询知识库): the fixed categories (so the centre's
 * lists and the enterprises' browsing stay comparable across stations), entry statuses, and the example
 * questions the search page offers before anything is typed.
 */

export const KNOWLEDGE_CATEGORIES = [
  { id: 'household', label: '户政/居住证' },
  { id: 'exit-entry', label: '出入境/外国人' },
  { id: 'security-licence', label: '治安/特种行业' },
  { id: 'dispute', label: '矛盾纠纷/阻工' },
  { id: 'fraud-economic', label: '反诈/经济犯罪' },
  { id: 'traffic', label: '交管' },
  { id: 'cyber-data', label: '网安/数据安全' },
  { id: 'fire-safety', label: '消防/安全生产' },
  { id: 'legal-service', label: '法律服务' },
] as const;

export type KnowledgeCategory = (typeof KNOWLEDGE_CATEGORIES)[number]['id'];
export const KNOWLEDGE_CATEGORY_IDS = KNOWLEDGE_CATEGORIES.map((c) => c.id) as [KnowledgeCategory, ...KnowledgeCategory[]];
export const KNOWLEDGE_CATEGORY_LABELS = Object.fromEntries(KNOWLEDGE_CATEGORIES.map((c) => [c.id, c.label])) as Record<KnowledgeCategory, string>;

/**
 * draft: the centre is writing it; pending: proposed by an officer from a resolved 政策咨询 appeal, awaiting
 * the centre's review; published: searchable by everyone signed in; archived: withdrawn, never found.
 */
export const KNOWLEDGE_STATUSES = ['draft', 'pending', 'published', 'archived'] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];
export const KNOWLEDGE_STATUS_LABELS: Record<KnowledgeStatus, string> = {
  draft: '草稿',
  pending: '待审核',
  published: '已发布',
  archived: '已归档',
};

/** Appeal categories of 政策咨询 mapped to the knowledge base's categories (promotion pre-selects it). */
export const CATEGORY_FROM_APPEAL: Record<string, KnowledgeCategory> = {
  'exit-entry': 'exit-entry',
  household: 'household',
  'security-licence': 'security-licence',
  'hazardous-goods': 'security-licence',
  'fire-safety': 'fire-safety',
  'traffic-vehicle': 'traffic',
  'cyber-data': 'cyber-data',
  other: 'legal-service',
};

/** Shown on the empty search page: the questions enterprises ask most. */
export const HOT_QUESTIONS = ['员工办理居住证需要什么材料', '外国人来华工作签证怎么办理', '被人阻挠施工怎么办', '开办旅馆需要办理什么许可', '企业如何防范电信网络诈骗', '货车通行证怎么申请'] as const;
