/** Fixed industry list (行业), after the sections of GB/T 4754 that enterprises in a district actually fall in. */
export const INDUSTRIES = [
  { id: 'manufacturing', label: '制造业' },
  { id: 'construction', label: '建筑业' },
  { id: 'wholesale-retail', label: '批发和零售业' },
  { id: 'logistics', label: '交通运输、仓储和邮政业' },
  { id: 'hospitality', label: '住宿和餐饮业' },
  { id: 'software', label: '信息传输、软件和信息技术服务业' },
  { id: 'finance', label: '金融业' },
  { id: 'real-estate', label: '房地产业' },
  { id: 'business-services', label: '租赁和商务服务业' },
  { id: 'research', label: '科学研究和技术服务业' },
  { id: 'culture', label: '文化、体育和娱乐业' },
  { id: 'resident-services', label: '居民服务、修理和其他服务业' },
  { id: 'education', label: '教育' },
  { id: 'health', label: '卫生和社会工作' },
  { id: 'utilities', label: '电力、热力、燃气及水生产和供应业' },
  { id: 'agriculture', label: '农、林、牧、渔业' },
] as const;

export type IndustryId = (typeof INDUSTRIES)[number]['id'];
export const INDUSTRY_IDS = INDUSTRIES.map((i) => i.id) as [IndustryId, ...IndustryId[]];
export const INDUSTRY_LABELS: Record<IndustryId, string> = Object.fromEntries(INDUSTRIES.map((i) => [i.id, i.label])) as Record<IndustryId, string>;
