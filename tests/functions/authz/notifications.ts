import { handler } from '../../../functions/handlers/notifications';
import { notificationRepository } from '../../../functions/repositories/notification-repository';
import { notify } from '../../../functions/services/notification-service';
import { drainOutbox } from '../../support/outbox';
import type { AuthzModule } from './module';

/**
 * Every notification route acts on the caller's own box (and own grants and delivery log), so only
 * marking a notification read takes an id: station B's enterprise's notification, which no caller of
 * station A can reach (the key includes the box, so it answers 404).
 */
export const notificationsAuthz: AuthzModule = {
  handlers: { notifications: handler },
  cases: {
    listNotifications: 'self',
    unreadNotificationCount: 'self',
    markNotificationRead: { params: (i) => ({ notificationId: String(i.notificationId) }) },
    markAllNotificationsRead: 'self',
    subscribeTemplates: 'self',
    recordSubscriptions: 'self',
    listDeliveries: 'self',
  },
  setup: async ({ entB, entA2, b }) => {
    const now = new Date();
    await notify([`enterprise:${entB.id}`, `station:${b.stationId}`], { event: 'risk_warning', title: '越权测试预警', body: '只给乙方的消息' }, now);
    await notify([`enterprise:${entA2.id}`], { event: 'risk_warning', title: '同事企业的消息', body: '只给同事企业的消息' }, now);
    await drainOutbox();
    const foreignId = (await notificationRepository.list(`enterprise:${entB.id}`, { limit: 1 })).items[0].id;
    const colleagueId = (await notificationRepository.list(`enterprise:${entA2.id}`, { limit: 1 })).items[0].id;
    return { foreign: { notificationId: foreignId }, colleagues: { notificationId: colleagueId } };
  },
};
