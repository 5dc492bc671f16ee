import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { FollowUpStatus } from '../../../../../../shared/followups/rules';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { FollowUpItem } from '../../../../features/followups/FollowUpItem';
import { today as todayOf } from '../../../../features/fieldwork/format';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { openPage, restartAt } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

const TABS: { key: FollowUpStatus; label: string }[] = [
  { key: 'pending', label: '待回访' },
  { key: 'done', label: '已回访' },
];

/** 回访: the station's follow-up tasks after appeals close — 待回访 due first, 已回访 newest first. */
export default function FollowUpsPage() {
  const { params } = useRouter();
  const me = useMe();
  const [tab, setTab] = useState<FollowUpStatus>('pending');
  const stationId = me?.role === 'centre' ? params.stationId : me?.role === 'officer' || me?.role === 'chief' ? (me.station?.id ?? me.officer?.stationId) : undefined;
  const list = usePaged((cursor) => api('stationFollowUps', { params: { stationId: stationId! }, query: { cursor, limit: 20, status: tab } }), [tab, stationId], Boolean(stationId));
  usePageRefresh(list.refresh, list.loadMore);
  const [shownOnce, setShownOnce] = useState(false);
  useDidShow(() => {
    if (shownOnce) void list.refresh();
    setShownOnce(true);
  });

  if (!stationId) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message={me?.role === 'centre' ? '请从统计页选择派出所查看回访' : '回访仅供本所民警使用'} actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }
  const today = todayOf();
  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='followups-page'>
      <ChoiceChips testId='followup-tabs' options={TABS} value={tab} onChange={setTab} />
      <RefreshBar title='本所回访' extra={tab === 'pending' ? '按回访期限排序' : '新登记的在前'} onRefresh={list.refresh} refreshing={list.loading} />
      <PagedList
        state={list}
        columns
        loadingMessage='正在加载回访任务…'
        emptyMessage={tab === 'pending' ? '暂无待回访' : '暂无回访记录'}
        emptyHint='诉求办结评价后，差评、矛盾纠纷和抽中的诉求会在这里等待回访。'
        renderItem={(task) => <FollowUpItem key={task.id} task={task} today={today} onOpen={(t) => void openPage('followUp', { id: t.id })} />}
      />
    </View>
  );
}
