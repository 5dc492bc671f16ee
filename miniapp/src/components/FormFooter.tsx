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
  /** A second button beside submit (上一步 in a form of steps). */
  secondaryLabel?: string;
  onSecondary?: () => void;
}

/** The end of every validated form: what went wrong, the submit button, and what happens next. */
export function FormFooter({ serverError, invalid, submitting, label, note, testId, onSubmit, secondaryLabel, onSecondary }: FormFooterProps) {
  return (
    <View className='form-footer'>
      {serverError ? <Text className='form-footer__error'>{serverError}</Text> : null}
      {invalid ? <Text className='form-footer__error'>请按提示修改标红的内容</Text> : null}
      <View className='form-footer__buttons'>
        {secondaryLabel && onSecondary ? (
          <Button className='app-button app-button--secondary form-footer__secondary' disabled={submitting} onClick={onSecondary}>
            {secondaryLabel}
          </Button>
        ) : null}
        <Button className='app-button app-button--block form-footer__submit' data-testid={testId} disabled={submitting} onClick={onSubmit}>
          {submitting ? '正在提交…' : label}
        </Button>
      </View>
      <Text className='app-muted form-footer__note'>{note}</Text>
    </View>
  );
}
