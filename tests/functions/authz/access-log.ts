import { handler } from '../../../functions/handlers/enterprises';
import type { AuthzModule } from './module';

/**
 * 谁查看了我的档案: members of the enterprise and the centre only (police of the enterprise's own station are
 * refused by role); the contact reveal: police who may see the enterprise.
 */
export const accessLogAuthz: AuthzModule = {
  handlers: { enterprises: handler },
  cases: {
    enterpriseAccessLog: { params: (i) => ({ enterpriseId: i.enterpriseId }) },
    revealEnterpriseContact: { params: (i) => ({ enterpriseId: i.enterpriseId }) },
  },
};
