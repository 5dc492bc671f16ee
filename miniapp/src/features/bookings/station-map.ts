import Taro from '@tarojs/taro';
import type { StationSummary } from '../../../../shared/schemas/organisation';

export type MappedStation = StationSummary & { latitude: number; longitude: number };

/** A station can be shown on a map only with both halves of its GCJ-02 point. */
export const hasMapPoint = (s: StationSummary | null | undefined): s is MappedStation => typeof s?.latitude === 'number' && typeof s?.longitude === 'number';

/** 高德's marker page (GCJ-02, lng before lat): the H5 build's map, which also hands over to the 高德 app. */
export const amapMarkerUrl = (s: MappedStation): string => `https://uri.amap.com/marker?position=${s.longitude},${s.latitude}&name=${encodeURIComponent(s.name)}&src=zhuqi&coordinate=gaode&callnative=1`;

/** 查看地图 / 导航: WeChat's own map (with its route button) in the mini-program, 高德's page on H5. */
export function openStationMap(s: MappedStation) {
  if (process.env.TARO_ENV === 'weapp') {
    Taro.openLocation({ latitude: s.latitude, longitude: s.longitude, name: s.name, address: s.address, scale: 17 }).catch(() => {
      // Closed by the user: nothing to report.
    });
  } else {
    window.open(amapMarkerUrl(s), '_blank', 'noopener');
  }
}
