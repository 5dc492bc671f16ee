import { Button, Text, View } from '@tarojs/components';
import { DEPARTMENT_LABELS, RATING_LABELS, isOpen, type RatingLevel } from '../../../../shared/appeals/catalogue';
import type { AppealView } from '../../../../shared/appeals/views';
import { Avatar } from '../../components/Avatar';
import { callPhone } from '../../components/OfficerCard';
import { classificationText, DEADLINE_BADGES, deadlineState, formatDateTime, stars, statusLabel, statusTone } from './appeal-format';
import './AppealHeader.scss';

export interface AppealHeaderProps {
  view: AppealView;
  audience: 'enterprise' | 'police';
  now?: number;
}

interface Row {
  label: string;
  value: string;
  danger?: boolean;
}

/** The appeal at a glance: status, what it is, its deadlines, who handles it, and how it ended. */
export function AppealHeader({ view, audience, now = Date.now() }: AppealHeaderProps) {
  const { appeal, officer } = view;
  const open = isOpen(appeal.status);
  const dueAt = appeal.status === 'submitted' ? appeal.acceptDueAt : appeal.resolveDueAt;
  const deadline = deadlineState(appeal.status, dueAt, now);
  const acceptOverdue = appeal.status === 'submitted' && new Date(appeal.acceptDueAt).getTime() < now;
  const resolveOverdue = open && appeal.status !== 'awaiting_info' && new Date(appeal.resolveDueAt).getTime() < now;

  const rows: Row[] = [];
  if (audience === 'police') rows.push({ label: '企业', value: view.enterpriseName });
  rows.push({ label: '提交时间', value: formatDateTime(appeal.createdAt, now) });
  rows.push(
    appeal.acceptedAt
      ? { label: '受理时间', value: formatDateTime(appeal.acceptedAt, now) }
      : { label: '受理时限', value: formatDateTime(appeal.acceptDueAt, now) + (acceptOverdue ? '（已超期）' : ''), danger: acceptOverdue },
  );
  if (appeal.resolvedAt) rows.push({ label: '办结时间', value: formatDateTime(appeal.resolvedAt, now) });
  else if (open) {
    rows.push(
      appeal.status === 'awaiting_info'
        ? { label: '办结时限', value: '等待补充材料，时限暂停' }
        : { label: '办结时限', value: formatDateTime(appeal.resolveDueAt, now) + (resolveOverdue ? '（已超期）' : ''), danger: resolveOverdue },
    );
  }
  if (appeal.withdrawnAt) rows.push({ label: '撤回时间', value: formatDateTime(appeal.withdrawnAt, now) });
  if (appeal.place) rows.push({ label: '地点', value: appeal.place });

  return (
    <View className='appeal-header'>
      <View className='app-card' data-testid='appeal-header'>
        <View className='appeal-header__top'>
          <Text className={`app-status app-status--${statusTone(appeal.status)}`} data-testid='appeal-status'>
            {statusLabel(appeal.status)}
          </Text>
          {deadline === 'overdue' || deadline === 'due_today' ? <Text className={`app-badge app-badge--${deadline}`}>{DEADLINE_BADGES[deadline]}</Text> : null}
          {appeal.escalated ? <Text className='app-badge app-badge--escalated'>已上报所领导</Text> : null}
        </View>
        <Text className='appeal-header__title'>{appeal.title}</Text>
        <Text className='appeal-header__classification'>{classificationText(appeal)}</Text>
        <View className='appeal-header__rows'>
          {rows.map((row) => (
            <View key={row.label} className='appeal-header__row'>
              <Text className='appeal-header__label'>{row.label}</Text>
              <Text className={`appeal-header__value${row.danger ? ' appeal-header__value--danger' : ''}`}>{row.value}</Text>
            </View>
          ))}
        </View>
        <Text className='appeal-header__description'>{appeal.description}</Text>
        {view.heldNote ? <Text className='appeal-header__held-note'>{view.heldNote}</Text> : null}
      </View>

      <View className='app-card appeal-header__handler' data-testid='appeal-officer'>
        <Text className='appeal-header__section'>承办</Text>
        {officer ? (
          <View className='appeal-header__officer'>
            <Avatar name={officer.name} variant='compact' />
            <View className='appeal-header__officer-info'>
              <Text className='appeal-header__officer-name'>{officer.name}</Text>
              <Text className='appeal-header__officer-meta'>{`${officer.title} · ${officer.stationName || view.stationName}`}</Text>
            </View>
            {audience === 'enterprise' ? (
              <Button className='app-button app-button--secondary appeal-header__call' onClick={() => callPhone(officer.mobile)}>
                拨打电话
              </Button>
            ) : null}
          </View>
        ) : (
          <Text className='appeal-header__pending'>{`${view.stationName}正在分配联络官`}</Text>
        )}
      </View>

      {appeal.transferredTo ? (
        <View className='app-card'>
          <Text className='appeal-header__section'>转办</Text>
          <Text className='appeal-header__text'>{`已转 ${DEPARTMENT_LABELS[appeal.transferredTo]} 办理${appeal.transferredAt ? `（${formatDateTime(appeal.transferredAt, now)}）` : ''}`}</Text>
          {appeal.transferNote ? <Text className='appeal-header__muted'>{appeal.transferNote}</Text> : null}
          {appeal.transferFeedback ? <Text className='appeal-header__text'>{`部门反馈：${appeal.transferFeedback}`}</Text> : null}
        </View>
      ) : null}

      {appeal.resolution ? (
        <View className='app-card appeal-header__resolution' data-testid='appeal-resolution'>
          <Text className='appeal-header__section'>办结情况</Text>
          <Text className='appeal-header__text'>{appeal.resolution}</Text>
          {appeal.status === 'resolved' && audience === 'enterprise' ? <Text className='appeal-header__muted'>请确认办理结果并评价；问题仍未解决的，可以申请重新办理。</Text> : null}
        </View>
      ) : null}

      {appeal.rating ? (
        <View className='app-card' data-testid='appeal-rating'>
          <Text className='appeal-header__section'>企业评价</Text>
          <View className='appeal-header__rating'>
            <Text className={`appeal-header__stars${appeal.rating <= 2 ? ' appeal-header__stars--bad' : ''}`}>{stars(appeal.rating)}</Text>
            <Text className='appeal-header__text'>{RATING_LABELS[appeal.rating as RatingLevel]}</Text>
          </View>
          {appeal.ratingComment ? <Text className='appeal-header__muted'>{appeal.ratingComment}</Text> : null}
          {appeal.rectification === 'required' ? <Text className='appeal-header__warning'>不满意评价，待所长登记整改。</Text> : null}
          {appeal.rectificationNote ? <Text className='appeal-header__text'>{`整改情况：${appeal.rectificationNote}`}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
