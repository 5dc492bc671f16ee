import { fieldErrors } from '../../components/form-state';
import { CreateAppealBody } from '../../../../shared/appeals/schemas';
import { URGENCY_LABELS, type AppealType, type DisputeGrade, type Urgency } from '../../../../shared/appeals/catalogue';
import { DEFAULT_RESOLVE_DURATIONS, type SlaDuration } from '../../../../shared/appeals/sla-durations';
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

/** The report's three questions, asked one at a time. */
export const REPORT_STEPS = [
  { key: 'what', label: '经过', title: '你遇到了什么事？', fields: ['title', 'description', 'place', 'attachmentIds'] },
  { key: 'kind', label: '类别', title: '属于哪一类？', fields: ['type', 'category', 'grade'] },
  { key: 'urgency', label: '紧急程度', title: '有多急？', fields: ['urgency'] },
] as const satisfies readonly { key: string; label: string; title: string; fields: readonly ReportField[] }[];

/** The first step (0-based) whose fields still have a problem, or -1 when `upTo` and the steps before it are fine. */
export function firstInvalidStep(errors: ReportErrors, upTo: number = REPORT_STEPS.length - 1): number {
  for (let i = 0; i <= upTo; i++) if (REPORT_STEPS[i].fields.some((f) => errors[f])) return i;
  return -1;
}

/** 办理时限 in plain words: '24小时内办结', '5个工作日内办结', '当日办结'. */
export function deadlineWords(duration: SlaDuration): string {
  if (duration.unit === 'clock_hours') return `${duration.amount}小时内办结`;
  if (duration.unit === 'working_hours') return `${duration.amount}个工作小时内办结`;
  return duration.amount === 0 ? '当个工作日内办结' : `${duration.amount}个工作日内办结`;
}

/** The standard deadline for a type and urgency, as the report's last step shows it: '紧急：24小时内办结'. */
export function deadlinePreview(type: AppealType, urgency: Urgency, durations = DEFAULT_RESOLVE_DURATIONS): string {
  return `${URGENCY_LABELS[urgency]}：${deadlineWords(durations[type][urgency])}`;
}
