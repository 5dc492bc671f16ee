import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { callPhone } from '../../components/OfficerCard';
import { useRequest } from '../../services/hooks';
import { openPage } from '../../services/navigation';
import { api } from '../../services/request';
import './EnterpriseContactCard.scss';

export interface EnterpriseContactCardProps {
  enterpriseId: string;
}

/**
 * On the police side of an appeal: who filed it and how to reach them. The number comes masked (138****1234);
 * 拨打 asks for the full one (POST /enterprises/{id}/contact/reveal), which the enterprise then sees in
 * 谁查看了我的档案, and dials it. Quiet when the file cannot be read (the card is a shortcut, the appeal is the page).
 */
export function EnterpriseContactCard({ enterpriseId }: EnterpriseContactCardProps) {
  const file = useRequest(() => api('getEnterpriseFile', { params: { enterpriseId }, query: { sections: 'none' }, silent: true }), [enterpriseId]);
  const [calling, setCalling] = useState(false);
  if (!file.data) return file.loading ? <View className='app-card skeleton enterprise-contact--loading' aria-label='正在加载企业联系人' /> : null;
  const { enterprise } = file.data;

  const call = async () => {
    setCalling(true);
    try {
      const contact = await api('revealEnterpriseContact', { params: { enterpriseId } });
      callPhone(contact.contactMobile);
    } catch {
      // The request layer said what went wrong.
    } finally {
      setCalling(false);
    }
  };

  return (
    <View className='app-card enterprise-contact' data-testid='enterprise-contact'>
      <View className='enterprise-contact__head' onClick={() => void openPage('enterpriseFile', { enterpriseId })}>
        <Text className='enterprise-contact__name'>{enterprise.name}</Text>
        <Text className='enterprise-contact__link'>档案 ›</Text>
      </View>
      <View className='enterprise-contact__row'>
        <View className='enterprise-contact__person'>
          <Text className='enterprise-contact__label'>联系人</Text>
          <Text className='enterprise-contact__value'>{`${enterprise.contactName} ${enterprise.contactMobile}`}</Text>
        </View>
        <Button className='app-button enterprise-contact__call' data-testid='appeal-contact-call' disabled={calling} onClick={() => void call()}>
          拨打
        </Button>
      </View>
      <Text className='enterprise-contact__note'>拨打时查看完整号码，记入企业可见的查看记录。</Text>
    </View>
  );
}
