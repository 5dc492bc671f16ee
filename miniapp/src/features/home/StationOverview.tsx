import { useMemo, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import type { Me } from '../../../../shared/schemas/auth';
import { EnterpriseItem } from '../../components/EnterpriseItem';
import { OfficerItem } from '../../components/OfficerItem';
import { PagedList } from '../../components/PagedList';
import { RefreshBar } from '../../components/RefreshBar';
import { StatusView } from '../../components/StatusView';
import { TileGrid } from '../../components/TileGrid';
import { useUnreadCount } from '../../services/notifications';
import { usePaged, usePageRefresh } from '../../services/hooks';
import { openPage } from '../../services/navigation';
import { api } from '../../services/request';
import { managerTiles } from './home-tiles';
import { CalendarNoticeBanner } from '../calendar/CalendarNoticeBanner';
import './StationOverview.scss';

export interface StationOverviewProps {
  me: Me;
}

/**
 * 所长 / 中心首页: a station's officers (on leave, how many enterprises each) and its enterprises.
 * The centre picks the station first. Two columns on a desktop browser.
 */
export function StationOverview({ me }: StationOverviewProps) {
  const isCentre = me.role === 'centre';
  const unread = useUnreadCount();
  const stations = usePaged((cursor) => api('listStations', { query: { cursor, limit: 100 } }), [], isCentre);
  const [pickedIndex, setPickedIndex] = useState(0);

  const ownStationId = me.station?.id ?? me.officer?.stationId ?? null;
  const picked = isCentre ? stations.items[Math.min(pickedIndex, stations.items.length - 1)] : undefined;
  const stationId = isCentre ? (picked?.id ?? null) : ownStationId;
  const stationName = isCentre ? picked?.name : me.station?.name;

  const officers = usePaged((cursor) => api('listStationOfficers', { params: { stationId: stationId! }, query: { cursor, limit: 50 } }), [stationId], Boolean(stationId));
  const enterprises = usePaged((cursor) => api('listStationEnterprises', { params: { stationId: stationId! }, query: { cursor, limit: 20 } }), [stationId], Boolean(stationId));
  const refreshAll = () => Promise.all([officers.refresh(), enterprises.refresh(), isCentre ? stations.refresh() : Promise.resolve()]);
  usePageRefresh(refreshAll, enterprises.loadMore);

  const figures = useMemo(
    () => ({
      officers: officers.items.length,
      onLeave: officers.items.filter((o) => o.onLeave).length,
      enterprises: officers.items.reduce((sum, o) => sum + o.enterpriseCount, 0),
    }),
    [officers.items],
  );

  const stationPicker = isCentre ? (
    <View className='station-overview__picker app-card'>
      <Text className='app-card__hint'>选择派出所</Text>
      {stations.loading && stations.items.length === 0 ? (
        <StatusView compact variant='loading' message='正在加载派出所…' />
      ) : stations.error && stations.items.length === 0 ? (
        <StatusView compact variant='error' message={stations.error.message} onAction={stations.refresh} />
      ) : stations.items.length === 0 ? (
        <StatusView compact variant='empty' message='暂无派出所' />
      ) : (
        <Picker mode='selector' range={stations.items.map((s) => s.name)} value={pickedIndex} onChange={(e) => setPickedIndex(Number(e.detail.value))}>
          <View className='station-overview__picker-value'>
            <Text>{picked?.name}</Text>
            <Text className='station-overview__picker-arrow'>切换 ›</Text>
          </View>
        </Picker>
      )}
    </View>
  ) : null;

  if (!isCentre && !ownStationId) {
    return <StatusView variant='error' message='未找到您所在的派出所' hint='请联系助企警务中心核对账号。' />;
  }

  return (
    <View className='station-overview'>
      <View className='app-banner'>
        <Text className='app-banner__title'>{isCentre ? '助企警务中心' : (stationName ?? '本所概况')}</Text>
        <Text className='app-banner__subtitle'>{`${me.displayName} · ${isCentre ? '全区派出所概况' : '本所助企警务概况'}`}</Text>
      </View>

      {isCentre ? <CalendarNoticeBanner /> : null}

      <TileGrid tiles={managerTiles(unread.label, isCentre)} />

      {stationPicker}

      {stationId ? (
        <View className='station-overview__figures'>
          <View className='station-overview__figure'>
            <Text className='station-overview__figure-value'>{figures.officers}</Text>
            <Text className='station-overview__figure-label'>联络官</Text>
          </View>
          <View className='station-overview__figure'>
            <Text className='station-overview__figure-value'>{figures.onLeave}</Text>
            <Text className='station-overview__figure-label'>休假中</Text>
          </View>
          <View className='station-overview__figure'>
            <Text className='station-overview__figure-value'>{figures.enterprises}</Text>
            <Text className='station-overview__figure-label'>服务企业</Text>
          </View>
        </View>
      ) : null}

      {stationId ? (
        <View className='station-overview__columns'>
          <View className='station-overview__column'>
            <RefreshBar title='联络官' extra={stationName} onRefresh={officers.refresh} refreshing={officers.loading} />
            <PagedList
              state={officers}
              loadingMessage='正在加载联络官…'
              emptyMessage='本所暂无联络官'
              emptyHint='联络官账号由所长或中心新建。'
              renderItem={(officer) => <OfficerItem key={officer.id} officer={officer} onOpen={(o) => openPage('officer', { officerId: o.id })} />}
            />
          </View>
          <View className='station-overview__column station-overview__column--wide'>
            <RefreshBar title='辖区企业' onRefresh={enterprises.refresh} refreshing={enterprises.loading} />
            <PagedList
              state={enterprises}
              loadingMessage='正在加载企业…'
              emptyMessage='辖区暂无注册企业'
              renderItem={(enterprise) => <EnterpriseItem key={enterprise.id} enterprise={enterprise} onOpen={(e) => openPage('enterpriseFile', { enterpriseId: e.id })} />}
            />
          </View>
        </View>
      ) : null}
    </View>
  );
}
