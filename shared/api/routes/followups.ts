/** 回访: the station's follow-up tasks after appeals close (served by the fieldwork function: it is field work). */
import { FollowUpListQuery, FollowUpTask, RecordFollowUpBody } from '../../followups/schemas';
import { pageOf } from '../../schemas/common';
import { POLICE, r, type GroupRoutes } from '../route-spec';

export const followUpRoutes = {
  stationFollowUps: r({
    method: 'GET',
    path: '/stations/{stationId}/followups',
    group: 'fieldwork',
    summary: '本所回访任务：待回访（到期早的在前）或已回访（新登记的在前）',
    roles: POLICE,
    query: FollowUpListQuery,
    response: pageOf(FollowUpTask),
  }),
  getFollowUp: r({ method: 'GET', path: '/followups/{followUpId}', group: 'fieldwork', summary: '回访任务详情', roles: POLICE, response: FollowUpTask }),
  recordFollowUp: r({
    method: 'POST',
    path: '/followups/{followUpId}/record',
    group: 'fieldwork',
    summary: '登记回访结果（是否联系上、回访后满意程度、情况说明；只能登记一次）',
    roles: ['officer', 'chief'],
    body: RecordFollowUpBody,
    response: FollowUpTask,
    idempotent: true,
  }),
} satisfies GroupRoutes<'fieldwork'>;
