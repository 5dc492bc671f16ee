import { Text, View } from '@tarojs/components';
import type { Notification } from '../../../../../../shared/schemas/notification';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { formatDateTime } from '../../../../features/appeals/appeal-format';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { openPage, restartAt } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import './index.scss';

function NotificationItem({ notification }: { notification: Notification }) {
  const linked = Boolean(notification.appealId);
  return (
    <View
      className={`notification-item app-card${linked ? ' notification-item--link' : ''}`}
      hoverClass={linked ? 'notification-item--pressed' : 'none'}
      data-testid='notification-item'
      onClick={() => {
        if (notification.appealId) void openPage('appealDetail', { id: notification.appealId });
      }}
    >
      <View className='notification-item__head'>
        <Text className='notification-item__title'>{notification.title}</Text>
        <Text className='notification-item__time'>{formatDateTime(notification.at)}</Text>
      </View>
      <Text className='notification-item__body'>{notification.body}</Text>
      {linked ? <Text className='notification-item__link'>查看诉求 ›</Text> : null}
    </View>
  );
}

/** 消息: in-app notifications, newest first; those about an appeal open it. */
export default function NotificationsPage() {
  const me = useMe();
  const allowed = Boolean(me && me.role !== 'guest');
  const list = usePaged((cursor) => api('listNotifications', { query: { cursor, limit: 20 } }), [], allowed);
  usePageRefresh(list.refresh, list.loadMore);

  if (!allowed) {
    return (
      <View className='app-page'>
        <StatusView variant='empty' message='完成企业注册或绑定民警账号后可查看消息' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }

  return (
    <View className='app-page notifications-page' data-testid='notifications-page'>
      <RefreshBar title='消息' onRefresh={list.refresh} refreshing={list.loading} />
      <PagedList
        state={list}
        loadingMessage='正在加载消息…'
        emptyMessage='暂无消息'
        emptyHint='诉求有新进展时会通知您。'
        renderItem={(n) => <NotificationItem key={n.id} notification={n} />}
      />
    </View>
  );
}
