import { handler } from '../../../functions/handlers/bulletins';
import type { AuthzModule } from './module';

export const bulletinsAuthz: AuthzModule = {
  handlers: { bulletins: handler },
  cases: {},
};
