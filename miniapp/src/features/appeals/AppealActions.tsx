import { Button, Text, View } from '@tarojs/components';
import { ACTION_LABELS, type AppealAction } from '../../../../shared/appeals/catalogue';
import './AppealActions.scss';

export interface AppealActionsProps {
  /** The server's allowedActions for this caller: exactly these buttons are shown. */
  actions: readonly AppealAction[];
  busy: boolean;
  onAction: (action: AppealAction) => void;
}

/** Button text where the verb alone would be unclear on the enterprise's side. */
const BUTTON_LABELS: Partial<Record<AppealAction, string>> = {
  rate: '确认办结并评价',
  reopen: '问题未解决，申请重新办理',
  provide_info: '补充材料',
  withdraw: '撤回诉求',
  rectify: '登记整改说明',
};

type Variant = 'primary' | 'secondary' | 'danger';
const VARIANTS: Partial<Record<AppealAction, Variant>> = {
  accept: 'primary',
  start: 'secondary',
  resolve: 'primary',
  rate: 'primary',
  provide_info: 'primary',
  rectify: 'primary',
  record_feedback: 'primary',
  withdraw: 'danger',
};

/** Most likely next step first. */
const ORDER: readonly AppealAction[] = ['accept', 'provide_info', 'rate', 'record_feedback', 'resolve', 'start', 'request_info', 'transfer', 'escalate', 'reassign', 'rectify', 'reopen', 'withdraw'];

// The scheduler's action; never a button.
const NOT_BUTTONS: ReadonlySet<AppealAction> = new Set(['auto_close']);

export function actionButtonLabel(action: AppealAction): string {
  return BUTTON_LABELS[action] ?? ACTION_LABELS[action];
}

export function AppealActions({ actions, busy, onAction }: AppealActionsProps) {
  const shown = ORDER.filter((a) => actions.includes(a) && !NOT_BUTTONS.has(a));
  if (shown.length === 0) return null;
  return (
    <View className='appeal-actions app-card' data-testid='appeal-actions'>
      <Text className='appeal-actions__title'>可办理的操作</Text>
      <View className='appeal-actions__buttons'>
        {shown.map((action) => {
          const variant = VARIANTS[action] ?? 'secondary';
          return (
            <Button key={action} className={`app-button appeal-actions__button${variant === 'primary' ? '' : ` app-button--${variant}`}`} data-testid={`action-${action}`} disabled={busy} onClick={() => onAction(action)}>
              {actionButtonLabel(action)}
            </Button>
          );
        })}
      </View>
    </View>
  );
}
