import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';
import { StationQueue } from '../../../../features/appeals/StationQueue';
import { useMe, usePaged } from '../../../../services/hooks';
import { restartAt } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import './index.scss';
import { pageScaleStyle } from '../../../../services/text-size';

/** 每日队列: the chief's own station; the centre chooses a station first. Wide on a desktop browser. */
export default function StationQueuePage() {
  const me = useMe();
  const isCentre = me?.role === 'centre';
  const stations = usePaged((cursor) => api('listStations', { query: { cursor, limit: 100 } }), [], isCentre);
  const [pickedIndex, setPickedIndex] = useState(0);

  if (!me || (me.role !== 'chief' && me.role !== 'centre')) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message='每日队列仅供所长和助企警务中心使用' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }

  const picked = isCentre ? stations.items[Math.min(pickedIndex, stations.items.length - 1)] : undefined;
  const stationId = isCentre ? picked?.id : (me.station?.id ?? me.officer?.stationId);
  const stationName = isCentre ? picked?.name : me.station?.name;

  return (
    <View style={pageScaleStyle()} className='app-page app-page--wide queue-page'>
      {isCentre ? (
        <View className='app-card queue-page__picker'>
          <Text className='app-card__hint'>选择派出所</Text>
          {stations.loading && stations.items.length === 0 ? (
            <StatusView compact variant='loading' message='正在加载派出所…' />
          ) : stations.error && stations.items.length === 0 ? (
            <StatusView compact variant='error' message={stations.error.message} onAction={stations.refresh} />
          ) : (
            <Picker mode='selector' range={stations.items.map((s) => s.name)} value={pickedIndex} onChange={(e) => setPickedIndex(Number(e.detail.value))}>
              <View className='queue-page__picker-value'>
                <Text>{picked?.name ?? '请选择'}</Text>
                <Text className='queue-page__picker-arrow'>切换 ›</Text>
              </View>
            </Picker>
          )}
        </View>
      ) : null}
      {stationId ? <StationQueue key={stationId} stationId={stationId} stationName={stationName} /> : isCentre ? null : <StatusView variant='error' message='未找到您所在的派出所' hint='请联系助企警务中心核对账号。' />}
    </View>
  );
}
