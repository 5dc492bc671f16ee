import { Image, Text, View } from '@tarojs/components';
import type { Me } from '../../../../shared/schemas/auth';
import { iconUri } from '../../components/icons';
import { OfficerCard } from '../../components/OfficerCard';
import { StatusView } from '../../components/StatusView';
import { TileGrid } from '../../components/TileGrid';
import { useFeedUnreadCount } from '../bulletins/feed-unread';
import { useUnreadCount } from '../../services/notifications';
import { useRequest, usePageRefresh } from '../../services/hooks';
import { openPage } from '../../services/navigation';
import { api } from '../../services/request';
import { enterpriseTiles, REPORT_SHORTCUTS } from './home-tiles';
import './EnterpriseHome.scss';

export interface EnterpriseHomeProps {
  me: Me;
}

/**
 * 企业首页, task first: an unread 风险预警 on top, one large 我要反映问题, the liaison officer (once), then the
 * other services. Pull down to refresh.
 */
export function EnterpriseHome({ me }: EnterpriseHomeProps) {
  const enterprise = me.enterprise;
  const unread = useUnreadCount();
  const feedUnread = useFeedUnreadCount();
  const riskUnread = (feedUnread.byKind?.risk ?? 0) > 0;
  const file = useRequest(
    // The officer card only: sections=none spares the file's section Queries on every visit of the home page.
    () => api('getEnterpriseFile', { params: { enterpriseId: enterprise!.id }, query: { sections: 'none' } }),
    [enterprise?.id],
    Boolean(enterprise),
  );
  // The newest unread risk warning, only when the counts say there is one (a bounded read of a few items).
  const risk = useRequest(async () => (await api('listFeed', { query: { kind: 'risk', limit: 5 }, silent: true })).items.find((e) => !e.readAt) ?? null, [riskUnread], riskUnread);
  usePageRefresh(() => Promise.all([file.reload(), feedUnread.reload(), unread.reload()]));

  return (
    <View className='enterprise-home'>
      {riskUnread && risk.data ? (
        <View className='enterprise-home__risk' data-testid='home-risk' hoverClass='enterprise-home__risk--pressed' onClick={() => void openPage('bulletinDetail', { id: risk.data!.bulletinId })}>
          <Text className='enterprise-home__risk-tag'>风险预警</Text>
          <Text className='enterprise-home__risk-title'>{risk.data.title}</Text>
          <Text className='enterprise-home__risk-more'>查看 ›</Text>
        </View>
      ) : null}

      <View className='enterprise-home__who' onClick={() => enterprise && openPage('enterpriseFile', { enterpriseId: enterprise.id })}>
        <Text className='enterprise-home__name'>{enterprise?.name ?? me.displayName}</Text>
        {enterprise ? <Text className='enterprise-home__link'>企业档案 ›</Text> : null}
      </View>

      <View className='enterprise-home__report' data-testid='home-report' hoverClass='enterprise-home__report--pressed' onClick={() => void openPage('appealReport')}>
        <View className='enterprise-home__report-icon'>
          <Image className='enterprise-home__report-image' src={iconUri('consult', '#ffffff')} mode='aspectFit' aria-hidden />
        </View>
        <View className='enterprise-home__report-text'>
          <Text className='enterprise-home__report-title'>我要反映问题</Text>
          <Text className='enterprise-home__report-hint'>纠纷、求助、咨询、建议，直达联络官</Text>
        </View>
      </View>
      <View className='enterprise-home__shortcuts'>
        {REPORT_SHORTCUTS.map((s) => (
          <View key={s.type} className='enterprise-home__shortcut' hoverClass='enterprise-home__shortcut--pressed' onClick={() => void openPage('appealReport', { type: s.type })}>
            <Image className='enterprise-home__shortcut-icon' src={iconUri(s.icon)} mode='aspectFit' aria-hidden />
            <Text className='enterprise-home__shortcut-title'>{s.title}</Text>
          </View>
        ))}
      </View>

      {!enterprise ? (
        <StatusView compact variant='empty' message='尚未关联企业' hint='请先完成企业注册，或请企业管理员邀请您加入。' />
      ) : file.loading && !file.data ? (
        <View className='app-card skeleton skeleton--card' aria-label='正在加载联络官信息' />
      ) : file.error && !file.data ? (
        <StatusView compact variant='error' message={file.error.message} onAction={file.reload} />
      ) : file.data ? (
        <OfficerCard officer={file.data.officer} />
      ) : null}

      <Text className='app-section-title'>更多服务</Text>
      <TileGrid tiles={enterpriseTiles(unread.label, feedUnread.label)} />
    </View>
  );
}
