import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { BOOKING_STATUS_LABELS, BOOKING_STATUSES, type BookingStatus } from '../../../../../../shared/bookings/catalogue';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { BookingItem } from '../../../../features/bookings/BookingItem';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { openPage, restartAt } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import '../../../../features/bookings/bookings.scss';
import { pageScaleStyle } from '../../../../services/text-size';

type Filter = BookingStatus | 'all';
const FILTERS = [{ key: 'all' as Filter, label: '全部' }, ...BOOKING_STATUSES.map((s) => ({ key: s as Filter, label: BOOKING_STATUS_LABELS[s] }))];

/**
 * 我的预约: the enterprise's bookings, newest first. The API has no status filter, so the chips filter the
 * pages loaded so far (加载更多 brings older ones).
 */
export default function MyBookingsPage() {
  const me = useMe();
  const isEnterprise = me?.role === 'enterprise' && Boolean(me.enterprise);
  const [filter, setFilter] = useState<Filter>('all');
  const bookings = usePaged((cursor) => api('listMyBookings', { query: { cursor, limit: 20 } }), [isEnterprise], isEnterprise);
  usePageRefresh(bookings.refresh, bookings.loadMore);

  const [shownOnce, setShownOnce] = useState(false);
  useDidShow(() => {
    if (shownOnce) void bookings.refresh();
    setShownOnce(true);
  });

  if (!isEnterprise) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='企业用户登录后才能查看预约' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }

  const state = filter === 'all' ? bookings : { ...bookings, items: bookings.items.filter((b) => b.status === filter) };
  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='my-bookings-page'>
      <ChoiceChips testId='booking-filters' layout='scroll' options={FILTERS} value={filter} onChange={setFilter} />
      <RefreshBar title='我的预约' onRefresh={bookings.refresh} refreshing={bookings.loading} />
      <PagedList
        state={state}
        loadingMessage='正在加载预约…'
        emptyMessage={filter === 'all' ? '您还没有预约' : `没有${BOOKING_STATUS_LABELS[filter]}的预约`}
        emptyHint={filter === 'all' ? '可在首页点击“预约办证”选择业务和时段。' : undefined}
        renderItem={(booking) => <BookingItem key={booking.id} booking={booking} audience='enterprise' onOpen={(b) => openPage('bookingDetail', { id: b.id })} />}
      />
      <Button className='app-button app-button--secondary app-button--block' onClick={() => openPage('booking')}>
        新的预约
      </Button>
    </View>
  );
}
