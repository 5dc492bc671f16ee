import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { EnterpriseItem } from '../../../../components/EnterpriseItem';
import { callPhone } from '../../../../components/OfficerCard';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { usePaged, usePageRefresh, useRequest } from '../../../../services/hooks';
import { openPage } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import './index.scss';
import { pageScaleStyle } from '../../../../services/text-size';

/** A liaison officer as the chief sees them: details and the enterprises they look after. */
export default function OfficerPage() {
  const { params } = useRouter();
  const officerId = params.officerId ?? '';
  const officer = useRequest(() => api('getOfficer', { params: { officerId } }), [officerId], Boolean(officerId));
  const enterprises = usePaged((cursor) => api('listOfficerEnterprises', { params: { officerId }, query: { cursor, limit: 20 } }), [officerId], Boolean(officerId));
  usePageRefresh(() => Promise.all([officer.reload(), enterprises.refresh()]), enterprises.loadMore);

  if (!officerId) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message='缺少联络官编号，请从列表重新进入' />
      </View>
    );
  }

  const o = officer.data;
  return (
    <View style={pageScaleStyle()} className='app-page app-page--wide officer-page'>
      {officer.loading && !o ? (
        <StatusView compact variant='loading' message='正在加载联络官…' />
      ) : officer.error && !o ? (
        <StatusView compact variant='error' message={officer.error.message} onAction={officer.reload} />
      ) : o ? (
        <View className='app-card officer-page__card'>
          <View className='officer-page__top'>
            <Text className='officer-page__name'>{o.name}</Text>
            {o.isChief ? <Text className='app-tag'>所长</Text> : null}
            {o.onLeave ? <Text className='app-tag app-tag--warning'>休假中</Text> : null}
          </View>
          <Text className='app-card__hint'>{`${o.title} · 警号 ${o.badgeNo}`}</Text>
          <Text className='officer-page__phone' onClick={() => callPhone(o.mobile)}>{`手机 ${o.mobile}（点击拨打）`}</Text>
          <Text className='app-card__hint'>{o.bound ? '已绑定微信' : '尚未绑定微信：请将邀请码发给本人'}</Text>
        </View>
      ) : null}

      <RefreshBar title='负责的企业' extra={o ? `共 ${o.enterpriseCount} 家` : undefined} onRefresh={enterprises.refresh} refreshing={enterprises.loading} />
      <PagedList
        state={enterprises}
        columns
        emptyMessage='暂无负责的企业'
        renderItem={(enterprise) => <EnterpriseItem key={enterprise.id} enterprise={enterprise} onOpen={(e) => openPage('enterpriseFile', { enterpriseId: e.id })} />}
      />
    </View>
  );
}
