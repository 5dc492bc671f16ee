import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { needsAcknowledgement } from '../../../../../../shared/bulletins/catalogue';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { BulletinAttachment } from '../../../../features/bulletins/BulletinAttachment';
import { RichTextView } from '../../../../features/bulletins/RichTextView';
import { bulletinTime, kindLabel, statusLabel } from '../../../../features/bulletins/bulletin-format';
import { useMe, usePageRefresh, useRequest } from '../../../../services/hooks';
import { openPage } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import '../../../../features/bulletins/bulletins.scss';
import { pageScaleStyle } from '../../../../services/text-size';

/** 通知详情 (?id=): the body; on a risk warning the enterprise confirms 已阅知, once. */
export default function BulletinDetailPage() {
  const { params } = useRouter();
  const bulletinId = params.id ?? '';
  const me = useMe();
  const loaded = useRequest(() => api('getBulletin', { params: { bulletinId } }), [bulletinId], Boolean(bulletinId));
  const [readAt, setReadAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageRefresh(loaded.reload);

  const view = loaded.data;
  const bulletin = view?.bulletin;
  const isEnterprise = me?.role === 'enterprise';
  const acknowledged = readAt ?? view?.readAt ?? null;

  // Opening an item that needs no confirmation marks it read.
  const markReadId = isEnterprise && bulletin && !needsAcknowledgement(bulletin.kind) && !view?.readAt ? bulletin.id : null;
  useEffect(() => {
    if (markReadId)
      void api('readBulletin', { params: { bulletinId: markReadId } }).then(
        (r) => setReadAt(r.readAt),
        () => undefined,
      );
  }, [markReadId]);

  const confirm = async () => {
    if (!bulletin) return;
    setBusy(true);
    try {
      const r = await api('readBulletin', { params: { bulletinId: bulletin.id } });
      setReadAt(r.readAt);
      void Taro.showToast({ title: '已确认阅知', icon: 'none' });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 409)) await loaded.reload();
    } finally {
      setBusy(false);
    }
  };

  if (!bulletinId) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message='缺少通知编号' hint='请从助企动态列表进入。' />
      </View>
    );
  }
  if (!bulletin) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        {loaded.error ? (
          <StatusView variant='error' message={loaded.error.status === 404 ? '该通知不存在或已撤回' : loaded.error.message} onAction={loaded.reload} />
        ) : (
          <StatusView variant='loading' message='正在加载通知…' />
        )}
      </View>
    );
  }

  const risk = needsAcknowledgement(bulletin.kind);
  return (
    <View style={pageScaleStyle()} className='app-page bulletin-page' data-testid='bulletin-detail' data-kind={bulletin.kind}>
      <RefreshBar title='通知详情' onRefresh={loaded.reload} refreshing={loaded.loading} />
      <View className={`app-card bulletin-page__header${risk ? ' feed-item--risk' : ''}`}>
        <View className='feed-item__top'>
          <Text className={`app-tag bulletin-kind bulletin-kind--${bulletin.kind}`}>{kindLabel(bulletin.kind)}</Text>
          {bulletin.status !== 'published' ? <Text className='app-status app-status--muted'>{statusLabel(bulletin.status)}</Text> : null}
        </View>
        <Text className='bulletin-page__title' data-testid='bulletin-title'>
          {bulletin.title}
        </Text>
        <Text className='bulletin-page__meta'>{`${bulletin.publisher.name} · ${bulletinTime(bulletin.publishedAt ?? bulletin.publishAt)}`}</Text>
        {view.canManage ? <Text className='bulletin-page__meta'>{`发送范围：${bulletin.audienceLabel}`}</Text> : null}
      </View>
      <View className='app-card'>
        <RichTextView doc={bulletin.body} />
      </View>
      {view.attachment ? <BulletinAttachment attachment={view.attachment} /> : null}
      {isEnterprise && risk ? (
        <View className='bulletin-page__ack'>
          {acknowledged ? (
            <Text className='bulletin-page__acked' data-testid='acknowledged'>{`已于${bulletinTime(acknowledged)}阅知`}</Text>
          ) : (
            <View>
              <Text className='bulletin-page__warning'>这是一条风险预警，请认真阅读后确认，派出所将据此了解各企业的知晓情况。</Text>
              <Button className='app-button app-button--block bulletin-page__ack' data-testid='acknowledge' disabled={busy} onClick={() => void confirm()}>
                {busy ? '正在提交…' : '已阅知'}
              </Button>
            </View>
          )}
        </View>
      ) : null}
      {view.canManage && risk && bulletin.status === 'published' ? (
        <Button className='app-button app-button--secondary app-button--block' onClick={() => openPage('bulletinReceipts', { id: bulletin.id })}>
          {`阅知情况 ${bulletin.readCount}/${bulletin.audienceCount}`}
        </Button>
      ) : null}
    </View>
  );
}
