import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { PagedState } from '../services/hooks';
import { LoadMore } from './LoadMore';
import { StatusView } from './StatusView';

export interface PagedListProps<T> {
  state: PagedState<T>;
  renderItem: (item: T) => ReactNode;
  emptyMessage: string;
  emptyHint?: string;
  loadingMessage?: string;
  /** Lay items out in columns on a wide screen. */
  columns?: boolean;
}

/** A cursor-paged list with its loading, error, empty and load-more states. */
export function PagedList<T>({ state, renderItem, emptyMessage, emptyHint, loadingMessage, columns = false }: PagedListProps<T>) {
  if (state.loading && state.items.length === 0) return <StatusView compact variant='loading' message={loadingMessage} />;
  if (state.error && state.items.length === 0) return <StatusView compact variant='error' message={state.error.message} onAction={state.refresh} />;
  if (state.items.length === 0) return <StatusView compact variant='empty' message={emptyMessage} hint={emptyHint} actionText='刷新' onAction={state.refresh} />;
  return (
    <View className={`paged-list${columns ? ' paged-list--columns' : ''}`}>
      <View className='paged-list__items'>{state.items.map(renderItem)}</View>
      <LoadMore hasMore={state.hasMore} loading={state.loadingMore} onLoadMore={state.loadMore} />
    </View>
  );
}
