import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { StationView } from '../../../../shared/appeals/queues';
import type { AppealSummary, StationDaySummary } from '../../../../shared/appeals/views';
import { ChoiceChips } from '../../components/ChoiceChips';
import { PagedList } from '../../components/PagedList';
import { RefreshBar } from '../../components/RefreshBar';
import { SortHeader } from '../../components/SortHeader';
import { StatusView } from '../../components/StatusView';
import { usePaged, usePageRefresh, useRequest } from '../../services/hooks';
import { openPage } from '../../services/navigation';
import { api } from '../../services/request';
import { sortRows, type SortState, type SortValue } from '../../services/table-sort';
import { STATION_TABS } from './appeal-format';
import { AppealItem } from './AppealItem';
import { WeeklyChart } from './WeeklyChart';
import './StationQueue.scss';

export interface StationQueueProps {
  stationId: string;
  stationName?: string;
}

const EMPTY: Record<StationView, string> = {
  new: '今日暂无新增诉求',
  due_today: '今日没有到期的诉求',
  overdue: '没有超期的诉求',
  escalated: '没有上报的诉求',
  unassigned: '没有待分配的诉求',
  resolved_today: '今日暂无办结的诉求',
  awaiting_rating: '没有待评价的诉求',
  bad_ratings: '没有待整改的差评',
  open: '没有在办的诉求',
};

type QueueColumn = 'createdAt' | 'dueAt' | 'enterpriseName';
/** ISO times sort as text; the deadline is the one the appeal is now measured against (受理 or 办结). */
const queueCell = (a: AppealSummary, key: QueueColumn): SortValue => a[key];

/** Counts of the day's summary on the tabs; a tab without a count yet shows none. */
export function tabOptions(summary: StationDaySummary | undefined) {
  return STATION_TABS.map((t) => ({ key: t.view, label: t.label, count: summary?.counts[t.view] }));
}

/** 所长每日队列: tabs with the day's counts, the selected queue page by page, ratings and the weekly chart. */
export function StationQueue({ stationId, stationName }: StationQueueProps) {
  const [view, setView] = useState<StationView>('new');
  const summary = useRequest(() => api('stationQueueSummary', { params: { stationId } }), [stationId]);
  const list = usePaged((cursor) => api('stationQueue', { params: { stationId }, query: { view, cursor, limit: 20 } }), [stationId, view]);
  const chart = useRequest(() => api('stationWeek', { params: { stationId } }), [stationId]);
  const now = Date.now();

  const refreshAll = () => Promise.all([summary.reload(), list.refresh(), chart.reload()]);
  usePageRefresh(refreshAll, list.loadMore);
  const [shownOnce, setShownOnce] = useState(false);
  useDidShow(() => {
    if (shownOnce) void Promise.all([summary.reload(), list.refresh()]);
    setShownOnce(true);
  });

  // Desktop: the loaded rows sort by a header (the server's order until one is clicked).
  const [sort, setSort] = useState<SortState<QueueColumn> | null>(null);
  const rows = { ...list, items: sortRows(list.items, sort, queueCell) };

  const ratings = summary.data?.ratings;
  const tabs = tabOptions(summary.data);
  const label = STATION_TABS.find((t) => t.view === view)?.label ?? '';

  return (
    <View className='station-queue' data-testid='station-queue'>
      <View className='app-banner'>
        <Text className='app-banner__title'>{stationName ? `${stationName} · 每日队列` : '每日队列'}</Text>
        <Text className='app-banner__subtitle'>
          {summary.data ? `${summary.data.day} · 在办 ${summary.data.counts.open ?? 0} 件` : summary.error ? summary.error.message : '正在统计…'}
          {ratings ? ` · 今日办结已评价 ${ratings.rated} 件，满意 ${ratings.satisfied} 件，不满意 ${ratings.bad} 件` : ''}
        </Text>
      </View>

      <View className='station-queue__layout'>
        <View className='station-queue__side'>
          <View className='station-queue__tabs station-queue__tabs--phone'>
            <ChoiceChips testId='queue-tabs' layout='scroll' options={tabs} value={view} onChange={setView} />
          </View>
          <View className='station-queue__tabs station-queue__tabs--desktop app-card' data-testid='queue-tabs-desktop'>
            {tabs.map((t) => (
              <View key={t.key} className={`station-queue__tab${t.key === view ? ' station-queue__tab--selected' : ''}`} data-key={t.key} onClick={() => setView(t.key)}>
                <Text className='station-queue__tab-label'>{t.label}</Text>
                <Text className={`station-queue__tab-count${(t.key === 'overdue' || t.key === 'bad_ratings') && (t.count ?? 0) > 0 ? ' station-queue__tab-count--alert' : ''}`}>{t.count ?? '–'}</Text>
              </View>
            ))}
          </View>
          <View className='station-queue__chart station-queue__chart--desktop'>
            <WeeklyChart stats={chart.data} loading={chart.loading} errorMessage={chart.error?.message} onRetry={chart.reload} />
          </View>
        </View>

        <View className='station-queue__main'>
          <RefreshBar title={label} extra={summary.data ? `共 ${summary.data.counts[view] ?? 0} 件` : undefined} onRefresh={refreshAll} refreshing={list.loading} />
          {summary.error && !summary.data ? <StatusView compact variant='error' message={summary.error.message} onAction={summary.reload} /> : null}
          <View className='station-queue__sort app-card' role='row' data-testid='queue-sort'>
            <SortHeader column='createdAt' label='提交时间' sort={sort} onSort={setSort} firstDirection='desc' className='station-queue__sort-cell' />
            <SortHeader column='dueAt' label='办理时限' sort={sort} onSort={setSort} firstDirection='asc' className='station-queue__sort-cell' />
            <SortHeader column='enterpriseName' label='企业' sort={sort} onSort={setSort} firstDirection='asc' className='station-queue__sort-cell' />
            {sort && list.hasMore ? <Text className='station-queue__sort-note'>只排已加载的诉求，滚动到底部可加载更多</Text> : null}
          </View>
          <PagedList
            state={rows}
            loadingMessage='正在加载诉求…'
            emptyMessage={EMPTY[view]}
            renderItem={(appeal) => <AppealItem key={appeal.id} appeal={appeal} audience='police' now={now} onOpen={(a) => openPage('appealDetail', { id: a.id })} />}
          />
          <View className='station-queue__chart station-queue__chart--phone'>
            <WeeklyChart stats={chart.data} loading={chart.loading} errorMessage={chart.error?.message} onRetry={chart.reload} />
          </View>
        </View>
      </View>
    </View>
  );
}
