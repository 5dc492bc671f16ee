import { Text, View } from '@tarojs/components';
import { ROLES, ROLE_LABELS, type DemoAccount, type Role } from '../../../../shared/schemas/auth';
import { StatusView } from '../../components/StatusView';
import './DemoAccountPicker.scss';

export interface DemoAccountPickerProps {
  accounts: DemoAccount[] | undefined;
  loading: boolean;
  errorMessage?: string;
  onRetry: () => void;
  onPick: (account: DemoAccount) => void;
  /** Account being signed in: its row shows progress and others are disabled. */
  busyAccountId?: string | null;
}

export function groupByRole(accounts: DemoAccount[]): { role: Role; label: string; accounts: DemoAccount[] }[] {
  return ROLES.map((role) => ({ role, label: ROLE_LABELS[role], accounts: accounts.filter((a) => a.role === role) })).filter((g) => g.accounts.length > 0);
}

/** 演示登录 (dev stage only): the seeded accounts grouped by role; one tap signs in. */
export function DemoAccountPicker({ accounts, loading, errorMessage, onRetry, onPick, busyAccountId }: DemoAccountPickerProps) {
  if (loading && !accounts) return <StatusView compact variant='loading' message='正在加载演示账号…' />;
  if (errorMessage && !accounts) return <StatusView compact variant='error' message={errorMessage} onAction={onRetry} />;
  if (!accounts || accounts.length === 0) return <StatusView compact variant='empty' message='暂无演示账号' hint='请先运行种子数据脚本。' />;

  return (
    <View className='demo-picker'>
      {groupByRole(accounts).map((group) => (
        <View key={group.role} className='demo-picker__group'>
          <Text className='demo-picker__group-title'>{group.label}</Text>
          {group.accounts.map((account) => (
            <View
              key={account.accountId}
              className={`demo-picker__account${busyAccountId === account.accountId ? ' demo-picker__account--busy' : ''}`}
              hoverClass='demo-picker__account--pressed'
              onClick={() => {
                if (!busyAccountId) onPick(account);
              }}
            >
              <Text className='demo-picker__label'>{account.label}</Text>
              <Text className='demo-picker__detail'>{busyAccountId === account.accountId ? '正在登录…' : account.detail}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
