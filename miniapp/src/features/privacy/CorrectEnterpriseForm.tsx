import { useState } from 'react';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import type { Enterprise } from '../../../../shared/schemas/enterprise';
import { INDUSTRIES } from '../../../../shared/domain/industries';
import { FIELD_LABELS, type UpdateEnterpriseBody } from '../../../../shared/privacy/rights';
import { FormField } from '../../components/FormField';
import { correctionBody, valuesOf, type CorrectionValues } from './correction';

export interface CorrectEnterpriseFormProps {
  enterprise: Enterprise;
  /** Only the owner (企业管理员) may change the name. */
  isOwner: boolean;
  submitting?: boolean;
  serverError?: string;
  onSubmit: (body: UpdateEnterpriseBody) => void;
}

/** 更正企业信息: the enterprise's basic data as it is stored, editable except the credit code. */
export function CorrectEnterpriseForm({ enterprise, isOwner, submitting = false, serverError, onSubmit }: CorrectEnterpriseFormProps) {
  const [values, setValues] = useState<CorrectionValues>(() => valuesOf(enterprise));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [notice, setNotice] = useState<string>();
  const set = (field: keyof CorrectionValues, value: string) => setValues((v) => ({ ...v, [field]: value }));
  const industryIndex = INDUSTRIES.findIndex((i) => i.id === values.industry);

  const submit = () => {
    const result = correctionBody(enterprise, values);
    setNotice(undefined);
    if ('nothing' in result) return setNotice('没有需要保存的修改');
    if ('errors' in result) return setErrors(result.errors);
    setErrors({});
    onSubmit(result.body);
  };

  const text = (field: 'name' | 'contactName' | 'contactMobile' | 'address' | 'employeeCount', disabled = false, hint?: string) => (
    <FormField label={FIELD_LABELS[field]} required={field !== 'employeeCount'} error={errors[field]} hint={hint}>
      <Input className='form-field__input' aria-label={FIELD_LABELS[field]} data-testid={`correct-${field}`} disabled={disabled} value={values[field]} onInput={(e) => set(field, e.detail.value)} />
    </FormField>
  );

  return (
    <View className='correct-form' data-testid='correct-form'>
      {text('name', !isOwner, isOwner ? undefined : '企业名称变更须由企业管理员办理')}
      <FormField label='统一社会信用代码' required hint='不可修改，如有错误请联系辖区派出所'>
        <Text className='form-field__readonly' data-testid='correct-credit-code'>
          {enterprise.creditCode}
        </Text>
      </FormField>
      <FormField label={FIELD_LABELS.industry} required error={errors.industry}>
        <Picker className='form-field__picker' mode='selector' range={INDUSTRIES.map((i) => i.label)} value={Math.max(industryIndex, 0)} onChange={(e) => set('industry', INDUSTRIES[Number(e.detail.value)]?.id ?? '')}>
          <View className='form-field__picker-value'>{industryIndex >= 0 ? INDUSTRIES[industryIndex].label : '点击选择行业'}</View>
        </Picker>
      </FormField>
      {text('address')}
      {text('employeeCount')}
      {text('contactName')}
      {text('contactMobile')}
      {notice ? <Text className='form-field__hint'>{notice}</Text> : null}
      {serverError ? <Text className='form-field__error'>{serverError}</Text> : null}
      <Button className='app-button app-button--block' data-testid='correct-submit' loading={submitting} disabled={submitting} onClick={submit}>
        保存更正
      </Button>
      <Text className='app-card__hint'>更正会记入企业信息变更记录，辖区联络官可以看到。</Text>
    </View>
  );
}
