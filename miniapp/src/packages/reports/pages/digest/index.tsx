import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { StatusView } from '../../../../components/StatusView';
import { RefreshBar } from '../../../../components/RefreshBar';
import { api } from '../../../../services/request';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import type { Digest } from '../../../../../../shared/stats/schemas';
import { dayLabel } from '../../../../../../shared/stats/period';
import '../../../../features/reports/reports.scss';
import { pageScaleStyle } from '../../../../services/text-size';

function DigestCard({ digest, open, onToggle }: { digest: Digest; open: boolean; onToggle: () => void }) {
  return (
    <View className='app-card' onClick={onToggle} data-testid={`digest-${digest.day}`}>
      <Text className='report-section__title'>{`${digest.title}${open ? '' : ' ›'}`}</Text>
      {(open ? digest.lines : digest.lines.slice(0, 2)).map((line) => (
        <Text key={line} className='digest__line'>
          {line}
        </Text>
      ))}
    </View>
  );
}

/** 每日晨报: today's digest on top (opened), earlier ones below (newest first). */
export default function DigestPage() {
  const me = useMe();
  const { params } = useRouter();
  // Opened from a notification: id = '<stationId>:<day>'; from the home tile: the chief's own station.
  const [stationId, day] = params.id ? params.id.split(':') : [];
  const sid = params.stationId || stationId || (me?.role === 'chief' ? me.station?.id : undefined);
  const list = usePaged((cursor) => api('listDigests', { params: { stationId: sid! }, query: { cursor, limit: 20 } }), [sid], !!sid);
  const [opened, setOpened] = useState<string | null>(day ?? null);
  usePageRefresh(list.refresh, list.loadMore);

  if (me && !sid) {
    const hint = me.role === 'centre' ? '请从统计分析选择派出所后查看该所晨报' : '每日晨报发给派出所所长';
    return (
      <View className='report-page'>
        <StatusView variant='empty' message='请先选择派出所' hint={hint} />
      </View>
    );
  }
  return (
    <View style={pageScaleStyle()} className='app-page report-page'>
      <RefreshBar title='每日晨报' onRefresh={() => void list.refresh()} refreshing={list.loading} />
      {list.loading && list.items.length === 0 ? <StatusView variant='loading' /> : null}
      {list.error ? <StatusView variant='error' message={list.error.message} onAction={list.refresh} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? <StatusView variant='empty' message='还没有晨报' hint='工作日早上8:30自动生成' /> : null}
      {list.items.map((d, i) => (
        <DigestCard key={d.day} digest={d} open={opened ? opened === d.day : i === 0} onToggle={() => setOpened(opened === d.day ? '' : d.day)} />
      ))}
      {list.items.length > 0 && !list.hasMore ? <Text className='export-card__meta'>{`最早一期：${dayLabel(list.items[list.items.length - 1].day)}`}</Text> : null}
    </View>
  );
}
