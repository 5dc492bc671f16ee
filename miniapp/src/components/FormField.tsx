import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './FormField.scss';

export interface FormFieldProps {
  label: string;
  required?: boolean;
  /** The field's problem, shown under it in red. */
  error?: string;
  hint?: string;
  children: ReactNode;
}

export function FormField({ label, required = false, error, hint, children }: FormFieldProps) {
  return (
    <View className={`form-field${error ? ' form-field--invalid' : ''}`}>
      <Text className='form-field__label'>
        {label}
        {required ? <Text className='form-field__required'> *</Text> : <Text className='form-field__optional'>（选填）</Text>}
      </Text>
      <View className='form-field__control'>{children}</View>
      {error ? <Text className='form-field__error'>{error}</Text> : hint ? <Text className='form-field__hint'>{hint}</Text> : null}
    </View>
  );
}
