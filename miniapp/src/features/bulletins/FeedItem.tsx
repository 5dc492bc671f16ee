import { Text, View } from '@tarojs/components';
import type { FeedEntry } from '../../../../shared/bulletins/schemas';
import { bulletinTime, kindLabel } from './bulletin-format';

export interface FeedItemProps {
  entry: FeedEntry;
  onOpen: (entry: FeedEntry) => void;
}

/** One item of the enterprise's feed; risk warnings stand out, unread ones carry a dot. */
export function FeedItem({ entry, onOpen }: FeedItemProps) {
  const risk = entry.kind === 'risk';
  const unread = !entry.readAt;
  return (
    <View
      className={`app-card feed-item${risk ? ' feed-item--risk' : ''}${unread ? ' feed-item--unread' : ''}`}
      data-testid='feed-item'
      data-bulletin-id={entry.bulletinId}
      data-kind={entry.kind}
      onClick={() => onOpen(entry)}
    >
      <View className='feed-item__top'>
        <Text className={`app-tag bulletin-kind bulletin-kind--${entry.kind}`}>{kindLabel(entry.kind)}</Text>
        {unread ? <Text className='feed-item__dot'>{risk ? '待阅知' : '未读'}</Text> : risk ? <Text className='feed-item__done'>已阅知</Text> : null}
        <Text className='feed-item__time'>{bulletinTime(entry.publishedAt)}</Text>
      </View>
      <Text className='feed-item__title'>{entry.title}</Text>
      <Text className='feed-item__summary'>{entry.summary}</Text>
      <Text className='feed-item__publisher'>{entry.publisherName}</Text>
    </View>
  );
}
