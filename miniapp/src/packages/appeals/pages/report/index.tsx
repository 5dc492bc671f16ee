import { useState } from 'react';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { APPEAL_TYPE_LABELS, APPEAL_TYPES, type AppealType } from '../../../../../../shared/appeals/catalogue';
import type { CreateAppealBody } from '../../../../../../shared/appeals/schemas';
import { StatusView } from '../../../../components/StatusView';
import { ReportForm } from '../../../../features/appeals/ReportForm';
import { issuesToReportErrors, type ReportErrors } from '../../../../features/appeals/report-form';
import { useMe } from '../../../../services/hooks';
import { replacePage, restartAt } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

const PAGE_TITLES: Record<AppealType, string> = {
  policy: '政策咨询',
  dispute: '矛盾纠纷上报',
  suggestion: '意见建议',
  help: '求助',
};

/** Query values may arrive still percent-encoded (weapp) or already decoded (h5). */
const decodeParam = (v: string | undefined) => {
  try {
    return v ? decodeURIComponent(v) : undefined;
  } catch {
    return v;
  }
};

/** 诉求上报: ?type=policy|dispute|suggestion|help preselects the type (&title=&description= pre-fill the text); on success, the new appeal's page. */
export default function AppealReportPage() {
  const { params } = useRouter();
  const me = useMe();
  const type: AppealType = (APPEAL_TYPES as readonly string[]).includes(params.type ?? '') ? (params.type as AppealType) : 'policy';
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [serverErrors, setServerErrors] = useState<ReportErrors>({});

  useLoad(() => {
    void Taro.setNavigationBarTitle({ title: PAGE_TITLES[type] ?? APPEAL_TYPE_LABELS[type] });
  });

  const submit = async (body: CreateAppealBody) => {
    setSubmitting(true);
    setServerError(undefined);
    setServerErrors({});
    try {
      const view = await api('createAppeal', { body });
      void Taro.showToast({ title: '提交成功', icon: 'success' });
      void replacePage('appealDetail', { id: view.appeal.id });
    } catch (error) {
      if (error instanceof ApiError) {
        setServerError(error.message);
        setServerErrors(issuesToReportErrors(error.issues));
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (me?.role !== 'enterprise' || !me.enterprise) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='企业用户登录后才能提交诉求' hint='请先完成企业注册，或请企业管理员邀请您加入。' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }

  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='report-page'>
      <ReportForm
        initialType={type}
        initialTitle={decodeParam(params.title)}
        initialDescription={decodeParam(params.description)}
        submitting={submitting}
        serverError={serverError}
        serverErrors={serverErrors}
        onSubmit={submit}
      />
    </View>
  );
}
