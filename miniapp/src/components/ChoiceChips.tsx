import { Text, View } from '@tarojs/components';
import './ChoiceChips.scss';

export interface ChoiceOption<K extends string | number> {
  key: K;
  label: string;
  /** A count shown after the label (queue tabs). */
  count?: number;
}

export interface ChoiceChipsProps<K extends string | number> {
  options: readonly ChoiceOption<K>[];
  value: K | null;
  onChange: (key: K) => void;
  /** 'wrap': chips flow onto lines; 'scroll': one line that scrolls sideways (filters over a list). */
  layout?: 'wrap' | 'scroll';
  /** Names the group for tests and screen readers. */
  testId?: string;
  disabled?: boolean;
}

/** A single choice among a few options, as tappable chips (type, urgency, grade, list filters). */
export function ChoiceChips<K extends string | number>({ options, value, onChange, layout = 'wrap', testId, disabled = false }: ChoiceChipsProps<K>) {
  return (
    <View className={`choice-chips choice-chips--${layout}`} data-testid={testId}>
      {options.map((option) => {
        const selected = option.key === value;
        return (
          <View
            key={String(option.key)}
            className={`choice-chips__chip${selected ? ' choice-chips__chip--selected' : ''}${disabled ? ' choice-chips__chip--disabled' : ''}`}
            aria-checked={selected}
            data-key={String(option.key)}
            onClick={() => {
              if (!disabled && !selected) onChange(option.key);
            }}
          >
            <Text className='choice-chips__label'>{option.label}</Text>
            {option.count !== undefined ? <Text className='choice-chips__count'>{option.count}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
