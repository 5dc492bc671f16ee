/** Request and record shapes of the knowledge base (政策咨询知识库), with Chinese messages naming the field. */
import { z } from 'zod';
import { Cursor, Id, IsoDateTime, PageLimit, TextField } from '../schemas/common';
import { KNOWLEDGE_CATEGORY_IDS, KNOWLEDGE_STATUSES } from './catalogue';

const BODY_SHAPE = '请求内容格式不正确';

export const QUESTION_MAX = 100;
export const ANSWER_MAX = 3000;
export const TAGS_MAX = 8;

const QuestionField = TextField('问题', 4, QUESTION_MAX);
const AnswerField = TextField('解答', 10, ANSWER_MAX);
const CategoryField = z.enum(KNOWLEDGE_CATEGORY_IDS, { error: '请从列表中选择知识分类' });
const TagsField = z
  .array(z.string({ error: '标签应为文字' }).trim().min(1, '标签不能为空').max(12, '每个标签最多12个字'), { error: '标签格式不正确' })
  .max(TAGS_MAX, `标签最多${TAGS_MAX}个`)
  .transform((tags) => [...new Set(tags)]);
const VersionField = z.number({ error: '缺少版本号，请刷新后重试' }).int('版本号格式不正确').min(1, '版本号格式不正确');

export const CreateKnowledgeBody = z.object({ question: QuestionField, answer: AnswerField, category: CategoryField, tags: TagsField.default([]) }, { error: BODY_SHAPE });
export type CreateKnowledgeBody = z.output<typeof CreateKnowledgeBody>;

/** Every change carries the version the editor saw: two editors at once give one 409, never a lost edit. */
export const UpdateKnowledgeBody = z
  .object({ version: VersionField, question: QuestionField.optional(), answer: AnswerField.optional(), category: CategoryField.optional(), tags: TagsField.optional() }, { error: BODY_SHAPE })
  .refine((v) => v.question !== undefined || v.answer !== undefined || v.category !== undefined || v.tags !== undefined, { message: '没有需要保存的修改', path: ['question'] });
export type UpdateKnowledgeBody = z.output<typeof UpdateKnowledgeBody>;

export const KnowledgeVersionBody = z.object({ version: VersionField }, { error: BODY_SHAPE });

/** An officer turns a resolved 政策咨询 into an entry; anything left out comes from the appeal. */
export const PromoteAppealBody = z.object({ question: QuestionField.optional(), answer: AnswerField.optional(), category: CategoryField.optional(), tags: TagsField.optional() }, { error: BODY_SHAPE });
export type PromoteAppealBody = z.output<typeof PromoteAppealBody>;

export const KnowledgeSearchQuery = z.object({
  q: z.string({ error: '请输入要查询的问题' }).trim().min(1, '请输入要查询的问题').max(50, '查询内容最多50个字'),
  category: CategoryField.optional(),
  limit: z.coerce.number({ error: '条数应为数字' }).int('条数应为整数').min(1, '至少1条').max(20, '最多20条').default(10),
});

export const KnowledgeListQuery = z.object({
  cursor: Cursor,
  limit: PageLimit,
  category: CategoryField.optional(),
  status: z.enum(KNOWLEDGE_STATUSES, { error: '状态应为 draft、pending、published 或 archived' }).default('published'),
});

export const KnowledgeEntry = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  category: z.enum(KNOWLEDGE_CATEGORY_IDS),
  tags: z.array(z.string()),
  status: z.enum(KNOWLEDGE_STATUSES),
  /** Set when an officer proposed it from a resolved appeal. */
  source: z.object({ appealId: z.string(), stationId: z.string(), officerId: z.string() }).optional(),
  createdAt: IsoDateTime,
  createdBy: z.string(),
  updatedAt: IsoDateTime,
  updatedBy: z.string(),
  publishedAt: IsoDateTime.optional(),
  version: z.number().int().min(1),
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntry>;

export const KnowledgeSummary = KnowledgeEntry.pick({ id: true, question: true, category: true, tags: true, status: true, updatedAt: true, version: true });
export type KnowledgeSummary = z.infer<typeof KnowledgeSummary>;

export const KnowledgeHit = KnowledgeSummary.extend({ snippet: z.string(), score: z.number(), matched: z.array(z.string()) });
export type KnowledgeHit = z.infer<typeof KnowledgeHit>;

export const KnowledgeSearchResult = z.object({
  query: z.string(),
  items: z.array(KnowledgeHit),
  /** The query's own terms (for highlighting in the app). */
  terms: z.array(z.string()),
  /** false when nothing answers the question well: the app offers 「问我的联络官」. */
  confident: z.boolean(),
});
export type KnowledgeSearchResult = z.infer<typeof KnowledgeSearchResult>;

export const KnowledgeEntryId = Id('知识条目编号');
