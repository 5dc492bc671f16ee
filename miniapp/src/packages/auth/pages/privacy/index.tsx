import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PrivacyGate } from '../../../../features/auth/PrivacyGate';
import { restartAt } from '../../../../services/navigation';
import { getSession, setPrivacyAgreed } from '../../../../services/session';
import { pageScaleStyle } from '../../../../services/text-size';

export default function PrivacyPage() {
  const { params } = useRouter();
  const readOnly = params.mode === 'view';

  const agree = () => {
    setPrivacyAgreed(true);
    void restartAt(getSession() ? 'home' : 'login');
  };

  return (
    <View style={pageScaleStyle()} className='app-page'>
      <PrivacyGate onAgree={agree} readOnly={readOnly} />
    </View>
  );
}
