import { Text, View } from '@tarojs/components';
import type { RectificationView, Visit, VisitDueItem } from '../../../../shared/fieldwork/schemas';
import { FOLLOW_UP_LABELS } from '../../../../shared/fieldwork/rules';
import { daysAgo, formatDay, STATUS_TONES, statusLabel } from './format';
import './FieldItems.scss';

export interface DueItemProps {
  item: VisitDueItem;
  today: string;
  onOpen: (item: VisitDueItem) => void;
}

/** An enterprise on the officer's visit list: last visit and when the next one is due. */
export function DueItem({ item, today, onOpen }: DueItemProps) {
  return (
    <View className='app-card field-item' data-testid='due-item' onClick={() => onOpen(item)}>
      <View className='field-item__head'>
        <Text className='field-item__title'>{item.enterpriseName}</Text>
        {item.overdue ? <Text className='app-badge app-badge--overdue'>逾期未走访</Text> : item.dueDay === today ? <Text className='app-badge app-badge--due_today'>今日应走访</Text> : null}
      </View>
      <Text className='app-muted'>{item.lastVisitDay ? `上次走访 ${formatDay(item.lastVisitDay, today)}（${daysAgo(item.lastVisitDay, today)}）` : '尚未走访'}</Text>
      <Text className='app-muted'>{`应走访日期 ${formatDay(item.dueDay, today)} · 点击登记走访`}</Text>
    </View>
  );
}

export interface VisitItemProps {
  visit: Visit;
  today: string;
  onOpen: (visit: Visit) => void;
}

export function VisitItem({ visit, today, onOpen }: VisitItemProps) {
  const found = visit.problems.length;
  return (
    <View className='app-card field-item' data-testid='visit-item' onClick={() => onOpen(visit)}>
      <View className='field-item__head'>
        <Text className='field-item__title'>{visit.enterpriseName}</Text>
        <Text className='app-muted'>{formatDay(visit.day, today)}</Text>
      </View>
      <Text className='field-item__text'>{`走访对象：${visit.metWith}`}</Text>
      <Text className='app-muted'>
        {found ? `发现问题 ${found} 个` : '未发现问题'}
        {` · 民警 ${visit.officerName}`}
      </Text>
    </View>
  );
}

export interface RectificationItemProps {
  item: RectificationView;
  today: string;
  onOpen: (item: RectificationView) => void;
}

export function RectificationItem({ item, today, onOpen }: RectificationItemProps) {
  const source = item.source.kind === 'rating' ? '不满意评价' : `走访${FOLLOW_UP_LABELS[item.source.followUp]}`;
  return (
    <View className='app-card field-item' data-testid='rectification-item' onClick={() => onOpen(item)}>
      <View className='field-item__head'>
        <Text className='field-item__title'>{item.description}</Text>
        <Text className={`app-status app-status--${STATUS_TONES[item.status]}`}>{statusLabel(item.status)}</Text>
      </View>
      <Text className='field-item__text'>{item.enterpriseName}</Text>
      <View className='field-item__meta'>
        <Text className='app-muted'>{`期限 ${formatDay(item.deadline, today)} · ${source} · 责任民警 ${item.ownerName}`}</Text>
        {item.overdue ? <Text className='app-badge app-badge--overdue'>已逾期</Text> : null}
      </View>
    </View>
  );
}
