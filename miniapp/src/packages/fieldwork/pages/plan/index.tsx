import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { PutServicePlanBody } from '../../../../../../shared/fieldwork/schemas';
import { StatusView } from '../../../../components/StatusView';
import { PlanEditor, PlanView } from '../../../../features/fieldwork/PlanEditor';
import { useMe, usePageRefresh, useRequest } from '../../../../services/hooks';
import { api, ApiError } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

/** 一企一策 (?enterpriseId=): the police edit it, the enterprise reads it. */
export default function ServicePlanPage() {
  const { params } = useRouter();
  const enterpriseId = params.enterpriseId ?? '';
  const me = useMe();
  const plan = useRequest(() => api('getServicePlan', { params: { enterpriseId } }), [enterpriseId], Boolean(enterpriseId));
  usePageRefresh(plan.reload);
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string>();

  if (!enterpriseId) return <StatusView variant='error' message='缺少企业编号，请从企业档案进入' />;
  if (plan.loading && !plan.data) return <StatusView variant='loading' message='正在加载服务方案…' />;
  if (plan.error && !plan.data) return <StatusView variant='error' message={plan.error.message} onAction={plan.reload} />;

  const save = async (body: PutServicePlanBody) => {
    setSubmitting(true);
    setServerError(undefined);
    try {
      await api('putServicePlan', { params: { enterpriseId }, body });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      await plan.reload();
    } catch (error) {
      if (error instanceof ApiError) setServerError(error.message);
    } finally {
      setSubmitting(false);
    }
  };

  const police = me?.role === 'officer' || me?.role === 'chief' || me?.role === 'centre';
  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='plan-page'>
      {police ? (
        <PlanEditor key={plan.data!.version} plan={plan.data!} submitting={submitting} serverError={serverError} onSubmit={(b) => void save(b)} />
      ) : (
        <View className='app-card'>
          <PlanView plan={plan.data!} />
        </View>
      )}
    </View>
  );
}
