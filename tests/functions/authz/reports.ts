import { handler } from '../../../functions/handlers/reports';
import type { AuthzModule } from './module';

export const reportsAuthz: AuthzModule = {
  handlers: { reports: handler },
  cases: {},
};
