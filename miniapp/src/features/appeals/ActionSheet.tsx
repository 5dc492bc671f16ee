import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { DEPARTMENTS, type AppealAction } from '../../../../shared/appeals/catalogue';
import { AppealActionBody } from '../../../../shared/appeals/schemas';
import type { Officer } from '../../../../shared/schemas/organisation';
import { BottomSheet } from '../../components/BottomSheet';
import { ChoiceChips } from '../../components/ChoiceChips';
import { FormField } from '../../components/FormField';
import { StatusView } from '../../components/StatusView';
import './ActionSheet.scss';

/** Actions that need words (or a choice) from the user before they are sent. */
export type FormAction = Extract<AppealAction, 'request_info' | 'provide_info' | 'transfer' | 'record_feedback' | 'escalate' | 'reassign' | 'resolve' | 'reopen' | 'withdraw' | 'rectify'>;

interface FormSpec {
  title: string;
  textField: 'note' | 'resolution';
  textLabel: string;
  textRequired: boolean;
  placeholder: string;
  max: number;
  submitText: string;
}

export const ACTION_FORMS: Record<FormAction, FormSpec> = {
  request_info: { title: '要求补充材料', textField: 'note', textLabel: '需补充的材料', textRequired: true, placeholder: '请写明需要企业补充的材料或信息', max: 500, submitText: '发送给企业' },
  provide_info: { title: '补充材料', textField: 'note', textLabel: '补充内容', textRequired: true, placeholder: '请填写联络官要求补充的内容', max: 1000, submitText: '提交补充' },
  transfer: { title: '转办其他部门', textField: 'note', textLabel: '转办说明', textRequired: true, placeholder: '说明转办原因和需要对方办理的事项', max: 500, submitText: '确认转办' },
  record_feedback: { title: '登记部门反馈', textField: 'note', textLabel: '部门反馈内容', textRequired: true, placeholder: '转办部门的答复或处理结果', max: 1000, submitText: '登记反馈' },
  escalate: { title: '上报所领导', textField: 'note', textLabel: '上报原因', textRequired: false, placeholder: '如：涉及多个部门，需所领导协调', max: 500, submitText: '确认上报' },
  reassign: { title: '改派联络官', textField: 'note', textLabel: '改派原因', textRequired: false, placeholder: '如：原联络官休假', max: 500, submitText: '确认改派' },
  resolve: { title: '办结', textField: 'resolution', textLabel: '办结情况', textRequired: true, placeholder: '写明办理经过和结果（至少10个字），企业将据此评价', max: 1000, submitText: '确认办结' },
  reopen: { title: '申请重新办理', textField: 'note', textLabel: '重新办理的理由', textRequired: true, placeholder: '请说明哪些问题还没有解决', max: 500, submitText: '提交申请' },
  withdraw: { title: '撤回诉求', textField: 'note', textLabel: '撤回原因', textRequired: false, placeholder: '如：问题已自行解决', max: 200, submitText: '确认撤回' },
  rectify: { title: '整改说明', textField: 'note', textLabel: '整改情况', textRequired: true, placeholder: '写明整改措施和回访结果（至少10个字）', max: 1000, submitText: '登记整改' },
};

export const isFormAction = (action: AppealAction): action is FormAction => action in ACTION_FORMS;

export interface ActionSheetProps {
  action: FormAction;
  version: number;
  submitting: boolean;
  /** reassign: the station's officers (the current one is left out by the caller). */
  officers?: Officer[];
  officersLoading?: boolean;
  serverErrors?: Record<string, string>;
  onSubmit: (body: AppealActionBody) => void;
  onClose: () => void;
}

/** The form of one action, validated with the shared AppealActionBody before it is sent. */
export function ActionSheet({ action, version, submitting, officers = [], officersLoading = false, serverErrors = {}, onSubmit, onClose }: ActionSheetProps) {
  const spec = ACTION_FORMS[action];
  const [text, setText] = useState('');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [targetOfficerId, setTargetOfficerId] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);

  const candidate: Record<string, unknown> = { action, version };
  if (text.trim() !== '' || spec.textRequired) candidate[spec.textField] = text;
  if (action === 'transfer') candidate.departmentId = departmentId ?? undefined;
  if (action === 'reassign') candidate.targetOfficerId = targetOfficerId ?? undefined;
  const result = AppealActionBody.safeParse(candidate);
  const errors: Record<string, string> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? spec.textField);
      if (!errors[field]) errors[field] = issue.message;
    }
  }
  const errorOf = (field: string) => (submitted ? errors[field] : undefined) || serverErrors[field];

  const submit = () => {
    setSubmitted(true);
    if (result.success) onSubmit(result.data);
  };

  return (
    <BottomSheet title={spec.title} onClose={onClose} testId={`action-sheet-${action}`}>
      {action === 'transfer' ? (
        <FormField label='转办部门' required error={errorOf('departmentId')}>
          <ChoiceChips testId='department-picker' options={DEPARTMENTS.map((d) => ({ key: d.id as string, label: d.label }))} value={departmentId} onChange={setDepartmentId} />
        </FormField>
      ) : null}

      {action === 'reassign' ? (
        <FormField label='新联络官' required error={errorOf('targetOfficerId') ? '请选择新联络官' : undefined}>
          {officersLoading && officers.length === 0 ? (
            <StatusView compact variant='loading' message='正在加载本所联络官…' />
          ) : officers.length === 0 ? (
            <StatusView compact variant='empty' message='本所没有其他联络官' />
          ) : (
            <View className='action-sheet__options' data-testid='officer-picker'>
              {officers.map((o) => (
                <View key={o.id} className={`action-sheet__option${targetOfficerId === o.id ? ' action-sheet__option--selected' : ''}`} onClick={() => setTargetOfficerId(o.id)}>
                  <Text className='action-sheet__option-label'>{o.name}</Text>
                  <Text className='action-sheet__option-detail'>{`${o.isChief ? '所长' : o.title} · 负责企业 ${o.enterpriseCount} 家${o.onLeave ? ' · 休假中' : ''}`}</Text>
                </View>
              ))}
            </View>
          )}
        </FormField>
      ) : null}

      <FormField label={spec.textLabel} required={spec.textRequired} error={errorOf(spec.textField)}>
        <View className='action-sheet__textarea-wrap' data-testid='action-text'>
          <Textarea className='action-sheet__textarea' placeholderClass='form-field__placeholder' placeholder={spec.placeholder} maxlength={spec.max} value={text} onInput={(e) => setText(e.detail.value)} />
          <Text className='action-sheet__counter'>{`${text.length}/${spec.max}`}</Text>
        </View>
      </FormField>

      <Button className={`app-button app-button--block action-sheet__submit${action === 'withdraw' ? ' app-button--danger' : ''}`} data-testid='action-submit' disabled={submitting} onClick={submit}>
        {submitting ? '正在提交…' : spec.submitText}
      </Button>
    </BottomSheet>
  );
}
