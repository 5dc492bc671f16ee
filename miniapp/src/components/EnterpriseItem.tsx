import { Text, View } from '@tarojs/components';
import type { Enterprise } from '../../../shared/schemas/enterprise';
import { INDUSTRY_LABELS } from '../../../shared/domain/industries';
import './EnterpriseItem.scss';

export interface EnterpriseItemProps {
  enterprise: Enterprise;
  onOpen?: (enterprise: Enterprise) => void;
}

/** One row of an enterprise list; opens the enterprise file (一企一档). */
export function EnterpriseItem({ enterprise, onOpen }: EnterpriseItemProps) {
  return (
    <View className='enterprise-item app-card' hoverClass='enterprise-item--pressed' onClick={() => onOpen?.(enterprise)}>
      <Text className='enterprise-item__name'>{enterprise.name}</Text>
      <View className='enterprise-item__tags'>
        <Text className='app-tag'>{INDUSTRY_LABELS[enterprise.industry] ?? enterprise.industry}</Text>
      </View>
      <Text className='enterprise-item__line'>{enterprise.address}</Text>
      <Text className='enterprise-item__line'>{`联系人：${enterprise.contactName} ${enterprise.contactMobile}`}</Text>
    </View>
  );
}
