/** 警务检索: the appeal search's query and result. */
import { z } from 'zod';
import { ALL_CATEGORY_IDS, APPEAL_STATUSES, APPEAL_TYPES } from '../appeals/catalogue';
import { AppealSummary } from '../appeals/views';
import { Cursor, pageOf } from '../schemas/common';

const Day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD，如 2026-11-23`);

export const AppealSearchQuery = z
  .object({
    q: z.string({ error: '请输入要搜索的内容' }).trim().min(2, '请至少输入两个字').max(30, '搜索内容最多30个字'),
    enterpriseId: z.string().min(1, '企业编号无效').max(40, '企业编号无效').optional(),
    status: z.enum(APPEAL_STATUSES, { error: '诉求状态无效' }).optional(),
    type: z.enum(APPEAL_TYPES, { error: '诉求类型无效' }).optional(),
    category: z.enum(ALL_CATEGORY_IDS, { error: '诉求分类无效' }).optional(),
    from: Day('开始日期').optional(),
    to: Day('结束日期').optional(),
    cursor: Cursor,
    limit: z.coerce.number({ error: '每页条数应为数字' }).int('每页条数应为整数').min(1, '每页至少1条').max(10, '每页最多10条').default(10),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' });
export type AppealSearchQuery = z.infer<typeof AppealSearchQuery>;
export const AppealSearchResult = pageOf(AppealSummary);
