import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import type { BulletinSummary } from '../../../../../../shared/bulletins/schemas';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { ManagedItem } from '../../../../features/bulletins/ManagedItem';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { openPage, restartAt } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import '../../../../features/bulletins/bulletins.scss';
import { pageScaleStyle } from '../../../../services/text-size';

const POLICE = new Set(['officer', 'chief', 'centre']);

/** 发布信息: what the caller (an officer's own, a chief's station's, the centre's) has published, with read x/y. */
export default function BulletinManagePage() {
  const me = useMe();
  const isPolice = Boolean(me && POLICE.has(me.role));
  const list = usePaged((cursor) => api('listManagedBulletins', { query: { cursor, limit: 20 } }), [isPolice], isPolice);
  usePageRefresh(list.refresh, list.loadMore);
  const [shownOnce, setShownOnce] = useState(false);
  useDidShow(() => {
    if (shownOnce) void list.refresh();
    setShownOnce(true);
  });

  const withdraw = async (b: BulletinSummary) => {
    const answer = await Taro.showModal({
      title: '撤回通知',
      content: b.status === 'scheduled' ? `「${b.title}」将不再定时发布。确定撤回吗？` : `撤回后「${b.title}」将从企业的助企动态中移除。确定撤回吗？`,
      confirmText: '撤回',
      cancelText: '再想想',
      confirmColor: '#c0392b',
    });
    if (!answer.confirm) return;
    try {
      await api('withdrawBulletin', { params: { bulletinId: b.id }, body: { version: b.version } });
      void Taro.showToast({ title: '已撤回', icon: 'none' });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
    await list.refresh();
  };

  if (!isPolice) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='民警登录后才能发布信息' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }
  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='bulletin-manage'>
      <Button className='app-button app-button--block' data-testid='compose-bulletin' onClick={() => openPage('bulletinCompose')}>
        发布新信息
      </Button>
      <RefreshBar title={me?.role === 'chief' ? '本所发布的信息' : me?.role === 'centre' ? '中心发布的信息' : '我发布的信息'} onRefresh={list.refresh} refreshing={list.loading} />
      <PagedList
        state={list}
        loadingMessage='正在加载…'
        emptyMessage='还没有发布过信息'
        emptyHint='可发布风险预警、助企动态、法治宣教和政策解读，风险预警可查看企业阅知情况。'
        renderItem={(b) => (
          <ManagedItem key={b.id} bulletin={b} onOpen={(x) => openPage('bulletinDetail', { id: x.id })} onReceipts={(x) => openPage('bulletinReceipts', { id: x.id })} onWithdraw={(x) => void withdraw(x)} />
        )}
      />
    </View>
  );
}
