import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { KNOWLEDGE_CATEGORIES } from '../../../../shared/knowledge/catalogue';
import { ANSWER_MAX, QUESTION_MAX, type CreateKnowledgeBody } from '../../../../shared/knowledge/schemas';
import { FormField } from '../../components/FormField';
import { FormFooter } from '../../components/FormFooter';
import { useFormState } from '../../components/form-state';
import { validateEntry, type EntryErrors, type EntryFormValues } from './entry-form';
import './knowledge.scss';

export interface EntryFormProps {
  initial: EntryFormValues;
  submitting: boolean;
  submitLabel: string;
  note: string;
  serverError?: string;
  serverErrors?: EntryErrors;
  onSubmit: (body: CreateKnowledgeBody) => void;
}

const NO_ERRORS: EntryErrors = {};

/** A knowledge entry: question, category, tags and the answer (plain text, one paragraph per line). */
export function EntryForm({ initial, submitting, submitLabel, note, serverError, serverErrors = NO_ERRORS, onSubmit }: EntryFormProps) {
  const { values, set, touch, errorOf, submit, submitted, validation } = useFormState(() => initial, validateEntry, serverErrors);
  const index = KNOWLEDGE_CATEGORIES.findIndex((c) => c.id === values.category);
  return (
    <View className='knowledge-form'>
      <View className='app-card'>
        <FormField label='问题' required error={errorOf('question')} hint='用企业提问的说法，如：员工办理居住证需要哪些材料？'>
          <View data-testid='entry-question'>
            <Input className='form-field__input' maxlength={QUESTION_MAX} value={values.question} placeholder='请输入问题' onInput={(e) => set('question', e.detail.value)} onBlur={() => touch('question')} />
          </View>
        </FormField>
        <FormField label='分类' required error={errorOf('category')}>
          <Picker
            className='form-field__picker'
            mode='selector'
            range={KNOWLEDGE_CATEGORIES.map((c) => c.label)}
            value={Math.max(index, 0)}
            onChange={(e) => {
              set('category', KNOWLEDGE_CATEGORIES[Number(e.detail.value)]?.id ?? '');
              touch('category');
            }}
          >
            <View data-testid='entry-category' className={`form-field__picker-value${index < 0 ? ' form-field__placeholder' : ''}`}>
              {index >= 0 ? KNOWLEDGE_CATEGORIES[index].label : '点击选择分类'}
            </View>
          </Picker>
        </FormField>
        <FormField label='标签' error={errorOf('tags')} hint='企业可能用的其他说法，用空格或逗号分隔，最多8个'>
          <View data-testid='entry-tags'>
            <Input className='form-field__input' value={values.tagsText} placeholder='如：暂住证 外地员工' onInput={(e) => set('tagsText', e.detail.value)} onBlur={() => touch('tags')} />
          </View>
        </FormField>
        <FormField label='解答' required error={errorOf('answer')} hint='写清所需材料、办理地点和时限；每段另起一行'>
          <View data-testid='entry-answer'>
            <Textarea
              className='knowledge-form__textarea'
              maxlength={ANSWER_MAX}
              value={values.answer}
              placeholder='请输入解答（至少10个字）'
              onInput={(e) => set('answer', e.detail.value)}
              onBlur={() => touch('answer')}
            />
            <Text className='app-muted'>{`${values.answer.length}/${ANSWER_MAX}`}</Text>
          </View>
        </FormField>
      </View>
      <FormFooter serverError={serverError} invalid={submitted && !validation.ok} submitting={submitting} label={submitLabel} note={note} testId='entry-submit' onSubmit={() => submit(onSubmit)} />
    </View>
  );
}
