import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { BindInviteForm } from '../../../../features/auth/BindInviteForm';
import { bindInvite } from '../../../../services/auth';
import { restartAt } from '../../../../services/navigation';
import { ApiError } from '../../../../services/request';
import { pageScaleStyle } from '../../../../services/text-size';

export default function BindPage() {
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string>();

  const submit = async (inviteCode: string, displayName?: string) => {
    setSubmitting(true);
    setServerError(undefined);
    try {
      await bindInvite(inviteCode, displayName);
      void Taro.showToast({ title: '绑定成功', icon: 'success' });
      void restartAt('home');
    } catch (error) {
      if (error instanceof ApiError) setServerError(error.message);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View style={pageScaleStyle()} className='app-page'>
      <BindInviteForm submitting={submitting} serverError={serverError} onSubmit={submit} />
    </View>
  );
}
