import { fieldErrors } from '../../components/form-state';
import { CreateVisitBody } from '../../../../shared/fieldwork/schemas';
import type { FollowUpKind, VisitAppealType } from '../../../../shared/fieldwork/rules';
import { addDays } from './format';

/** One problem as the form holds it: the deadline as days from the visit (a choice, not a calendar). */
export interface ProblemValues {
  description: string;
  followUp: FollowUpKind;
  deadlineDays: number;
  /** 转诉求: the kind of appeal (the SLA sets its deadline). */
  appealType: VisitAppealType;
}

export interface VisitFormValues {
  enterpriseId: string;
  day: string;
  metWith: string;
  content: string;
  problems: ProblemValues[];
}

export type VisitField = 'day' | 'metWith' | 'content' | 'problems' | 'attachmentIds';
export type VisitErrors = Partial<Record<VisitField, string>>;
/** A message per problem (by position), shown under that problem. */
export type ProblemErrors = Record<number, string>;

const FIELDS: readonly VisitField[] = ['day', 'metWith', 'content', 'problems', 'attachmentIds'];

/** 整改期限 choices, days after the visit. */
export const DEADLINE_CHOICES = [7, 15, 30, 60] as const;
export const DEFAULT_DEADLINE_DAYS = 15;

export const emptyVisit = (enterpriseId: string, day: string): VisitFormValues => ({ enterpriseId, day, metWith: '', content: '', problems: [] });
export const emptyProblem = (): ProblemValues => ({ description: '', followUp: 'rectification', deadlineDays: DEFAULT_DEADLINE_DAYS, appealType: 'help' });

export type VisitValidation = { ok: true; body: CreateVisitBody; errors: VisitErrors } | { ok: false; errors: VisitErrors };

/** The request body the values stand for (a deadline where a problem becomes a ledger item, a type where it becomes an appeal). */
export function visitCandidate(values: VisitFormValues) {
  return {
    enterpriseId: values.enterpriseId,
    day: values.day,
    metWith: values.metWith,
    content: values.content,
    problems: values.problems.map((p) => ({
      description: p.description,
      followUp: p.followUp,
      ...(p.followUp === 'rectification' && { deadline: addDays(values.day, p.deadlineDays) }),
      ...(p.followUp === 'appeal' && { appealType: p.appealType }),
    })),
  };
}

/** Validate with the server's own schema; a problem's issue is shown under that problem (problemErrorsOf). */
export function validateVisit(values: VisitFormValues): VisitValidation {
  const result = CreateVisitBody.safeParse(visitCandidate(values));
  if (result.success) return { ok: true, body: result.data, errors: {} };
  return { ok: false, errors: issuesToVisitErrors(toIssues(result.error.issues)) };
}

const toIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) => issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));

export function problemErrorsOf(values: VisitFormValues): ProblemErrors {
  const result = CreateVisitBody.safeParse(visitCandidate(values));
  return result.success ? {} : issuesToProblemErrors(toIssues(result.error.issues));
}

export function issuesToVisitErrors(issues: { field: string; message: string }[]): VisitErrors {
  const errors: VisitErrors = fieldErrors(
    issues.filter((i) => !i.field.startsWith('problems.')),
    FIELDS,
  );
  if (issues.some((i) => i.field.startsWith('problems.'))) errors.problems = '请按提示修改问题清单';
  return errors;
}

export function issuesToProblemErrors(issues: { field: string; message: string }[]): ProblemErrors {
  const out: ProblemErrors = {};
  for (const issue of issues) {
    const m = /problems\.(\d+)/.exec(issue.field);
    if (m && out[Number(m[1])] === undefined) out[Number(m[1])] = issue.message;
  }
  return out;
}
