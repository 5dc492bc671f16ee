import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { CloseDayBody } from '../../../../shared/api/routes';
import { BottomSheet } from '../../components/BottomSheet';
import { FormField } from '../../components/FormField';

export interface ClosureSheetProps {
  /** 'day': 停约当天; 'slot': 停约该时段. */
  kind: 'day' | 'slot';
  /** What is closed, e.g. '3月10日 周二' or '3月10日 周二 09:00–09:20 居住登记'. */
  subject: string;
  submitting: boolean;
  /** Called with the validated reason; the page confirms and calls the API. */
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

const reasonSchema = CloseDayBody.shape.reason;

/** 临时停约 (a day or one slot): the reason, validated with the server's own rule. */
export function ClosureSheet({ kind, subject, submitting, onSubmit, onClose }: ClosureSheetProps) {
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const result = reasonSchema.safeParse(reason);
  const error = submitted && !result.success ? result.error.issues[0]?.message : undefined;
  const submit = () => {
    setSubmitted(true);
    if (result.success) onSubmit(result.data);
  };
  const title = kind === 'day' ? '停约当天' : '停约该时段';

  return (
    <BottomSheet title={title} onClose={onClose} testId={`closure-sheet-${kind}`}>
      <Text className='app-muted booking-sheet__note'>{`${subject}：停约后该${kind === 'day' ? '天' : '时段'}的预约将被取消，系统会把停约原因通知相关企业。`}</Text>
      <FormField label='停约原因' required error={error}>
        <View className='booking-form__control' data-testid='closure-reason'>
          <Textarea className='booking-form__textarea' placeholderClass='form-field__placeholder' placeholder='如：系统维护，暂停办理' maxlength={100} value={reason} onInput={(e) => setReason(e.detail.value)} />
        </View>
      </FormField>
      <Button className='app-button app-button--block app-button--danger booking-form__submit' data-testid='closure-submit' disabled={submitting} onClick={submit}>
        {submitting ? '正在提交…' : `确认${title}`}
      </Button>
    </BottomSheet>
  );
}
