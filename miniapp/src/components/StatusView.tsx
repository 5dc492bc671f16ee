import { Button, Text, View } from '@tarojs/components';
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

// Plain glyphs every CJK font has: emoji render as empty boxes on machines without an emoji font.
const ICONS: Record<StatusVariant, string> = { loading: '…', empty: '无', error: '!' };

/** The one loading / empty / error state of the app. */
export function StatusView({ variant, message, hint, actionText, onAction, compact = false }: StatusViewProps) {
  const action = actionText ?? (variant === 'error' && onAction ? '重新加载' : undefined);
  return (
    <View className={`status-view status-view--${variant}${compact ? ' status-view--compact' : ''}`}>
      <Text className='status-view__icon'>{ICONS[variant]}</Text>
      <Text className='status-view__message'>{message ?? DEFAULT_MESSAGES[variant]}</Text>
      {hint ? <Text className='status-view__hint'>{hint}</Text> : null}
      {action && onAction ? (
        <Button className='app-button app-button--secondary status-view__action' onClick={onAction}>
          {action}
        </Button>
      ) : null}
    </View>
  );
}
