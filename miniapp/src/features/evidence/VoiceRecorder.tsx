import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { MAX_AUDIO_SECONDS } from '../../../../shared/evidence/rules';
import { voiceNote, type PickedFile } from '../../services/uploads';

export interface VoiceRecorderProps {
  onRecorded: (file: PickedFile) => void;
}

/** 语音说明 (weapp): tap to record, tap again to stop; WeChat stops it by itself at 60 s. */
export function VoiceRecorder({ onRecorded }: VoiceRecorderProps) {
  const [recording, setRecording] = useState(false);
  const recorder = useRef<Taro.RecorderManager | null>(null);
  const latest = useRef(onRecorded);
  latest.current = onRecorded;

  useEffect(() => {
    const manager = Taro.getRecorderManager();
    recorder.current = manager;
    manager.onStop((res) => {
      setRecording(false);
      if (res.duration >= 1000) latest.current(voiceNote(res.tempFilePath, res.duration, res.fileSize));
    });
    manager.onError(() => {
      setRecording(false);
      Taro.showToast({ title: '录音失败，请检查麦克风权限', icon: 'none' });
    });
  }, []);

  const toggle = () => {
    if (recording) recorder.current?.stop();
    else {
      recorder.current?.start({ duration: MAX_AUDIO_SECONDS * 1000, format: 'aac', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 48000 });
      setRecording(true);
    }
  };

  return (
    <View className={`attachment-picker__action${recording ? ' attachment-picker__action--recording' : ''}`} data-testid='record-voice' onClick={toggle}>
      <Text>{recording ? '停止录音' : '语音'}</Text>
    </View>
  );
}
