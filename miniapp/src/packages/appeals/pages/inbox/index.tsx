import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { deadlineState } from '../../../../features/appeals/appeal-format';
import { AppealItem } from '../../../../features/appeals/AppealItem';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { openPage, restartAt } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import './index.scss';
import { pageScaleStyle } from '../../../../services/text-size';

/** 我的待办: the officer's open appeals, the nearest deadline first (the server's order). */
export default function OfficerInboxPage() {
  const me = useMe();
  const officerId = me?.officer?.id;
  const inbox = usePaged((cursor) => api('officerInbox', { params: { officerId: officerId! }, query: { cursor, limit: 20 } }), [officerId], Boolean(officerId));
  usePageRefresh(inbox.refresh, inbox.loadMore);

  const [shownOnce, setShownOnce] = useState(false);
  useDidShow(() => {
    if (shownOnce) void inbox.refresh();
    setShownOnce(true);
  });

  if (!officerId) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message='未找到您的民警信息' hint='请联系所长或助企警务中心核对账号。' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }

  const now = Date.now();
  const overdue = inbox.items.filter((a) => deadlineState(a.status, a.dueAt, now) === 'overdue').length;
  const dueToday = inbox.items.filter((a) => deadlineState(a.status, a.dueAt, now) === 'due_today').length;

  return (
    <View style={pageScaleStyle()} className='app-page officer-inbox' data-testid='officer-inbox'>
      <View className='officer-inbox__figures'>
        <View className='officer-inbox__figure'>
          <Text className='officer-inbox__value'>
            {inbox.items.length}
            {inbox.hasMore ? '+' : ''}
          </Text>
          <Text className='officer-inbox__label'>待办</Text>
        </View>
        <View className='officer-inbox__figure officer-inbox__figure--danger'>
          <Text className='officer-inbox__value'>{overdue}</Text>
          <Text className='officer-inbox__label'>已超期</Text>
        </View>
        <View className='officer-inbox__figure officer-inbox__figure--warning'>
          <Text className='officer-inbox__value'>{dueToday}</Text>
          <Text className='officer-inbox__label'>今日到期</Text>
        </View>
      </View>
      <RefreshBar title='待办诉求' extra='按办理时限排序' onRefresh={inbox.refresh} refreshing={inbox.loading} />
      <PagedList
        state={inbox}
        columns
        loadingMessage='正在加载待办…'
        emptyMessage='暂无待办诉求'
        emptyHint='企业提交的诉求会第一时间出现在这里。'
        renderItem={(appeal) => <AppealItem key={appeal.id} appeal={appeal} audience='police' hideOfficer now={now} onOpen={(a) => openPage('appealDetail', { id: a.id })} />}
      />
    </View>
  );
}
