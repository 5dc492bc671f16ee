import { useState } from 'react';
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { CreateVisitBody } from '../../../../shared/fieldwork/schemas';
import { FOLLOW_UPS, FOLLOW_UP_LABELS, VISIT_APPEAL_TYPES } from '../../../../shared/fieldwork/rules';
import { APPEAL_TYPE_LABELS } from '../../../../shared/appeals/catalogue';
import { ChoiceChips } from '../../components/ChoiceChips';
import { AttachmentPicker } from '../evidence/AttachmentPicker';
import { FormField } from '../../components/FormField';
import { FormFooter } from '../../components/FormFooter';
import { useFormState } from '../../components/form-state';
import { DEADLINE_CHOICES, emptyProblem, emptyVisit, problemErrorsOf, validateVisit, type ProblemErrors, type VisitErrors } from './visit-form';
import { addDays, daysAgo, formatDay } from './format';
import './VisitForm.scss';

export interface VisitFormProps {
  enterpriseId: string;
  enterpriseName: string;
  /** Today in Shanghai (the default visit day); the last two weeks can be chosen. */
  today: string;
  submitting: boolean;
  serverError?: string;
  serverErrors?: VisitErrors;
  /** The server's messages for single problems, by position. */
  serverProblemErrors?: ProblemErrors;
  onSubmit: (body: CreateVisitBody) => void;
}

const NO_ERRORS: VisitErrors = {};
const NO_PROBLEM_ERRORS: ProblemErrors = {};
const DAY_CHOICES = 14;
const FOLLOW_UP_HINTS = { none: '仅记录，不列入整改台账', rectification: '列入整改台账，由联络官跟进整改', appeal: '代企业上报为诉求：派给本企业联络官办理，企业可查看进度并评价' } as const;

/** 登记走访: date, who was met, what was discussed, and the problems found — each can become a ledger item at once. */
export function VisitForm({ enterpriseId, enterpriseName, today, submitting, serverError, serverErrors = NO_ERRORS, serverProblemErrors = NO_PROBLEM_ERRORS, onSubmit }: VisitFormProps) {
  const form = useFormState(() => emptyVisit(enterpriseId, today), validateVisit, serverErrors);
  const { values, set, touch, errorOf, submitted, validation } = form;
  const days = Array.from({ length: DAY_CHOICES }, (_, i) => addDays(today, -i));
  const problemErrors = submitted && !validation.ok ? problemErrorsOf(values) : serverProblemErrors;
  // 工作影像资料: uploaded while the officer writes; the ids go with the visit once every upload has finished.
  const [photos, setPhotos] = useState<{ ids: string[]; busy: boolean }>({ ids: [], busy: false });
  const [photosError, setPhotosError] = useState<string>();
  const submit = () => {
    if (photos.busy) {
      setPhotosError('请等待照片上传完成后再提交');
      return;
    }
    setPhotosError(undefined);
    form.submit((body) => onSubmit(photos.ids.length ? { ...body, attachmentIds: photos.ids } : body));
  };

  const setProblem = (index: number, change: Partial<(typeof values.problems)[number]>) =>
    set(
      'problems',
      values.problems.map((p, i) => (i === index ? { ...p, ...change } : p)),
    );

  return (
    <View className='visit-form'>
      <View className='app-card'>
        <Text className='visit-form__enterprise'>{enterpriseName}</Text>
        <FormField label='走访日期' required error={errorOf('day')}>
          <Picker
            className='form-field__picker'
            aria-label='走访日期'
            mode='selector'
            range={days.map((d) => `${formatDay(d, today)}（${daysAgo(d, today)}）`)}
            value={Math.max(days.indexOf(values.day), 0)}
            onChange={(e) => set('day', days[Number(e.detail.value)] ?? today)}
          >
            <View className='form-field__picker-value' data-testid='visit-day'>{`${formatDay(values.day, today)}（${daysAgo(values.day, today)}）`}</View>
          </Picker>
        </FormField>
        <FormField label='走访对象' required error={errorOf('metWith')}>
          <View className='visit-form__control' data-testid='visit-met-with'>
            <Input
              className='form-field__input'
              placeholderClass='form-field__placeholder'
              placeholder='如：企业负责人张经理'
              maxlength={60}
              value={values.metWith}
              onInput={(e) => set('metWith', e.detail.value)}
              onBlur={() => touch('metWith')}
            />
          </View>
        </FormField>
        <FormField label='交流内容' required error={errorOf('content')}>
          <View className='visit-form__control' data-testid='visit-content'>
            <Textarea
              className='visit-form__textarea'
              placeholderClass='form-field__placeholder'
              placeholder='了解的情况、宣传的内容、企业的意见（至少5个字）'
              maxlength={2000}
              value={values.content}
              onInput={(e) => set('content', e.detail.value)}
              onBlur={() => touch('content')}
            />
          </View>
        </FormField>
      </View>

      <View className='app-card'>
        <FormField label='工作影像资料' error={photosError ?? errorOf('attachmentIds')}>
          <Text className='app-card__hint'>现场照片、视频或检查记录，仅民警可见，不向企业展示。</Text>
          <AttachmentPicker purpose='visit' enterpriseId={enterpriseId} testId='visit-picker' onChange={(ids, busy) => setPhotos({ ids, busy })} />
        </FormField>
      </View>

      <View className='app-card'>
        <Text className='app-card__title'>发现的问题</Text>
        {values.problems.length === 0 ? <Text className='app-card__hint'>未发现问题可直接提交；发现问题请逐条添加。</Text> : null}
        {values.problems.map((p, i) => (
          <View key={i} className='visit-form__problem' data-testid={`visit-problem-${i}`}>
            <View className='visit-form__problem-head'>
              <Text className='visit-form__problem-title'>{`问题${i + 1}`}</Text>
              <Button
                className='app-button app-button--text visit-form__remove'
                onClick={() =>
                  set(
                    'problems',
                    values.problems.filter((_, j) => j !== i),
                  )
                }
              >
                删除
              </Button>
            </View>
            <Textarea
              className='visit-form__textarea visit-form__problem-text'
              placeholderClass='form-field__placeholder'
              placeholder='问题描述，如：仓库消防通道堆放杂物'
              maxlength={300}
              value={p.description}
              onInput={(e) => setProblem(i, { description: e.detail.value })}
            />
            <ChoiceChips
              testId={`visit-problem-${i}-follow-up`}
              options={FOLLOW_UPS.map((f) => ({ key: f, label: f === 'none' ? '仅记录' : `「${FOLLOW_UP_LABELS[f]}」` }))}
              value={p.followUp}
              onChange={(f) => setProblem(i, { followUp: f })}
            />
            <Text className='app-muted'>{FOLLOW_UP_HINTS[p.followUp]}</Text>
            {p.followUp === 'appeal' ? (
              <View className='visit-form__deadline'>
                <Text className='visit-form__deadline-label'>诉求类型</Text>
                <ChoiceChips
                  testId={`visit-problem-${i}-appeal-type`}
                  options={VISIT_APPEAL_TYPES.map((t) => ({ key: t, label: APPEAL_TYPE_LABELS[t] }))}
                  value={p.appealType}
                  onChange={(t) => setProblem(i, { appealType: t })}
                />
              </View>
            ) : null}
            {p.followUp === 'rectification' ? (
              <View className='visit-form__deadline'>
                <Text className='visit-form__deadline-label'>整改期限</Text>
                <ChoiceChips testId={`visit-problem-${i}-deadline`} options={DEADLINE_CHOICES.map((d) => ({ key: d, label: `${d}天` }))} value={p.deadlineDays} onChange={(d) => setProblem(i, { deadlineDays: d })} />
                <Text className='app-muted'>{`截止 ${formatDay(addDays(values.day, p.deadlineDays), today)}`}</Text>
              </View>
            ) : null}
            {problemErrors[i] ? <Text className='form-field__error'>{problemErrors[i]}</Text> : null}
          </View>
        ))}
        {values.problems.length < 20 ? (
          <Button className='app-button app-button--secondary visit-form__add' data-testid='visit-add-problem' onClick={() => set('problems', [...values.problems, emptyProblem()])}>
            ＋ 添加问题
          </Button>
        ) : null}
      </View>

      <FormFooter
        serverError={serverError}
        invalid={submitted && !validation.ok}
        submitting={submitting}
        label='提交走访记录'
        testId='visit-submit'
        note='转整改的问题立即列入整改台账，所长次日晨报可见；转诉求的问题登记为企业诉求，按时限办理。'
        onSubmit={submit}
      />
    </View>
  );
}
