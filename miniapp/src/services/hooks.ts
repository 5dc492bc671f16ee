import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../../shared/schemas/common';
import type { Me } from '../../../shared/schemas/auth';
import { ApiError } from './request';
import { getMe, onSessionChange } from './session';

export interface RequestState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => Promise<void>;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'CLIENT', (error as Error)?.message || '加载失败，请稍后重试');
}

/**
 * Load once when `deps` change (skipped while `enabled` is false). The request layer has already toasted
 * errors; the page shows them in place too (StatusView) with a retry.
 */
export function useRequest<T>(load: () => Promise<T>, deps: unknown[], enabled = true): RequestState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(enabled);
  const loadRef = useRef(load);
  loadRef.current = load;
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const result = await loadRef.current();
      if (mine === generation.current) setData(result);
    } catch (e) {
      if (mine === generation.current) setError(asApiError(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (enabled) void reload();
    else setLoading(false);
  }, [enabled, reload, ...deps]);

  return { data, error, loading, reload };
}

export interface PagedState<T> {
  items: T[];
  error: ApiError | null;
  /** First page (or a refresh) in flight. */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  refresh: () => Promise<void>;
}

/** Cursor pagination over a `{ items, nextCursor }` route. */
export function usePaged<T>(loadPage: (cursor: string | undefined) => Promise<Page<T>>, deps: unknown[], enabled = true): PagedState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [loadingMore, setLoadingMore] = useState(false);
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;
  const generation = useRef(0);
  const busy = useRef(false);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    busy.current = true;
    setLoading(true);
    setError(null);
    try {
      const page = await loadRef.current(undefined);
      if (mine !== generation.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
    } catch (e) {
      if (mine === generation.current) setError(asApiError(e));
    } finally {
      if (mine === generation.current) {
        setLoading(false);
        busy.current = false;
      }
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (busy.current || !cursor) return;
    const mine = generation.current;
    busy.current = true;
    setLoadingMore(true);
    try {
      const page = await loadRef.current(cursor);
      if (mine !== generation.current) return;
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch {
      // Already toasted; the 加载更多 button stays so the user can try again.
    } finally {
      if (mine === generation.current) {
        setLoadingMore(false);
        busy.current = false;
      }
    }
  }, [cursor]);

  useEffect(() => {
    if (enabled) void refresh();
    else setLoading(false);
  }, [enabled, refresh, ...deps]);

  return { items, error, loading, loadingMore, hasMore: cursor !== null, loadMore, refresh };
}

/**
 * Pull-to-refresh (needs `enablePullDownRefresh: true` in the page config) and load-more at the bottom of
 * the page. On H5 there is no pull gesture on a desktop: pages also show a 刷新 button (RefreshBar).
 */
export function usePageRefresh(refresh: () => Promise<unknown>, loadMore?: () => Promise<unknown>) {
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (loadMore) void loadMore();
  });
}

/** The signed-in user, kept current across login, refresh and logout. */
export function useMe(): Me | null {
  const [me, setMe] = useState<Me | null>(() => getMe());
  useEffect(() => onSessionChange((s) => setMe(s?.me ?? null)), []);
  return me;
}
