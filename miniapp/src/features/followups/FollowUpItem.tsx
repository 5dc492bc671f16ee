import { Text, View } from '@tarojs/components';
import { RATING_LABELS, type RatingLevel } from '../../../../shared/appeals/catalogue';
import { FOLLOW_UP_REASON_LABELS, FOLLOW_UP_SATISFACTION_LABELS, type FollowUpReason } from '../../../../shared/followups/rules';
import type { FollowUpTask } from '../../../../shared/followups/schemas';
import { formatDay } from '../fieldwork/format';
import './FollowUpItem.scss';

/** Badge colours of the existing badges: a bad rating reads as urgent, a dispute as escalated. */
export const REASON_TONES: Record<FollowUpReason, string> = { bad_rating: 'overdue', dispute: 'escalated', sample: 'done' };

export interface FollowUpItemProps {
  task: FollowUpTask;
  today: string;
  onOpen: (task: FollowUpTask) => void;
}

/** One 回访 task in the station's list: whom, why, by when (逾期 in red), or how it went. */
export function FollowUpItem({ task, today, onOpen }: FollowUpItemProps) {
  const overdue = task.status === 'pending' && task.dueDay < today;
  const outcome = task.status === 'done' ? (task.reached ? `回访后${FOLLOW_UP_SATISFACTION_LABELS[task.satisfaction!]}` : '未联系上') : null;
  return (
    <View className='app-card followup-item' data-testid='followup-item' onClick={() => onOpen(task)}>
      <View className='app-row'>
        <Text className='followup-item__name'>{task.enterpriseName}</Text>
        <Text className={`app-badge app-badge--${REASON_TONES[task.reason]}`}>{FOLLOW_UP_REASON_LABELS[task.reason]}</Text>
      </View>
      <Text className='followup-item__title'>{task.appealTitle}</Text>
      <View className='app-row'>
        <Text className='app-muted'>{task.rating ? `评价：${RATING_LABELS[task.rating as RatingLevel]}` : '未评价（自动关闭）'}</Text>
        {outcome ? <Text>{outcome}</Text> : <Text className={overdue ? 'followup-item__overdue' : 'app-muted'}>{overdue ? `已逾期 · ${formatDay(task.dueDay)}前` : `${formatDay(task.dueDay)}前回访`}</Text>}
      </View>
    </View>
  );
}
