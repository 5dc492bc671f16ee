/** What the police search page searches, and what it says about each (警务检索). */
export type SearchKind = 'enterprises' | 'appeals';

export const SEARCH_KINDS: readonly { key: SearchKind; label: string }[] = [
  { key: 'enterprises', label: '企业' },
  { key: 'appeals', label: '诉求' },
];

export const SEARCH_PLACEHOLDERS: Record<SearchKind, string> = {
  enterprises: '企业名称、统一社会信用代码或联系电话',
  appeals: '诉求标题或内容中的词，如：噪音',
};

/** The server asks for two characters at least; the page says so before sending. */
export function searchProblem(q: string): string | null {
  const t = q.trim();
  if (!t) return '请输入要搜索的内容';
  if (Array.from(t).length < 2) return '请至少输入两个字';
  return null;
}
