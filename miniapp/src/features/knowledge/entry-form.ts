import { fieldErrors, type FieldErrors, type FormValidation } from '../../components/form-state';
import { CreateKnowledgeBody } from '../../../../shared/knowledge/schemas';
import type { KnowledgeCategory } from '../../../../shared/knowledge/catalogue';

export interface EntryFormValues {
  question: string;
  answer: string;
  category: KnowledgeCategory | '';
  /** Tags as typed: separated by spaces, commas or 、 */
  tagsText: string;
}
export type EntryField = 'question' | 'answer' | 'category' | 'tags';
export type EntryErrors = FieldErrors<EntryField>;
const FIELDS: readonly EntryField[] = ['question', 'answer', 'category', 'tags'];

export const emptyEntry = (): EntryFormValues => ({ question: '', answer: '', category: '', tagsText: '' });

export const splitTags = (text: string) =>
  text
    .split(/[\s,，、;；]+/)
    .map((t) => t.trim())
    .filter(Boolean);

/** Validated with the server's own schema, so the messages are the ones the API would give. */
export function validateEntry(values: EntryFormValues): FormValidation<CreateKnowledgeBody, EntryField> {
  const result = CreateKnowledgeBody.safeParse({ question: values.question, answer: values.answer, category: values.category || undefined, tags: splitTags(values.tagsText) });
  if (result.success) return { ok: true, body: result.data, errors: {} };
  return {
    ok: false,
    errors: fieldErrors(
      result.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })),
      FIELDS,
    ),
  };
}

export const issuesToEntryErrors = (issues: { field: string; message: string }[]): EntryErrors =>
  fieldErrors(
    issues.map((i) => ({ ...i, field: i.field.replace(/\.\d+$/, '') })),
    FIELDS,
  );
