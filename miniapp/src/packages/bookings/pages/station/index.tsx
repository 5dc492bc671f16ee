import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import { BOOKING_ACTION_LABELS, type BookingAction } from '../../../../../../shared/bookings/catalogue';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { PagedList } from '../../../../components/PagedList';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { BookingItem, type BookingRow } from '../../../../features/bookings/BookingItem';
import { ClosureSheet } from '../../../../features/bookings/ClosureSheet';
import { parseScannedBooking } from '../../../../features/bookings/booking-qr';
import { ScanCheckInSheet } from '../../../../features/bookings/ScanCheckInSheet';
import { isWeapp } from '../../../../services/config';
import { dateLabel, serviceName, shanghaiDate, slotText, statusLabel } from '../../../../features/bookings/booking-format';
import { useMe, usePaged, usePageRefresh } from '../../../../services/hooks';
import { openPage } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import '../../../../features/bookings/bookings.scss';
import { pageScaleStyle } from '../../../../services/text-size';

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

/** Days the switcher offers: today and the next 13 days. */
const DAYS_AHEAD = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** Chips for the date switcher: 今天 / 明天 / '3月12日 周四'; a ?date= outside the range comes first. */
function dayOptions(today: string, current: string) {
  const start = Date.parse(`${today}T00:00:00Z`);
  const days = Array.from({ length: DAYS_AHEAD }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
  if (!days.includes(current)) days.unshift(current);
  return days.map((day) => {
    const d = new Date(`${day}T00:00:00Z`);
    const label = day === today ? '今天' : day === days[days.indexOf(today) + 1] ? '明天' : `${d.getUTCMonth() + 1}/${d.getUTCDate()} 周${WEEKDAYS[d.getUTCDay()]}`;
    return { key: day, label };
  });
}

type Closing = { kind: 'day' } | { kind: 'slot'; booking: BookingRow };

/**
 * 今日预约 (?date=YYYY-MM-DD, default today): the station's bookings of a day (today … 13 days ahead) in time
 * order, with 到场 / 办结 / 未到; chief and centre may also close the day or one slot (停约), which cancels its
 * bookings and notifies the enterprises.
 */
export default function StationBookingsPage() {
  const { params } = useRouter();
  const me = useMe();
  const today = shanghaiDate();
  const [date, setDate] = useState(() => (params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? params.date : today));
  const canClose = me?.role === 'chief' || me?.role === 'centre';
  const isCentre = me?.role === 'centre';
  const stations = usePaged((cursor) => api('listStations', { query: { cursor, limit: 100 } }), [], isCentre);
  const [pickedIndex, setPickedIndex] = useState(0);
  const picked = isCentre ? stations.items[Math.min(pickedIndex, stations.items.length - 1)] : undefined;
  const stationId = isCentre ? (picked?.id ?? null) : (me?.station?.id ?? me?.officer?.stationId ?? null);

  const bookings = usePaged((cursor) => api('listStationBookings', { params: { stationId: stationId! }, query: { date, cursor, limit: 50 } }), [stationId, date], Boolean(stationId));
  usePageRefresh(bookings.refresh, bookings.loadMore);
  const [shownOnce, setShownOnce] = useState(false);
  useDidShow(() => {
    if (shownOnce) void bookings.refresh();
    setShownOnce(true);
  });
  const [busyId, setBusyId] = useState<string | null>(null);

  const act = async (booking: BookingRow, action: CounterAction, verified = '') => {
    const { confirm } = await Taro.showModal({
      title: BOOKING_ACTION_LABELS[action],
      content: `${booking.enterpriseName}（预约码 ${booking.code}）：${verified}${CONFIRMS[action]}`,
      confirmText: '确定',
      cancelText: '取消',
    });
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

  // 扫码核验: the enterprise shows its booking's QR code (or reads out the 6-character code) at the counter.
  const [scanSheet, setScanSheet] = useState(false);
  const [scanBusy, setScanBusy] = useState(false);
  const [scanError, setScanError] = useState<string>();

  const checkIn = async (scannedText: string) => {
    const scanned = parseScannedBooking(scannedText);
    if (!scanned) {
      setScanError('不是本系统的预约码，请核对后重试');
      return;
    }
    setScanBusy(true);
    setScanError(undefined);
    try {
      let booking: BookingRow | undefined;
      if (scanned.bookingId) {
        const view = await api('getBooking', { params: { bookingId: scanned.bookingId } });
        if (view.booking.code === scanned.code) booking = view.booking;
      } else {
        booking = bookings.items.find((b) => b.code === scanned.code);
      }
      if (!booking) {
        setScanError(scanned.bookingId ? '预约码与预约不符，请企业重新出示' : `${dateLabel(date)}没有预约码为 ${scanned.code} 的预约`);
        return;
      }
      setScanSheet(false);
      if (booking.status !== 'booked') {
        void Taro.showModal({ title: '核验结果', content: `${booking.enterpriseName}（预约码 ${booking.code}）：${statusLabel(booking.status)}，无需再登记到场。`, showCancel: false, confirmText: '知道了' });
        return;
      }
      await act(booking, 'arrive', `核验通过：${serviceName(booking.serviceId)}，${slotText(booking.slotStart, booking.slotEnd)}。`);
    } catch {
      // The request layer said what went wrong (a booking of another station answers 404).
    } finally {
      setScanBusy(false);
    }
  };

  const scan = async () => {
    setScanError(undefined);
    if (!isWeapp()) {
      setScanSheet(true);
      return;
    }
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await checkIn(result);
    } catch {
      // Cancelled, or the camera refused: typing the code is the way on.
      setScanSheet(true);
    }
  };

  const [closing, setClosing] = useState<Closing | null>(null);
  const [closingBusy, setClosingBusy] = useState(false);

  /** Bookings a closure would cancel (only 待到场 ones; arrived or finished ones stay). */
  const affectedBy = (target: Closing) => bookings.items.filter((b) => b.status === 'booked' && (target.kind === 'day' || (b.serviceId === target.booking.serviceId && b.slotStart === target.booking.slotStart))).length;

  const close = async (target: Closing, reason: string) => {
    if (!stationId) return;
    const n = affectedBy(target);
    const what = target.kind === 'day' ? dateLabel(date) : `${slotText(target.booking.slotStart, target.booking.slotEnd)} ${serviceName(target.booking.serviceId)}`;
    const count = target.kind === 'day' && bookings.hasMore ? `至少 ${n} 个` : `${n} 个`;
    const { confirm } = await Taro.showModal({
      title: target.kind === 'day' ? '停约当天' : '停约该时段',
      content: `停约${what}，将取消${count}待到场的预约，并通知相关企业（原因：${reason}）。确定停约？`,
      confirmText: '确定停约',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setClosingBusy(true);
    try {
      const result =
        target.kind === 'day'
          ? await api('closeBookingDay', { params: { stationId }, body: { date, reason } })
          : await api('closeBookingSlot', { params: { stationId }, body: { serviceId: target.booking.serviceId, slotStart: target.booking.slotStart, reason } });
      setClosing(null);
      void Taro.showToast({ title: `已停约，取消${result.cancelled}个预约${result.skipped > 0 ? `，${result.skipped}个未取消` : ''}`, icon: 'none' });
      await bookings.refresh();
    } catch {
      // The request layer shows the server's message.
    } finally {
      setClosingBusy(false);
    }
  };

  if (!me || me.role === 'enterprise' || me.role === 'guest') {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='民警登录后才能查看派出所的预约' />
      </View>
    );
  }
  if (!isCentre && !stationId) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message='未找到您所在的派出所' hint='请联系助企警务中心核对账号。' />
      </View>
    );
  }

  const counts = { total: bookings.items.length, waiting: bookings.items.filter((b) => b.status === 'booked').length };
  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='station-bookings-page'>
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
      <ChoiceChips layout='scroll' testId='station-bookings-dates' options={dayOptions(today, date)} value={date} onChange={setDate} />
      <RefreshBar title={`${dateLabel(date)}的预约`} extra={`共 ${counts.total} 个，待到场 ${counts.waiting} 个`} onRefresh={bookings.refresh} refreshing={bookings.loading} />
      {stationId && !isCentre ? (
        <View className='booking-page__actions'>
          <Button className='app-button app-button--block' data-testid='scan-check-in' onClick={() => void scan()}>
            扫码核验到场
          </Button>
        </View>
      ) : null}
      {canClose && stationId ? (
        <View className='booking-page__actions'>
          <Button className='app-button app-button--block app-button--danger' data-testid='close-day' disabled={closingBusy} onClick={() => setClosing({ kind: 'day' })}>
            停约当天
          </Button>
        </View>
      ) : null}
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
                  <Button key={action} className={`app-button app-button--block${action === 'no_show' ? ' app-button--secondary' : ''}`} disabled={busyId === booking.id} onClick={() => void act(booking, action)}>
                    {BOOKING_ACTION_LABELS[action]}
                  </Button>
                ))}
              </View>
            ) : null}
            {canClose && booking.status === 'booked' && firstBookedOfSlot(bookings.items, booking) ? (
              <View className='booking-page__actions'>
                <Button className='app-button app-button--text' data-testid='close-slot' disabled={closingBusy} onClick={() => setClosing({ kind: 'slot', booking })}>
                  停约该时段
                </Button>
              </View>
            ) : null}
          </View>
        )}
      />
      {scanSheet ? <ScanCheckInSheet busy={scanBusy} error={scanError} onSubmit={(t) => void checkIn(t)} onClose={() => setScanSheet(false)} /> : null}
      {closing ? (
        <ClosureSheet
          kind={closing.kind}
          subject={closing.kind === 'day' ? dateLabel(date) : `${slotText(closing.booking.slotStart, closing.booking.slotEnd)} ${serviceName(closing.booking.serviceId)}`}
          submitting={closingBusy}
          onSubmit={(reason) => void close(closing, reason)}
          onClose={() => setClosing(null)}
        />
      ) : null}
    </View>
  );
}

/** Offer 停约该时段 once per slot: on the first 待到场 booking of that service and start time. */
function firstBookedOfSlot(items: readonly BookingRow[], b: BookingRow): boolean {
  return items.find((x) => x.status === 'booked' && x.serviceId === b.serviceId && x.slotStart === b.slotStart) === b;
}
