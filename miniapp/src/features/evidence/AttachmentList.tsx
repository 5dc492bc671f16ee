import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { KIND_LABELS } from '../../../../shared/evidence/rules';
import type { AttachmentView } from '../../../../shared/evidence/schemas';
import './AttachmentList.scss';

export interface AttachmentListProps {
  items: AttachmentView[];
  testId?: string;
}

/** Opens one attachment: images in WeChat's viewer (all of the list's images), video in previewMedia, files in openDocument. */
export async function openAttachment(item: AttachmentView, all: AttachmentView[]) {
  if (!item.url) return;
  const weapp = process.env.TARO_ENV === 'weapp';
  if (item.kind === 'image') {
    const urls = all.filter((a) => a.kind === 'image' && a.url).map((a) => a.url!);
    await Taro.previewImage({ urls, current: item.url });
  } else if (item.kind === 'video' && weapp) {
    await Taro.previewMedia({ sources: [{ url: item.url, type: 'video' }] });
  } else if (item.kind === 'audio') {
    const audio = Taro.createInnerAudioContext();
    audio.src = item.url;
    audio.play();
  } else if (weapp) {
    const file = await Taro.downloadFile({ url: item.url });
    await Taro.openDocument({ filePath: file.tempFilePath, showMenu: true });
  } else {
    window.open(item.url, '_blank');
  }
}

/** Thumbnails of a record's 证据材料; the caller's own files show their review state (待审核 / 未通过审核). */
export function AttachmentList({ items, testId = 'attachment-list' }: AttachmentListProps) {
  if (items.length === 0) return null;
  return (
    <View className='attachment-list' data-testid={testId}>
      {items.map((a) => (
        <View key={a.id} className={`attachment-list__item attachment-list__item--${a.status}`} data-testid='attachment' onClick={() => openAttachment(a, items)}>
          {a.kind === 'image' && a.url ? <Image className='attachment-list__thumb' src={a.url} mode='aspectFill' lazyLoad /> : <Text className='attachment-list__kind'>{KIND_LABELS[a.kind]}</Text>}
          {a.kind === 'document' ? <Text className='attachment-list__name'>{a.fileName}</Text> : null}
          {a.status !== 'available' ? <Text className='attachment-list__badge'>{a.statusLabel}</Text> : null}
        </View>
      ))}
    </View>
  );
}
