import { Text, View } from '@tarojs/components';
import type { Notification } from '../../../../shared/schemas/notification';
import { formatDateTime } from '../appeals/appeal-format';
import { linkTarget } from './notification-links';
import './NotificationItem.scss';

export interface NotificationItemProps {
  notification: Notification;
  onOpen: (notification: Notification) => void;
}

/** One message: an unread dot until opened; tapping marks it read and opens what it is about. */
export function NotificationItem({ notification, onOpen }: NotificationItemProps) {
  const target = linkTarget(notification.link);
  const unread = notification.readAt === null;
  return (
    <View
      className={`notification-item app-card${unread ? ' notification-item--unread' : ''}`}
      hoverClass='notification-item--pressed'
      data-testid='notification-item'
      data-unread={unread ? 'true' : 'false'}
      onClick={() => onOpen(notification)}
    >
      <View className='notification-item__head'>
        {unread ? <View className='notification-item__dot' aria-label='未读' data-testid='unread-dot' /> : null}
        <Text className='notification-item__title'>{notification.title}</Text>
        <Text className='notification-item__time'>{formatDateTime(notification.at)}</Text>
      </View>
      <Text className='notification-item__body'>{notification.body}</Text>
      {target ? <Text className='notification-item__link'>{target.label} ›</Text> : null}
    </View>
  );
}
