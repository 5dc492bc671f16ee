import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { z } from 'zod';
import type { BookingView } from '../../../../../../shared/api/routes';
import { BOOKING_ACTION_LABELS, BOOKING_STATUS_LABELS, type BookingAction } from '../../../../../../shared/bookings/catalogue';
import type { BookingActionBody } from '../../../../../../shared/bookings/schemas';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { BookingActionSheet } from '../../../../features/bookings/BookingActionSheet';
import { dateTimeText, shanghaiDate, slotText, statusLabel, statusTone } from '../../../../features/bookings/booking-format';
import { useMe, usePageRefresh, useRequest } from '../../../../services/hooks';
import { api, ApiError } from '../../../../services/request';
import { BookingQr } from '../../../../features/bookings/BookingQr';
import { StationPlace } from '../../../../features/bookings/StationPlace';
import '../../../../features/bookings/bookings.scss';
import { pageScaleStyle } from '../../../../services/text-size';

type View_ = z.infer<typeof BookingView>;

const CONFIRMS: Partial<Record<BookingAction, { title: string; content: string }>> = {
  cancel: { title: '取消预约', content: '取消后该时段名额会释放，如需办理须重新预约。确定取消吗？' },
  reschedule: { title: '改约', content: '改约后原时段名额会释放。确定改到新的时段吗？' },
  arrive: { title: '登记到场', content: '确认企业人员已到窗口？' },
  complete: { title: '登记办结', content: '确认该预约业务已办理完毕？' },
  no_show: { title: '登记未到', content: '确认企业未按预约时段到场？' },
};

const DONE: Record<BookingAction, string> = { cancel: '已取消预约', reschedule: '已改约', arrive: '已登记到场', complete: '已登记办结', no_show: '已登记未到' };

/** 预约详情 (?id=): the code, status, slot, contact, 记录, and exactly the server's `allowedActions`. */
export default function BookingDetailPage() {
  const { params } = useRouter();
  const bookingId = params.id ?? '';
  const me = useMe();
  const loaded = useRequest(() => api('getBooking', { params: { bookingId } }), [bookingId], Boolean(bookingId));
  const [acted, setActed] = useState<View_ | null>(null);
  const view = acted ?? loaded.data;
  const [sheet, setSheet] = useState<'cancel' | 'reschedule' | null>(null);
  const [busy, setBusy] = useState(false);

  const booking = view?.booking;
  const slots = useRequest(
    () => api('listBookingSlots', { params: { stationId: booking!.stationId, serviceId: booking!.serviceId }, query: { from: shanghaiDate(), days: 14 } }),
    [booking?.id, sheet === 'reschedule'],
    sheet === 'reschedule' && Boolean(booking),
  );

  const reload = async () => {
    setActed(null);
    await loaded.reload();
  };
  usePageRefresh(reload);

  const send = async (body: BookingActionBody) => {
    const confirm = CONFIRMS[body.action];
    if (confirm) {
      const answer = await Taro.showModal({ ...confirm, confirmText: '确定', cancelText: '再想想', confirmColor: body.action === 'cancel' ? '#c0392b' : '#1d4f91' });
      if (!answer.confirm) return;
    }
    setBusy(true);
    try {
      const next = await api('actOnBooking', { params: { bookingId }, body });
      setActed(next);
      setSheet(null);
      void Taro.showToast({ title: DONE[body.action], icon: 'none' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setSheet(null);
        await reload();
      }
    } finally {
      setBusy(false);
    }
  };

  const onAction = (action: BookingAction) => {
    if (!booking) return;
    if (action === 'cancel' || action === 'reschedule') setSheet(action);
    else void send({ action, version: booking.version } as BookingActionBody);
  };

  if (!bookingId) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message='缺少预约编号' hint='请从预约列表进入。' />
      </View>
    );
  }
  if (!view || !booking) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        {loaded.error ? <StatusView variant='error' message={loaded.error.message} onAction={loaded.reload} /> : <StatusView variant='loading' message='正在加载预约…' />}
      </View>
    );
  }

  const rows: [string, string][] = [
    ['业务', view.serviceName],
    ['时段', slotText(booking.slotStart, booking.slotEnd)],
    ['办理方式', booking.onSite ? `上门集中采集：${booking.siteAddress ?? ''}` : `到${booking.stationName}窗口办理`],
    ['人数', `${booking.people}人`],
    ['企业', booking.enterpriseName],
    ['联系人', `${booking.contactName} ${booking.contactMobile}`],
  ];
  if (booking.note) rows.push(['备注', booking.note]);
  if (booking.cancelReason) rows.push(['取消原因', `${booking.cancelReason}${booking.cancelledBy === 'station' ? '（派出所取消）' : ''}`]);
  if (booking.completionNote) rows.push(['办理情况', booking.completionNote]);
  // Where to go, for the enterprise coming to the counter: its own station, as the session knows it.
  const place = me?.role === 'enterprise' && !booking.onSite && me.station?.id === booking.stationId ? me.station : null;
  const canChange = view.allowedActions.includes('cancel') || view.allowedActions.includes('reschedule');

  return (
    <View style={pageScaleStyle()} className='app-page booking-page' data-testid='booking-detail' data-status={booking.status}>
      <View className='app-card booking-page__center'>
        <Text className={`app-status app-status--${statusTone(booking.status)}`} data-testid='booking-status'>
          {statusLabel(booking.status)}
        </Text>
        <Text className='app-muted'>预约码</Text>
        <Text className='booking-page__code' data-testid='booking-code'>
          {booking.code}
        </Text>
        {booking.greenChannel ? <Text className='booking-badge booking-badge--green'>绿色通道 · 优先受理</Text> : null}
        {booking.status === 'booked' && me?.role === 'enterprise' ? <BookingQr bookingId={booking.id} code={booking.code} /> : null}
        {booking.status === 'booked' ? <Text className='app-muted'>请按时到场，向窗口民警出示此码，民警扫码登记到场。</Text> : null}
      </View>

      <View className='app-card'>
        {rows.map(([label, value]) => (
          <View key={label} className='booking-page__row'>
            <Text className='booking-page__label'>{label}</Text>
            <Text className='booking-page__value'>{value}</Text>
          </View>
        ))}
        {canChange && me?.role === 'enterprise' ? <Text className='app-muted'>{`如需取消或改约，请在 ${dateTimeText(view.changeDeadline)} 前操作。`}</Text> : null}
        {place ? <StationPlace station={place} /> : null}
      </View>

      {view.allowedActions.length > 0 ? (
        <View className='booking-page__actions' data-testid='booking-actions'>
          {view.allowedActions.map((action) => (
            <Button key={action} className={`app-button app-button--block${action === 'cancel' || action === 'no_show' ? ' app-button--secondary' : ''}`} disabled={busy} onClick={() => onAction(action)}>
              {BOOKING_ACTION_LABELS[action]}
            </Button>
          ))}
        </View>
      ) : null}

      <RefreshBar title='预约记录' onRefresh={reload} refreshing={loaded.loading} />
      <View className='app-card booking-page__history' data-testid='booking-history'>
        {view.history.map((h, i) => (
          <Text key={`${h.at}-${i}`} className='booking-page__row'>
            {`${dateTimeText(h.at)} ${h.action === 'create' ? '提交预约' : BOOKING_ACTION_LABELS[h.action]} → ${BOOKING_STATUS_LABELS[h.to]}${h.reason ? `（${h.reason}）` : ''}`}
          </Text>
        ))}
      </View>

      {sheet ? (
        <BookingActionSheet
          key={sheet}
          action={sheet}
          version={booking.version}
          slots={slots.data?.items ?? []}
          slotsLoading={slots.loading}
          currentStart={booking.slotStart}
          submitting={busy}
          onSubmit={(body) => void send(body)}
          onClose={() => setSheet(null)}
        />
      ) : null}
    </View>
  );
}
