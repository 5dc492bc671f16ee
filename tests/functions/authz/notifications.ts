import { handler } from '../../../functions/handlers/notifications';
import type { AuthzModule } from './module';

export const notificationsAuthz: AuthzModule = {
  handlers: { notifications: handler },
  cases: {
    listNotifications: 'self',
  },
};
