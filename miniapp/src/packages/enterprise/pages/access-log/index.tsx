import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { AccessLogEntry } from '../../../../../../shared/audit/access-log';
import { PagedList } from '../../../../components/PagedList';
import { StatusView } from '../../../../components/StatusView';
import { formatDateTime } from '../../../../features/appeals/appeal-format';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { restartAt } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import './index.scss';
import { pageScaleStyle } from '../../../../services/text-size';

/** 谁查看了我的档案: every police read of this enterprise's data, newest first (kept 3 years). ?enterpriseId= for the centre. */
export default function AccessLogPage() {
  const me = useMe();
  const { params } = useRouter();
  const enterpriseId = params.enterpriseId ?? me?.enterprise?.id;
  const allowed = Boolean(enterpriseId && (me?.role === 'enterprise' || me?.role === 'centre'));
  const list = usePaged((cursor) => api('enterpriseAccessLog', { params: { enterpriseId: enterpriseId! }, query: { cursor, limit: 20 } }), [enterpriseId], allowed);
  usePageRefresh(list.refresh, list.loadMore);

  if (!allowed) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='企业用户登录后可查看档案的查看记录' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }

  return (
    <View style={pageScaleStyle()} className='app-page access-log-page' data-testid='access-log-page'>
      <Text className='access-log-page__intro'>民警每次查看贵企业的档案、诉求、走访记录或联系方式，都会在这里留下记录，保存3年。</Text>
      <PagedList<AccessLogEntry>
        state={list}
        emptyMessage='还没有民警查看过贵企业的档案'
        renderItem={(e) => (
          <View key={e.id} className='app-card access-log-item' data-testid='access-log-item'>
            <View className='access-log-item__head'>
              <Text>{e.actorName}</Text>
              <Text className='access-log-item__time'>{formatDateTime(e.at)}</Text>
            </View>
            <Text className='access-log-item__what'>{`${e.unitName} · 查看了${e.whatLabel}`}</Text>
          </View>
        )}
      />
    </View>
  );
}
