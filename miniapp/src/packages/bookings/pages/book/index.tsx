import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CreateBookingBody } from '../../../../../../shared/bookings/schemas';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { BookingSteps } from '../../../../features/bookings/BookingSteps';
import { issuesToBookingErrors, shanghaiDate, type BookingErrors } from '../../../../features/bookings/booking-format';
import { useMe, useRequest } from '../../../../services/hooks';
import { openPage, replacePage, restartAt } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import '../../../../features/bookings/bookings.scss';
import { pageScaleStyle } from '../../../../services/text-size';

/** The slot was taken or closed since it was shown: the user picks another time, not another form. */
const SLOT_GONE = new Set(['SLOT_FULL', 'SLOT_UNAVAILABLE']);

/** 预约办证: the station's services with what to bring, then the day, the time, and a confirm step (BookingSteps). */
export default function BookPage() {
  const { params } = useRouter();
  const me = useMe();
  const enterprise = me?.role === 'enterprise' ? me.enterprise : null;
  const stationId = enterprise?.stationId;
  const [serviceId, setServiceId] = useState<string | null>(params.serviceId ?? null);
  const [submitting, setSubmitting] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [serverErrors, setServerErrors] = useState<BookingErrors>({});

  const services = useRequest(() => api('listBookingServices', { params: { stationId: stationId! } }), [stationId], Boolean(stationId));
  const offered = (services.data?.services ?? []).filter((s) => s.settings.enabled);
  const chosen = offered.find((s) => s.service.id === serviceId);
  const windowDays = services.data?.schedule.bookingWindowDays ?? 14;

  const slots = useRequest(
    () => api('listBookingSlots', { params: { stationId: stationId!, serviceId: chosen!.service.id }, query: { from: shanghaiDate(), days: windowDays } }),
    [stationId, chosen?.service.id, windowDays],
    Boolean(stationId && chosen),
  );

  const submit = async (body: CreateBookingBody) => {
    setSubmitting(true);
    setServerError(undefined);
    setServerErrors({});
    try {
      const view = await api('createBooking', { body });
      void Taro.showToast({ title: '预约成功', icon: 'success' });
      void replacePage('bookingDetail', { id: view.booking.id });
    } catch (error) {
      if (error instanceof ApiError) {
        const errors = issuesToBookingErrors(error.issues);
        // A slot taken or closed meanwhile: back to the time step with the seats as they are now.
        if (SLOT_GONE.has(error.code)) {
          setServerErrors({ ...errors, slotStart: error.message });
          void slots.reload();
        } else {
          setServerError(error.message);
          setServerErrors(errors);
        }
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (!enterprise) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='企业用户登录后才能预约办证' hint='请先完成企业注册，或请企业管理员邀请您加入。' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }
  if (services.loading && !services.data) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='loading' message='正在加载可预约业务…' />
      </View>
    );
  }
  if (services.error && !services.data) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message={services.error.message} onAction={services.reload} />
      </View>
    );
  }

  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='booking-book'>
      <RefreshBar title='预约办证' onRefresh={() => void Promise.all([services.reload(), chosen ? slots.reload() : null])} refreshing={services.loading || slots.loading} />
      {offered.length === 0 ? (
        <StatusView compact variant='empty' message='辖区派出所暂未开放预约' hint='可以联系您的联络官咨询办理方式。' />
      ) : (
        <BookingSteps
          services={offered}
          serviceId={chosen ? serviceId : null}
          onServiceChange={setServiceId}
          station={me?.station && me.station.id === stationId ? me.station : null}
          slots={chosen ? (slots.data?.items ?? []) : []}
          slotsLoading={slots.loading}
          slotsError={slots.error?.message}
          onReloadSlots={slots.reload}
          defaults={{ contactName: enterprise.contactName, contactMobile: enterprise.contactMobile }}
          submitting={submitting}
          serverError={serverError}
          serverErrors={serverErrors}
          onSubmit={(body) => void submit(body)}
        />
      )}
      <View className='app-card booking-book__mine' onClick={() => openPage('myBookings')}>
        <Text className='service-card__link'>查看我的预约 ›</Text>
      </View>
    </View>
  );
}
