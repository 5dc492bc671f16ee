import { handler } from '../../../functions/handlers/fieldwork';
import type { AuthzModule } from './module';

export const fieldworkAuthz: AuthzModule = {
  handlers: { fieldwork: handler },
  cases: {},
};
