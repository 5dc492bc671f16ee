import { useState } from 'react';
import { Button, Input, Text } from '@tarojs/components';
import { BottomSheet } from '../../components/BottomSheet';

export interface ScanCheckInSheetProps {
  busy: boolean;
  error?: string;
  onSubmit: (text: string) => void;
  onClose: () => void;
}

/** Where there is no camera scan (H5 on a desk, or a scan that failed): type or paste the 6-character 预约码. */
export function ScanCheckInSheet({ busy, error, onSubmit, onClose }: ScanCheckInSheetProps) {
  const [text, setText] = useState('');
  return (
    <BottomSheet title='核验预约码' onClose={onClose} testId='scan-sheet'>
      <Text className='app-muted'>请企业出示预约码，输入6位预约码或粘贴扫码结果。</Text>
      <Input className='scan-sheet__input' data-testid='scan-input' placeholder='如 7K3M9P' maxlength={80} value={text} onInput={(e) => setText(e.detail.value)} />
      {error ? <Text className='form-field__error'>{error}</Text> : null}
      <Button className='app-button app-button--block' data-testid='scan-submit' disabled={busy || text.trim() === ''} onClick={() => onSubmit(text)}>
        {busy ? '正在核验…' : '核验'}
      </Button>
    </BottomSheet>
  );
}
