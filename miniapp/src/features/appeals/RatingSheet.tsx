import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { RATING_LABELS, RATING_LEVELS, type RatingLevel } from '../../../../shared/appeals/catalogue';
import { BAD_RATING_COMMENT_MIN, isBadRating } from '../../../../shared/appeals/rating';
import { RateActionBody, type AppealActionOf } from '../../../../shared/appeals/schemas';
import { BottomSheet } from '../../components/BottomSheet';
import { FormField } from '../../components/FormField';
import { stars } from './appeal-format';
import './ActionSheet.scss';

export interface RatingSheetProps {
  /** The appeal's version as loaded: every action carries it. */
  version: number;
  submitting: boolean;
  /** Field problems the server reported (e.g. `comment`). */
  serverErrors?: Record<string, string>;
  onSubmit: (body: AppealActionOf<'rate'>) => void;
  onClose: () => void;
}

const COMMENT_MAX = 500;

/** 评价: five levels; 不满意 / 非常不满意 need a reason, which starts a rectification by the chief. */
export function RatingSheet({ version, submitting, serverErrors = {}, onSubmit, onClose }: RatingSheetProps) {
  const [rating, setRating] = useState<RatingLevel | null>(null);
  const [comment, setComment] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const result = RateActionBody.safeParse({ action: 'rate', version, rating: rating ?? undefined, comment: comment.trim() === '' ? undefined : comment });
  const errors: Record<string, string> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'rating');
      if (!errors[field]) errors[field] = field === 'rating' ? '请选择满意程度' : issue.message;
    }
  }
  const errorOf = (field: 'rating' | 'comment') => (submitted ? errors[field] : undefined) || serverErrors[field];
  const bad = rating !== null && isBadRating(rating);

  const submit = () => {
    setSubmitted(true);
    if (result.success) onSubmit(result.data as AppealActionOf<'rate'>);
  };

  return (
    <BottomSheet title='评价办理结果' onClose={onClose} testId='rating-sheet'>
      <FormField label='满意程度' required error={errorOf('rating')}>
        <View className='action-sheet__options'>
          {RATING_LEVELS.map((level) => (
            <View key={level} className={`action-sheet__option${rating === level ? ' action-sheet__option--selected' : ''}`} data-testid={`rating-${level}`} onClick={() => setRating(level)}>
              <Text className={`action-sheet__stars${isBadRating(level) ? ' action-sheet__stars--bad' : ''}`}>{stars(level)}</Text>
              <Text className='action-sheet__option-label'>{RATING_LABELS[level]}</Text>
            </View>
          ))}
        </View>
      </FormField>
      <FormField
        label={bad ? '不满意的原因' : '评价内容'}
        required={bad}
        error={errorOf('comment')}
        hint={bad ? `请说明不满意的原因（至少${BAD_RATING_COMMENT_MIN}个字），所长会安排整改并回访。` : '可以说说办理过程中的感受。'}
      >
        <View className='action-sheet__textarea-wrap' data-testid='rating-comment'>
          <Textarea
            className='action-sheet__textarea'
            placeholderClass='form-field__placeholder'
            placeholder={bad ? '请说明原因' : '选填'}
            maxlength={COMMENT_MAX}
            value={comment}
            onInput={(e) => setComment(e.detail.value)}
          />
          <Text className='action-sheet__counter'>{`${comment.length}/${COMMENT_MAX}`}</Text>
        </View>
      </FormField>
      <Button className='app-button app-button--block action-sheet__submit' data-testid='rating-submit' disabled={submitting} onClick={submit}>
        {submitting ? '正在提交…' : '提交评价'}
      </Button>
    </BottomSheet>
  );
}
