import { fieldErrors } from '../../components/form-state';
import { CreateAppealBody } from '../../../../shared/appeals/schemas';
import type { AppealType, DisputeGrade, Urgency } from '../../../../shared/appeals/catalogue';
import { isComplaintFiling } from '../../../../shared/appeals/complaints';

/** What the report form holds: text as typed, choices as ids ('' / null = not chosen). */
export interface ReportFormValues {
  type: AppealType;
  category: string;
  urgency: Urgency;
  grade: DisputeGrade | null;
  title: string;
  description: string;
  place: string;
  /** 投诉民警 (the police-conduct category is one whatever this says). */
  aboutPolice: boolean;
  /** 匿名: only with a complaint. */
  anonymous: boolean;
}

export type ReportField = 'type' | 'category' | 'urgency' | 'grade' | 'title' | 'description' | 'place' | 'attachmentIds';
export type ReportErrors = Partial<Record<ReportField, string>>;

const FIELDS: readonly ReportField[] = ['type', 'category', 'urgency', 'grade', 'title', 'description', 'place', 'attachmentIds'];

export const emptyReport = (type: AppealType): ReportFormValues => ({
  type,
  category: '',
  urgency: 'normal',
  grade: null,
  title: '',
  description: '',
  place: '',
  aboutPolice: false,
  anonymous: false,
});

/** Whether the form as filled is a complaint about police (投诉民警). */
export const isComplaintReport = (values: Pick<ReportFormValues, 'category' | 'aboutPolice'>): boolean => isComplaintFiling(values);

/** The schema's own wording (checkClassification in shared/appeals/schemas.ts). */
const MISSING_GRADE = '矛盾纠纷请选择纠纷等级';

export type ReportValidation = { ok: true; body: CreateAppealBody; errors: ReportErrors } | { ok: false; errors: ReportErrors };

/** Validate with the server's own schema, so every field shows the server's Chinese message. */
export function validateReport(values: ReportFormValues): ReportValidation {
  const candidate = {
    type: values.type,
    category: values.category || undefined,
    urgency: values.urgency,
    grade: values.type === 'dispute' ? (values.grade ?? undefined) : undefined,
    title: values.title,
    description: values.description,
    place: values.place.trim() === '' ? undefined : values.place,
    aboutPolice: values.aboutPolice || undefined,
    anonymous: isComplaintReport(values) && values.anonymous ? true : undefined,
  };
  const result = CreateAppealBody.safeParse(candidate);
  if (result.success) return { ok: true, body: result.data, errors: {} };
  const errors = issuesToReportErrors(result.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
  // zod runs the schema's cross-field check (grade exists exactly for disputes) only once every field parses;
  // the form names the missing grade together with the other problems.
  if (values.type === 'dispute' && values.grade === null && !errors.grade) errors.grade = MISSING_GRADE;
  return { ok: false, errors };
}

/** Field issues, from zod or from the server (`body.title` or `title`), keyed by form field; first one wins. */
export const issuesToReportErrors = (issues: { field: string; message: string }[]): ReportErrors => fieldErrors(issues, FIELDS);
