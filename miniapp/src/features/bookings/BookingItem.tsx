import { Text, View } from '@tarojs/components';
import type { BookingRecord } from '../../../../shared/api/routes';
import type { z } from 'zod';
import { serviceName, slotText, statusLabel, statusTone } from './booking-format';

export type BookingRow = z.infer<typeof BookingRecord>;

export interface BookingItemProps {
  booking: BookingRow;
  /** The enterprise sees the station; the police see the enterprise. */
  audience: 'enterprise' | 'police';
  onOpen: (booking: BookingRow) => void;
}

/** One booking in a list: status, code, service, slot. */
export function BookingItem({ booking, audience, onOpen }: BookingItemProps) {
  return (
    <View className='app-card booking-item' data-testid='booking-item' data-booking-id={booking.id} onClick={() => onOpen(booking)}>
      <View className='booking-item__top'>
        <Text className={`app-status app-status--${statusTone(booking.status)}`}>{statusLabel(booking.status)}</Text>
        <Text className='booking-item__code'>{`预约码 ${booking.code}`}</Text>
        {booking.greenChannel ? <Text className='booking-badge booking-badge--green'>绿色通道</Text> : null}
        {booking.onSite ? <Text className='booking-badge'>上门</Text> : null}
      </View>
      <Text className='booking-item__title'>{serviceName(booking.serviceId)}</Text>
      <Text className='booking-item__line'>{slotText(booking.slotStart, booking.slotEnd)}</Text>
      <Text className='booking-item__line'>
        {audience === 'police' ? `${booking.enterpriseName} · ${booking.contactName} ${booking.contactMobile}` : booking.stationName}
        {` · ${booking.people}人`}
      </Text>
    </View>
  );
}
