import { Text, View } from '@tarojs/components';
import './Avatar.scss';

export interface AvatarProps {
  /** The person's name; the avatar shows its first character. */
  name: string;
  /** compact: in a list or header row; regular: a card; profile: white on the blue profile banner. */
  variant?: 'compact' | 'regular' | 'profile';
}

/** A round avatar with the first character of a name (no photos are stored). */
export function Avatar({ name, variant = 'regular' }: AvatarProps) {
  return (
    <View className={`avatar avatar--${variant}`}>
      <Text className='avatar__text'>{name.slice(0, 1) || '我'}</Text>
    </View>
  );
}
