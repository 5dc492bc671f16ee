/** 消息: the in-app notification centre and WeChat subscribe-message grants. */
import { PageQuery, pageOf } from '../../schemas/common';
import { Notification } from '../../schemas/notification';
import { Delivery, MarkedAllRead, MarkedRead, NotificationListQuery, SubscribeTemplates, SubscriptionResults, SubscriptionsRecorded, UnreadCount } from '../../notifications/schemas';
import { SEES_ENTERPRISE, r, type GroupRoutes } from '../route-spec';

export const notificationRoutes = {
  listNotifications: r({ method: 'GET', path: '/notifications', group: 'notifications', summary: '我的站内消息（可只看未读）', roles: SEES_ENTERPRISE, query: NotificationListQuery, response: pageOf(Notification) }),
  unreadNotificationCount: r({ method: 'GET', path: '/notifications/unread-count', group: 'notifications', summary: '未读消息数', roles: SEES_ENTERPRISE, response: UnreadCount }),
  markNotificationRead: r({ method: 'POST', path: '/notifications/{notificationId}/read', group: 'notifications', summary: '标记一条消息为已读（重复标记无影响）', roles: SEES_ENTERPRISE, response: MarkedRead }),
  markAllNotificationsRead: r({ method: 'POST', path: '/notifications/read-all', group: 'notifications', summary: '全部标记为已读', roles: SEES_ENTERPRISE, response: MarkedAllRead }),
  subscribeTemplates: r({ method: 'GET', path: '/notifications/templates', group: 'notifications', summary: '可订阅的微信消息模板及剩余可接收次数', roles: SEES_ENTERPRISE, response: SubscribeTemplates }),
  recordSubscriptions: r({
    method: 'POST',
    path: '/notifications/subscriptions',
    group: 'notifications',
    summary: '记录微信订阅结果（每次“允许”可接收一条消息）',
    roles: SEES_ENTERPRISE,
    body: SubscriptionResults,
    response: SubscriptionsRecorded,
    idempotent: true,
  }),
  listDeliveries: r({
    method: 'GET',
    path: '/notifications/deliveries',
    group: 'notifications',
    summary: '我的微信消息发送记录（含错误码，供排查）',
    roles: SEES_ENTERPRISE,
    query: PageQuery,
    response: pageOf(Delivery),
  }),
} satisfies GroupRoutes<'notifications'>;
