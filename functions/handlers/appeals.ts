import { appealRoutes } from '../../shared/api/routes/appeals';
import { httpHandler } from '../lib/http';
import {
  actOnAppeal,
  authorName,
  complaintCounts,
  fileAppeal,
  getAppeal,
  listCentreQueue,
  listComplaints,
  listEnterpriseAppeals,
  listMessages,
  listStationQueue,
  officerInbox,
  postMessage,
  stationDaySummary,
  stationWeek,
} from '../services/appeal-service';

import { logged } from '../services/access-log-service';

export const handler = httpHandler(appealRoutes, {
  createAppeal: ({ caller, body, now }) => fileAppeal(caller, body, now),
  getAppeal: async ({ caller, params, now }) =>
    logged(caller, 'appeal', appealRoutes.getAppeal, now, await getAppeal(caller, params.appealId, now), (v) => [{ enterpriseId: v.appeal.enterpriseId, targetId: v.appeal.id }]),
  actOnAppeal: ({ caller, params, body, now }) => actOnAppeal(caller, params.appealId, body, now),
  listAppealMessages: ({ caller, params, query }) => listMessages(caller, params.appealId, query),
  postAppealMessage: async ({ caller, params, body, now }) => postMessage(caller, params.appealId, body.text, now, await authorName(caller), body.attachmentIds),
  listEnterpriseAppeals: async ({ caller, params, query, now }) =>
    logged(caller, 'appeals', appealRoutes.listEnterpriseAppeals, now, await listEnterpriseAppeals(caller, params.enterpriseId, query.group, query), () => [{ enterpriseId: params.enterpriseId }]),
  officerInbox: ({ caller, params, query }) => officerInbox(caller, params.officerId, query),
  stationQueue: ({ caller, params, query, now }) => listStationQueue(caller, params.stationId, query.view, query, now),
  stationQueueSummary: ({ caller, params, now }) => stationDaySummary(caller, params.stationId, now),
  stationWeek: ({ caller, params, now }) => stationWeek(caller, params.stationId, now),
  centreQueue: ({ caller, query, now }) => listCentreQueue(caller, query.view, query, now),
  centreComplaints: ({ caller, query }) => listComplaints(caller, query.stationId, query.open === 'true', query),
  centreComplaintCounts: ({ caller }) => complaintCounts(caller),
});
