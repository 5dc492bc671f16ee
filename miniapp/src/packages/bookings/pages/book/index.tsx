import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CreateBookingBody } from '../../../../../../shared/bookings/schemas';
import { RefreshBar } from '../../../../components/RefreshBar';
import { StatusView } from '../../../../components/StatusView';
import { BookingForm } from '../../../../features/bookings/BookingForm';
import { issuesToBookingErrors, shanghaiDate, type BookingErrors } from '../../../../features/bookings/booking-format';
import { ServiceCard } from '../../../../features/bookings/ServiceCard';
import { useMe, useRequest } from '../../../../services/hooks';
import { openPage, replacePage, restartAt } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import '../../../../features/bookings/bookings.scss';
import { pageScaleStyle } from '../../../../services/text-size';

/** 预约办证: the station's services with what to bring; choose one, then a slot, contact and people. */
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
        setServerError(error.message);
        setServerErrors(issuesToBookingErrors(error.issues));
        // A slot taken meanwhile: show the seats as they are now.
        if (error.status === 409) void slots.reload();
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

  if (!chosen) {
    return (
      <View style={pageScaleStyle()} className='app-page' data-testid='booking-services'>
        <RefreshBar title='选择要办理的业务' onRefresh={services.reload} refreshing={services.loading} />
        {offered.length === 0 ? (
          <StatusView compact variant='empty' message='辖区派出所暂未开放预约' hint='可以联系您的联络官咨询办理方式。' />
        ) : (
          offered.map(({ service, settings }) => <ServiceCard key={service.id} service={service} settings={settings} onOpen={() => setServiceId(service.id)} />)
        )}
        <View className='app-card' onClick={() => openPage('myBookings')}>
          <Text className='service-card__link'>查看我的预约 ›</Text>
        </View>
      </View>
    );
  }

  return (
    <View style={pageScaleStyle()} className='app-page' data-testid='booking-book'>
      <ServiceCard service={chosen.service} settings={chosen.settings} detailed />
      <View className='app-card' onClick={() => setServiceId(null)}>
        <Text className='service-card__link'>‹ 更换业务</Text>
      </View>
      <BookingForm
        key={chosen.service.id}
        service={chosen.service}
        slots={slots.data?.items ?? []}
        slotsLoading={slots.loading}
        slotsError={slots.error?.message}
        onReloadSlots={slots.reload}
        defaults={{ contactName: enterprise.contactName, contactMobile: enterprise.contactMobile }}
        submitting={submitting}
        serverError={serverError}
        serverErrors={serverErrors}
        onSubmit={(body) => void submit(body)}
      />
    </View>
  );
}
