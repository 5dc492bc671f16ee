import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { DELETION_SUMMARY } from '../../../../shared/privacy/rights';

export interface DeleteAccountDialogProps {
  /** The caller is the enterprise's only owner: the enterprise can only close with the account. */
  lastOwner: boolean;
  enterpriseName?: string;
  busy?: boolean;
  error?: string;
  onConfirm: (closeEnterprise: boolean) => void;
  onCancel: () => void;
}

/** 注销账号: says what is deleted, what is anonymised and what the station keeps, before anything happens. */
export function DeleteAccountDialog({ lastOwner, enterpriseName, busy = false, error, onConfirm, onCancel }: DeleteAccountDialogProps) {
  const [closeToo, setCloseToo] = useState(false);
  const list = (title: string, items: string[], testId: string) => (
    <View className='delete-dialog__section' data-testid={testId}>
      <Text className='delete-dialog__section-title'>{title}</Text>
      {items.map((i) => (
        <Text key={i} className='delete-dialog__item'>
          {`· ${i}`}
        </Text>
      ))}
    </View>
  );
  const blocked = lastOwner && !closeToo;

  return (
    <View className='delete-dialog' role='dialog' data-testid='delete-dialog'>
      <Text className='delete-dialog__title'>确认注销账号？</Text>
      <Text className='delete-dialog__text'>注销后无法恢复，本机和其他设备将立即退出登录。</Text>
      {list('将删除', DELETION_SUMMARY.deleted, 'delete-dialog-deleted')}
      {list('将匿名化', DELETION_SUMMARY.anonymised, 'delete-dialog-anonymised')}
      {list('将保留', DELETION_SUMMARY.kept, 'delete-dialog-kept')}
      {lastOwner ? (
        <View className={`delete-dialog__close${closeToo ? ' delete-dialog__close--on' : ''}`} data-testid='delete-dialog-close' onClick={() => setCloseToo(!closeToo)}>
          <Text>{closeToo ? '☑' : '☐'} </Text>
          <Text>{`您是${enterpriseName ?? '企业'}唯一的管理员：同时注销企业（企业联系人信息匿名化，派出所保留其诉求、走访和台账）`}</Text>
        </View>
      ) : null}
      {error ? <Text className='form-field__error'>{error}</Text> : null}
      <Button className='app-button app-button--danger app-button--block' data-testid='delete-dialog-confirm' disabled={blocked || busy} loading={busy} onClick={() => onConfirm(closeToo)}>
        确认注销
      </Button>
      <Button className='app-button app-button--secondary app-button--block' data-testid='delete-dialog-cancel' onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
