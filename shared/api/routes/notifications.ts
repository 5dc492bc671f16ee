/** 消息: the in-app notification centre and WeChat subscribe-message grants. */
import { PageQuery, pageOf } from '../../schemas/common';
import { Notification } from '../../schemas/notification';
import { SEES_ENTERPRISE, r, type RouteSpec } from '../route-spec';

export const notificationRoutes = {
  listNotifications: r({ method: 'GET', path: '/notifications', group: 'notifications', summary: '我的站内消息', roles: SEES_ENTERPRISE, query: PageQuery, response: pageOf(Notification) }),
} satisfies Record<string, RouteSpec>;
