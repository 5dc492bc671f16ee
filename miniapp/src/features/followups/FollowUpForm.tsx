import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Textarea, View } from '@tarojs/components';
import { FOLLOW_UP_METHOD_LABELS, FOLLOW_UP_METHODS, FOLLOW_UP_SATISFACTION_LABELS, FOLLOW_UP_SATISFACTIONS, type FollowUpMethod, type FollowUpSatisfaction } from '../../../../shared/followups/rules';
import { RecordFollowUpBody } from '../../../../shared/followups/schemas';
import { ChoiceChips } from '../../components/ChoiceChips';
import { FormField } from '../../components/FormField';
import { FormFooter } from '../../components/FormFooter';
import './FollowUpForm.scss';

export interface FollowUpFormProps {
  enterpriseName: string;
  /** Sends the record; throws with the server's message (e.g. 409 已由其他民警登记). */
  onSubmit: (body: RecordFollowUpBody) => Promise<void>;
}

type Reached = 'yes' | 'no';
const REACHED_OPTIONS: { key: Reached; label: string }[] = [
  { key: 'yes', label: '已联系上' },
  { key: 'no', label: '未联系上' },
];

/**
 * 回访登记: how (电话/上门), whether the enterprise was reached, how satisfied it is now (only when reached),
 * and notes (required when not reached). Checked with the server's schema before a confirmation.
 */
export function FollowUpForm({ enterpriseName, onSubmit }: FollowUpFormProps) {
  const [method, setMethod] = useState<FollowUpMethod>('phone');
  const [reached, setReached] = useState<Reached | undefined>();
  const [satisfaction, setSatisfaction] = useState<FollowUpSatisfaction | undefined>();
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    setServerError(undefined);
    if (!reached) {
      setErrors({ reached: '请选择是否联系上企业' });
      return;
    }
    const parsed = RecordFollowUpBody.safeParse({ method, reached: reached === 'yes', ...(reached === 'yes' && satisfaction && { satisfaction }), ...(notes.trim() && { notes: notes.trim() }) });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message])));
      return;
    }
    setErrors({});
    const verdict = parsed.data.satisfaction ? `，回访后${FOLLOW_UP_SATISFACTION_LABELS[parsed.data.satisfaction]}` : '，未联系上';
    const answer = await Taro.showModal({ title: '确认登记回访', content: `${enterpriseName}：${FOLLOW_UP_METHOD_LABELS[method]}${verdict}。登记后不能修改。` });
    if (!answer.confirm) return;
    setSubmitting(true);
    try {
      await onSubmit(parsed.data);
    } catch (error) {
      setServerError(error instanceof Error ? error.message : '提交失败，请稍后重试');
    } finally {
      setSubmitting(false);
    }
  };

  const invalid = Object.keys(errors).length > 0;
  return (
    <View className='followup-form' data-testid='followup-form'>
      <FormField label='回访方式' required>
        <ChoiceChips testId='followup-method' options={FOLLOW_UP_METHODS.map((m) => ({ key: m, label: FOLLOW_UP_METHOD_LABELS[m] }))} value={method} onChange={setMethod} />
      </FormField>
      <FormField label='是否联系上企业' required error={errors.reached}>
        <ChoiceChips
          testId='followup-reached'
          options={REACHED_OPTIONS}
          value={reached as Reached}
          onChange={(v) => {
            setReached(v);
            if (v === 'no') setSatisfaction(undefined);
            setErrors({});
          }}
        />
      </FormField>
      {reached === 'yes' ? (
        <FormField label='回访后满意程度' required error={errors.satisfaction}>
          <ChoiceChips
            testId='followup-satisfaction'
            options={FOLLOW_UP_SATISFACTIONS.map((s) => ({ key: s, label: FOLLOW_UP_SATISFACTION_LABELS[s] }))}
            value={satisfaction as FollowUpSatisfaction}
            onChange={(v) => {
              setSatisfaction(v);
              setErrors({});
            }}
          />
        </FormField>
      ) : null}
      <FormField label='回访情况' required={reached === 'no'} error={errors.notes} hint={reached === 'no' ? '请写明未联系上的原因，如电话无人接听' : '企业的意见、是否还有问题'}>
        <View data-testid='followup-notes'>
          <Textarea
            className='followup-form__notes'
            placeholderClass='form-field__placeholder'
            placeholder='回访情况说明（最多500字）'
            maxlength={500}
            value={notes}
            onInput={(e) => {
              setNotes(e.detail.value);
              setErrors({});
            }}
          />
        </View>
      </FormField>
      <FormFooter testId='followup-submit' serverError={serverError} invalid={invalid} submitting={submitting} label='登记回访' note='每条回访只能登记一次，本所民警均可登记。' onSubmit={() => void submit()} />
    </View>
  );
}
