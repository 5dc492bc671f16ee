import { Button, Text, View } from '@tarojs/components';
import type { StationSummary } from '../../../../shared/schemas/organisation';
import { callPhone } from '../../components/OfficerCard';
import { hasMapPoint, openStationMap } from './station-map';

export interface StationPlaceProps {
  station: StationSummary;
  /** Heading above the name; defaults to 办理地点. */
  heading?: string;
}

/** Where to go: the station's name, address and phone, with 查看地图 (when it has a map point) and 拨打电话. */
export function StationPlace({ station, heading = '办理地点' }: StationPlaceProps) {
  return (
    <View className='station-place' data-testid='station-place'>
      <Text className='station-place__heading'>{heading}</Text>
      <Text className='station-place__name'>{station.name}</Text>
      <Text className='station-place__line' data-testid='station-address'>
        {station.address}
      </Text>
      <Text className='station-place__line'>{`电话 ${station.phone}`}</Text>
      <View className='station-place__actions'>
        {hasMapPoint(station) ? (
          <Button className='app-button app-button--secondary station-place__action' data-testid='station-map' onClick={() => openStationMap(station)}>
            查看地图 / 导航
          </Button>
        ) : null}
        <Button className='app-button app-button--secondary station-place__action' data-testid='station-call' onClick={() => callPhone(station.phone)}>
          拨打电话
        </Button>
      </View>
    </View>
  );
}
