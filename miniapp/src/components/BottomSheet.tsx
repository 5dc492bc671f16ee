import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './BottomSheet.scss';

export interface BottomSheetProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

/**
 * A panel over the page for a short form (an action's note, the rating). Slides up from the bottom on a
 * phone; a centred dialog on a wide screen. Tapping the dimmed backdrop or 取消 closes it.
 */
export function BottomSheet({ title, onClose, children, testId }: BottomSheetProps) {
  return (
    <View className='bottom-sheet' data-testid={testId}>
      <View className='bottom-sheet__backdrop' onClick={onClose} />
      <View className='bottom-sheet__panel'>
        <View className='bottom-sheet__header'>
          <Text className='bottom-sheet__title'>{title}</Text>
          <View className='bottom-sheet__close' onClick={onClose}>
            <Text>取消</Text>
          </View>
        </View>
        <View className='bottom-sheet__body'>{children}</View>
      </View>
    </View>
  );
}
