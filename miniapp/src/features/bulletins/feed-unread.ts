import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { UnreadCounts } from '../../../../shared/bulletins/schemas';
import { useMe } from '../../services/hooks';
import { api } from '../../services/request';

/** The badge text for an unread total: null for none, '99+' when the server capped the count. */
export function feedUnreadLabel(counts: Pick<UnreadCounts, 'total' | 'capped'> | null): string | null {
  if (!counts || counts.total <= 0) return null;
  return counts.capped ? '99+' : String(counts.total);
}

/**
 * 助企动态未读数 for the enterprise home tile: null while unknown or for anyone but an enterprise user.
 * Reloads whenever the page shows again (coming back from the feed after reading). A badge is a hint:
 * a failed request keeps the last known count and stays quiet.
 */
export function useFeedUnreadCount(): { total: number | null; byKind: UnreadCounts['byKind'] | null; label: string | null; reload: () => Promise<void> } {
  const me = useMe();
  const enabled = me?.role === 'enterprise';
  const [counts, setCounts] = useState<UnreadCounts | null>(null);

  const reload = useCallback(async () => {
    if (!enabled) {
      setCounts(null);
      return;
    }
    try {
      setCounts(await api('feedUnreadCounts', { silent: true }));
    } catch {
      // keep the last known count rather than toasting
    }
  }, [enabled]);

  useEffect(() => {
    void reload();
  }, [reload]);
  useDidShow(() => void reload());

  return { total: counts?.total ?? null, byKind: counts?.byKind ?? null, label: feedUnreadLabel(counts), reload };
}
