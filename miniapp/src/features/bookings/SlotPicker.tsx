import { useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Slot } from '../../../../shared/bookings/schemas';
import { ChoiceChips } from '../../components/ChoiceChips';
import { dateLabel, slotsByDate, timeOf } from './booking-format';

export interface SlotPickerProps {
  slots: readonly Slot[];
  /** The chosen slot's start ('' = none). */
  value: string;
  onChange: (start: string) => void;
  /** A slot that cannot be chosen again (the booking's current slot when rescheduling). */
  excludeStart?: string;
}

/** Pick a date (only dates that have slots), then a slot showing its seats left; a full slot is disabled. */
export function SlotPicker({ slots, value, onChange, excludeStart }: SlotPickerProps) {
  const days = useMemo(() => slotsByDate(slots), [slots]);
  const chosenDate = slots.find((s) => s.start === value)?.date;
  const [date, setDate] = useState<string | null>(chosenDate ?? days[0]?.date ?? null);
  useEffect(() => {
    if (!date || !days.some((d) => d.date === date)) setDate(chosenDate ?? days[0]?.date ?? null);
  }, [days, date, chosenDate]);

  const day = days.find((d) => d.date === date);
  return (
    <View className='slot-picker'>
      <ChoiceChips testId='slot-dates' layout='scroll' options={days.map((d) => ({ key: d.date, label: dateLabel(d.date) }))} value={date} onChange={setDate} />
      <View className='slot-picker__grid' data-testid='slot-list'>
        {(day?.slots ?? []).map((slot) => {
          const current = slot.start === excludeStart;
          const full = slot.left <= 0;
          const disabled = full || current;
          const selected = slot.start === value;
          return (
            <View
              key={slot.key}
              data-testid='slot'
              aria-disabled={disabled}
              aria-checked={selected}
              className={`slot-picker__slot${selected ? ' slot-picker__slot--selected' : ''}${disabled ? ' slot-picker__slot--disabled' : ''}`}
              onClick={() => {
                if (!disabled && !selected) onChange(slot.start);
              }}
            >
              <Text className='slot-picker__time'>{`${timeOf(slot.start)}–${timeOf(slot.end)}`}</Text>
              <Text className='slot-picker__left'>{current ? '当前预约' : full ? '已约满' : `余${slot.left}个`}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
