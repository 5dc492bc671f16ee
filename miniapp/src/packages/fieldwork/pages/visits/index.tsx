import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { DueItem, VisitItem } from '../../../../features/fieldwork/FieldItems';
import { firstDayOfMonth, today as todayOf } from '../../../../features/fieldwork/format';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { openPage, restartAt } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

type Tab = 'due' | 'month' | 'all';
const TABS: { key: Tab; label: string }[] = [
  { key: 'due', label: '逾期未走访' },
  { key: 'month', label: '本月已走访' },
  { key: 'all', label: '全部企业' },
];

/**
 * 走访企业: the officer's enterprises due for a visit (the monthly contact rule), this month's visits, and
 * every enterprise with its last visit; tapping an enterprise logs a visit. ?enterpriseId= lists one
 * enterprise's visits (一企一档「查看全部」).
 */
export default function VisitsPage() {
  const { params } = useRouter();
  const me = useMe();
  const officerId = me?.officer?.id;
  const stationId = me?.station?.id;
  const enterpriseId = params.enterpriseId;
  const [tab, setTab] = useState<Tab>('due');
  const today = todayOf();
  const isChief = me?.role === 'chief';

  const list = usePaged<unknown>(
    (cursor) => {
      if (enterpriseId) return api('listEnterpriseVisits', { params: { enterpriseId }, query: { cursor, limit: 20 } });
      if (tab === 'month') return api('listOfficerVisits', { params: { officerId: officerId! }, query: { cursor, limit: 20, from: firstDayOfMonth(today), to: today } });
      const view = tab === 'due' ? 'due' : 'all';
      return isChief
        ? api('stationVisitsDue', { params: { stationId: stationId! }, query: { cursor, limit: 20, view } })
        : api('officerVisitsDue', { params: { officerId: officerId! }, query: { cursor, limit: 20, view } });
    },
    [tab, officerId, enterpriseId, isChief],
    Boolean(officerId || enterpriseId),
  );
  usePageRefresh(list.refresh, list.loadMore);
  const [shownOnce, setShownOnce] = useState(false);
  useDidShow(() => {
    if (shownOnce) void list.refresh();
    setShownOnce(true);
  });

  if (!officerId && !enterpriseId) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message='走访记录仅供民警使用' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }

  const showsVisits = Boolean(enterpriseId) || tab === 'month';
  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='visits-page'>
      {enterpriseId ? null : <ChoiceChips testId='visits-tabs' layout='scroll' options={TABS} value={tab} onChange={setTab} />}
      <RefreshBar
        title={enterpriseId ? '企业走访记录' : TABS.find((t) => t.key === tab)!.label}
        extra={tab === 'due' && !enterpriseId ? '最久未走访在前，点击登记走访' : undefined}
        onRefresh={list.refresh}
        refreshing={list.loading}
      />
      <PagedList
        state={list}
        columns
        loadingMessage='正在加载…'
        emptyMessage={showsVisits ? '暂无走访记录' : tab === 'due' ? '没有逾期未走访的企业' : '暂无负责的企业'}
        emptyHint={tab === 'due' && !enterpriseId ? '按本所走访周期，所有企业都已按时走访。' : undefined}
        renderItem={(item) =>
          showsVisits ? (
            <VisitItem key={(item as { id: string }).id} visit={item as never} today={today} onOpen={(v) => void openPage('visit', { id: v.id })} />
          ) : (
            <DueItem key={(item as { enterpriseId: string }).enterpriseId} item={item as never} today={today} onOpen={(d) => void openPage('visit', { enterpriseId: d.enterpriseId, name: d.enterpriseName })} />
          )
        }
      />
    </View>
  );
}
