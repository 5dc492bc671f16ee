/** 政策咨询知识库：条目维护与中文检索. */
import { type RouteSpec } from '../route-spec';

export const knowledgeRoutes = {} satisfies Record<string, RouteSpec>;
