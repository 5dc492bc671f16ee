import { Text, View } from '@tarojs/components';
import type { Officer } from '../../../shared/schemas/organisation';
import './OfficerItem.scss';

export interface OfficerItemProps {
  officer: Officer;
  onOpen?: (officer: Officer) => void;
}

/** An officer of a station, as the chief sees it: on leave or not, how many enterprises. */
export function OfficerItem({ officer, onOpen }: OfficerItemProps) {
  return (
    <View className='officer-item app-card' hoverClass='officer-item--pressed' onClick={() => onOpen?.(officer)}>
      <View className='officer-item__top'>
        <Text className='officer-item__name'>{officer.name}</Text>
        {officer.isChief ? <Text className='app-tag'>所长</Text> : null}
        {officer.onLeave ? <Text className='app-tag app-tag--warning officer-item__tag'>休假中</Text> : null}
        {!officer.bound ? <Text className='app-tag app-tag--warning officer-item__tag'>未绑定微信</Text> : null}
      </View>
      <Text className='officer-item__line'>{`${officer.title} · 警号 ${officer.badgeNo}`}</Text>
      <Text className='officer-item__count'>{`负责企业 ${officer.enterpriseCount} 家`}</Text>
    </View>
  );
}
