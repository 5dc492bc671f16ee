import { StepIndicator } from '../../components/StepIndicator';
import { useEffect, useState } from 'react';
import { Button, Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import { APPEAL_CATEGORIES, APPEAL_TYPE_LABELS, APPEAL_TYPES, DISPUTE_GRADES, URGENCIES, URGENCY_LABELS, type AppealType, type DisputeGrade, type Urgency } from '../../../../shared/appeals/catalogue';
import type { CreateAppealBody } from '../../../../shared/appeals/schemas';
import { DEFAULT_RESOLVE_DURATIONS } from '../../../../shared/appeals/sla-durations';
import { FormField } from '../../components/FormField';
import { FormFooter } from '../../components/FormFooter';
import { useFormState } from '../../components/form-state';
import { AttachmentPicker } from '../evidence/AttachmentPicker';
import { GRADE_SHORT } from './appeal-format';
import { deadlinePreview, deadlineWords, emptyReport, firstInvalidStep, isComplaintReport, REPORT_STEPS, validateReport, type ReportErrors } from './report-form';
import './ReportForm.scss';

export interface ReportFormProps {
  /** Preselected from the home tile (政策咨询 / 矛盾纠纷上报 / 意见建议 / 求助). */
  initialType: AppealType;
  /** Pre-filled from the page query (知识库「问我的联络官」 passes the search). */
  initialTitle?: string;
  initialDescription?: string;
  submitting: boolean;
  /** The server's message after a failed submit, and its field issues. */
  serverError?: string;
  serverErrors?: ReportErrors;
  onSubmit: (body: CreateAppealBody) => void;
}

const TITLE_MAX = 50;
const DESCRIPTION_MAX = 1000;
const PLACE_MAX = 100;
const NO_ERRORS: ReportErrors = {};

/** Who handles a dispute of each grade: one line under the grade chips. */
export const GRADE_EXPLANATIONS: Record<DisputeGrade, string> = {
  1: '一级：一般纠纷，由辖区联络官直接处置。',
  2: '二级：影响较大或涉及多方，由派出所组织处置。',
  3: '三级：重大、群体性或跨辖区纠纷，由助企警务中心处置。',
};

const DESCRIPTION_HINTS: Record<AppealType, string> = {
  policy: '请说明要办理或咨询的事项、涉及人员和您的具体问题。',
  dispute: '请说明发生时间、地点、涉及人员和现场情况，越具体越便于及时处置。',
  suggestion: '请说明您遇到的情况和改进建议。',
  help: '请说明需要什么帮助、联系人和方便联系的时间。',
};

/** Plain words for each type, on the choice card under its name. */
const TYPE_HINTS: Record<AppealType, string> = {
  policy: '办事、证照、政策有疑问',
  dispute: '阻工、劳资、合同等纠纷',
  suggestion: '对警务服务的意见和建议',
  help: '防诈骗、安全隐患、开证明',
};

const URGENCY_HINTS: Record<Urgency, string> = {
  normal: '按正常流程办理',
  urgent: '影响生产经营，需要尽快处置',
};

interface OptionCardsProps<K extends string | number> {
  testId: string;
  options: readonly { key: K; title: string; hint: string }[];
  value: K | null;
  onChange: (key: K) => void;
}

/** A single choice as full-width cards, each with a plain-words line: easier to read and to tap than chips. */
function OptionCards<K extends string | number>({ testId, options, value, onChange }: OptionCardsProps<K>) {
  return (
    <View className='report-form__options' data-testid={testId}>
      {options.map((o) => {
        const selected = o.key === value;
        return (
          <View key={String(o.key)} className={`report-form__option${selected ? ' report-form__option--selected' : ''}`} aria-checked={selected} data-key={String(o.key)} onClick={() => onChange(o.key)}>
            <View className='report-form__radio' />
            <View className='report-form__option-text'>
              <Text className='report-form__option-title'>{o.title}</Text>
              <Text className='report-form__option-hint'>{o.hint}</Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}

/**
 * 诉求上报, one question at a time: 你遇到了什么事？ → 属于哪一类？ → 有多急？ (with the deadline that follows,
 * shown before submitting). Validated with the server's own schema (CreateAppealBody); 下一步 checks the step's
 * own fields, and a server issue brings the user back to the step that holds the field.
 */
export function ReportForm({ initialType, initialTitle, initialDescription, submitting, serverError, serverErrors = NO_ERRORS, onSubmit }: ReportFormProps) {
  const form = useFormState(() => ({ ...emptyReport(initialType), title: (initialTitle ?? '').slice(0, TITLE_MAX), description: (initialDescription ?? '').slice(0, DESCRIPTION_MAX) }), validateReport, serverErrors);
  const { values, setValues, set, touch, errorOf, submitted, validation } = form;
  const [step, setStep] = useState(0);

  useEffect(() => {
    const back = firstInvalidStep(serverErrors);
    if (back >= 0) setStep(back);
  }, [serverErrors]);

  const changeType = (type: AppealType) => {
    // Categories and the grade belong to a type: choosing another type starts them afresh.
    setValues((prev) => (prev.type === type ? prev : { ...prev, type, category: '', grade: null }));
  };

  const next = () => {
    for (const field of REPORT_STEPS[step].fields) touch(field);
    if (firstInvalidStep(validation.errors, step) === -1) setStep(step + 1);
  };

  // 证据材料: uploaded while the user writes; the ids go with the filing once every upload has finished.
  const [evidence, setEvidence] = useState<{ ids: string[]; busy: boolean }>({ ids: [], busy: false });
  const [evidenceError, setEvidenceError] = useState<string>();
  const submit = () => {
    const back = firstInvalidStep(validation.errors);
    if (back >= 0) setStep(back);
    if (evidence.busy) {
      setEvidenceError('请等待文件上传完成后再提交');
      setStep(0);
      return;
    }
    setEvidenceError(undefined);
    form.submit((body) => onSubmit(evidence.ids.length ? { ...body, attachmentIds: evidence.ids } : body));
  };

  const complaint = isComplaintReport(values);
  const categories = APPEAL_CATEGORIES[values.type];
  const categoryIndex = categories.findIndex((c) => c.id === values.category);
  const last = step === REPORT_STEPS.length - 1;

  return (
    <View className='report-form' data-step={REPORT_STEPS[step].key}>
      <StepIndicator steps={REPORT_STEPS} current={step} testId='report-step-bar' />
      <Text className='report-form__question' data-testid='report-question'>
        {REPORT_STEPS[step].title}
      </Text>

      {step === 0 ? (
        <View className='app-card report-form__group'>
          <FormField label='一句话说明' required error={errorOf('title')}>
            <View className='report-form__control' data-testid='report-title'>
              <Input
                className='form-field__input'
                placeholderClass='form-field__placeholder'
                placeholder='如：工地大门被堵无法施工'
                maxlength={TITLE_MAX}
                value={values.title}
                onInput={(e) => set('title', e.detail.value)}
                onBlur={() => touch('title')}
              />
            </View>
          </FormField>

          <FormField label='详细经过' required error={errorOf('description')} hint={DESCRIPTION_HINTS[values.type]}>
            <View className='report-form__textarea-wrap' data-testid='report-description'>
              <Textarea
                className='report-form__textarea'
                placeholderClass='form-field__placeholder'
                placeholder='请详细描述（至少10个字）'
                maxlength={DESCRIPTION_MAX}
                value={values.description}
                onInput={(e) => set('description', e.detail.value)}
                onBlur={() => touch('description')}
              />
              <Text className={`report-form__counter${values.description.length >= DESCRIPTION_MAX ? ' report-form__counter--full' : ''}`}>{`${values.description.length}/${DESCRIPTION_MAX}`}</Text>
            </View>
          </FormField>

          <FormField label='地点' error={errorOf('place')}>
            <View className='report-form__control' data-testid='report-place'>
              <Input
                className='form-field__input'
                placeholderClass='form-field__placeholder'
                placeholder='如：民族路88号工地'
                maxlength={PLACE_MAX}
                value={values.place}
                onInput={(e) => set('place', e.detail.value)}
                onBlur={() => touch('place')}
              />
            </View>
          </FormField>
        </View>
      ) : null}

      {/* Kept mounted on every step (hidden off the first) so photos still uploading are not lost by 下一步. */}
      <View className={`app-card report-form__group${step === 0 ? '' : ' report-form__group--hidden'}`} data-testid='report-evidence'>
        <FormField label='证据材料' error={evidenceError ?? errorOf('attachmentIds')}>
          <AttachmentPicker purpose='appeal' withVoice onChange={(ids, busy) => setEvidence({ ids, busy })} />
        </FormField>
      </View>

      {step === 1 ? (
        <>
          <View className='app-card report-form__group'>
            <FormField label='诉求类型' required error={errorOf('type')}>
              <OptionCards testId='report-type' options={APPEAL_TYPES.map((t) => ({ key: t, title: APPEAL_TYPE_LABELS[t], hint: TYPE_HINTS[t] }))} value={values.type} onChange={changeType} />
            </FormField>

            <FormField label='具体分类' required error={errorOf('category')}>
              <Picker
                className='form-field__picker'
                aria-label='诉求分类'
                mode='selector'
                range={categories.map((c) => c.label)}
                value={Math.max(categoryIndex, 0)}
                onChange={(e) => {
                  set('category', categories[Number(e.detail.value)]?.id ?? '');
                  touch('category');
                }}
              >
                <View data-testid='report-category' className={`form-field__picker-value${categoryIndex < 0 ? ' form-field__placeholder' : ''}`}>
                  {categoryIndex >= 0 ? categories[categoryIndex].label : '点击选择分类'}
                </View>
              </Picker>
            </FormField>

            {values.type === 'dispute' ? (
              <FormField label='纠纷等级' required error={errorOf('grade')} hint='按影响范围选择，联络官核实后可调整。'>
                <OptionCards
                  testId='report-grade'
                  options={DISPUTE_GRADES.map((g) => ({ key: g, title: GRADE_SHORT[g], hint: GRADE_EXPLANATIONS[g].split('：')[1] }))}
                  value={values.grade}
                  onChange={(g) => {
                    set('grade', g);
                    touch('grade');
                  }}
                />
              </FormField>
            ) : null}
          </View>

          <View className='app-card report-form__group' data-testid='report-complaint'>
            <FormField label='投诉民警' hint={complaint ? '投诉直达派出所所长（投诉所长时直达助企警务中心），被投诉的民警看不到这条诉求。' : '反映民警作风、纪律问题（如吃拿卡要、态度恶劣）时请打开。'}>
              <Switch checked={complaint} disabled={values.category === 'police-conduct'} aria-label='投诉民警' data-testid='report-about-police' onChange={(e) => set('aboutPolice', Boolean(e.detail.value))} />
            </FormField>
            {complaint ? (
              <FormField label='匿名' hint='匿名后，被投诉民警一方看不到贵企业的任何信息；办理人仍可与您联系核实。'>
                <Switch checked={values.anonymous} aria-label='匿名' data-testid='report-anonymous' onChange={(e) => set('anonymous', Boolean(e.detail.value))} />
              </FormField>
            ) : null}
          </View>
        </>
      ) : null}

      {step === 2 ? (
        <>
          <View className='app-card report-form__group'>
            <FormField label='紧急程度' required error={errorOf('urgency')} hint={values.urgency === 'urgent' ? '正在发生的违法犯罪请直接拨打 110。' : undefined}>
              <OptionCards
                testId='report-urgency'
                options={URGENCIES.map((u) => ({ key: u, title: URGENCY_LABELS[u], hint: `${URGENCY_HINTS[u]}，${deadlineWords(DEFAULT_RESOLVE_DURATIONS[values.type][u])}` }))}
                value={values.urgency}
                onChange={(u) => set('urgency', u)}
              />
            </FormField>
          </View>
          <View className='app-card report-form__summary' data-testid='report-summary'>
            <Text className='report-form__summary-title'>{values.title}</Text>
            <Text className='report-form__summary-line'>{`${APPEAL_TYPE_LABELS[values.type]} · ${categoryIndex >= 0 ? categories[categoryIndex].label : ''}${values.type === 'dispute' && values.grade ? ` · ${GRADE_SHORT[values.grade]}` : ''}${complaint ? ' · 投诉民警' : ''}`}</Text>
            <Text className='report-form__deadline' data-testid='report-deadline'>
              {deadlinePreview(values.type, values.urgency)}
            </Text>
            <Text className='report-form__summary-note'>联络官当个工作日内受理；按工作日计的时限遇节假日顺延，按小时计的不顺延。</Text>
          </View>
        </>
      ) : null}

      {last ? (
        <FormFooter
          serverError={serverError}
          invalid={submitted && !validation.ok}
          submitting={submitting}
          label='提交'
          note={complaint ? '投诉将按时限办理，办理结果可评价。紧急情况请拨打 110。' : '提交后将直达您的辖区联络官，并按时限办理。紧急情况请拨打 110。'}
          testId='report-submit'
          onSubmit={submit}
          secondaryLabel='上一步'
          onSecondary={() => setStep(step - 1)}
        />
      ) : (
        <View className='report-form__nav'>
          {step > 0 ? (
            <Button className='app-button app-button--secondary report-form__nav-button' onClick={() => setStep(step - 1)}>
              上一步
            </Button>
          ) : null}
          <Button className='app-button report-form__nav-button report-form__nav-button--next' data-testid='report-next' onClick={next}>
            下一步
          </Button>
        </View>
      )}
    </View>
  );
}
