import { Image, Text, View } from '@tarojs/components';
import type { AttachmentView } from '../../../../shared/evidence/schemas';
import { openAttachment } from '../evidence/AttachmentList';

export interface BulletinAttachmentProps {
  attachment: AttachmentView;
}

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * A bulletin's one file: an image is shown in the page (tap for WeChat's viewer); a PDF is a link that
 * opens it (weapp: downloadFile + openDocument; H5: a new tab).
 */
export function BulletinAttachment({ attachment }: BulletinAttachmentProps) {
  if (!attachment.url) return null;
  if (attachment.kind === 'image') {
    return (
      <View className='app-card bulletin-attachment' data-testid='bulletin-image'>
        <Image className='bulletin-attachment__image' src={attachment.url} mode='widthFix' lazyLoad aria-label={attachment.fileName} onClick={() => void openAttachment(attachment, [attachment])} />
      </View>
    );
  }
  return (
    <View className='app-card bulletin-attachment' data-testid='bulletin-document'>
      <Text className='app-card__title'>附件</Text>
      <View className='bulletin-attachment__link' role='link' data-testid='bulletin-document-open' onClick={() => void openAttachment(attachment, [attachment])}>
        <Text>{`${attachment.fileName}（PDF，${sizeLabel(attachment.size)}）`}</Text>
        <Text className='bulletin-attachment__action'>{process.env.TARO_ENV === 'weapp' ? '打开' : '查看'}</Text>
      </View>
    </View>
  );
}
