import { enterpriseRoutes } from '../../shared/api/routes/enterprises';
import { httpHandler } from '../lib/http';
import { enterpriseFile, listMembers, reassignEnterprise, registerEnterprise, visibleEnterprise } from '../services/enterprise-service';
import { inviteStaff } from '../services/invite-service';

import { listAccessLog, logged } from '../services/access-log-service';
import { maskContact, maskMobile, maskName, maskPage } from '../../shared/domain/masking';
import type { EnterpriseChange } from '../../shared/privacy/rights';
import { enterpriseHistory, updateEnterprise } from '../services/enterprise-data-service';
import type { Principal } from '../../shared/domain/principal';
import type { EnterpriseFile } from '../../shared/schemas/enterprise';

// Police reads of an enterprise's data are access-logged (谁查看了我的档案): see access-log-service. Police
// see contact data masked; the full number comes from revealEnterpriseContact, which is logged too.
const policeView = <T>(caller: Principal, result: T, mask: (x: T) => T): T => (caller.role === 'enterprise' ? result : mask(result));
const maskFile = (f: EnterpriseFile): EnterpriseFile => ({
  ...f,
  enterprise: maskContact(f.enterprise),
  sections: { ...f.sections, ...(f.sections.bookings && { bookings: maskPage(f.sections.bookings, maskContact) }) },
});

async function revealContact(caller: Principal, enterpriseId: string) {
  const e = await visibleEnterprise(caller, enterpriseId);
  return { enterpriseId: e.id, contactName: e.contactName, contactMobile: e.contactMobile };
}

/** Police read the corrections with contact values masked, like the rest of the enterprise's data. */
const maskChange = (c: EnterpriseChange): EnterpriseChange => {
  const mask = c.field === 'contactMobile' ? maskMobile : c.field === 'contactName' ? maskName : null;
  return mask ? { ...c, from: typeof c.from === 'string' ? mask(c.from) : c.from, to: typeof c.to === 'string' ? mask(c.to) : c.to } : c;
};

export const handler = httpHandler(enterpriseRoutes, {
  updateEnterprise: ({ caller, params, body, now }) => updateEnterprise(caller, params.enterpriseId, body, now),
  enterpriseHistory: async ({ caller, params, query, now }) =>
    policeView(caller, await logged(caller, 'profile', enterpriseRoutes.enterpriseHistory, now, await enterpriseHistory(caller, params.enterpriseId, query), () => [{ enterpriseId: params.enterpriseId }]), (p) =>
      maskPage(p, (h) => ({ ...h, changes: h.changes.map(maskChange) })),
    ),
  registerEnterprise: ({ caller, body, now }) => registerEnterprise(caller, body, now),
  getEnterprise: async ({ caller, params, now }) =>
    policeView(caller, await logged(caller, 'profile', enterpriseRoutes.getEnterprise, now, await visibleEnterprise(caller, params.enterpriseId), (e) => [{ enterpriseId: e.id }]), maskContact),
  getEnterpriseFile: async ({ caller, params, query, now }) =>
    policeView(caller, await logged(caller, 'file', enterpriseRoutes.getEnterpriseFile, now, await enterpriseFile(caller, params.enterpriseId, query.sections), (f) => [{ enterpriseId: f.enterprise.id }]), maskFile),
  revealEnterpriseContact: async ({ caller, params, now }) =>
    logged(caller, 'contact', enterpriseRoutes.revealEnterpriseContact, now, await revealContact(caller, params.enterpriseId), (c) => [{ enterpriseId: c.enterpriseId }]),
  reassignEnterprise: ({ caller, params, body, now }) => reassignEnterprise(caller, params.enterpriseId, body.officerId, body.version, now),
  listEnterpriseMembers: async ({ caller, params, query, now }) =>
    policeView(caller, await logged(caller, 'members', enterpriseRoutes.listEnterpriseMembers, now, await listMembers(caller, params.enterpriseId, query), () => [{ enterpriseId: params.enterpriseId }]), (p) =>
      maskPage(p, (m) => ({ ...m, displayName: maskName(m.displayName) })),
    ),
  enterpriseAccessLog: ({ caller, params, query, now }) => listAccessLog(caller, params.enterpriseId, query, now),
  inviteEnterpriseStaff: ({ caller, params, now }) => inviteStaff(caller, params.enterpriseId, now),
});
