import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Image, Text, View } from '@tarojs/components';
import type { ConsoleTicketCreated } from '../../../../shared/console/schemas';
import { enterConsole, pollConsoleTicket, requestConsoleTicket } from '../../services/console';
import './ConsoleQrLogin.scss';

export interface ConsoleQrLoginProps {
  /** Compact inside the login page; full size on the console page. */
  variant?: 'card' | 'page';
}

type QrState = { kind: 'loading' } | { kind: 'pending'; ticket: ConsoleTicketCreated } | { kind: 'cancelled' } | { kind: 'error'; message: string } | { kind: 'done' };

/**
 * 扫码登录 for the desktop console: shows the mini-program code of a fresh ticket, polls it every 2 s, takes a
 * new code by itself when the old one runs out, and opens the console once the phone has confirmed.
 */
export function ConsoleQrLogin({ variant = 'card' }: ConsoleQrLoginProps) {
  const [view, setView] = useState<QrState>({ kind: 'loading' });
  const alive = useRef(true);

  const fresh = useCallback(async () => {
    setView({ kind: 'loading' });
    try {
      const ticket = await requestConsoleTicket();
      if (alive.current) setView({ kind: 'pending', ticket });
    } catch (error) {
      if (alive.current) setView({ kind: 'error', message: (error as Error).message || '获取登录二维码失败，请稍后重试' });
    }
  }, []);

  useEffect(() => {
    alive.current = true;
    void fresh();
    return () => {
      alive.current = false;
    };
  }, [fresh]);

  const ticket = view.kind === 'pending' ? view.ticket : null;
  useEffect(() => {
    if (!ticket) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      if (stopped) return;
      if (Date.now() >= Date.parse(ticket.expiresAt)) return void fresh();
      try {
        const result = await pollConsoleTicket(ticket);
        if (stopped) return;
        if (result.status === 'signed-in') {
          setView({ kind: 'done' });
          enterConsole(result);
          return;
        }
        if (result.status === 'expired') return void fresh();
        if (result.status === 'cancelled') return setView({ kind: 'cancelled' });
      } catch {
        // A failed poll (network, a gone ticket) is retried at the next tick; expiry brings a new code.
      }
      timer = setTimeout(tick, ticket.pollIntervalMs);
    };
    timer = setTimeout(tick, ticket.pollIntervalMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [ticket, fresh]);

  return (
    <View className={`console-qr console-qr--${variant}`} data-testid='console-qr' data-state={view.kind}>
      <Text className='console-qr__title'>扫码登录后台</Text>
      <View className='console-qr__frame'>
        {view.kind === 'pending' ? (
          <Image className='console-qr__image' src={view.ticket.qrImage} mode='aspectFit' data-testid='console-qr-image' />
        ) : view.kind === 'loading' ? (
          <Text className='console-qr__note'>正在生成二维码…</Text>
        ) : view.kind === 'done' ? (
          <Text className='console-qr__note'>登录成功，正在进入后台…</Text>
        ) : (
          <View className='console-qr__overlay'>
            <Text className='console-qr__note'>{view.kind === 'cancelled' ? '已在手机上取消本次登录' : view.message}</Text>
            <Button className='app-button app-button--secondary console-qr__refresh' onClick={() => void fresh()}>
              刷新二维码
            </Button>
          </View>
        )}
      </View>
      <Text className='console-qr__hint'>请用手机打开“助企直通车”小程序扫一扫，并在手机上确认登录。</Text>
      <Text className='console-qr__hint'>仅限民警和助企警务中心账号；二维码2分钟内有效，过期自动刷新。电脑端登录8小时后需重新扫码。</Text>
    </View>
  );
}
