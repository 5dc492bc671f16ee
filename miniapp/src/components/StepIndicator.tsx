import { Text, View } from '@tarojs/components';
import './StepIndicator.scss';

export interface StepIndicatorProps {
  steps: readonly { key: string; label: string }[];
  /** 0-based index of the step on screen. */
  current: number;
  testId?: string;
}

/** Numbered dots joined by a line, a word under each: the report form's and the booking's steps. Done steps are filled. */
export function StepIndicator({ steps, current, testId }: StepIndicatorProps) {
  return (
    <View className='step-indicator' data-testid={testId} aria-label={`第${current + 1}步，共${steps.length}步`}>
      {steps.map((s, i) => (
        <View key={s.key} className={`step-indicator__step${i === current ? ' step-indicator__step--current' : ''}${i < current ? ' step-indicator__step--done' : ''}`} aria-current={i === current ? 'step' : undefined}>
          <Text className='step-indicator__number'>{i + 1}</Text>
          <Text className='step-indicator__label'>{s.label}</Text>
        </View>
      ))}
    </View>
  );
}
