import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../components/ChoiceChips';
import { PERIOD_PRESET_LABELS, PERIOD_PRESETS, presetPeriod, type Period, type PeriodPreset } from '../../../../shared/stats/period';
import './reports.scss';

export interface PeriodPickerProps {
  value: Period;
  onChange: (p: Period) => void;
  now?: Date;
}

type Choice = PeriodPreset | 'custom';
const OPTIONS = [...PERIOD_PRESETS.map((p) => ({ key: p as Choice, label: PERIOD_PRESET_LABELS[p] })), { key: 'custom' as Choice, label: '自定义' }];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 本月 / 上月 / 本季度 / 自定义 (two dates typed as YYYY-MM-DD: the same on H5 and in WeChat). */
export function PeriodPicker({ value, onChange, now = new Date() }: PeriodPickerProps) {
  const [choice, setChoice] = useState<Choice>(() => PERIOD_PRESETS.find((p) => JSON.stringify(presetPeriod(p, now)) === JSON.stringify(value)) ?? 'custom');
  const [draft, setDraft] = useState(value);
  const pick = (c: Choice) => {
    setChoice(c);
    if (c !== 'custom') onChange(presetPeriod(c, now));
  };
  const apply = (next: Period) => {
    setDraft(next);
    if (DAY.test(next.from) && DAY.test(next.to) && next.from <= next.to) onChange(next);
  };
  return (
    <View className='period-picker'>
      <ChoiceChips options={OPTIONS} value={choice} onChange={pick} testId='period' />
      {choice === 'custom' ? (
        <View className='period-picker__custom'>
          <Input className='period-picker__input' value={draft.from} placeholder='开始日期 2026-11-01' maxlength={10} onInput={(e) => apply({ ...draft, from: e.detail.value })} />
          <Text>至</Text>
          <Input className='period-picker__input' value={draft.to} placeholder='结束日期 2026-11-30' maxlength={10} onInput={(e) => apply({ ...draft, to: e.detail.value })} />
        </View>
      ) : (
        <Text className='period-picker__range'>{`${value.from} 至 ${value.to}`}</Text>
      )}
    </View>
  );
}
