import { Text, View } from '@tarojs/components';
import { StatusView } from '../../components/StatusView';
import { shortDay } from './appeal-format';
import type { StationWeek } from '../../../../shared/appeals/views';
import './WeeklyChart.scss';

export interface WeeklyChartProps {
  stats: StationWeek | undefined;
  loading: boolean;
  errorMessage?: string;
  onRetry: () => void;
}

const BAR_MAX_PX = 96;

/** 近7日 new vs resolved per day, and the on-time rate: plain Views, no chart library. */
export function WeeklyChart({ stats, loading, errorMessage, onRetry }: WeeklyChartProps) {
  return (
    <View className='weekly-chart app-card' data-testid='weekly-chart'>
      <View className='weekly-chart__head'>
        <Text className='weekly-chart__title'>近7日办理情况</Text>
        {stats ? (
          <Text className='weekly-chart__rate' data-testid='on-time-rate'>
            {stats.onTimeRate === null ? '按时办结率 —' : `按时办结率 ${Math.round(stats.onTimeRate * 100)}%`}
          </Text>
        ) : null}
      </View>
      {loading && !stats ? (
        <StatusView compact variant='loading' message='正在统计…' />
      ) : errorMessage && !stats ? (
        <StatusView compact variant='error' message={errorMessage} onAction={onRetry} />
      ) : stats ? (
        <View>
          <View className='weekly-chart__bars'>
            {stats.days.map((d) => {
              const max = Math.max(1, ...stats.days.map((x) => Math.max(x.created, x.resolved)));
              const h = (n: number) => `${Math.max(n ? 4 : 1, Math.round((n / max) * BAR_MAX_PX))}px`;
              return (
                <View key={d.day} className='weekly-chart__day'>
                  <View className='weekly-chart__pair'>
                    <View className='weekly-chart__bar-wrap'>
                      <Text className='weekly-chart__value'>{d.created}</Text>
                      <View className='weekly-chart__bar weekly-chart__bar--created' style={{ height: h(d.created) }} />
                    </View>
                    <View className='weekly-chart__bar-wrap'>
                      <Text className='weekly-chart__value'>{d.resolved}</Text>
                      <View className='weekly-chart__bar weekly-chart__bar--resolved' style={{ height: h(d.resolved) }} />
                    </View>
                  </View>
                  <Text className='weekly-chart__label'>{shortDay(d.day)}</Text>
                </View>
              );
            })}
          </View>
          <View className='weekly-chart__legend'>
            <View className='weekly-chart__key weekly-chart__key--created' />
            <Text className='weekly-chart__legend-text'>新增</Text>
            <View className='weekly-chart__key weekly-chart__key--resolved' />
            <Text className='weekly-chart__legend-text'>办结</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}
