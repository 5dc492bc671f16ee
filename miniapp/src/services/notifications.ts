import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { useMe } from './hooks';
import { api } from './request';

type Listener = () => void;
const listeners = new Set<Listener>();

/** Tell every mounted `useUnreadCount` to reload (after marking read, or when a new notification is seen). */
export function unreadCountChanged() {
  for (const l of listeners) l();
}

/**
 * 未读消息数 for a badge (home tiles, 我的): null while unknown or for a guest; `label` is '99+' beyond 99.
 * Reloads when the page shows again and whenever the notification centre marks something read.
 */
export function useUnreadCount(): { count: number | null; label: string | null; reload: () => Promise<void> } {
  const me = useMe();
  const enabled = Boolean(me && me.role !== 'guest');
  const [state, setState] = useState<{ count: number; capped: boolean } | null>(null);

  const reload = useCallback(async () => {
    if (!enabled) {
      setState(null);
      return;
    }
    try {
      setState(await api('unreadNotificationCount', { silent: true }));
    } catch {
      // A badge is a hint: keep the last known count rather than toasting.
    }
  }, [enabled]);

  useEffect(() => {
    void reload();
    listeners.add(reload);
    return () => {
      listeners.delete(reload);
    };
  }, [reload]);
  useDidShow(() => void reload());

  const count = state?.count ?? null;
  const label = state === null || state.count === 0 ? null : state.capped ? '99+' : String(state.count);
  return { count, label, reload };
}
