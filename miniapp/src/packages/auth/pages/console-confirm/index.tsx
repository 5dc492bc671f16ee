import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { mayUseConsole } from '../../../../../../shared/console/rules';
import type { ConsoleTicketRequest } from '../../../../../../shared/console/schemas';
import { StatusView } from '../../../../components/StatusView';
import { formatConsoleTime } from '../../../../features/auth/console-format';
import { useMe, useRequest } from '../../../../services/hooks';
import { restartAt } from '../../../../services/navigation';
import { api } from '../../../../services/request';
import './index.scss';
import { pageScaleStyle } from '../../../../services/text-size';

const TICKET_ID = /^[A-Za-z0-9_-]{16,64}$/;

const STATE_MESSAGES: Record<Exclude<ConsoleTicketRequest['status'], 'pending'>, string> = {
  confirmed: '已确认登录，电脑将自动进入后台',
  consumed: '电脑已登录，可在“我的 → 登录设备”中查看或退出',
  cancelled: '已取消本次登录',
  expired: '二维码已过期，请在电脑上刷新二维码后重新扫码',
};

/**
 * 扫码登录 on the phone: scanning the desktop's mini-program code opens this page with `scene` = the ticket.
 * Only police and centre accounts may sign the console in; an enterprise account is told so plainly.
 */
export default function ConsoleConfirmPage() {
  const { params } = useRouter();
  const ticketId = decodeURIComponent(params.scene ?? params.ticketId ?? '');
  const me = useMe();
  const allowed = !!me && mayUseConsole(me.role) && TICKET_ID.test(ticketId);
  const request = useRequest(() => api('getConsoleTicket', { params: { ticketId }, silent: true }), [ticketId], allowed);
  const [busy, setBusy] = useState<'confirm' | 'cancel' | null>(null);
  const [outcome, setOutcome] = useState<ConsoleTicketRequest | null>(null);

  if (!TICKET_ID.test(ticketId)) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message='二维码无效' hint='请在电脑上刷新二维码后重新扫码' />
      </View>
    );
  }
  if (!me) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='empty' message='请先登录助企直通车' hint='登录后重新扫描电脑上的二维码' actionText='去登录' onAction={() => void restartAt('login')} />
      </View>
    );
  }
  if (!mayUseConsole(me.role)) {
    return (
      <View style={pageScaleStyle()} className='app-page' data-testid='console-refused'>
        <StatusView variant='error' message='企业账号不能登录助企直通车后台' hint='电脑端后台仅供民警和助企警务中心使用。企业请在小程序中办理业务。' actionText='返回首页' onAction={() => void restartAt('home')} />
      </View>
    );
  }
  if (request.loading && !request.data) return <StatusView variant='loading' />;
  if (request.error || !request.data) {
    return (
      <View style={pageScaleStyle()} className='app-page'>
        <StatusView variant='error' message={request.error?.status === 404 ? '该二维码已失效' : (request.error?.message ?? '加载失败')} hint='请在电脑上刷新二维码后重新扫码' />
      </View>
    );
  }

  const current = outcome ?? request.data;
  const act = async (action: 'confirm' | 'cancel') => {
    setBusy(action);
    try {
      setOutcome(await api(action === 'confirm' ? 'confirmConsoleTicket' : 'cancelConsoleTicket', { params: { ticketId } }));
    } catch {
      // The request layer has shown why (expired, already used); reload shows the ticket's state now.
      void request.reload();
    } finally {
      setBusy(null);
    }
  };

  return (
    <View style={pageScaleStyle()} className='app-page console-confirm' data-testid='console-confirm' data-status={current.status}>
      <View className='console-confirm__screen'>
        <Text className='console-confirm__icon'>电脑</Text>
      </View>
      <Text className='console-confirm__question'>在电脑上登录助企直通车后台？</Text>
      <View className='app-card console-confirm__rows'>
        <View className='console-confirm__row'>
          <Text className='console-confirm__label'>浏览器</Text>
          <Text className='console-confirm__value'>{current.browser}</Text>
        </View>
        <View className='console-confirm__row'>
          <Text className='console-confirm__label'>时间</Text>
          <Text className='console-confirm__value'>{formatConsoleTime(current.requestedAt)}</Text>
        </View>
        <View className='console-confirm__row'>
          <Text className='console-confirm__label'>IP 地址</Text>
          <Text className='console-confirm__value'>{current.ip}</Text>
        </View>
      </View>
      {current.status === 'pending' ? (
        <View className='console-confirm__actions'>
          <Button className='app-button app-button--block' disabled={busy !== null} onClick={() => void act('confirm')} data-testid='console-confirm-button'>
            {busy === 'confirm' ? '正在确认…' : '确认登录'}
          </Button>
          <Button className='app-button app-button--secondary app-button--block console-confirm__cancel' disabled={busy !== null} onClick={() => void act('cancel')}>
            取消
          </Button>
          <Text className='console-confirm__hint'>如果不是你本人在电脑上操作，请点“取消”。</Text>
        </View>
      ) : (
        <Text className='console-confirm__done' data-testid='console-confirm-result'>
          {STATE_MESSAGES[current.status]}
        </Text>
      )}
    </View>
  );
}
