import { useMemo } from 'react';
import { Image, View } from '@tarojs/components';
import { bookingQrPayload, qrDataUri } from './booking-qr';

export interface BookingQrProps {
  bookingId: string;
  code: string;
}

/** The booking as a QR code for the counter to scan (到场核验). */
export function BookingQr({ bookingId, code }: BookingQrProps) {
  const src = useMemo(() => qrDataUri(bookingQrPayload(bookingId, code)), [bookingId, code]);
  return (
    <View className='booking-qr' data-testid='booking-qr' data-payload={bookingQrPayload(bookingId, code)}>
      <Image className='booking-qr__image' src={src} mode='aspectFit' aria-label={`预约码 ${code} 的二维码`} />
    </View>
  );
}
