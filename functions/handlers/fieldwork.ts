import { fieldworkRoutes } from '../../shared/api/routes/fieldwork';
import { httpHandler } from '../lib/http';
import {
  actOnRectification,
  getPlan,
  getRectification,
  getVisit,
  getVisitPolicy,
  listEnterpriseVisits,
  listOfficerLedger,
  listOfficerVisits,
  listStationLedger,
  logVisit,
  officerVisitsDue,
  openRectificationFromRating,
  putPlan,
  putVisitPolicy,
  stationVisitsDuePage,
} from '../services/fieldwork-service';

import { logged } from '../services/access-log-service';
import { getFollowUp, listStationFollowUps, recordFollowUp } from '../services/followup-service';

export const handler = httpHandler(fieldworkRoutes, {
  createVisit: ({ caller, body, now }) => logVisit(caller, body, now),
  getVisit: async ({ caller, params, now }) => logged(caller, 'visit', fieldworkRoutes.getVisit, now, await getVisit(caller, params.visitId), (v) => [{ enterpriseId: v.enterpriseId, targetId: v.id }]),
  listEnterpriseVisits: async ({ caller, params, query, now }) =>
    logged(caller, 'visits', fieldworkRoutes.listEnterpriseVisits, now, await listEnterpriseVisits(caller, params.enterpriseId, query), () => [{ enterpriseId: params.enterpriseId }]),
  listOfficerVisits: ({ caller, params, query }) => listOfficerVisits(caller, params.officerId, query),
  officerVisitsDue: ({ caller, params, query, now }) => officerVisitsDue(caller, params.officerId, query.view, query, now),
  stationVisitsDue: ({ caller, params, query, now }) => stationVisitsDuePage(caller, params.stationId, query.view, query, now),
  getVisitPolicy: ({ caller, params }) => getVisitPolicy(caller, params.stationId),
  putVisitPolicy: ({ caller, params, body }) => putVisitPolicy(caller, params.stationId, body),
  createRectification: ({ caller, body, now }) => openRectificationFromRating(caller, body, now),
  getRectification: async ({ caller, params, now }) =>
    logged(caller, 'rectification', fieldworkRoutes.getRectification, now, await getRectification(caller, params.rectificationId, now), (r) => [{ enterpriseId: r.enterpriseId, targetId: r.id }]),
  actOnRectification: ({ caller, params, body, now }) => actOnRectification(caller, params.rectificationId, body, now),
  stationRectifications: ({ caller, params, query, now }) => listStationLedger(caller, params.stationId, query.status, query, now),
  officerRectifications: ({ caller, params, query, now }) => listOfficerLedger(caller, params.officerId, query.status, query, now),
  getServicePlan: async ({ caller, params, now }) => logged(caller, 'plan', fieldworkRoutes.getServicePlan, now, await getPlan(caller, params.enterpriseId), () => [{ enterpriseId: params.enterpriseId }]),
  putServicePlan: ({ caller, params, body, now }) => putPlan(caller, params.enterpriseId, body, now),
  stationFollowUps: ({ caller, params, query }) => listStationFollowUps(caller, params.stationId, query.status, query),
  getFollowUp: ({ caller, params }) => getFollowUp(caller, params.followUpId),
  recordFollowUp: ({ caller, params, body, now }) => recordFollowUp(caller, params.followUpId, body, now),
});
