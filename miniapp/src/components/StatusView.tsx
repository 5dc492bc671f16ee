import { Button, Image, Text, View } from '@tarojs/components';
import { iconUri } from './icons';
import './StatusView.scss';

export type StatusVariant = 'loading' | 'empty' | 'error';

export interface StatusViewProps {
  variant: StatusVariant;
  /** What the user reads; each variant has a sensible default. */
  message?: string;
  /** A second, smaller line (what to do next). */
  hint?: string;
  actionText?: string;
  onAction?: () => void;
  /** Inside a card rather than filling the page. */
  compact?: boolean;
}

const DEFAULT_MESSAGES: Record<StatusVariant, string> = {
  loading: '正在加载…',
  empty: '暂无内容',
  error: '加载失败，请稍后重试',
};

/** The one loading (a skeleton) / empty / error state of the app, each with a line icon and a next step. */
export function StatusView({ variant, message, hint, actionText, onAction, compact = false }: StatusViewProps) {
  const action = actionText ?? (variant === 'error' && onAction ? '重新加载' : undefined);
  return (
    <View className={`status-view status-view--${variant}${compact ? ' status-view--compact' : ''}`}>
      {variant === 'loading' ? (
        // A skeleton of the rows to come rather than a spinner: the page keeps its shape while it loads.
        <View className='status-view__skeleton' aria-hidden>
          <View className='skeleton skeleton--line' />
          <View className='skeleton skeleton--line skeleton--short' />
          <View className='skeleton skeleton--line' />
        </View>
      ) : (
        <View className='status-view__icon'>
          <Image className='status-view__image' src={iconUri(variant === 'error' ? 'offline' : 'tray', variant === 'error' ? '#c0392b' : '#1d4f91')} mode='aspectFit' aria-hidden />
        </View>
      )}
      <Text className='status-view__message'>{message ?? DEFAULT_MESSAGES[variant]}</Text>
      {hint ? <Text className='status-view__hint'>{hint}</Text> : null}
      {action && onAction ? (
        // The gap sits on a wrapper: the button's own margin is reset by .app-button.
        <View className='status-view__action'>
          <Button className='app-button app-button--secondary status-view__button' onClick={onAction}>
            {action}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
