/** 政策咨询知识库：条目维护与中文检索. */
import { z } from 'zod';
import { pageOf } from '../../schemas/common';
import {
  CreateKnowledgeBody,
  KnowledgeEntry,
  KnowledgeListQuery,
  KnowledgeSearchQuery,
  KnowledgeSearchResult,
  KnowledgeSummary,
  KnowledgeVersionBody,
  PromoteAppealBody,
  UpdateKnowledgeBody,
} from '../../knowledge/schemas';
import { SEES_ENTERPRISE, r, type GroupRoutes } from '../route-spec';

export const KnowledgeGapsQuery = z.object({
  month: z.string({ error: '请选择月份' }).regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM，如 2026-11'),
  cursor: z.string().max(2048, '分页游标无效').optional(),
  limit: z.coerce.number({ error: '每页条数应为数字' }).int('每页条数应为整数').min(1, '每页至少1条').max(100, '每页最多100条').default(20),
});
export const KnowledgeGap = z.object({ query: z.string(), role: z.string(), at: z.string(), topEntryId: z.string().nullable() });

export const knowledgeRoutes = {
  searchKnowledge: r({
    method: 'GET',
    path: '/knowledge/search',
    group: 'knowledge',
    summary: '政策咨询知识库检索（中文分词、相关度排序）',
    roles: SEES_ENTERPRISE,
    query: KnowledgeSearchQuery,
    response: KnowledgeSearchResult,
  }),
  listKnowledgeEntries: r({
    method: 'GET',
    path: '/knowledge/entries',
    group: 'knowledge',
    summary: '知识条目列表（按分类、状态；非中心人员仅已发布）',
    roles: SEES_ENTERPRISE,
    query: KnowledgeListQuery,
    response: pageOf(KnowledgeSummary),
  }),
  getKnowledgeEntry: r({ method: 'GET', path: '/knowledge/entries/{entryId}', group: 'knowledge', summary: '知识条目详情（草稿与待审核仅中心可见）', roles: SEES_ENTERPRISE, response: KnowledgeEntry }),
  createKnowledgeEntry: r({
    method: 'POST',
    path: '/knowledge/entries',
    group: 'knowledge',
    summary: '新建知识条目（草稿）',
    roles: ['centre'],
    body: CreateKnowledgeBody,
    response: KnowledgeEntry,
    status: 201,
    idempotent: true,
  }),
  updateKnowledgeEntry: r({ method: 'PATCH', path: '/knowledge/entries/{entryId}', group: 'knowledge', summary: '修改知识条目（按版本号防并发）', roles: ['centre'], body: UpdateKnowledgeBody, response: KnowledgeEntry }),
  publishKnowledgeEntry: r({
    method: 'POST',
    path: '/knowledge/entries/{entryId}/publish',
    group: 'knowledge',
    summary: '发布知识条目（进入检索）',
    roles: ['centre'],
    body: KnowledgeVersionBody,
    response: KnowledgeEntry,
    idempotent: true,
  }),
  archiveKnowledgeEntry: r({
    method: 'POST',
    path: '/knowledge/entries/{entryId}/archive',
    group: 'knowledge',
    summary: '归档知识条目（不再被检索到）',
    roles: ['centre'],
    body: KnowledgeVersionBody,
    response: KnowledgeEntry,
    idempotent: true,
  }),
  promoteAppealToKnowledge: r({
    method: 'POST',
    path: '/appeals/{appealId}/knowledge',
    group: 'knowledge',
    summary: '已办结的政策咨询转为知识库条目（待中心审核）',
    roles: ['officer', 'chief'],
    body: PromoteAppealBody,
    response: KnowledgeEntry,
    status: 201,
    idempotent: true,
  }),
  listKnowledgeGaps: r({ method: 'GET', path: '/knowledge/gaps', group: 'knowledge', summary: '知识缺口：未检索到满意答案的问题（按月）', roles: ['centre'], query: KnowledgeGapsQuery, response: pageOf(KnowledgeGap) }),
} satisfies GroupRoutes<'knowledge'>;
