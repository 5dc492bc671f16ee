import { httpHandler } from '../lib/http';
import { handOverEnterprises, listOfficerEnterprises } from '../services/enterprise-service';
import { reissueOfficerInvite } from '../services/invite-service';
import { createOfficer, getOfficer, setOfficerLeave } from '../services/organisation-service';

export const handler = httpHandler({
  createOfficer: ({ caller, body, now }) => createOfficer(caller, body, now),
  getOfficer: ({ caller, params }) => getOfficer(caller, params.officerId),
  setOfficerLeave: ({ caller, params, body }) => setOfficerLeave(caller, params.officerId, body.onLeave, body.version),
  reissueOfficerInvite: ({ caller, params, now }) => reissueOfficerInvite(caller, params.officerId, now),
  listOfficerEnterprises: ({ caller, params, query }) => listOfficerEnterprises(caller, params.officerId, query),
  handOverEnterprises: ({ caller, params, body, now }) => handOverEnterprises(caller, params.officerId, body.toOfficerIds, now),
});
