import { Text, View } from '@tarojs/components';
import { ACTION_LABELS, ACTOR_ROLE_LABELS, DEPARTMENT_LABELS, RATING_LABELS, STATUS_LABELS, type HistoryAction, type RatingLevel } from '../../../../shared/appeals/catalogue';
import type { HistoryEntry } from '../../../../shared/appeals/schemas';
import { formatDateTime } from './appeal-format';
import './AppealTimeline.scss';

export interface AppealTimelineProps {
  history: HistoryEntry[];
  /** Shown for the enterprise's own entries instead of the role. */
  enterpriseName: string;
  now?: number;
}

const actionLabel = (action: HistoryAction) => (action === 'submit' ? '提交诉求' : ACTION_LABELS[action]);

/** 办理记录: who did what, when, the status change and the note — newest first. */
export function AppealTimeline({ history, enterpriseName, now = Date.now() }: AppealTimelineProps) {
  const entries = [...history].reverse();
  return (
    <View className='appeal-timeline app-card' data-testid='appeal-timeline'>
      <Text className='appeal-timeline__title'>办理记录</Text>
      {entries.length === 0 ? <Text className='appeal-timeline__empty'>暂无记录</Text> : null}
      {entries.map((entry, i) => (
        <View key={`${entry.at}-${i}`} className={`appeal-timeline__entry${i === 0 ? ' appeal-timeline__entry--latest' : ''}`}>
          <View className='appeal-timeline__dot' />
          <View className='appeal-timeline__content'>
            <View className='appeal-timeline__head'>
              <Text className='appeal-timeline__action'>{actionLabel(entry.action)}</Text>
              <Text className='appeal-timeline__time'>{formatDateTime(entry.at, now)}</Text>
            </View>
            <Text className='appeal-timeline__who'>
              {entry.actorName ?? (entry.actorRole === 'enterprise' ? enterpriseName : ACTOR_ROLE_LABELS[entry.actorRole])}
              {entry.from && entry.from !== entry.to ? ` · ${STATUS_LABELS[entry.from]} → ${STATUS_LABELS[entry.to]}` : entry.from ? '' : ` · ${STATUS_LABELS[entry.to]}`}
            </Text>
            {entry.departmentId ? <Text className='appeal-timeline__detail'>{`转办部门：${DEPARTMENT_LABELS[entry.departmentId]}`}</Text> : null}
            {entry.targetOfficerId ? <Text className='appeal-timeline__detail'>已改派给新的联络官</Text> : null}
            {entry.rating ? <Text className='appeal-timeline__detail'>{`评价：${RATING_LABELS[entry.rating as RatingLevel]}`}</Text> : null}
            {entry.note ? <Text className='appeal-timeline__note'>{entry.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
