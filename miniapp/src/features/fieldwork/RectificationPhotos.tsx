import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { AttachmentView } from '../../../../shared/evidence/schemas';
import { FormField } from '../../components/FormField';
import { AttachmentList } from '../evidence/AttachmentList';
import { AttachmentPicker } from '../evidence/AttachmentPicker';

export type RectificationPhotoIds = { before: string[]; after: string[]; busy: boolean };

export interface RectificationPhotoPickerProps {
  rectificationId: string;
  /** The ids on each side, and whether an upload is still running (closing waits for it). */
  onChange: (photos: RectificationPhotoIds) => void;
  error?: string;
}

type Side = { ids: string[]; busy: boolean };
const empty: Side = { ids: [], busy: false };

/** 整改前 / 整改后 photos for closing an item: two pickers, images only, up to 9 each. Remount (a new `key`) to empty it. */
export function RectificationPhotoPicker({ rectificationId, onChange, error }: RectificationPhotoPickerProps) {
  const [before, setBefore] = useState<Side>(empty);
  const [after, setAfter] = useState<Side>(empty);
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => latest.current({ before: before.ids, after: after.ids, busy: before.busy || after.busy }), [before, after]);
  return (
    <View className='rectification-photos' data-testid='rectification-photo-picker'>
      <FormField label='整改前照片'>
        <AttachmentPicker purpose='rectification' rectificationId={rectificationId} testId='rectification-before-picker' onChange={(ids, busy) => setBefore({ ids, busy })} />
      </FormField>
      <FormField label='整改后照片' error={error}>
        <AttachmentPicker purpose='rectification' rectificationId={rectificationId} testId='rectification-after-picker' onChange={(ids, busy) => setAfter({ ids, busy })} />
      </FormField>
    </View>
  );
}

export interface RectificationPhotoListProps {
  before?: AttachmentView[];
  after?: AttachmentView[];
}

/** A closed item's 整改前 / 整改后 photos, side by side in two labelled rows; nothing when it has none. */
export function RectificationPhotoList({ before = [], after = [] }: RectificationPhotoListProps) {
  if (before.length === 0 && after.length === 0) return null;
  return (
    <View className='app-card' data-testid='rectification-photos'>
      <Text className='app-card__title'>整改照片</Text>
      {before.length ? (
        <View>
          <Text className='app-muted'>整改前</Text>
          <AttachmentList items={before} testId='rectification-before' />
        </View>
      ) : null}
      {after.length ? (
        <View>
          <Text className='app-muted'>整改后</Text>
          <AttachmentList items={after} testId='rectification-after' />
        </View>
      ) : null}
    </View>
  );
}
