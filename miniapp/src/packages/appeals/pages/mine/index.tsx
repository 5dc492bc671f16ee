import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import type { EnterpriseGroup } from '../../../../../../shared/appeals/queues';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { ENTERPRISE_GROUP_CHIPS } from '../../../../features/appeals/appeal-format';
import { AppealItem } from '../../../../features/appeals/AppealItem';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { openPage, restartAt } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

type GroupKey = EnterpriseGroup | 'all';

const EMPTY_MESSAGES: Record<GroupKey, string> = {
  all: '您还没有提交过诉求',
  open: '没有办理中的诉求',
  resolved: '没有待评价的诉求',
  done: '没有已完结的诉求',
};

/** 我的诉求: the enterprise's appeals, newest first, filtered by 办理中 / 待评价 / 已完结. */
export default function MyAppealsPage() {
  const me = useMe();
  const enterpriseId = me?.enterprise?.id;
  const [group, setGroup] = useState<GroupKey>('all');
  const appeals = usePaged(
    (cursor) => api('listEnterpriseAppeals', { params: { enterpriseId: enterpriseId! }, query: { group: group === 'all' ? undefined : group, cursor, limit: 20 } }),
    [enterpriseId, group],
    Boolean(enterpriseId),
  );
  usePageRefresh(appeals.refresh, appeals.loadMore);

  // Back from an appeal page (rated, withdrawn …): show the new state.
  const [shownOnce, setShownOnce] = useState(false);
  useDidShow(() => {
    if (shownOnce) void appeals.refresh();
    setShownOnce(true);
  });

  if (!enterpriseId) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='企业用户登录后才能查看诉求' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }

  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='my-appeals-page'>
      <ChoiceChips testId='appeal-groups' layout='scroll' options={ENTERPRISE_GROUP_CHIPS} value={group} onChange={setGroup} />
      <RefreshBar title='我的诉求' onRefresh={appeals.refresh} refreshing={appeals.loading} />
      <PagedList
        state={appeals}
        loadingMessage='正在加载诉求…'
        emptyMessage={EMPTY_MESSAGES[group]}
        emptyHint={group === 'all' ? '可在首页选择政策咨询、矛盾纠纷上报、意见建议或求助。' : undefined}
        renderItem={(appeal) => <AppealItem key={appeal.id} appeal={appeal} audience='enterprise' onOpen={(a) => openPage('appealDetail', { id: a.id })} />}
      />
      <Button className='app-button app-button--secondary app-button--block' onClick={() => openPage('appealReport', { type: 'policy' })}>
        提交新的诉求
      </Button>
    </View>
  );
}
