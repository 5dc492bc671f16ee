import { fieldErrors } from '../../components/form-state';
import { RegisterEnterpriseBody } from '../../../../shared/schemas/enterprise';

/** What the 企业注册 form holds: text as typed, pickers as ids ('' = not chosen). */
export interface RegisterFormValues {
  name: string;
  creditCode: string;
  industry: string;
  address: string;
  stationId: string;
  contactName: string;
  contactMobile: string;
  employeeCount: string;
}

export type RegisterField = keyof RegisterFormValues;
export type RegisterErrors = Partial<Record<RegisterField, string>>;

export const EMPTY_REGISTER_FORM: RegisterFormValues = {
  name: '',
  creditCode: '',
  industry: '',
  address: '',
  stationId: '',
  contactName: '',
  contactMobile: '',
  employeeCount: '',
};

const FIELDS = Object.keys(EMPTY_REGISTER_FORM) as RegisterField[];

// Picker fields read better as an instruction than as the schema's generic "缺少…".
const EMPTY_MESSAGES: Partial<Record<RegisterField, string>> = {
  stationId: '请选择辖区派出所',
  industry: '请选择所属行业',
};

export type RegisterValidation = { ok: true; body: RegisterEnterpriseBody; errors: RegisterErrors } | { ok: false; errors: RegisterErrors };

/** Validate with the same schema as the server, so each field shows the server's own Chinese message. */
export function validateRegistration(values: RegisterFormValues): RegisterValidation {
  const blankToUndefined = (v: string) => (v.trim() === '' ? undefined : v);
  const candidate = {
    name: blankToUndefined(values.name),
    creditCode: blankToUndefined(values.creditCode),
    industry: blankToUndefined(values.industry),
    address: blankToUndefined(values.address),
    stationId: blankToUndefined(values.stationId),
    contactName: blankToUndefined(values.contactName),
    contactMobile: blankToUndefined(values.contactMobile),
    employeeCount: values.employeeCount.trim() === '' ? undefined : Number(values.employeeCount.trim()),
  };
  const result = RegisterEnterpriseBody.safeParse(candidate);
  if (result.success) return { ok: true, body: result.data, errors: {} };

  const errors: RegisterErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as RegisterField;
    if (!FIELDS.includes(field) || errors[field]) continue;
    errors[field] = candidate[field] === undefined && EMPTY_MESSAGES[field] ? EMPTY_MESSAGES[field] : issue.message;
  }
  return { ok: false, errors };
}

/** Server issues name fields as `creditCode` or `body.creditCode`. */
export const issuesToErrors = (issues: { field: string; message: string }[]): RegisterErrors => fieldErrors(issues, FIELDS);
