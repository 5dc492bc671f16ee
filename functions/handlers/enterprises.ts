import { httpHandler } from '../lib/http';
import { enterpriseFile, listMembers, reassignEnterprise, registerEnterprise, visibleEnterprise } from '../services/enterprise-service';
import { inviteStaff } from '../services/invite-service';

export const handler = httpHandler({
  registerEnterprise: ({ caller, body, now }) => registerEnterprise(caller, body, now),
  getEnterprise: ({ caller, params }) => visibleEnterprise(caller, params.enterpriseId),
  getEnterpriseFile: ({ caller, params, query }) => enterpriseFile(caller, params.enterpriseId, query.sections),
  reassignEnterprise: ({ caller, params, body, now }) => reassignEnterprise(caller, params.enterpriseId, body.officerId, body.version, now),
  listEnterpriseMembers: ({ caller, params, query }) => listMembers(caller, params.enterpriseId, query),
  inviteEnterpriseStaff: ({ caller, params, now }) => inviteStaff(caller, params.enterpriseId, now),
});
