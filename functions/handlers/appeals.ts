import { httpHandler } from '../lib/http';
import {
  actOnAppeal,
  authorName,
  fileAppeal,
  getAppeal,
  listCentreQueue,
  listEnterpriseAppeals,
  listMessages,
  listStationQueue,
  officerInbox,
  postMessage,
  stationDaySummary,
  stationWeek,
} from '../services/appeal-service';

export const handler = httpHandler({
  createAppeal: ({ caller, body, now }) => fileAppeal(caller, body, now),
  getAppeal: ({ caller, params, now }) => getAppeal(caller, params.appealId, now),
  actOnAppeal: ({ caller, params, body, now }) => actOnAppeal(caller, params.appealId, body, now),
  listAppealMessages: ({ caller, params, query }) => listMessages(caller, params.appealId, query),
  postAppealMessage: async ({ caller, params, body, now }) => postMessage(caller, params.appealId, body.text, now, await authorName(caller)),
  listEnterpriseAppeals: ({ caller, params, query }) => listEnterpriseAppeals(caller, params.enterpriseId, query.group, query),
  officerInbox: ({ caller, params, query }) => officerInbox(caller, params.officerId, query),
  stationQueue: ({ caller, params, query, now }) => listStationQueue(caller, params.stationId, query.view, query, now),
  stationQueueSummary: ({ caller, params, now }) => stationDaySummary(caller, params.stationId, now),
  stationWeek: ({ caller, params, now }) => stationWeek(caller, params.stationId, now),
  centreQueue: ({ caller, query, now }) => listCentreQueue(caller, query.view, query, now),
});
