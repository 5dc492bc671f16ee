import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import type { RectificationAction } from '../../../../../../shared/fieldwork/rules';
import { RECTIFICATION_ACTION_LABELS, allowedRectificationActions } from '../../../../../../shared/fieldwork/rules';
import { StatusView } from '../../../../components/StatusView';
import { formatDay, STATUS_TONES, statusLabel } from '../../../../features/fieldwork/format';
import { RectificationPhotoList, RectificationPhotoPicker, type RectificationPhotoIds } from '../../../../features/fieldwork/RectificationPhotos';
import { useMe, usePageRefresh, useRequest } from '../../../../services/hooks';
import { openPage } from '../../../../services/navigation';
import { api, ApiError } from '../../../../services/request';
import { shanghaiDate } from '../../../../../../shared/dates';
import './index.scss';
import { pageScaleStyle } from '../../../../services/text-size';

const CONFIRM: Record<RectificationAction, string> = {
  start: '确认开始整改？',
  complete: '确认整改已完成？提交后该事项将列为已整改。',
  cancel: '确认销号？销号后该事项不再跟进。',
};
const HISTORY_LABELS: Record<string, string> = { open: '登记', reassign: '移交', start: '开始整改', complete: '整改完成', cancel: '销号' };

/** 整改事项: what, whose, by when, its history, and the next steps (closing needs a note). */
export default function RectificationPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const me = useMe();
  const item = useRequest(() => api('getRectification', { params: { rectificationId: id } }), [id], Boolean(id));
  usePageRefresh(item.reload);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // 整改前/整改后: uploaded while the note is written, sent with 整改完成 or 销号 once every upload finished.
  const [photos, setPhotos] = useState<RectificationPhotoIds>({ before: [], after: [], busy: false });
  const [photosError, setPhotosError] = useState<string>();
  const [pickerKey, setPickerKey] = useState(0);

  if (!id) return <StatusView variant='error' message='缺少整改事项编号，请从台账重新进入' />;
  if (item.loading && !item.data) return <StatusView variant='loading' message='正在加载整改事项…' />;
  if (item.error && !item.data) return <StatusView variant='error' message={item.error.message} onAction={item.reload} />;
  const r = item.data!;
  const manager = me?.role === 'chief' || me?.role === 'centre';
  const actions = allowedRectificationActions(r.status).filter((a) => a !== 'cancel' || manager);

  const act = async (action: RectificationAction) => {
    if ((action === 'complete' || action === 'cancel') && note.trim().length < 4) {
      setNoteError(action === 'complete' ? '请填写整改情况（至少4个字）' : '请填写销号原因（至少4个字）');
      return;
    }
    const closing = action === 'complete' || action === 'cancel';
    if (closing && photos.busy) {
      setPhotosError('请等待照片上传完成后再提交');
      return;
    }
    setPhotosError(undefined);
    const answer = await Taro.showModal({ title: RECTIFICATION_ACTION_LABELS[action], content: CONFIRM[action] });
    if (!answer.confirm) return;
    setBusy(true);
    setNoteError(undefined);
    try {
      const withPhotos = closing ? { ...(photos.before.length && { beforePhotoIds: photos.before }), ...(photos.after.length && { afterPhotoIds: photos.after }) } : {};
      await api('actOnRectification', { params: { rectificationId: r.id }, body: { action, version: r.version, ...(note.trim() ? { note: note.trim() } : {}), ...withPhotos } });
      setNote('');
      setPickerKey((k) => k + 1);
      void Taro.showToast({ title: '已提交', icon: 'success' });
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        const issue = error.issues[0]!;
        if (issue.field.endsWith('PhotoIds')) setPhotosError(issue.message);
        else setNoteError(issue.message);
      }
    } finally {
      setBusy(false);
      await item.reload();
    }
  };

  return (
    <View style={pageScaleStyle()} className='app-page rectification' data-testid='rectification-detail'>
      <View className='app-card'>
        <View className='app-row'>
          <Text className={`app-status app-status--${STATUS_TONES[r.status]}`} data-testid='rectification-status'>
            {statusLabel(r.status)}
          </Text>
          {r.overdue ? <Text className='app-badge app-badge--overdue'>已逾期</Text> : null}
        </View>
        <Text className='rectification__title'>{r.description}</Text>
        <View className='app-row' onClick={() => void openPage('enterpriseFile', { enterpriseId: r.enterpriseId })}>
          <Text className='app-muted'>企业</Text>
          <Text className='rectification__link'>{r.enterpriseName}</Text>
        </View>
        <View className='app-row'>
          <Text className='app-muted'>整改期限</Text>
          <Text>{formatDay(r.deadline)}</Text>
        </View>
        <View className='app-row'>
          <Text className='app-muted'>责任民警</Text>
          <Text>{r.ownerName}</Text>
        </View>
        <View className='app-row' onClick={() => void (r.source.kind === 'visit' ? openPage('visit', { id: r.source.visitId }) : openPage('appealDetail', { id: r.source.appealId }))}>
          <Text className='app-muted'>来源</Text>
          <Text className='rectification__link'>{r.source.kind === 'visit' ? (r.source.followUp === 'appeal' ? '走访发现（转诉求）' : '走访发现') : '诉求不满意评价'}</Text>
        </View>
        {r.closingNote ? (
          <View className='app-row'>
            <Text className='app-muted'>{r.status === 'cancelled' ? '销号原因' : '整改情况'}</Text>
            <Text>{r.closingNote}</Text>
          </View>
        ) : null}
      </View>

      {actions.length ? (
        <View className='app-card'>
          <Text className='app-card__title'>办理</Text>
          <View className='rectification__note' data-testid='rectification-note'>
            <Textarea
              className='rectification__textarea'
              placeholderClass='form-field__placeholder'
              placeholder='整改情况或销号原因（整改完成、销号时必填）'
              maxlength={500}
              value={note}
              onInput={(e) => {
                setNote(e.detail.value);
                setNoteError(undefined);
              }}
            />
          </View>
          {noteError ? <Text className='form-field__error'>{noteError}</Text> : null}
          {actions.some((a) => a !== 'start') ? <RectificationPhotoPicker key={pickerKey} rectificationId={r.id} error={photosError} onChange={setPhotos} /> : null}
          <View className='rectification__actions'>
            {actions.map((a) => (
              <Button key={a} className={`app-button${a === 'cancel' ? ' app-button--danger' : a === 'start' ? ' app-button--secondary' : ''}`} disabled={busy} onClick={() => void act(a)}>
                {RECTIFICATION_ACTION_LABELS[a]}
              </Button>
            ))}
          </View>
        </View>
      ) : null}

      <RectificationPhotoList before={r.beforePhotos} after={r.afterPhotos} />

      <View className='app-card'>
        <Text className='app-card__title'>办理记录</Text>
        {[...r.history].reverse().map((h, i) => (
          <View key={i} className='rectification__history'>
            <Text>{`${HISTORY_LABELS[h.action] ?? h.action} · ${h.byName}`}</Text>
            <Text className='app-muted'>{`${formatDay(shanghaiDate(h.at))}${h.note ? ` · ${h.note}` : ''}`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
