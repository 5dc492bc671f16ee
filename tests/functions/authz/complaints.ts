import { handler } from '../../../functions/handlers/appeals';
import type { AuthzModule } from './module';

/**
 * The 督察 routes are the centre's alone: every other role is refused by the route's roles (403). The rules
 * that keep a complaint away from the officer it accuses are tested in ./complaints.test.ts.
 */
export const complaintsAuthz: AuthzModule = {
  handlers: { appeals: handler },
  cases: {
    centreComplaints: { query: { stationId: 'stb' } },
    centreComplaintCounts: {},
  },
};
