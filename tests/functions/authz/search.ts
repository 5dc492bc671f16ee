/**
 * 警务检索: the search routes take no record id, so there is no foreign id to aim them at ('self'); the
 * role gates still walk them (enterprises and guests: 403), and authorization.test.ts checks that what
 * they return stays within the caller's scope (another station's names, a colleague's enterprise and appeal).
 */
import type { AuthzModule } from './module';

export const searchAuthz: AuthzModule = {
  handlers: {},
  cases: { searchEnterprises: 'self', searchAppeals: 'self' },
};
