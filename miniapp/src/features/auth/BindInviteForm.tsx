import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { BindInviteBody } from '../../../../shared/schemas/auth';
import { FormField } from '../../components/FormField';
import './BindInviteForm.scss';

export interface BindInviteFormProps {
  submitting: boolean;
  serverError?: string;
  onSubmit: (inviteCode: string, displayName?: string) => void;
}

/** 绑定民警账号: the 8-character invite code a chief or the centre issued (also used for enterprise staff). */
export function BindInviteForm({ submitting, serverError, onSubmit }: BindInviteFormProps) {
  const [inviteCode, setInviteCode] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [error, setError] = useState<string>();

  const submit = () => {
    const parsed = BindInviteBody.safeParse({ inviteCode, displayName: displayName.trim() || undefined });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '邀请码不正确');
      return;
    }
    setError(undefined);
    onSubmit(parsed.data.inviteCode, parsed.data.displayName);
  };

  return (
    <View className='bind-form'>
      <View className='app-card'>
        <FormField label='邀请码' required error={error ?? serverError} hint='8位字母或数字，由所长或助企警务中心发放'>
          <Input className='form-field__input' placeholderClass='form-field__placeholder' placeholder='请输入8位邀请码' maxlength={8} value={inviteCode} onInput={(e) => setInviteCode(e.detail.value.toUpperCase())} />
        </FormField>
        <FormField label='称呼'>
          <Input className='form-field__input' placeholderClass='form-field__placeholder' placeholder='如：张警官' maxlength={20} value={displayName} onInput={(e) => setDisplayName(e.detail.value)} />
        </FormField>
      </View>
      <Button className='app-button app-button--block' disabled={submitting} onClick={submit}>
        {submitting ? '正在绑定…' : '确认绑定'}
      </Button>
      <Text className='app-muted bind-form__note'>绑定后，本微信号将以民警身份登录助企直通车。</Text>
    </View>
  );
}
