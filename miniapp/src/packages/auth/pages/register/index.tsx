import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RegisterEnterpriseBody } from '../../../../../../shared/schemas/enterprise';
import type { StationSummary } from '../../../../../../shared/schemas/organisation';
import { issuesToErrors, type RegisterErrors } from '../../../../features/auth/register-form';
import { RegisterForm } from '../../../../features/auth/RegisterForm';
import { useRequest } from '../../../../services/hooks';
import { restartAt } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import { saveSession } from '../../../../services/session';
import { pageScaleStyle } from '../../../../services/text-size';

/** Every station, following the cursor: the list is short (one district). */
async function loadAllStations(): Promise<StationSummary[]> {
  const all: StationSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const { items, nextCursor } = await api('listStations', { query: { cursor, limit: 100 } });
    all.push(...items);
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return all;
}

export default function RegisterPage() {
  const stations = useRequest(loadAllStations, []);
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [serverErrors, setServerErrors] = useState<RegisterErrors>({});

  const submit = async (body: RegisterEnterpriseBody) => {
    setSubmitting(true);
    setServerError(undefined);
    setServerErrors({});
    try {
      const created = await api('registerEnterprise', { body });
      saveSession(created.session);
      void Taro.showToast({ title: '注册成功', icon: 'success' });
      void restartAt('home');
    } catch (error) {
      if (error instanceof ApiError) {
        setServerError(error.message);
        setServerErrors(issuesToErrors(error.issues));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View style={pageScaleStyle()} className='app-page'>
      <Text className='app-card__hint register-page__intro'>请按营业执照如实填写，带 * 的为必填项。</Text>
      <RegisterForm
        stations={stations.data ?? []}
        stationsLoading={stations.loading}
        stationsError={stations.error?.message}
        onReloadStations={stations.reload}
        submitting={submitting}
        serverError={serverError}
        serverErrors={serverErrors}
        onSubmit={submit}
      />
    </View>
  );
}
