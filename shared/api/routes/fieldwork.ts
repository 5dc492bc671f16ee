/** 走访记录、一企一策、问题整改台账. */
import { z } from 'zod';
import { PageQuery, pageOf } from '../../schemas/common';
import {
  CreateRectificationBody,
  CreateVisitBody,
  Rectification,
  PutServicePlanBody,
  PutVisitPolicyBody,
  RectificationActionBody,
  RectificationListQuery,
  RectificationView,
  ServicePlan,
  Visit,
  VisitDueItem,
  VisitListQuery,
  VisitPolicy,
  VisitsDueQuery,
} from '../../fieldwork/schemas';
import { MANAGERS, POLICE, SEES_ENTERPRISE, r, type RouteSpec } from '../route-spec';

const OFFICERS = ['officer', 'chief'] as const;

export const fieldworkRoutes = {
  createVisit: r({ method: 'POST', path: '/visits', group: 'fieldwork', summary: '登记走访（发现的问题可一步转整改/转诉求）', roles: OFFICERS, body: CreateVisitBody, response: z.object({ visit: Visit, rectifications: z.array(Rectification) }), status: 201 , idempotent: true }),
  getVisit: r({ method: 'GET', path: '/visits/{visitId}', group: 'fieldwork', summary: '走访记录详情', roles: POLICE, response: Visit }),
  listEnterpriseVisits: r({ method: 'GET', path: '/enterprises/{enterpriseId}/visits', group: 'fieldwork', summary: '企业的走访记录（新的在前，仅民警可见）', roles: POLICE, query: PageQuery, response: pageOf(Visit) }),
  listOfficerVisits: r({ method: 'GET', path: '/officers/{officerId}/visits', group: 'fieldwork', summary: '联络官的走访记录（可按日期范围）', roles: POLICE, query: VisitListQuery, response: pageOf(Visit) }),
  officerVisitsDue: r({ method: 'GET', path: '/officers/{officerId}/visits-due', group: 'fieldwork', summary: '联络官负责企业的走访情况：逾期未走访或全部（最久未走访在前）', roles: POLICE, query: VisitsDueQuery, response: pageOf(VisitDueItem) }),
  stationVisitsDue: r({ method: 'GET', path: '/stations/{stationId}/visits-due', group: 'fieldwork', summary: '本所企业走访情况：逾期未走访或全部', roles: MANAGERS, query: VisitsDueQuery, response: pageOf(VisitDueItem) }),
  getVisitPolicy: r({ method: 'GET', path: '/stations/{stationId}/visit-policy', group: 'fieldwork', summary: '走访周期（每月走访规则）', roles: MANAGERS, response: VisitPolicy }),
  putVisitPolicy: r({ method: 'PUT', path: '/stations/{stationId}/visit-policy', group: 'fieldwork', summary: '设置走访周期', roles: MANAGERS, body: PutVisitPolicyBody, response: VisitPolicy }),
  createRectification: r({ method: 'POST', path: '/rectifications', group: 'fieldwork', summary: '不满意评价转整改', roles: OFFICERS, body: CreateRectificationBody, response: RectificationView, status: 201 , idempotent: true }),
  getRectification: r({ method: 'GET', path: '/rectifications/{rectificationId}', group: 'fieldwork', summary: '整改事项详情', roles: POLICE, response: RectificationView }),
  actOnRectification: r({ method: 'POST', path: '/rectifications/{rectificationId}/actions', group: 'fieldwork', summary: '整改操作：开始整改、整改完成、销号（按版本号防并发）', roles: POLICE, body: RectificationActionBody, response: RectificationView , idempotent: true }),
  stationRectifications: r({ method: 'GET', path: '/stations/{stationId}/rectifications', group: 'fieldwork', summary: '本所问题整改台账（按状态、期限）', roles: MANAGERS, query: RectificationListQuery, response: pageOf(RectificationView) }),
  officerRectifications: r({ method: 'GET', path: '/officers/{officerId}/rectifications', group: 'fieldwork', summary: '联络官负责的整改事项', roles: POLICE, query: RectificationListQuery, response: pageOf(RectificationView) }),
  getServicePlan: r({ method: 'GET', path: '/enterprises/{enterpriseId}/plan', group: 'fieldwork', summary: '一企一策服务方案', roles: SEES_ENTERPRISE, response: ServicePlan }),
  putServicePlan: r({ method: 'PUT', path: '/enterprises/{enterpriseId}/plan', group: 'fieldwork', summary: '编辑一企一策服务方案（按版本号防并发）', roles: POLICE, body: PutServicePlanBody, response: ServicePlan }),
} satisfies Record<string, RouteSpec>;
