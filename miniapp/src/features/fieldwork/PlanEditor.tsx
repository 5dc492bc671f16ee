import { useState } from 'react';
import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components';
import { PutServicePlanBody, type ServicePlan } from '../../../../shared/fieldwork/schemas';
import { FormField } from '../../components/FormField';
import { FormFooter } from '../../components/FormFooter';
import { formatDay } from './format';
import { shanghaiDate } from '../../../../shared/dates';
import './PlanEditor.scss';

export interface PlanEditorProps {
  plan: ServicePlan;
  submitting: boolean;
  serverError?: string;
  onSubmit: (body: PutServicePlanBody) => void;
}

type TargetValues = { title: string; due: string; done: boolean };

/** 一企一策 editor: the plan's text and its targets (title, optional due day, done). */
export function PlanEditor({ plan, submitting, serverError, onSubmit }: PlanEditorProps) {
  const [text, setText] = useState(plan.text);
  const [targets, setTargets] = useState<TargetValues[]>(plan.targets.map((t) => ({ title: t.title, due: t.due ?? '', done: t.done })));
  const [submitted, setSubmitted] = useState(false);
  const parsed = PutServicePlanBody.safeParse({ text, targets: targets.map((t) => ({ title: t.title, done: t.done, ...(t.due.trim() ? { due: t.due.trim() } : {}) })), version: plan.version });
  const issues = parsed.success ? [] : parsed.error.issues;
  const issueOf = (path: string) => (submitted ? issues.find((i) => i.path.map(String).join('.').startsWith(path))?.message : undefined);
  const change = (i: number, c: Partial<TargetValues>) => setTargets((prev) => prev.map((t, j) => (j === i ? { ...t, ...c } : t)));

  return (
    <View className='plan-editor'>
      <View className='app-card'>
        <FormField label='服务方案' required error={issueOf('text')}>
          <View className='plan-editor__control' data-testid='plan-text'>
            <Textarea
              className='plan-editor__textarea'
              placeholderClass='form-field__placeholder'
              placeholder='企业的主要需求、帮扶措施和联系安排'
              maxlength={3000}
              value={text}
              onInput={(e) => setText(e.detail.value)}
            />
          </View>
        </FormField>
      </View>
      <View className='app-card'>
        <Text className='app-card__title'>服务目标</Text>
        {targets.length === 0 ? <Text className='app-card__hint'>可添加具体目标，如「完成消防安全培训」。</Text> : null}
        {targets.map((t, i) => (
          <View key={i} className='plan-editor__target' data-testid={`plan-target-${i}`}>
            <Input className='form-field__input' placeholderClass='form-field__placeholder' placeholder='目标' maxlength={100} value={t.title} onInput={(e) => change(i, { title: e.detail.value })} />
            <Input className='form-field__input' placeholderClass='form-field__placeholder' placeholder='期限（选填，如 2026-12-31）' maxlength={10} value={t.due} onInput={(e) => change(i, { due: e.detail.value })} />
            <View className='app-row'>
              <Text>{t.done ? '已完成' : '未完成'}</Text>
              <Switch checked={t.done} aria-label={`目标${i + 1}已完成`} onChange={(e) => change(i, { done: Boolean(e.detail.value) })} />
              <Button className='app-button app-button--text' onClick={() => setTargets((prev) => prev.filter((_, j) => j !== i))}>
                删除
              </Button>
            </View>
            {issueOf(`targets.${i}`) ? <Text className='form-field__error'>{issueOf(`targets.${i}`)}</Text> : null}
          </View>
        ))}
        <Button className='app-button app-button--secondary plan-editor__add' onClick={() => setTargets((prev) => [...prev, { title: '', due: '', done: false }])}>
          ＋ 添加目标
        </Button>
      </View>
      <FormFooter
        serverError={serverError}
        invalid={submitted && !parsed.success}
        submitting={submitting}
        label='保存服务方案'
        testId='plan-submit'
        note='保存后企业可在「一企一策」中看到方案和目标。'
        onSubmit={() => {
          setSubmitted(true);
          if (parsed.success) onSubmit(parsed.data);
        }}
      />
    </View>
  );
}

/** The plan as read (the enterprise, or before editing). */
export function PlanView({ plan }: { plan: ServicePlan }) {
  if (plan.version === 0) return <Text className='app-card__hint'>联络官尚未制定服务方案。</Text>;
  return (
    <View className='plan-view'>
      <Text className='plan-view__text'>{plan.text || '（未填写方案说明）'}</Text>
      {plan.targets.map((t, i) => (
        <View key={i} className='app-row'>
          <Text>{`${t.done ? '✓' : '○'} ${t.title}`}</Text>
          <Text className='app-muted'>{t.due ? `期限 ${formatDay(t.due)}` : ''}</Text>
        </View>
      ))}
      {plan.updatedAt ? <Text className='app-muted'>{`${plan.updatedBy ?? ''} 更新于 ${formatDay(shanghaiDate(plan.updatedAt))}`}</Text> : null}
    </View>
  );
}
