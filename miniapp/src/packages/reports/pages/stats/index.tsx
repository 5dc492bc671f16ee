import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { StatusView } from '../../../../components/StatusView';
import { RefreshBar } from '../../../../components/RefreshBar';
import { api } from '../../../../services/request';
import { useMe, usePageRefresh, useRequest } from '../../../../services/hooks';
import { openPage } from '../../../../services/navigation';
import { APPEAL_TYPE_LABELS, APPEAL_TYPES, STATUS_LABELS, APPEAL_STATUSES } from '../../../../../../shared/appeals/catalogue';
import { presetPeriod, type Period } from '../../../../../../shared/stats/period';
import { PeriodPicker } from '../../../../features/reports/PeriodPicker';
import { BarChart, KpiCards, percent, type Figures } from '../../../../features/reports/KpiCards';
import '../../../../features/reports/reports.scss';
import { pageScaleStyle } from '../../../../services/text-size';
import { sortRows, type SortState, type SortValue } from '../../../../services/table-sort';
import { SortHeader } from '../../../../components/SortHeader';

function Breakdown({ figures }: { figures: Figures }) {
  // Every type keeps its row (a 0 says something); only the statuses that occur are listed.
  const statusBars = APPEAL_STATUSES.filter((s) => (figures.byStatus[s] ?? 0) > 0).map((s) => ({ label: STATUS_LABELS[s], value: figures.byStatus[s] ?? 0 }));
  return (
    <View>
      <Text className='report-section__title'>诉求按类型</Text>
      <View className='app-card' data-testid='stats-by-type'>
        <BarChart bars={APPEAL_TYPES.map((t) => ({ label: APPEAL_TYPE_LABELS[t], value: figures.byType[t] ?? 0 }))} />
      </View>
      <Text className='report-section__title'>本期诉求当前状态</Text>
      <View className='app-card' data-testid='stats-by-status'>
        {statusBars.length > 0 ? <BarChart bars={statusBars} /> : <Text className='app-muted'>本期暂无诉求</Text>}
      </View>
    </View>
  );
}

type Row = { key: string; name: string; figures: Figures; onTap?: () => void };
type Column = 'name' | 'appeals' | 'resolved' | 'onTimeRate' | 'satisfaction' | 'visits';

/**
 * `appeals`: a station's row counts the appeals filed there; an officer's, the appeals that reached them.
 * Every header sorts the rows (figures largest first on the first tap, names A→Z), a second tap reverses.
 */
function Table({ title, rows, appeals = 'filed' }: { title: string; rows: Row[]; appeals?: 'filed' | 'assigned' }) {
  const [sort, setSort] = useState<SortState<Column> | null>(null);
  const cellValue = (r: Row, key: Column): SortValue => (key === 'name' ? r.name : key === 'appeals' ? r.figures[appeals] : r.figures[key]);
  const sorted = sortRows(rows, sort, cellValue);
  const header = (key: Column, label: string) => (
    <SortHeader
      column={key}
      label={label}
      sort={sort}
      onSort={setSort}
      firstDirection={key === 'name' ? 'asc' : 'desc'}
      className={`report-table__cell report-table__head${key === 'name' ? ' report-table__cell--name' : ''}`}
    />
  );
  return (
    <View>
      <Text className='report-section__title'>{title}</Text>
      <View className='app-card' role='table' aria-label={title}>
        <View className='report-table__row report-table__row--head' role='row'>
          {header('name', '名称')}
          {header('appeals', '诉求')}
          {header('resolved', '办结')}
          {header('onTimeRate', '按时率')}
          {header('satisfaction', '满意率')}
          {header('visits', '走访')}
        </View>
        {sorted.map((r) => (
          <View key={r.key} className='report-table__row' role='row' onClick={r.onTap} data-testid={`row-${r.key}`}>
            <Text className='report-table__cell report-table__cell--name'>{r.onTap ? `${r.name} ›` : r.name}</Text>
            <Text className='report-table__cell'>{r.figures[appeals]}</Text>
            <Text className='report-table__cell'>{r.figures.resolved}</Text>
            <Text className='report-table__cell'>{percent(r.figures.onTimeRate)}</Text>
            <Text className='report-table__cell'>{percent(r.figures.satisfaction)}</Text>
            <Text className='report-table__cell'>{r.figures.visits}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** 统计分析: the chief sees the station and its officers; the centre sees every station and can drill in. */
export default function StatsPage() {
  const me = useMe();
  const { params } = useRouter();
  const [period, setPeriod] = useState<Period>(() => presetPeriod('this_month', new Date()));
  const stationId = params.stationId ?? (me?.role === 'chief' ? me.station?.id : undefined);
  const centre = me?.role === 'centre' && !stationId;
  const state = useRequest(
    async () =>
      centre ? ({ kind: 'centre', data: await api('centreStats', { query: period }) } as const) : ({ kind: 'station', data: await api('stationStats', { params: { stationId: stationId! }, query: period }) } as const),
    [centre, stationId, period.from, period.to],
    !!me && (centre || !!stationId),
  );
  usePageRefresh(state.reload);

  if (me && me.role !== 'chief' && me.role !== 'centre')
    return (
      <View className='report-page'>
        <StatusView variant='empty' message='统计分析仅对所长和助企警务中心开放' />
      </View>
    );
  const result = state.data;
  return (
    <View style={pageScaleStyle()} className='app-page report-page'>
      <RefreshBar title={result?.kind === 'station' ? `${result.data.stationName}统计` : '全区统计'} onRefresh={() => void state.reload()} refreshing={state.loading} />
      <PeriodPicker value={period} onChange={setPeriod} />
      {state.loading && !result ? <StatusView variant='loading' /> : null}
      {state.error ? <StatusView variant='error' message={state.error.message} onAction={state.reload} /> : null}
      {result ? (
        <View>
          <KpiCards figures={result.data.totals} />
          <Breakdown figures={result.data.totals} />
          {result.kind === 'centre' ? (
            <Table title='各派出所' rows={result.data.stations.map((s) => ({ key: s.stationId, name: s.stationName, figures: s.figures, onTap: () => openPage('stats', { stationId: s.stationId }) }))} />
          ) : (
            <View>
              <Table title='各民警' rows={result.data.officers.map((o) => ({ key: o.officerId, name: o.isChief ? `${o.name}（所长）` : o.name, figures: o.figures }))} appeals='assigned' />
              {/* The station's digest and exports, also for the centre drilling into one station. */}
              <View className='report-links'>
                <Button className='app-button app-button--secondary' onClick={() => void openPage('digest', { stationId })}>
                  {me?.role === 'centre' ? '该所每日晨报' : '本所每日晨报'}
                </Button>
                <Button className='app-button app-button--secondary' onClick={() => void openPage('exports', { stationId })}>
                  {me?.role === 'centre' ? '导出该所台账' : '导出本所台账'}
                </Button>
              </View>
            </View>
          )}
        </View>
      ) : null}
    </View>
  );
}
