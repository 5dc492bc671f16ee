import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PrivacyGate } from '../../../../features/auth/PrivacyGate';
import { restartAt } from '../../../../services/navigation';
import { giveConsent } from '../../../../services/auth';
import { getSession, setPrivacyAgreed } from '../../../../services/session';
import { pageScaleStyle } from '../../../../services/text-size';

export default function PrivacyPage() {
  const { params } = useRouter();
  const readOnly = params.mode === 'view';

  const signedIn = Boolean(getSession());
  const agree = async () => {
    setPrivacyAgreed(true);
    // Signed in already (the guide changed since): the server records the new consent before going on.
    if (signedIn) await giveConsent().catch(() => undefined);
    void restartAt(signedIn ? 'home' : 'login');
  };

  return (
    <View style={pageScaleStyle()} className='app-page'>
      <PrivacyGate onAgree={() => void agree()} readOnly={readOnly} updated={signedIn && !readOnly} />
    </View>
  );
}
