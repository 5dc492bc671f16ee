import { handler as auth } from '../../../functions/handlers/auth';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as officers } from '../../../functions/handlers/officers';
import { handler as reports } from '../../../functions/handlers/reports';
import type { AuthzModule } from './module';

/**
 * 隐私与数据: consent, export and 注销 act on the caller only ('self'); corrections only by the enterprise's own
 * members; its history for whoever may see the enterprise; deactivating an officer only by its station's chief
 * or the centre.
 */
export const privacyAuthz: AuthzModule = {
  handlers: { auth, enterprises, officers, reports },
  cases: {
    giveConsent: 'self',
    deleteAccount: 'self',
    exportMyData: 'self',
    updateEnterprise: { params: (i) => ({ enterpriseId: i.enterpriseId }), body: (i) => ({ version: i.version, contactName: '越权修改' }) },
    enterpriseHistory: { params: (i) => ({ enterpriseId: i.enterpriseId }) },
    deactivateOfficer: { params: (i) => ({ officerId: i.officerId }), body: () => ({ version: 1 }) },
  },
};
