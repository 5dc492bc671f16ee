import { Button, Text, View } from '@tarojs/components';
import './FormFooter.scss';

export interface FormFooterProps {
  /** The server's message after a failed submit. */
  serverError?: string;
  /** A submit was attempted while fields are still wrong. */
  invalid: boolean;
  submitting: boolean;
  label: string;
  note: string;
  testId?: string;
  onSubmit: () => void;
}

/** The end of every validated form: what went wrong, the submit button, and what happens next. */
export function FormFooter({ serverError, invalid, submitting, label, note, testId, onSubmit }: FormFooterProps) {
  return (
    <View className='form-footer'>
      {serverError ? <Text className='form-footer__error'>{serverError}</Text> : null}
      {invalid ? <Text className='form-footer__error'>请按提示修改标红的内容</Text> : null}
      <Button className='app-button app-button--block form-footer__submit' data-testid={testId} disabled={submitting} onClick={onSubmit}>
        {submitting ? '正在提交…' : label}
      </Button>
      <Text className='app-muted form-footer__note'>{note}</Text>
    </View>
  );
}
