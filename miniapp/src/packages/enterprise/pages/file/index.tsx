import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { EnterpriseFileView } from '../../../../features/enterprise/EnterpriseFileView';
import { useMe, usePageRefresh, useRequest } from '../../../../services/hooks';
import { api } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

/** 一企一档 for an enterprise user (their own) or the police (their enterprises). */
export default function EnterpriseFilePage() {
  const { params } = useRouter();
  const enterpriseId = params.enterpriseId ?? '';
  const me = useMe();
  const police = me?.role === 'officer' || me?.role === 'chief' || me?.role === 'centre';
  const file = useRequest(() => api('getEnterpriseFile', { params: { enterpriseId } }), [enterpriseId], Boolean(enterpriseId));
  usePageRefresh(file.reload);

  return (
    <View style={pageScaleStyle()} className='app-page app-page--wide'>
      {!enterpriseId ? (
        <StatusView variant='error' message='缺少企业编号，请从列表重新进入' />
      ) : file.loading && !file.data ? (
        <StatusView variant='loading' message='正在加载企业档案…' />
      ) : file.error && !file.data ? (
        <StatusView variant='error' message={file.error.message} onAction={file.reload} />
      ) : file.data ? (
        <>
          <RefreshBar title='企业档案' onRefresh={file.reload} refreshing={file.loading} />
          <EnterpriseFileView file={file.data} viewer={police ? 'police' : 'enterprise'} />
        </>
      ) : null}
    </View>
  );
}
