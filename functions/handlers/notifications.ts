import { httpHandler } from '../lib/http';
import { listNotifications } from '../services/notification-service';

export const handler = httpHandler({
  listNotifications: ({ caller, query }) => listNotifications(caller, query),
});
