import { Button, Text, View } from '@tarojs/components';
import { isH5 } from '../services/config';
import './RefreshBar.scss';

export interface RefreshBarProps {
  title: string;
  /** Shown next to the title, e.g. a count. */
  extra?: string;
  onRefresh: () => void;
  refreshing?: boolean;
}

/**
 * A section header. On a desktop browser (H5, wide) it carries a 刷新 button, since a mouse has no pull-down
 * gesture; on a phone the page's native pull-to-refresh does the same (the button is hidden by width).
 */
export function RefreshBar({ title, extra, onRefresh, refreshing = false }: RefreshBarProps) {
  return (
    <View className='refresh-bar'>
      <View className='refresh-bar__heading'>
        <Text className='refresh-bar__title'>{title}</Text>
        {extra ? <Text className='refresh-bar__extra'>{extra}</Text> : null}
      </View>
      {isH5() ? (
        <Button className='app-button app-button--text refresh-bar__button' disabled={refreshing} onClick={onRefresh}>
          {refreshing ? '刷新中…' : '刷新'}
        </Button>
      ) : null}
    </View>
  );
}
