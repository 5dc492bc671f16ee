import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { Me } from '../../../../shared/schemas/auth';
import { EnterpriseItem } from '../../components/EnterpriseItem';
import { PagedList } from '../../components/PagedList';
import { RefreshBar } from '../../components/RefreshBar';
import { StatusView } from '../../components/StatusView';
import { TileGrid } from '../../components/TileGrid';
import { useUnreadCount } from '../../services/notifications';
import { usePaged, usePageRefresh } from '../../services/hooks';
import { openPage } from '../../services/navigation';
import { api } from '../../services/request';
import { officerTiles } from './home-tiles';
import './OfficerHome.scss';

export interface OfficerHomeProps {
  me: Me;
}

/** 联络官首页: the enterprises this officer looks after. */
export function OfficerHome({ me }: OfficerHomeProps) {
  const officer = me.officer;
  const unread = useUnreadCount();
  // An officer looks after tens of enterprises (一企一警): one page of 100 holds them, so the search filters on the
  // phone, by name or 统一社会信用代码, without a server round trip per keystroke.
  const enterprises = usePaged((cursor) => api('listOfficerEnterprises', { params: { officerId: officer!.id }, query: { cursor, limit: 100 } }), [officer?.id], Boolean(officer));
  usePageRefresh(enterprises.refresh, enterprises.loadMore);
  const [search, setSearch] = useState('');
  const needle = search.trim().toUpperCase();
  const shown = needle ? { ...enterprises, items: enterprises.items.filter((e) => e.name.toUpperCase().includes(needle) || e.creditCode.includes(needle)) } : enterprises;

  if (!officer) return <StatusView variant='error' message='未找到您的民警信息' hint='请联系所长或助企警务中心核对账号。' />;

  return (
    <View className='officer-home'>
      <View className='app-banner'>
        <Text className='app-banner__title'>{`${officer.name}，您好`}</Text>
        <Text className='app-banner__subtitle'>{`${officer.title} · ${me.station?.name ?? ''}`}</Text>
        {officer.onLeave ? <Text className='app-tag app-tag--warning officer-home__leave'>休假中</Text> : null}
      </View>

      <TileGrid tiles={officerTiles(unread.label)} />

      <RefreshBar title='我的企业' extra={`共 ${officer.enterpriseCount} 家`} onRefresh={enterprises.refresh} refreshing={enterprises.loading} />
      <View className='officer-home__search'>
        <Input className='officer-home__search-input' data-testid='enterprise-search' type='text' confirmType='search' placeholder='搜索企业名称或信用代码' value={search} onInput={(e) => setSearch(e.detail.value)} />
      </View>
      <PagedList
        state={shown}
        columns
        loadingMessage='正在加载企业…'
        emptyMessage={needle ? `没有找到“${search.trim()}”` : '暂无负责的企业'}
        emptyHint={needle ? '请核对企业名称或统一社会信用代码。' : '辖区企业注册后会自动分配给联络官。'}
        renderItem={(enterprise) => <EnterpriseItem key={enterprise.id} enterprise={enterprise} onOpen={(e) => openPage('enterpriseFile', { enterpriseId: e.id })} />}
      />
    </View>
  );
}
