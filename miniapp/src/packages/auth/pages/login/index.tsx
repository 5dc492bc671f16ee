import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { DemoAccount } from '../../../../../../shared/schemas/auth';
import { ConsoleQrLogin } from '../../../../features/auth/ConsoleQrLogin';
import { DemoAccountPicker } from '../../../../features/auth/DemoAccountPicker';
import { loginAsDemo, loginWithWechat } from '../../../../services/auth';
import { isDevStage, isH5 } from '../../../../services/config';
import { useRequest } from '../../../../services/hooks';
import { restartAt } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import { hasAgreedPrivacy } from '../../../../services/session';
import './index.scss';
import { pageScaleStyle } from '../../../../services/text-size';

/** A desktop browser (the H5 build on a wide screen) has no WeChat: it signs in by scanning instead. */
const isDesktop = () => isH5() && typeof window !== 'undefined' && window.innerWidth >= 960;

export default function LoginPage() {
  const [desktop] = useState(isDesktop);
  const [busy, setBusy] = useState<'wechat' | string | null>(null);
  const devStage = isDevStage();
  const demo = useRequest(() => api('demoAccounts', { silent: true }), [], devStage);

  useDidShow(() => {
    if (!hasAgreedPrivacy()) void restartAt('privacy');
  });

  const wechatLogin = async () => {
    setBusy('wechat');
    try {
      await loginWithWechat();
      void restartAt('home');
    } catch {
      // The request layer has shown the reason.
    } finally {
      setBusy(null);
    }
  };

  const demoLogin = async (account: DemoAccount) => {
    setBusy(account.accountId);
    try {
      await loginAsDemo(account.accountId);
      void restartAt('home');
    } catch {
      // Shown by the request layer.
    } finally {
      setBusy(null);
    }
  };

  return (
    <View style={pageScaleStyle()} className='app-page login-page'>
      <View className='login-page__hero'>
        <Text className='login-page__title'>助企直通车</Text>
        <Text className='login-page__subtitle'>公安助企警务服务平台 · 企业诉求直达辖区联络官</Text>
      </View>

      {desktop ? (
        <View className='app-card login-page__console'>
          <ConsoleQrLogin />
        </View>
      ) : null}

      <View className='app-card'>
        <Button className='app-button app-button--block' disabled={busy !== null} onClick={wechatLogin}>
          {busy === 'wechat' ? '正在登录…' : '微信一键登录'}
        </Button>
        <Text className='app-card__hint login-page__hint'>首次登录后，企业可完成注册，民警可用邀请码绑定账号。</Text>
      </View>

      {devStage ? (
        <View className='app-card login-page__demo'>
          <Text className='app-card__title'>演示登录</Text>
          <Text className='app-card__hint'>开发环境专用：选择一个预置账号直接登录。</Text>
          <DemoAccountPicker accounts={demo.data?.items} loading={demo.loading} errorMessage={demo.error?.message} onRetry={demo.reload} onPick={demoLogin} busyAccountId={busy && busy !== 'wechat' ? busy : null} />
        </View>
      ) : null}
    </View>
  );
}
