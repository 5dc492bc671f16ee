import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import type { Notification } from '../../../../../../shared/schemas/notification';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { SubscribeButton } from '../../../../components/SubscribeButton';
import { NotificationItem } from '../../../../features/notifications/NotificationItem';
import { linkTarget } from '../../../../features/notifications/notification-links';
import { useMe, usePaged, usePageRefresh, useRequest } from '../../../../services/hooks';
import { openPage, restartAt } from '../../../../services/navigation';
import { unreadCountChanged, useUnreadCount } from '../../../../services/notifications';
import { api } from '../../../../services/request';
import './index.scss';
import { pageScaleStyle } from '../../../../services/text-size';

type Filter = 'all' | 'unread';

/** 消息: the box's notifications, newest first; unread ones carry a dot; tapping opens what they are about. */
export default function NotificationsPage() {
  const me = useMe();
  const allowed = Boolean(me && me.role !== 'guest');
  const [filter, setFilter] = useState<Filter>('all');
  const [readIds, setReadIds] = useState<Record<string, string>>({});
  const list = usePaged((cursor) => api('listNotifications', { query: { cursor, limit: 20, unread: filter === 'unread' ? 'true' : undefined } }), [filter], allowed);
  const unread = useUnreadCount();
  const templates = useRequest(() => api('subscribeTemplates', { silent: true }), [], allowed);
  const refresh = async () => {
    setReadIds({});
    await Promise.all([list.refresh(), unread.reload(), templates.reload()]);
  };
  usePageRefresh(refresh, list.loadMore);

  if (!allowed) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='完成企业注册或绑定民警账号后可查看消息' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }

  const open = (n: Notification) => {
    const target = linkTarget(n.link);
    if (n.readAt === null && !readIds[n.id]) {
      setReadIds((prev) => ({ ...prev, [n.id]: new Date().toISOString() }));
      void api('markNotificationRead', { params: { notificationId: n.id }, silent: true })
        .then(() => unreadCountChanged())
        .catch(() => {
          // Stays unread on the server; the next refresh shows the dot again.
        });
    }
    if (target) void openPage(target.page, target.query);
  };

  const readAll = async () => {
    const answer = await Taro.showModal({ title: '全部标为已读', content: `将 ${unread.label ?? '所有'} 条未读消息标为已读，确定吗？`, confirmText: '全部已读', cancelText: '取消' });
    if (!answer.confirm) return;
    const { marked } = await api('markAllNotificationsRead');
    void Taro.showToast({ title: marked > 0 ? `已将 ${marked} 条消息标为已读` : '没有未读消息', icon: 'none' });
    unreadCountChanged();
    await list.refresh();
    setReadIds({});
  };

  const shown = list.items.map((n) => (readIds[n.id] && n.readAt === null ? { ...n, readAt: readIds[n.id] } : n));

  return (
    <View style={pageScaleStyle()} className='app-page notifications-page' data-testid='notifications-page'>
      <RefreshBar title='消息' extra={unread.label ? `${unread.label} 条未读` : undefined} onRefresh={() => void refresh()} refreshing={list.loading} />
      <View className='notifications-page__tools'>
        <ChoiceChips<Filter>
          layout='scroll'
          testId='notification-filter'
          options={[
            { key: 'all', label: '全部' },
            { key: 'unread', label: '未读', count: unread.count ?? undefined },
          ]}
          value={filter}
          onChange={setFilter}
        />
        <Button className='app-button app-button--text notifications-page__read-all' disabled={!unread.count} data-testid='read-all' onClick={() => void readAll()}>
          全部已读
        </Button>
      </View>
      {templates.data ? <SubscribeButton templates={templates.data.items} onRecorded={() => void templates.reload()} /> : null}
      <PagedList
        state={{ ...list, items: shown }}
        loadingMessage='正在加载消息…'
        emptyMessage={filter === 'unread' ? '没有未读消息' : '暂无消息'}
        emptyHint={filter === 'unread' ? '新的提醒会显示在这里。' : '诉求、预约和预警有新进展时会通知您。'}
        renderItem={(n) => <NotificationItem key={n.id} notification={n} onOpen={open} />}
      />
    </View>
  );
}
