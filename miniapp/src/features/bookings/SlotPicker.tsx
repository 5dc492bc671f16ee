import { useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Slot } from '../../../../shared/bookings/schemas';
import { ChoiceChips } from '../../components/ChoiceChips';
import { dateLabel, slotsByDate, timeOf } from './booking-format';
import type { DayOption } from './booking-steps';

export interface SlotGridProps {
  /** One day's slots. */
  slots: readonly Slot[];
  /** The chosen slot's start ('' = none). */
  value: string;
  onChange: (start: string) => void;
  /** A slot that cannot be chosen again (the booking's current slot when rescheduling). */
  excludeStart?: string;
}

/** A day's slots as tiles showing the seats left; a full slot is disabled. */
export function SlotGrid({ slots, value, onChange, excludeStart }: SlotGridProps) {
  return (
    <View className='slot-picker__grid' data-testid='slot-list'>
      {slots.map((slot) => {
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
  );
}

export interface DayGridProps {
  days: readonly DayOption[];
  value: string | null;
  onChange: (date: string) => void;
}

/** The days that have slots, as large tiles with the day's seats left (预约办证's day step). */
export function DayGrid({ days, value, onChange }: DayGridProps) {
  return (
    <View className='slot-picker__grid slot-picker__grid--days' data-testid='day-list'>
      {days.map((day) => {
        const full = day.left <= 0;
        const selected = day.date === value;
        return (
          <View
            key={day.date}
            data-testid='day'
            data-date={day.date}
            aria-disabled={full}
            aria-checked={selected}
            className={`slot-picker__slot slot-picker__slot--day${selected ? ' slot-picker__slot--selected' : ''}${full ? ' slot-picker__slot--disabled' : ''}`}
            onClick={() => {
              if (!full) onChange(day.date);
            }}
          >
            <Text className='slot-picker__time'>{day.label}</Text>
            <Text className='slot-picker__left'>{full ? '已约满' : `余${day.left}个`}</Text>
          </View>
        );
      })}
    </View>
  );
}

export interface SlotPickerProps extends Omit<SlotGridProps, 'slots'> {
  slots: readonly Slot[];
}

/** Pick a date (only dates that have slots), then a slot: the reschedule sheet, where both fit on one screen. */
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
      <SlotGrid slots={day?.slots ?? []} value={value} onChange={onChange} excludeStart={excludeStart} />
    </View>
  );
}
