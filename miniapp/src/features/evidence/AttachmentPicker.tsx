import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { checkAttachmentSetFor, KIND_LABELS, POLICE_PURPOSES, purposeRefusal, RECTIFICATION_PHOTO_MAX, type AttachmentPurpose } from '../../../../shared/evidence/rules';
import type { AttachmentView } from '../../../../shared/evidence/schemas';
import { api } from '../../services/request';
import { messageOf, pickMedia, pickPdf, refusalOf, uploadFile, type PickedFile } from '../../services/uploads';
import { VoiceRecorder } from './VoiceRecorder';
import './AttachmentPicker.scss';

export type PickedItem = { file: PickedFile; status: 'uploading' | 'done' | 'failed'; progress: number; view?: AttachmentView; error?: string };

export interface AttachmentPickerProps {
  purpose: AttachmentPurpose;
  appealId?: string;
  /** The enterprise a visit's photos are of (purpose 'visit'). */
  enterpriseId?: string;
  /** The rectification item whose 整改前/整改后 photos these are (purpose 'rectification'). */
  rectificationId?: string;
  /** Confirmed attachment ids, and whether an upload is still running (the form waits for it). */
  onChange: (ids: string[], busy: boolean) => void;
  /** A voice note (≤ 60 s) besides photos and video: the report form on weapp. */
  withVoice?: boolean;
  testId?: string;
}

const MAX_PICK = 9;
/** Asking for WeChat's verdict: every 2 s, for about a minute (then the tile stays 待审核 and the server decides). */
const STATUS_POLL_MS = 2000;
const MAX_STATUS_POLLS = 30;

/** What each purpose takes, and the hint under the picker. */
function limitsOf(purpose: AttachmentPurpose): { max: number; imagesOnly: boolean; pdf: boolean; hint: string } {
  if (purpose === 'rectification') return { max: RECTIFICATION_PHOTO_MAX, imagesOnly: true, pdf: false, hint: `仅限图片，最多${RECTIFICATION_PHOTO_MAX}张，单张不超过10 MB；仅民警可见。` };
  if (purpose === 'bulletin') return { max: 1, imagesOnly: true, pdf: true, hint: '可附一张图片或一个 PDF 文件（图片不超过10 MB，PDF 不超过20 MB），随通知发给企业。' };
  if (POLICE_PURPOSES.includes(purpose)) return { max: MAX_PICK, imagesOnly: false, pdf: false, hint: '图片最多9张（或1段60秒内视频加3张图片），单张不超过10 MB。' };
  return { max: MAX_PICK, imagesOnly: false, pdf: false, hint: '图片最多9张（或1段60秒内视频加3张图片），单张不超过10 MB；图片与语音经微信内容安全审核后对方可见。' };
}

/** 证据材料: photos and video from the camera or album (and a voice note), uploaded at once with progress. Remount (a new `key`) to empty it. */
export function AttachmentPicker({ purpose, appealId, enterpriseId, rectificationId, onChange, withVoice = false, testId = 'attachment-picker' }: AttachmentPickerProps) {
  const limits = limitsOf(purpose);
  const [items, setItems] = useState<PickedItem[]>([]);
  const [error, setError] = useState<string>();
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    latest.current(
      items.flatMap((i) => (i.view ? [i.view.id] : [])),
      items.some((i) => i.status === 'uploading'),
    );
  }, [items]);

  const update = (id: string, patch: Partial<PickedItem>) => setItems((prev) => prev.map((i) => (i.file.localId === id ? { ...i, ...patch } : i)));

  // WeChat's verdict on a photo or voice note arrives seconds after the upload: ask again while any is 待审核,
  // so the uploader sees 未通过审核 on the tile and can remove it before submitting (the submit would be refused).
  const pendingIds = items
    .filter((i) => i.view?.status === 'uploaded' && (i.view.kind === 'image' || i.view.kind === 'audio'))
    .map((i) => i.view!.id)
    .join(',');
  useEffect(() => {
    if (!pendingIds) return;
    let asked = 0;
    const timer = setInterval(() => {
      if (++asked >= MAX_STATUS_POLLS) clearInterval(timer);
      for (const attachmentId of pendingIds.split(',')) {
        api('getAttachment', { params: { attachmentId }, silent: true })
          .then((view) => {
            if (view.status !== 'uploaded') setItems((prev) => prev.map((i) => (i.view?.id === view.id ? { ...i, view } : i)));
          })
          .catch(() => undefined);
      }
    }, STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [pendingIds]);

  const start = (file: PickedFile) => {
    update(file.localId, { status: 'uploading', progress: 0, error: undefined });
    uploadFile(file, { purpose, appealId, enterpriseId, rectificationId }, (progress) => update(file.localId, { progress }))
      .then((view) => update(file.localId, { status: 'done', progress: 100, view }))
      .catch((e: unknown) => update(file.localId, { status: 'failed', error: messageOf(e) }));
  };

  const add = (files: PickedFile[]) => {
    const refusal = (f: PickedFile) => refusalOf(f) ?? purposeRefusal(purpose, f.contentType);
    const refused = files.map(refusal).find(Boolean);
    const fine = files.filter((f) => !refusal(f));
    const tooMany = checkAttachmentSetFor(purpose, [...items.map((i) => i.file.kind), ...fine.map((f) => f.kind)]);
    if (tooMany) {
      setError(tooMany);
      return;
    }
    setError(refused ?? undefined);
    setItems((prev) => [...prev, ...fine.map((file) => ({ file, status: 'uploading' as const, progress: 0 }))]);
    for (const file of fine) start(file);
  };

  const full = items.length >= limits.max;
  const pick = async (source: 'camera' | 'album' | 'pdf') => {
    if (full) {
      setError(limits.max === 1 ? '只能附1个文件，请先删除已选的文件' : `最多${limits.max}张，请先删除再添加`);
      return;
    }
    try {
      add(source === 'pdf' ? await pickPdf() : await pickMedia(source, Math.max(1, limits.max - items.length), limits.imagesOnly));
    } catch {
      /* the user closed the picker */
    }
  };

  const remove = async (item: PickedItem) => {
    if (item.view) await api('deleteAttachment', { params: { attachmentId: item.view.id } }).catch(() => undefined);
    setItems((prev) => prev.filter((i) => i.file.localId !== item.file.localId));
  };

  return (
    <View className='attachment-picker' data-testid={testId}>
      <View className='attachment-picker__grid'>
        {items.map((item) => (
          <View
            key={item.file.localId}
            className={`attachment-picker__item attachment-picker__item--${item.status}${item.view?.status === 'rejected' ? ' attachment-picker__item--rejected' : ''}`}
            data-testid='picked-file'
            data-status={item.view?.status ?? item.status}
          >
            {item.file.kind === 'image' && item.file.thumb ? (
              <Image className='attachment-picker__thumb' src={item.file.thumb} mode='aspectFill' />
            ) : (
              <Text className='attachment-picker__kind'>{KIND_LABELS[item.file.kind]}</Text>
            )}
            <Text className='attachment-picker__state'>{item.status === 'uploading' ? `上传中 ${Math.round(item.progress)}%` : item.status === 'failed' ? '上传失败' : (item.view?.statusLabel ?? '已上传')}</Text>
            {item.status === 'failed' ? (
              <View className='attachment-picker__retry' data-testid='retry-upload' onClick={() => start(item.file)}>
                <Text>{item.error ? `${item.error}，点此重试` : '点此重试'}</Text>
              </View>
            ) : null}
            {item.status !== 'uploading' ? (
              <View className='attachment-picker__remove' aria-label='删除' data-testid='remove-file' onClick={() => remove(item)}>
                <Text>×</Text>
              </View>
            ) : null}
          </View>
        ))}
      </View>
      <View className='attachment-picker__actions'>
        <View className='attachment-picker__action' data-testid='pick-camera' onClick={() => pick('camera')}>
          <Text>拍摄</Text>
        </View>
        <View className='attachment-picker__action' data-testid='pick-album' onClick={() => pick('album')}>
          <Text>相册</Text>
        </View>
        {limits.pdf ? (
          <View className='attachment-picker__action' data-testid='pick-pdf' onClick={() => pick('pdf')}>
            <Text>PDF 文件</Text>
          </View>
        ) : null}
        {withVoice && process.env.TARO_ENV === 'weapp' ? <VoiceRecorder onRecorded={(file) => add([file])} /> : null}
      </View>
      {error ? <Text className='attachment-picker__error'>{error}</Text> : null}
      <Text className='attachment-picker__hint'>{limits.hint}</Text>
    </View>
  );
}

/** For Taro.showToast when a whole pick is refused. */
export const showPickError = (message: string) => Taro.showToast({ title: message, icon: 'none' });
