import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { APPEAL_TYPE_LABELS, RATING_LABELS, type RatingLevel } from '../../../../../../shared/appeals/catalogue';
import { shanghaiDate } from '../../../../../../shared/dates';
import { FOLLOW_UP_METHOD_LABELS, FOLLOW_UP_REASON_LABELS, FOLLOW_UP_SATISFACTION_LABELS } from '../../../../../../shared/followups/rules';
import type { RecordFollowUpBody } from '../../../../../../shared/followups/schemas';
import { StatusView } from '../../../../components/StatusView';
import { formatDay } from '../../../../features/fieldwork/format';
import { FollowUpForm } from '../../../../features/followups/FollowUpForm';
import { REASON_TONES } from '../../../../features/followups/FollowUpItem';
import './index.scss';
import { useMe, usePageRefresh, useRequest } from '../../../../services/hooks';
import { openPage } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

/** 回访登记: the closed appeal (why it is followed up, how it was rated), then the record form or the record. */
export default function FollowUpPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const me = useMe();
  const task = useRequest(() => api('getFollowUp', { params: { followUpId: id } }), [id], Boolean(id));
  usePageRefresh(task.reload);

  if (!id) return <StatusView variant='error' message='缺少回访任务编号，请从回访列表重新进入' />;
  if (task.loading && !task.data) return <StatusView variant='loading' message='正在加载回访任务…' />;
  if (task.error && !task.data) return <StatusView variant='error' message={task.error.message} onAction={task.reload} />;
  const t = task.data!;
  const canRecord = t.status === 'pending' && (me?.role === 'officer' || me?.role === 'chief');

  const record = async (body: RecordFollowUpBody) => {
    try {
      await api('recordFollowUp', { params: { followUpId: t.id }, body });
      void Taro.showToast({ title: '回访已登记', icon: 'success' });
    } catch (error) {
      // Someone of the station recorded it meanwhile: show theirs.
      if (error instanceof ApiError && error.status === 409) await task.reload();
      throw error;
    }
    await task.reload();
  };

  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='followup-detail'>
      <View className='app-card'>
        <View className='app-row'>
          <Text className='app-card__title'>{t.enterpriseName}</Text>
          <Text className={`app-badge app-badge--${REASON_TONES[t.reason]}`}>{FOLLOW_UP_REASON_LABELS[t.reason]}</Text>
        </View>
        <View className='app-row' onClick={() => void openPage('appealDetail', { id: t.appealId })}>
          <Text className='app-muted'>{APPEAL_TYPE_LABELS[t.appealType]}</Text>
          <Text className='followup__link'>{t.appealTitle}</Text>
        </View>
        <View className='app-row'>
          <Text className='app-muted'>企业评价</Text>
          <Text>{t.rating ? `${RATING_LABELS[t.rating as RatingLevel]}${t.ratingComment ? `：${t.ratingComment}` : ''}` : '未评价（超期自动关闭）'}</Text>
        </View>
        <View className='app-row'>
          <Text className='app-muted'>办理民警</Text>
          <Text>{t.officerName ?? '所长'}</Text>
        </View>
        <View className='app-row'>
          <Text className='app-muted'>回访期限</Text>
          <Text>{formatDay(t.dueDay)}</Text>
        </View>
      </View>
      {t.status === 'done' ? (
        <View className='app-card' data-testid='followup-record'>
          <Text className='app-card__title'>回访结果</Text>
          <View className='app-row'>
            <Text className='app-muted'>{FOLLOW_UP_METHOD_LABELS[t.method!]}</Text>
            <Text>{t.reached ? `回访后${FOLLOW_UP_SATISFACTION_LABELS[t.satisfaction!]}` : '未联系上'}</Text>
          </View>
          {t.notes ? <Text>{t.notes}</Text> : null}
          <Text className='app-muted'>{`${t.recordedByName ?? ''} · ${formatDay(shanghaiDate(t.recordedAt!))}`}</Text>
        </View>
      ) : canRecord ? (
        <View className='app-card'>
          <Text className='app-card__title'>登记回访</Text>
          <FollowUpForm enterpriseName={t.enterpriseName} onSubmit={record} />
        </View>
      ) : (
        <StatusView variant='empty' compact message='待本所民警回访' />
      )}
    </View>
  );
}
