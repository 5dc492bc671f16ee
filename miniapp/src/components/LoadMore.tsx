import { Button, Text, View } from '@tarojs/components';
import './LoadMore.scss';

export interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** End of a paged list: a button (works with a mouse too) or a note that everything is shown. */
export function LoadMore({ hasMore, loading, onLoadMore }: LoadMoreProps) {
  return (
    <View className='load-more'>
      {hasMore ? (
        <Button className='app-button app-button--secondary load-more__button' disabled={loading} onClick={onLoadMore}>
          {loading ? '正在加载…' : '加载更多'}
        </Button>
      ) : (
        <Text className='load-more__end'>已显示全部</Text>
      )}
    </View>
  );
}
