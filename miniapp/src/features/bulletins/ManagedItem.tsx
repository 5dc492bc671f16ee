import { Button, Text, View } from '@tarojs/components';
import type { BulletinSummary } from '../../../../shared/bulletins/schemas';
import { bulletinTime, kindLabel, statusLabel } from './bulletin-format';

export interface ManagedItemProps {
  bulletin: BulletinSummary;
  onOpen: (b: BulletinSummary) => void;
  onReceipts: (b: BulletinSummary) => void;
  onWithdraw: (b: BulletinSummary) => void;
}

const TONES = { published: 'success', scheduled: 'primary', withdrawn: 'muted' } as const;

/** One bulletin in the publisher's list: status, audience, and for a risk warning how many have confirmed. */
export function ManagedItem({ bulletin: b, onOpen, onReceipts, onWithdraw }: ManagedItemProps) {
  const when = b.status === 'scheduled' ? `定时 ${bulletinTime(b.publishAt)}` : b.publishedAt ? `发布于 ${bulletinTime(b.publishedAt)}` : '';
  return (
    <View className={`app-card managed-item${b.kind === 'risk' ? ' managed-item--risk' : ''}`} data-testid='managed-item' data-bulletin-id={b.id} data-status={b.status}>
      <View className='managed-item__top' onClick={() => onOpen(b)}>
        <Text className={`app-tag bulletin-kind bulletin-kind--${b.kind}`}>{kindLabel(b.kind)}</Text>
        <Text className={`app-status app-status--${TONES[b.status]}`} data-testid='managed-status'>
          {statusLabel(b.status)}
        </Text>
      </View>
      <Text className='managed-item__title' onClick={() => onOpen(b)}>
        {b.title}
      </Text>
      <Text className='managed-item__line'>{`${b.audienceLabel} · ${when}`}</Text>
      {b.status === 'published' && !b.delivered ? <Text className='managed-item__line'>{`正在送达：已送达 ${b.audienceCount} 家`}</Text> : null}
      {b.kind === 'risk' && b.status !== 'scheduled' ? <Text className='managed-item__reads' data-testid='managed-reads'>{`已阅知 ${b.readCount}/${b.audienceCount}`}</Text> : null}
      <View className='managed-item__actions'>
        {b.kind === 'risk' && b.status === 'published' ? (
          <Button className='app-button app-button--secondary managed-item__action' data-testid='open-receipts' onClick={() => onReceipts(b)}>
            阅知情况
          </Button>
        ) : null}
        {b.status !== 'withdrawn' ? (
          <Button className='app-button app-button--danger managed-item__action' data-testid='withdraw' onClick={() => onWithdraw(b)}>
            撤回
          </Button>
        ) : null}
      </View>
    </View>
  );
}
