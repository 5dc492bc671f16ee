import { useEffect, useState } from 'react';

/** A message per form field (Chinese, from the shared zod schema or the server). */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;
export type FormValidation<B, F extends string> = { ok: true; body: B; errors: FieldErrors<F> } | { ok: false; errors: FieldErrors<F> };

/** Field issues, from zod or from the server (`body.title` or `title`), keyed by form field; the first one wins. */
export function fieldErrors<F extends string>(issues: { field: string; message: string }[], fields: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = issue.field.split('.').pop() as F;
    if (fields.includes(field) && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/**
 * The state every validated form keeps: values, which fields were left (a field shows its problem once the
 * user has left it, or after a submit attempt), and the server's field problems, each of which disappears
 * once the user edits that field. `serverErrors` must be a stable object (a fresh {} per render would reset
 * the edits forever).
 */
export function useFormState<V extends object, F extends string, B>(initial: V | (() => V), validate: (values: V) => FormValidation<B, F>, serverErrors: FieldErrors<F>) {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [editedSinceServer, setEditedSinceServer] = useState<Partial<Record<string, boolean>>>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: serverErrors is the trigger: a new set of server problems clears the edits
  useEffect(() => setEditedSinceServer({}), [serverErrors]);

  const validation = validate(values);
  const errorOf = (field: F) => ((submitted || touched[field]) && validation.errors[field]) || (editedSinceServer[field] ? undefined : serverErrors[field]);
  const set = <K extends keyof V & string>(field: K, value: V[K]) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setEditedSinceServer((prev) => ({ ...prev, [field]: true }));
  };
  const touch = (field: F) => setTouched((prev) => ({ ...prev, [field]: true }));
  const submit = (onSubmit: (body: B) => void) => {
    setSubmitted(true);
    if (validation.ok) onSubmit(validation.body);
  };
  return { values, setValues, set, touch, errorOf, submit, submitted, validation };
}
