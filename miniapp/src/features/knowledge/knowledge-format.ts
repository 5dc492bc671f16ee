import { KNOWLEDGE_CATEGORIES, KNOWLEDGE_CATEGORY_LABELS, KNOWLEDGE_STATUS_LABELS, type KnowledgeCategory, type KnowledgeStatus } from '../../../../shared/knowledge/catalogue';

export const categoryLabel = (c: string) => KNOWLEDGE_CATEGORY_LABELS[c as KnowledgeCategory] ?? c;
export const statusLabel = (s: KnowledgeStatus) => KNOWLEDGE_STATUS_LABELS[s];

/** The filter over search results and browsing: 全部 plus the fixed categories. */
export const CATEGORY_CHIPS: { key: KnowledgeCategory | 'all'; label: string }[] = [{ key: 'all', label: '全部' }, ...KNOWLEDGE_CATEGORIES.map((c) => ({ key: c.id, label: c.label }))];

/** A tab of the centre's manage page: entries by status, or the searches nothing answered (知识缺口). */
export type ManageTab = KnowledgeStatus | 'gaps';

/** The centre's manage tabs, in the order work arrives. */
export const MANAGE_TABS: { key: ManageTab; label: string }[] = [
  { key: 'published', label: '已发布' },
  { key: 'pending', label: '待审核' },
  { key: 'draft', label: '草稿' },
  { key: 'archived', label: '已归档' },
  { key: 'gaps', label: '未解答问题' },
];

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** 2026年11月2日, in Shanghai time. */
export function formatDay(at: string): string {
  const d = new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** 11月2日 14:30, in Shanghai time. */
export function formatDayTime(at: string): string {
  const d = new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The Shanghai month (YYYY-MM) of `now`, or `back` months before it. */
export function shanghaiMonth(now: number = Date.now(), back = 0): string {
  const d = new Date(now + SHANGHAI_OFFSET_MS);
  const m = d.getUTCFullYear() * 12 + d.getUTCMonth() - back;
  return `${Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
}

/** 2026年11月 */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

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
export const paragraphs = (answer: string) =>
  answer
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
