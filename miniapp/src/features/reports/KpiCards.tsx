import { Text, View } from '@tarojs/components';
import type { z } from 'zod';
import type { StatsFigures } from '../../../../shared/stats/schemas';
import './reports.scss';

export type Figures = z.infer<typeof StatsFigures>;
export const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

/** The headline figures of a period, as cards. */
export function KpiCards({ figures }: { figures: Figures }) {
  const cards: [string, string, string?][] = [
    ['新增企业', String(figures.enterprises)],
    ['受理诉求', String(figures.filed)],
    ['办结诉求', String(figures.resolved)],
    ['按时办结率', percent(figures.onTimeRate)],
    ['满意率', percent(figures.satisfaction)],
    ['差评率', percent(figures.badRate)],
    ['矛盾纠纷', String(figures.disputes)],
    ['答复建议', String(figures.suggestionsAnswered)],
    ['走访企业', String(figures.visits)],
    // 回访 of the appeals closed in the period: done / due, and the satisfied share of the same enterprises
    // at their rating and after the call.
    ['回访覆盖率', percent(figures.followUpCoverage), `已回访${figures.followUpsDone}/应回访${figures.followUpsDue}`],
    ['回访前后满意率', figures.followUpsCompared ? `${percent(figures.satisfactionBeforeFollowUp)}→${percent(figures.satisfactionAfterFollowUp)}` : '—', `对比${figures.followUpsCompared}家`],
  ];
  return (
    <View className='kpi-cards'>
      {cards.map(([label, value, note]) => (
        <View key={label} className='kpi-cards__card app-card' data-testid={`kpi-${label}`}>
          <Text className='kpi-cards__value'>{value}</Text>
          <Text className='kpi-cards__label'>{label}</Text>
          {note ? <Text className='kpi-cards__label'>{note}</Text> : null}
        </View>
      ))}
    </View>
  );
}

/** A bar chart in plain Views (no canvas: it renders the same on H5, in WeChat and in tests). */
export function BarChart({ bars }: { bars: { label: string; value: number }[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <View className='bar-chart'>
      {bars.map((b) => (
        <View key={b.label} className='bar-chart__row'>
          <Text className='bar-chart__label'>{b.label}</Text>
          <View className='bar-chart__track'>
            <View className='bar-chart__bar' style={{ width: `${(b.value / max) * 100}%` }} />
          </View>
          <Text className='bar-chart__value'>{b.value}</Text>
        </View>
      ))}
    </View>
  );
}
