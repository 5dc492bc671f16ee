import { Text, View } from '@tarojs/components';
import type { Me } from '../../../../shared/schemas/auth';
import { OfficerCard } from '../../components/OfficerCard';
import { RefreshBar } from '../../components/RefreshBar';
import { StatusView } from '../../components/StatusView';
import { TileGrid } from '../../components/TileGrid';
import { useFeedUnreadCount } from '../bulletins/feed-unread';
import { useUnreadCount } from '../../services/notifications';
import { useRequest, usePageRefresh } from '../../services/hooks';
import { openPage } from '../../services/navigation';
import { api } from '../../services/request';
import { enterpriseTiles } from './home-tiles';
import './EnterpriseHome.scss';

export interface EnterpriseHomeProps {
  me: Me;
}

/** 企业首页: the services, the enterprise itself, and its liaison officer with a tap to call. */
export function EnterpriseHome({ me }: EnterpriseHomeProps) {
  const enterprise = me.enterprise;
  const unread = useUnreadCount();
  const feedUnread = useFeedUnreadCount();
  const file = useRequest(
    // The officer card only: sections=none spares the file's section Queries on every visit of the home page.
    () => api('getEnterpriseFile', { params: { enterpriseId: enterprise!.id }, query: { sections: 'none' } }),
    [enterprise?.id],
    Boolean(enterprise),
  );
  usePageRefresh(file.reload);

  return (
    <View className='enterprise-home'>
      <View className='app-banner enterprise-home__banner' onClick={() => enterprise && openPage('enterpriseFile', { enterpriseId: enterprise.id })}>
        <Text className='app-banner__title'>{enterprise?.name ?? me.displayName}</Text>
        <Text className='app-banner__subtitle'>
          {enterprise ? `统一社会信用代码 ${enterprise.creditCode}` : '尚未关联企业'}
          {me.memberRole === 'staff' ? ' · 企业员工' : ''}
        </Text>
        {enterprise ? <Text className='enterprise-home__link'>查看企业档案 ›</Text> : null}
      </View>

      <TileGrid tiles={enterpriseTiles(unread.label, feedUnread.label)} />

      <RefreshBar title='我的联络官' onRefresh={file.reload} refreshing={file.loading} />
      {!enterprise ? (
        <StatusView compact variant='empty' message='尚未关联企业' hint='请先完成企业注册，或请企业管理员邀请您加入。' />
      ) : file.loading && !file.data ? (
        <StatusView compact variant='loading' message='正在加载联络官信息…' />
      ) : file.error && !file.data ? (
        <StatusView compact variant='error' message={file.error.message} onAction={file.reload} />
      ) : file.data ? (
        <OfficerCard officer={file.data.officer} />
      ) : null}
    </View>
  );
}
