import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { RECTIFICATION_STATUSES, RECTIFICATION_STATUS_LABELS, type RectificationStatusId } from '../../../../../../shared/fieldwork/rules';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { RectificationItem } from '../../../../features/fieldwork/FieldItems';
import { today as todayOf } from '../../../../features/fieldwork/format';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { openPage, restartAt } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

type Tab = RectificationStatusId | 'all';
const TABS: { key: Tab; label: string }[] = [...RECTIFICATION_STATUSES.map((s) => ({ key: s as Tab, label: RECTIFICATION_STATUS_LABELS[s] })), { key: 'all', label: '全部' }];

/**
 * 问题整改台账: the chief sees the station's ledger (centre: ?stationId=), an officer the items they own;
 * by status, the nearest deadline first, overdue items marked.
 */
export default function RectificationsPage() {
  const { params } = useRouter();
  const me = useMe();
  const [tab, setTab] = useState<Tab>('pending');
  const stationId = me?.role === 'chief' ? me.station?.id : me?.role === 'centre' ? params.stationId : undefined;
  const officerId = me?.role === 'officer' ? me.officer?.id : undefined;
  const list = usePaged(
    (cursor) =>
      stationId
        ? api('stationRectifications', { params: { stationId }, query: { cursor, limit: 20, status: tab } })
        : api('officerRectifications', { params: { officerId: officerId! }, query: { cursor, limit: 20, status: tab } }),
    [tab, stationId, officerId],
    Boolean(stationId || officerId),
  );
  usePageRefresh(list.refresh, list.loadMore);
  const [shownOnce, setShownOnce] = useState(false);
  useDidShow(() => {
    if (shownOnce) void list.refresh();
    setShownOnce(true);
  });

  if (!stationId && !officerId) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message={me?.role === 'centre' ? '请从统计页选择派出所查看整改台账' : '整改台账仅供民警使用'} actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }
  const today = todayOf();
  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='rectifications-page'>
      <ChoiceChips testId='rectification-tabs' layout='scroll' options={TABS} value={tab} onChange={setTab} />
      <RefreshBar title={stationId ? (me?.role === 'centre' ? '该所整改台账' : '本所整改台账') : '我负责的整改'} extra='按整改期限排序' onRefresh={list.refresh} refreshing={list.loading} />
      <PagedList
        state={list}
        columns
        loadingMessage='正在加载整改台账…'
        emptyMessage='暂无整改事项'
        emptyHint='走访发现的问题「转整改」或不满意评价登记整改后会出现在这里。'
        renderItem={(item) => <RectificationItem key={item.id} item={item} today={today} onOpen={(r) => void openPage('rectification', { id: r.id })} />}
      />
    </View>
  );
}
