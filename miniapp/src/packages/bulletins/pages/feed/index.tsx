import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { FeedItem } from '../../../../features/bulletins/FeedItem';
import { KIND_FILTERS, kindLabel, type KindFilter } from '../../../../features/bulletins/bulletin-format';
import { useMe, usePaged, usePageRefresh, useRequest } from '../../../../services/hooks';
import { openPage, restartAt } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import '../../../../features/bulletins/bulletins.scss';
import { pageScaleStyle } from '../../../../services/text-size';

/** 助企动态: what the police sent this enterprise, newest first, by kind, with unread counts on the chips. */
export default function BulletinFeedPage() {
  const me = useMe();
  const isEnterprise = me?.role === 'enterprise';
  const [filter, setFilter] = useState<KindFilter>('all');
  const feed = usePaged((cursor) => api('listFeed', { query: { cursor, limit: 20, ...(filter === 'all' ? {} : { kind: filter }) } }), [filter, isEnterprise], isEnterprise);
  const unread = useRequest(() => api('feedUnreadCounts'), [isEnterprise], isEnterprise);
  const refresh = async () => {
    await Promise.all([feed.refresh(), unread.reload()]);
  };
  usePageRefresh(refresh, feed.loadMore);

  const [shownOnce, setShownOnce] = useState(false);
  useDidShow(() => {
    if (shownOnce) void refresh();
    setShownOnce(true);
  });

  if (!isEnterprise) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='企业用户登录后才能查看助企动态' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }

  const counts = unread.data;
  const options = KIND_FILTERS.map((f) => {
    const n = counts ? (f.key === 'all' ? counts.total : counts.byKind[f.key]) : 0;
    return { ...f, ...(n > 0 ? { count: counts?.capped && f.key === 'all' ? 99 : n } : {}) };
  });
  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='bulletin-feed'>
      <ChoiceChips testId='feed-filters' layout='scroll' options={options} value={filter} onChange={setFilter} />
      <RefreshBar title={counts && counts.total > 0 ? `未读 ${counts.capped ? '99+' : counts.total} 条` : '助企动态'} onRefresh={refresh} refreshing={feed.loading} />
      <PagedList
        state={feed}
        loadingMessage='正在加载…'
        emptyMessage={filter === 'all' ? '暂时没有收到通知' : `暂时没有${kindLabel(filter)}`}
        emptyHint='派出所和助企警务中心发布的风险预警、助企动态、法治宣教和政策解读会显示在这里。'
        renderItem={(entry) => <FeedItem key={entry.bulletinId} entry={entry} onOpen={(e) => openPage('bulletinDetail', { id: e.bulletinId })} />}
      />
    </View>
  );
}
