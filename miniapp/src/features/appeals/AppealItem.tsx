import { Text, View } from '@tarojs/components';
import type { AppealSummary } from '../../../../shared/appeals/views';
import { classificationText, DEADLINE_BADGES, deadlineState, deadlineText, formatDateTime, ratingLabel, stars, statusLabel, statusTone } from './appeal-format';
import './AppealItem.scss';

export interface AppealItemProps {
  appeal: AppealSummary;
  /** Whose list: the enterprise sees its officer; the police see the enterprise. */
  audience: 'enterprise' | 'police';
  onOpen: (appeal: AppealSummary) => void;
  /** Clock for the deadline badges (tests). */
  now?: number;
  /** The officer's own inbox: every row is theirs, so the 联络官 line would only repeat their name. */
  hideOfficer?: boolean;
}

/** One appeal in a list: status, what it is, the deadline that matters now, who handles it, its rating. */
export function AppealItem({ appeal, audience, onOpen, now = Date.now(), hideOfficer = false }: AppealItemProps) {
  const deadline = deadlineState(appeal.status, appeal.dueAt, now);
  const due = deadlineText(appeal.status, appeal.dueAt, now);
  const rating = ratingLabel(appeal.rating);
  return (
    <View className={`appeal-item app-card${deadline === 'overdue' ? ' appeal-item--overdue' : ''}`} hoverClass='appeal-item--pressed' data-testid='appeal-item' data-appeal-id={appeal.id} onClick={() => onOpen(appeal)}>
      <View className='appeal-item__top'>
        <Text className={`app-status app-status--${statusTone(appeal.status)}`}>{statusLabel(appeal.status)}</Text>
        {deadline === 'overdue' || deadline === 'due_today' ? <Text className={`app-badge app-badge--${deadline}`}>{DEADLINE_BADGES[deadline]}</Text> : null}
        {appeal.escalated ? <Text className='app-badge app-badge--escalated'>已上报</Text> : null}
        {appeal.urgency === 'urgent' ? <Text className='app-badge app-badge--urgent'>紧急</Text> : null}
      </View>
      <Text className='appeal-item__title'>{appeal.title}</Text>
      <Text className='appeal-item__line'>{classificationText(appeal)}</Text>
      {audience === 'police' ? <Text className='appeal-item__line'>{appeal.enterpriseName}</Text> : null}
      <Text className='appeal-item__line'>
        {hideOfficer ? '' : appeal.officerName ? `联络官：${appeal.officerName} · ` : '待分配联络官 · '}
        {`提交于 ${formatDateTime(appeal.createdAt, now)}`}
      </Text>
      {due ? <Text className={`appeal-item__due${deadline === 'overdue' ? ' appeal-item__due--overdue' : ''}`}>{due}</Text> : null}
      {appeal.resolvedAt && !appeal.rating && appeal.status !== 'withdrawn' ? <Text className='appeal-item__line'>{`办结于 ${formatDateTime(appeal.resolvedAt, now)}`}</Text> : null}
      {rating ? (
        <View className='appeal-item__rating' data-testid='appeal-rating'>
          <Text className={`appeal-item__stars${(appeal.rating ?? 5) <= 2 ? ' appeal-item__stars--bad' : ''}`}>{stars(appeal.rating!)}</Text>
          <Text className='appeal-item__rating-label'>{rating}</Text>
          {appeal.rectification === 'required' ? <Text className='app-badge app-badge--overdue'>待整改</Text> : null}
          {appeal.rectification === 'done' ? <Text className='app-badge app-badge--done'>已整改</Text> : null}
        </View>
      ) : null}
      {appeal.ratingComment ? <Text className='appeal-item__comment'>{`“${appeal.ratingComment}”`}</Text> : null}
    </View>
  );
}
