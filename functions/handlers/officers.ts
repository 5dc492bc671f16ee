import { officerRoutes } from '../../shared/api/routes/officers';
import { httpHandler } from '../lib/http';
import { handOverEnterprises, listOfficerEnterprises } from '../services/enterprise-service';
import { reissueOfficerInvite } from '../services/invite-service';
import { createOfficer, deactivateOfficer, getOfficer, setOfficerLeave } from '../services/organisation-service';

import { logged } from '../services/access-log-service';
import { endOfficerSessions, officerSessions } from '../services/session-service';
import { maskContact, maskPage } from '../../shared/domain/masking';

export const handler = httpHandler(officerRoutes, {
  createOfficer: ({ caller, body, now }) => createOfficer(caller, body, now),
  getOfficer: ({ caller, params }) => getOfficer(caller, params.officerId),
  setOfficerLeave: ({ caller, params, body }) => setOfficerLeave(caller, params.officerId, body.onLeave, body.version),
  deactivateOfficer: ({ caller, params, body, now }) => deactivateOfficer(caller, params.officerId, body.version, now),
  reissueOfficerInvite: ({ caller, params, now }) => reissueOfficerInvite(caller, params.officerId, now),
  listOfficerEnterprises: async ({ caller, params, query, now }) =>
    logged(caller, 'list', officerRoutes.listOfficerEnterprises, now, await listOfficerEnterprises(caller, params.officerId, query), (p) => p.items.map((e) => ({ enterpriseId: e.id }))).then((p) =>
      maskPage(p, maskContact),
    ),
  handOverEnterprises: ({ caller, params, body, now }) => handOverEnterprises(caller, params.officerId, body.toOfficerIds, now),
  listOfficerSessions: ({ caller, params }) => officerSessions(caller, params.officerId),
  endOfficerSessions: ({ caller, params, body, now }) => endOfficerSessions(caller, params.officerId, body.sessionId, now),
});
