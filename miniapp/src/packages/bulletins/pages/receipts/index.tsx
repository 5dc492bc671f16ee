import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { bulletinTime } from '../../../../features/bulletins/bulletin-format';
import { usePaged, usePageRefresh, useRequest } from '../../../../services/hooks';
import { api, ApiError } from '../../../../services/request';
import '../../../../features/bulletins/bulletins.scss';
import { pageScaleStyle } from '../../../../services/text-size';

type Tab = 'read' | 'unread';

/** 阅知情况 (?id=): which enterprises have confirmed a risk warning and which have not; remind the latter. */
export default function BulletinReceiptsPage() {
  const { params } = useRouter();
  const bulletinId = params.id ?? '';
  const [tab, setTab] = useState<Tab>('read');
  const detail = useRequest(() => api('getBulletin', { params: { bulletinId } }), [bulletinId], Boolean(bulletinId));
  const receipts = usePaged((cursor) => api('listBulletinReceipts', { params: { bulletinId }, query: { state: tab, cursor, limit: 20 } }), [bulletinId, tab], Boolean(bulletinId));
  const refresh = async () => {
    await Promise.all([detail.reload(), receipts.refresh()]);
  };
  usePageRefresh(refresh, receipts.loadMore);
  const [reminding, setReminding] = useState(false);

  const b = detail.data?.bulletin;
  const remind = async () => {
    if (!b) return;
    const unread = b.audienceCount - b.readCount;
    const answer = await Taro.showModal({ title: '提醒未阅企业', content: `将向 ${unread} 家尚未阅知的企业发送提醒，每条预警24小时内只能提醒一次。确定提醒吗？`, confirmText: '提醒', cancelText: '取消' });
    if (!answer.confirm) return;
    setReminding(true);
    try {
      const r = await api('remindBulletinUnread', { params: { bulletinId } });
      void Taro.showToast({ title: `已提醒 ${r.reminded} 家企业`, icon: 'none' });
      await detail.reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    } finally {
      setReminding(false);
    }
  };

  if (!bulletinId) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message='缺少通知编号' />
      </View>
    );
  }
  if (!b) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        {detail.error ? <StatusView variant='error' message={detail.error.message} onAction={detail.reload} /> : <StatusView variant='loading' />}
      </View>
    );
  }
  const unread = b.audienceCount - b.readCount;
  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='bulletin-receipts'>
      <View className='app-banner'>
        <Text className='app-banner__title'>{b.title}</Text>
        <Text className='app-banner__subtitle' data-testid='receipt-counts'>{`已阅知 ${b.readCount} 家 · 未阅知 ${unread} 家 · 共 ${b.audienceCount} 家`}</Text>
        {b.remindedAt ? <Text className='app-banner__subtitle'>{`上次提醒：${bulletinTime(b.remindedAt)}`}</Text> : null}
      </View>
      <ChoiceChips
        testId='receipt-tabs'
        options={[
          { key: 'read' as Tab, label: '已阅知', count: b.readCount },
          { key: 'unread' as Tab, label: '未阅知', count: unread },
        ]}
        value={tab}
        onChange={setTab}
      />
      <RefreshBar title={tab === 'read' ? '已阅知的企业' : '未阅知的企业'} onRefresh={refresh} refreshing={receipts.loading} />
      <PagedList
        state={receipts}
        emptyMessage={tab === 'read' ? '还没有企业确认阅知' : '所有企业都已阅知'}
        renderItem={(r) => (
          <View key={r.enterpriseId} className='app-card receipt-item' data-testid='receipt-item' data-enterprise-id={r.enterpriseId}>
            <Text className='receipt-item__name'>{r.enterpriseName}</Text>
            <Text className='receipt-item__at'>{r.readAt ? `${bulletinTime(r.readAt)} 阅知` : '未阅知'}</Text>
          </View>
        )}
      />
      {b.status === 'published' && unread > 0 ? (
        <Button className='app-button app-button--block' data-testid='remind-unread' disabled={reminding} onClick={() => void remind()}>
          {reminding ? '正在提醒…' : '提醒未阅企业'}
        </Button>
      ) : null}
    </View>
  );
}
