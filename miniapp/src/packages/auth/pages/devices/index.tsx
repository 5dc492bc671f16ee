import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { StatusView } from '../../../../components/StatusView';
import { formatConsoleTime } from '../../../../features/auth/console-format';
import { useRequest } from '../../../../services/hooks';
import { api } from '../../../../services/request';
import './index.scss';
import { pageScaleStyle } from '../../../../services/text-size';

/** 我的 → 登录设备: the computers this account is signed in on (扫码登录), each with 退出. */
export default function DevicesPage() {
  const sessions = useRequest(() => api('listConsoleSessions'), []);
  const [ending, setEnding] = useState<string | null>(null);

  const end = async (sessionId: string) => {
    const { confirm } = await Taro.showModal({ title: '退出电脑登录', content: '退出后这台电脑需要重新扫码才能登录后台。', confirmText: '退出', confirmColor: '#c0392b' });
    if (!confirm) return;
    setEnding(sessionId);
    try {
      await api('endConsoleSession', { params: { sessionId } });
      Taro.showToast({ title: '已退出', icon: 'success' });
      await sessions.reload();
    } catch {
      // Shown by the request layer.
    } finally {
      setEnding(null);
    }
  };

  if (sessions.loading && !sessions.data) return <StatusView variant='loading' />;
  if (sessions.error) return <StatusView variant='error' message={sessions.error.message} onAction={sessions.reload} />;
  const items = sessions.data?.items ?? [];

  return (
    <View style={pageScaleStyle()} className='app-page devices-page'>
      <Text className='app-card__hint devices-page__hint'>在电脑上扫码登录后台的记录。每次登录8小时内有效；不是你本人的登录，请立即退出。</Text>
      {items.length === 0 ? (
        <StatusView variant='empty' message='没有在电脑上登录' />
      ) : (
        items.map((s) => (
          <View key={s.sessionId} className='app-card devices-page__item' data-testid='console-session'>
            <View className='devices-page__text'>
              <Text className='devices-page__browser'>{s.browser}</Text>
              <Text className='devices-page__meta'>
                {formatConsoleTime(s.signedInAt)} 登录 · IP {s.ip}
              </Text>
              <Text className='devices-page__meta'>{formatConsoleTime(s.expiresAt)} 自动退出</Text>
            </View>
            <Button className='app-button app-button--danger devices-page__end' disabled={ending !== null} onClick={() => void end(s.sessionId)}>
              {ending === s.sessionId ? '正在退出…' : '退出'}
            </Button>
          </View>
        ))
      )}
    </View>
  );
}
