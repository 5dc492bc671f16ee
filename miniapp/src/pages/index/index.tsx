import { useState } from 'react';
import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { StatusView } from '../../components/StatusView';
import { EnterpriseHome } from '../../features/home/EnterpriseHome';
import { GuestHome } from '../../features/home/GuestHome';
import { OfficerHome } from '../../features/home/OfficerHome';
import { StationOverview } from '../../features/home/StationOverview';
import { refreshMe } from '../../services/auth';
import { useMe } from '../../services/hooks';
import { restartAt } from '../../services/navigation';
import { getSession, hasAgreedPrivacy, setPrivacyAgreed } from '../../services/session';
import './index.scss';
import { pageScaleStyle } from '../../services/text-size';

/**
 * The home tab decides the entry flow: privacy guideline → login → a home for the caller's role.
 * Guests choose between 企业注册 and 绑定民警账号.
 */
export default function IndexPage() {
  const me = useMe();
  const [gateChecked, setGateChecked] = useState(false);

  useDidShow(() => {
    if (!hasAgreedPrivacy()) {
      void restartAt('privacy');
      return;
    }
    if (!getSession()) {
      void restartAt('login');
      return;
    }
    setGateChecked(true);
    // The role may have changed since the session was issued (registered, bound, reassigned); a new version of
    // the privacy guide asks again (the server refuses personal-data writes until then).
    refreshMe()
      .then((fresh) => {
        if (fresh.consent?.required) {
          setPrivacyAgreed(false);
          void restartAt('privacy');
        }
      })
      .catch(() => undefined);
  });

  const wide = me?.role === 'chief' || me?.role === 'centre';
  return (
    <View style={pageScaleStyle()} className={`app-page home-page${wide ? ' app-page--wide' : ''}`}>
      {!gateChecked || !me ? (
        <StatusView variant='loading' />
      ) : me.role === 'guest' ? (
        <GuestHome displayName={me.displayName} />
      ) : me.role === 'enterprise' ? (
        <EnterpriseHome me={me} />
      ) : me.role === 'officer' ? (
        <OfficerHome me={me} />
      ) : (
        <StationOverview me={me} />
      )}
    </View>
  );
}
