import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MAX_TEMPLATES_PER_REQUEST } from '../../../shared/notifications/catalogue';
import { canRequestSubscribe, requestSubscribe } from '../services/subscribe';
import './SubscribeButton.scss';

export interface SubscribeTemplateOption {
  templateId: string;
  title: string;
  remaining: number;
}

export interface SubscribeButtonProps {
  templates: SubscribeTemplateOption[];
  /** After the server recorded the answers (reload the remaining counts). */
  onRecorded?: () => void;
}

const chunks = <T,>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/**
 * 订阅微信消息提醒: WeChat sends a subscribe message only after a one-time grant, asked from a tap, at most
 * three templates per ask. Each allowed template lets one more message through. Outside the mini-program
 * (H5) it explains instead of offering a button that cannot work.
 */
export function SubscribeButton({ templates, onRecorded }: SubscribeButtonProps) {
  const [busy, setBusy] = useState(false);
  if (templates.length === 0) return null;
  const supported = canRequestSubscribe();

  const ask = (group: SubscribeTemplateOption[]) => {
    if (busy) return;
    // requestSubscribe must run synchronously inside this tap handler.
    const pending = requestSubscribe(group.map((t) => t.templateId));
    setBusy(true);
    pending
      .then((outcome) => {
        if ('unsupported' in outcome) return;
        void Taro.showToast({ title: outcome.accepted > 0 ? `已订阅 ${outcome.accepted} 项提醒，每项可接收一条消息` : '未订阅，您可随时再次订阅', icon: 'none' });
        onRecorded?.();
      })
      .catch(() => {
        void Taro.showToast({ title: '订阅未完成，请稍后重试', icon: 'none' });
      })
      .finally(() => setBusy(false));
  };

  return (
    <View className='subscribe-button app-card' data-testid='subscribe-card'>
      <Text className='subscribe-button__title'>微信消息提醒</Text>
      <View className='subscribe-button__list'>
        {templates.map((t) => (
          <View key={t.templateId} className='subscribe-button__row'>
            <Text>{t.title}</Text>
            <Text className='subscribe-button__remaining'>{t.remaining > 0 ? `可接收 ${t.remaining} 条` : '未订阅'}</Text>
          </View>
        ))}
      </View>
      {supported ? (
        <>
          <Text className='subscribe-button__hint'>每次“允许”可在微信中收到一条提醒；收到后可再次订阅。</Text>
          {chunks(templates, MAX_TEMPLATES_PER_REQUEST).map((group, i) => (
            <Button key={group[0].templateId} className='app-button app-button--secondary subscribe-button__ask' disabled={busy} data-testid={`subscribe-ask-${i}`} onClick={() => ask(group)}>
              {i === 0 ? '订阅微信消息提醒' : '订阅更多提醒'}（{group.map((t) => t.title).join('、')}）
            </Button>
          ))}
        </>
      ) : (
        <Text className='subscribe-button__hint' data-testid='subscribe-unsupported'>
          微信消息提醒需在微信小程序中订阅；在浏览器中请留意本页的站内消息。
        </Text>
      )}
    </View>
  );
}
