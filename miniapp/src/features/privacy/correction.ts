import type { Enterprise } from '../../../../shared/schemas/enterprise';
import { EDITABLE_ENTERPRISE_FIELDS, UpdateEnterpriseBody, type EditableEnterpriseField } from '../../../../shared/privacy/rights';

export type CorrectionValues = Record<EditableEnterpriseField, string>;

export const valuesOf = (e: Enterprise): CorrectionValues => ({
  name: e.name,
  contactName: e.contactName,
  contactMobile: e.contactMobile,
  address: e.address,
  industry: e.industry,
  employeeCount: e.employeeCount === null ? '' : String(e.employeeCount),
});

/**
 * The PATCH body for what the member changed (unchanged fields left out), checked with the shared schema;
 * `errors` by field when it does not pass, `nothing` when nothing changed.
 */
export function correctionBody(e: Enterprise, values: CorrectionValues): { body: UpdateEnterpriseBody } | { errors: Partial<Record<string, string>> } | { nothing: true } {
  const before = valuesOf(e);
  const changed = EDITABLE_ENTERPRISE_FIELDS.filter((f) => values[f].trim() !== before[f]);
  if (changed.length === 0) return { nothing: true };
  const raw: Record<string, unknown> = { version: e.version };
  for (const f of changed) raw[f] = f === 'employeeCount' ? (values[f].trim() === '' ? undefined : Number(values[f])) : values[f].trim();
  const parsed = UpdateEnterpriseBody.safeParse(raw);
  if (parsed.success) return { body: parsed.data };
  return { errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'name'), i.message])) };
}
