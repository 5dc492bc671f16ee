import { KNOWLEDGE_CATEGORIES, KNOWLEDGE_CATEGORY_LABELS, KNOWLEDGE_STATUS_LABELS, type KnowledgeCategory, type KnowledgeStatus } from '../../../../shared/knowledge/catalogue';

export const categoryLabel = (c: string) => KNOWLEDGE_CATEGORY_LABELS[c as KnowledgeCategory] ?? c;
export const statusLabel = (s: KnowledgeStatus) => KNOWLEDGE_STATUS_LABELS[s];

/** The filter over search results and browsing: 全部 plus the fixed categories. */
export const CATEGORY_CHIPS: { key: KnowledgeCategory | 'all'; label: string }[] = [{ key: 'all', label: '全部' }, ...KNOWLEDGE_CATEGORIES.map((c) => ({ key: c.id, label: c.label }))];

/** The centre's manage tabs, in the order work arrives. */
export const MANAGE_TABS: { key: KnowledgeStatus; label: string }[] = [
  { key: 'published', label: '已发布' },
  { key: 'pending', label: '待审核' },
  { key: 'draft', label: '草稿' },
  { key: 'archived', label: '已归档' },
];

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** 2026年11月2日, in Shanghai time. */
export function formatDay(at: string): string {
  const d = new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/**
 * 「问我的联络官」: the appeal report form pre-filled with what was searched. The title is the query (the form
 * asks for 4–50 characters), the description says where it came from so the officer knows the context.
 */
export function askOfficerQuery(question: string, from: 'search' | 'entry' = 'search'): { type: 'policy'; title: string; description: string } {
  const q = question.trim().slice(0, 50);
  const description = from === 'search' ? `我在政策知识库中查询“${q}”，没有找到满意的解答，请联络官帮助解答。` : `关于知识库中的“${q}”，我还有以下疑问：`;
  return { type: 'policy', title: q, description };
}

/** Answers are plain text; blank lines or line breaks separate paragraphs. */
export const paragraphs = (answer: string) => answer.split(/\n+/).map((p) => p.trim()).filter(Boolean);
