import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { BookingActionBody, type Slot } from '../../../../shared/bookings/schemas';
import { BottomSheet } from '../../components/BottomSheet';
import { FormField } from '../../components/FormField';
import { StatusView } from '../../components/StatusView';
import { SlotPicker } from './SlotPicker';

export interface BookingActionSheetProps {
  action: 'cancel' | 'reschedule';
  version: number;
  /** reschedule: the service's slots and the booking's current slot. */
  slots?: readonly Slot[];
  slotsLoading?: boolean;
  currentStart?: string;
  submitting: boolean;
  onSubmit: (body: BookingActionBody) => void;
  onClose: () => void;
}

/** 取消预约 (reason) or 改约 (another slot + reason), validated with the shared BookingActionBody. */
export function BookingActionSheet({ action, version, slots = [], slotsLoading = false, currentStart, submitting, onSubmit, onClose }: BookingActionSheetProps) {
  const [reason, setReason] = useState('');
  const [slotStart, setSlotStart] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const candidate = action === 'cancel' ? { action, version, reason } : { action, version, reason, slotStart: slotStart || undefined };
  const result = BookingActionBody.safeParse(candidate);
  const errors: Record<string, string> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'reason');
      if (!errors[field]) errors[field] = issue.message;
    }
  }
  const errorOf = (field: string) => (submitted ? errors[field] : undefined);
  const submit = () => {
    setSubmitted(true);
    if (result.success) onSubmit(result.data);
  };

  return (
    <BottomSheet title={action === 'cancel' ? '取消预约' : '改约'} onClose={onClose} testId={`booking-sheet-${action}`}>
      {action === 'reschedule' ? (
        <FormField label='新的时段' required error={errorOf('slotStart')}>
          {slotsLoading && slots.length === 0 ? (
            <StatusView compact variant='loading' message='正在查询可预约时段…' />
          ) : slots.length === 0 ? (
            <StatusView compact variant='empty' message='近期没有可改约的时段' />
          ) : (
            <SlotPicker slots={slots} value={slotStart} onChange={setSlotStart} excludeStart={currentStart} />
          )}
        </FormField>
      ) : (
        <Text className='app-muted booking-sheet__note'>取消后名额会释放给其他企业。如需换个时间，可以选择改约。</Text>
      )}
      <FormField label={action === 'cancel' ? '取消原因' : '改约原因'} required error={errorOf('reason')}>
        <View className='booking-form__control' data-testid='booking-reason'>
          <Textarea
            className='booking-form__textarea'
            placeholderClass='form-field__placeholder'
            placeholder={action === 'cancel' ? '如：员工出差，暂不办理' : '如：原时段有会议'}
            maxlength={200}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
        </View>
      </FormField>
      <Button className={`app-button app-button--block booking-form__submit${action === 'cancel' ? ' app-button--danger' : ''}`} data-testid='booking-sheet-submit' disabled={submitting} onClick={submit}>
        {submitting ? '正在提交…' : action === 'cancel' ? '确认取消' : '确认改约'}
      </Button>
    </BottomSheet>
  );
}
