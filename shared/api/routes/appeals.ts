/** The `appeals` function (诉求闭环): filing, acting, messages, the queues, and complaints (complaints.ts). */
import { AppealActionBody, CreateAppealBody, MessageBody } from '../../appeals/schemas';
import { AppealMessage, AppealSummary, AppealView, CentreQueueQuery, EnterpriseAppealsQuery, StationDaySummary, StationQueueQuery, StationWeek } from '../../appeals/views';
import { PageQuery, pageOf } from '../../schemas/common';
import { MANAGERS, POLICE, SEES_ENTERPRISE, r, type GroupRoutes } from '../route-spec';
import { complaintRoutes } from './complaints';

export const appealRoutes = {
  createAppeal: r({
    method: 'POST',
    path: '/appeals',
    group: 'appeals',
    summary: '提交诉求（政策咨询、矛盾纠纷、意见建议、求助）',
    roles: ['enterprise'],
    body: CreateAppealBody,
    response: AppealView,
    status: 201,
    idempotent: true,
    personalData: true,
  }),
  getAppeal: r({ method: 'GET', path: '/appeals/{appealId}', group: 'appeals', summary: '诉求详情、办理记录与当前可执行的操作', roles: SEES_ENTERPRISE, response: AppealView }),
  actOnAppeal: r({
    method: 'POST',
    path: '/appeals/{appealId}/actions',
    group: 'appeals',
    summary: '办理操作：受理、转办、办结、评价等（按版本号防并发）',
    roles: SEES_ENTERPRISE,
    body: AppealActionBody,
    response: AppealView,
    idempotent: true,
    personalData: true,
  }),
  listAppealMessages: r({ method: 'GET', path: '/appeals/{appealId}/messages', group: 'appeals', summary: '诉求留言', roles: SEES_ENTERPRISE, query: PageQuery, response: pageOf(AppealMessage) }),
  postAppealMessage: r({
    method: 'POST',
    path: '/appeals/{appealId}/messages',
    group: 'appeals',
    summary: '发送留言（中心仅限其办理的投诉）',
    roles: ['enterprise', 'officer', 'chief', 'centre'],
    body: MessageBody,
    response: AppealMessage,
    status: 201,
    idempotent: true,
    personalData: true,
  }),
  listEnterpriseAppeals: r({
    method: 'GET',
    path: '/enterprises/{enterpriseId}/appeals',
    group: 'appeals',
    summary: '企业的诉求（可按办理中/待评价/已完结筛选）',
    roles: SEES_ENTERPRISE,
    query: EnterpriseAppealsQuery,
    response: pageOf(AppealSummary),
  }),
  officerInbox: r({ method: 'GET', path: '/officers/{officerId}/inbox', group: 'appeals', summary: '联络官待办（按时限排序）', roles: POLICE, query: PageQuery, response: pageOf(AppealSummary) }),
  stationQueue: r({ method: 'GET', path: '/stations/{stationId}/queue', group: 'appeals', summary: '所长每日队列', roles: MANAGERS, query: StationQueueQuery, response: pageOf(AppealSummary) }),
  stationQueueSummary: r({ method: 'GET', path: '/stations/{stationId}/queue/summary', group: 'appeals', summary: '所长每日队列计数与评价', roles: MANAGERS, response: StationDaySummary }),
  stationWeek: r({ method: 'GET', path: '/stations/{stationId}/queue/week', group: 'appeals', summary: '近7天新增与办结、按时办结率', roles: MANAGERS, response: StationWeek }),
  centreQueue: r({ method: 'GET', path: '/centre/queue', group: 'appeals', summary: '助企警务中心：全区在办、超期与三级纠纷', roles: ['centre'], query: CentreQueueQuery, response: pageOf(AppealSummary) }),
  ...complaintRoutes,
} satisfies GroupRoutes<'appeals'>;
