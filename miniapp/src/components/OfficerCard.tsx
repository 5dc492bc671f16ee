import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { OfficerCard as OfficerCardData } from '../../../shared/schemas/organisation';
import { Avatar } from './Avatar';
import './OfficerCard.scss';

export interface OfficerCardProps {
  officer: OfficerCardData;
  /** Heading above the name; defaults to 我的联络官. */
  heading?: string;
}

export function callPhone(phoneNumber: string) {
  Taro.makePhoneCall({ phoneNumber }).catch(() => {
    // Cancelled by the user, or no dialler (desktop browser): nothing to report.
  });
}

/** An enterprise's liaison officer (助企警务联络官): who, where, and a tap to call. */
export function OfficerCard({ officer, heading = '我的联络官' }: OfficerCardProps) {
  return (
    <View className='officer-card app-card'>
      <Text className='officer-card__heading'>{heading}</Text>
      <View className='officer-card__body'>
        <Avatar name={officer.name} />
        <View className='officer-card__info'>
          <Text className='officer-card__name'>{officer.name}</Text>
          <Text className='officer-card__title'>{officer.title}</Text>
          <Text className='officer-card__station'>{officer.stationName}</Text>
        </View>
      </View>
      <View className='officer-card__actions'>
        <Button className='app-button officer-card__call' onClick={() => callPhone(officer.mobile)}>
          {`拨打电话 ${officer.mobile}`}
        </Button>
        {officer.stationPhone ? (
          <Button className='app-button app-button--secondary officer-card__call' onClick={() => callPhone(officer.stationPhone)}>
            {`派出所值班电话 ${officer.stationPhone}`}
          </Button>
        ) : null}
      </View>
    </View>
  );
}
