import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { MessageBody } from '../../../../shared/appeals/schemas';
import type { AppealMessage } from '../../../../shared/appeals/views';
import { StatusView } from '../../components/StatusView';
import { AttachmentList } from '../evidence/AttachmentList';
import { AttachmentPicker } from '../evidence/AttachmentPicker';
import { formatDateTime } from './appeal-format';
import './AppealConversation.scss';

export interface AppealConversationProps {
  messages: AppealMessage[];
  loading: boolean;
  errorMessage?: string;
  onRetry: () => void;
  /** From the appeal view: closed appeals take no more messages. */
  canMessage: boolean;
  /** Whose messages sit on the right. */
  side: 'enterprise' | 'police';
  /** Quick replies for the officer (cannedReplies(type, category)); none for the enterprise. */
  cannedReplies?: readonly string[];
  sending: boolean;
  /** Resolves true when sent, so the composer empties. */
  onSend: (text: string, attachmentIds: string[]) => Promise<boolean>;
  /** The conversation's appeal: photos and files in a message are uploaded for it. */
  appealId?: string;
}

const MAX = 500;

/** 沟通记录: the messages between enterprise and police, oldest first (newest at the bottom), and a composer. */
export function AppealConversation({ messages, loading, errorMessage, onRetry, canMessage, side, cannedReplies = [], sending, onSend, appealId }: AppealConversationProps) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<{ ids: string[]; busy: boolean }>({ ids: [], busy: false });
  const [sentCount, setSentCount] = useState(0);
  const [error, setError] = useState<string>();
  const [showCanned, setShowCanned] = useState(false);

  const send = async () => {
    const parsed = MessageBody.safeParse({ text });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    if (files.busy) {
      setError('请等待文件上传完成后再发送');
      return;
    }
    setError(undefined);
    if (await onSend(parsed.data.text, files.ids)) {
      setText('');
      setSentCount((n) => n + 1);
    }
  };

  const isMine = (m: AppealMessage) => (side === 'enterprise' ? m.authorRole === 'enterprise' : m.authorRole !== 'enterprise');

  return (
    <View className='appeal-conversation app-card' data-testid='appeal-conversation'>
      <Text className='appeal-conversation__title'>沟通记录</Text>
      {loading && messages.length === 0 ? (
        <StatusView compact variant='loading' message='正在加载留言…' />
      ) : errorMessage && messages.length === 0 ? (
        <StatusView compact variant='error' message={errorMessage} onAction={onRetry} />
      ) : messages.length === 0 ? (
        <Text className='appeal-conversation__empty'>{canMessage ? '还没有留言。有问题可以在这里直接沟通。' : '没有留言。'}</Text>
      ) : (
        <View className='appeal-conversation__list'>
          {messages.map((m) => (
            <View key={m.id} className={`appeal-conversation__message${isMine(m) ? ' appeal-conversation__message--mine' : ''}`} data-testid='appeal-message'>
              <Text className='appeal-conversation__meta'>{`${m.authorName} · ${formatDateTime(m.at)}`}</Text>
              <Text className='appeal-conversation__bubble'>{m.text}</Text>
              {m.heldNote ? <Text className='appeal-conversation__held-note'>{m.heldNote}</Text> : null}
              <AttachmentList items={m.attachments ?? []} testId='message-attachments' />
            </View>
          ))}
        </View>
      )}

      {canMessage ? (
        <View className='appeal-conversation__composer'>
          {cannedReplies.length > 0 ? (
            <View className='appeal-conversation__canned'>
              <View className='appeal-conversation__canned-toggle' data-testid='canned-toggle' onClick={() => setShowCanned((v) => !v)}>
                <Text>{showCanned ? '收起常用回复' : '常用回复 ›'}</Text>
              </View>
              {showCanned ? (
                <View data-testid='canned-replies'>
                  {cannedReplies.map((reply) => (
                    <View
                      key={reply}
                      className='appeal-conversation__canned-item'
                      onClick={() => {
                        setText(reply);
                        setError(undefined);
                        setShowCanned(false);
                      }}
                    >
                      <Text>{reply}</Text>
                    </View>
                  ))}
                </View>
              ) : null}
            </View>
          ) : null}
          <View className='appeal-conversation__input' data-testid='message-input'>
            <Textarea
              className='appeal-conversation__textarea'
              placeholderClass='form-field__placeholder'
              placeholder={side === 'enterprise' ? '给联络官留言' : '回复企业'}
              maxlength={MAX}
              value={text}
              onInput={(e) => {
                setText(e.detail.value);
                if (error) setError(undefined);
              }}
            />
          </View>
          {appealId ? <AttachmentPicker key={sentCount} purpose='message' appealId={appealId} testId='message-picker' onChange={(ids, busy) => setFiles({ ids, busy })} /> : null}
          {error ? <Text className='appeal-conversation__error'>{error}</Text> : null}
          <View className='appeal-conversation__send-row'>
            <Text className='appeal-conversation__counter'>{`${text.length}/${MAX}`}</Text>
            <Button className='app-button appeal-conversation__send' data-testid='message-send' disabled={sending} onClick={send}>
              {sending ? '正在发送…' : '发送'}
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
