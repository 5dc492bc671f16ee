import { notificationRoutes } from '../../shared/api/routes/notifications';
import { httpHandler } from '../lib/http';
import { listDeliveries, listNotifications, markAllRead, markRead, recordSubscriptions, subscribeTemplates, unreadCount } from '../services/notification-service';

export const handler = httpHandler(notificationRoutes, {
  listNotifications: ({ caller, query }) => listNotifications(caller, query),
  unreadNotificationCount: ({ caller }) => unreadCount(caller),
  markNotificationRead: ({ caller, params, now }) => markRead(caller, params.notificationId, now),
  markAllNotificationsRead: ({ caller, now }) => markAllRead(caller, now),
  subscribeTemplates: ({ caller }) => subscribeTemplates(caller),
  recordSubscriptions: ({ caller, body, now }) => recordSubscriptions(caller, body, now),
  listDeliveries: ({ caller, query }) => listDeliveries(caller, query),
});
