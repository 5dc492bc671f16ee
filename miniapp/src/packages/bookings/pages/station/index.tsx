import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import { BOOKING_ACTION_LABELS, type BookingAction } from '../../../../../../shared/bookings/catalogue';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { BookingItem, type BookingRow } from '../../../../features/bookings/BookingItem';
import { dateLabel, shanghaiDate } from '../../../../features/bookings/booking-format';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { openPage } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import '../../../../features/bookings/bookings.scss';

type CounterAction = Extract<BookingAction, 'arrive' | 'complete' | 'no_show'>;

/** The counter's buttons by status; the server checks the time rules and says why if it refuses. */
const COUNTER_ACTIONS: Partial<Record<BookingRow['status'], CounterAction[]>> = {
  booked: ['arrive', 'no_show'],
  arrived: ['complete'],
};

const CONFIRMS: Record<CounterAction, string> = {
  arrive: '确认企业人员已到窗口？',
  complete: '确认该预约业务已办理完毕？',
  no_show: '确认企业未按预约时段到场？',
};

/** 今日预约 (?date=YYYY-MM-DD, default today): the station's bookings in time order, with 到场 / 办结 / 未到. */
export default function StationBookingsPage() {
  const { params } = useRouter();
  const me = useMe();
  const date = params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? params.date : shanghaiDate();
  const isCentre = me?.role === 'centre';
  const stations = usePaged((cursor) => api('listStations', { query: { cursor, limit: 100 } }), [], isCentre);
  const [pickedIndex, setPickedIndex] = useState(0);
  const picked = isCentre ? stations.items[Math.min(pickedIndex, stations.items.length - 1)] : undefined;
  const stationId = isCentre ? (picked?.id ?? null) : (me?.station?.id ?? me?.officer?.stationId ?? null);

  const bookings = usePaged(
    (cursor) => api('listStationBookings', { params: { stationId: stationId! }, query: { date, cursor, limit: 50 } }),
    [stationId, date],
    Boolean(stationId),
  );
  usePageRefresh(bookings.refresh, bookings.loadMore);
  const [shownOnce, setShownOnce] = useState(false);
  useDidShow(() => {
    if (shownOnce) void bookings.refresh();
    setShownOnce(true);
  });
  const [busyId, setBusyId] = useState<string | null>(null);

  const act = async (booking: BookingRow, action: CounterAction) => {
    const { confirm } = await Taro.showModal({ title: BOOKING_ACTION_LABELS[action], content: `${booking.enterpriseName}（预约码 ${booking.code}）：${CONFIRMS[action]}`, confirmText: '确定', cancelText: '取消' });
    if (!confirm) return;
    setBusyId(booking.id);
    try {
      await api('actOnBooking', { params: { bookingId: booking.id }, body: { action, version: booking.version } });
      void Taro.showToast({ title: `已${BOOKING_ACTION_LABELS[action]}`, icon: 'none' });
      await bookings.refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) await bookings.refresh();
    } finally {
      setBusyId(null);
    }
  };

  if (!me || me.role === 'enterprise' || me.role === 'guest') {
    return (
      <View className='app-page'>
        <StatusView variant='empty' message='民警登录后才能查看本所预约' />
      </View>
    );
  }
  if (!isCentre && !stationId) {
    return (
      <View className='app-page'>
        <StatusView variant='error' message='未找到您所在的派出所' hint='请联系助企警务中心核对账号。' />
      </View>
    );
  }

  const counts = { total: bookings.items.length, waiting: bookings.items.filter((b) => b.status === 'booked').length };
  return (
    <View className='app-page' data-testid='station-bookings-page'>
      {isCentre ? (
        <View className='app-card'>
          {stations.loading && stations.items.length === 0 ? (
            <StatusView compact variant='loading' message='正在加载派出所…' />
          ) : stations.items.length === 0 ? (
            <StatusView compact variant='empty' message='暂无派出所' />
          ) : (
            <Picker mode='selector' range={stations.items.map((s) => s.name)} value={pickedIndex} onChange={(e) => setPickedIndex(Number(e.detail.value))}>
              <Text className='service-card__link'>{`${picked?.name ?? ''} · 切换派出所 ›`}</Text>
            </Picker>
          )}
        </View>
      ) : null}
      <RefreshBar title={`${dateLabel(date)}的预约`} extra={`共 ${counts.total} 个，待到场 ${counts.waiting} 个`} onRefresh={bookings.refresh} refreshing={bookings.loading} />
      <PagedList
        state={bookings}
        loadingMessage='正在加载预约…'
        emptyMessage='当天没有预约'
        renderItem={(booking) => (
          <View key={booking.id}>
            <BookingItem booking={booking} audience='police' onOpen={(b) => openPage('bookingDetail', { id: b.id })} />
            {(COUNTER_ACTIONS[booking.status] ?? []).length > 0 ? (
              <View className='booking-page__actions'>
                {(COUNTER_ACTIONS[booking.status] ?? []).map((action) => (
                  <Button
                    key={action}
                    className={`app-button app-button--block${action === 'no_show' ? ' app-button--secondary' : ''}`}
                    disabled={busyId === booking.id}
                    onClick={() => void act(booking, action)}
                  >
                    {BOOKING_ACTION_LABELS[action]}
                  </Button>
                ))}
              </View>
            ) : null}
          </View>
        )}
      />
    </View>
  );
}
