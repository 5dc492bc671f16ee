import { handler } from '../../../functions/handlers/knowledge';
import type { AuthzModule } from './module';

export const knowledgeAuthz: AuthzModule = {
  handlers: { knowledge: handler },
  cases: {},
};
