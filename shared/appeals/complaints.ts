/**
 * Complaints about police (投诉民警): rules that keep a complaint away from the officer it accuses.
 *
 * A complaint is an appeal in the police-conduct category (意见建议 · 民警作风) or any appeal the enterprise
 * marks 投诉民警. Its subject is the officer it names (by default the enterprise's liaison officer). It is
 * routed to the station chief, or to the centre when the chief is the subject (or has no chief available),
 * never to the subject. The subject cannot see it by any route (see `canSeeAppeal` in shared/domain/access.ts),
 * it never enters queues the subject reads, and with 匿名 nothing derived from it carries the enterprise.
 */
import { z } from 'zod';
import { APPEAL_TYPES, URGENCIES } from './catalogue';
import type { SlaDuration, SlaPolicy } from './sla';

/** The category whose appeals are always complaints (shared/appeals/catalogue.ts, type `suggestion`). */
export const POLICE_CONDUCT_CATEGORY = 'police-conduct';

export const COMPLAINT_HANDLERS = ['chief', 'centre'] as const;
export type ComplaintHandler = (typeof COMPLAINT_HANDLERS)[number];

/** Stored on the appeal. */
export const Complaint = z.object({
  /** The accused officer: never the assignee, never able to see the appeal. */
  subjectOfficerId: z.string(),
  /** Who handles it: the station chief, or the centre's 督察 when the chief is the subject. */
  handler: z.enum(COMPLAINT_HANDLERS),
  /** 匿名: the subject's side never sees the enterprise's identity in anything derived from the complaint. */
  anonymous: z.boolean(),
});
export type Complaint = z.infer<typeof Complaint>;

/** Whether a new appeal is a complaint: the police-conduct category, or marked 投诉民警 by the enterprise. */
export function isComplaintFiling(body: { category: string; aboutPolice?: boolean | undefined }): boolean {
  return body.category === POLICE_CONDUCT_CATEGORY || body.aboutPolice === true;
}

/**
 * Who handles a complaint about `subjectOfficerId`: the chief when there is one, on duty, and not the
 * subject; otherwise the centre. Returns the officer the appeal is assigned to (null: the centre's).
 */
export function routeComplaint(subjectOfficerId: string, chief: { id: string; onLeave: boolean } | null): { handler: ComplaintHandler; officerId: string | null } {
  if (chief && !chief.onLeave && chief.id !== subjectOfficerId) return { handler: 'chief', officerId: chief.id };
  return { handler: 'centre', officerId: null };
}

/**
 * A complaint's own SLA, whatever its type and urgency: acknowledged within 1 working day, concluded within
 * 10 working days (a conduct complaint needs the officer heard and the facts checked, and must not wait
 * behind ordinary suggestions either).
 */
export const COMPLAINT_SLA = { accept: { unit: 'working_days', amount: 1 }, resolve: { unit: 'working_days', amount: 10 } } as const satisfies { accept: SlaDuration; resolve: SlaDuration };

/**
 * The station's policy with the complaint SLA in place of every type's: office hours, reopen and
 * auto-close windows stay the station's. Passing this policy to the state machine gives complaints their
 * deadlines on filing, on reopening and after a pause alike.
 */
export function complaintSlaPolicy(base: SlaPolicy): SlaPolicy {
  const resolve = Object.fromEntries(APPEAL_TYPES.map((t) => [t, Object.fromEntries(URGENCIES.map((u) => [u, { ...COMPLAINT_SLA.resolve }]))])) as SlaPolicy['resolve'];
  return { ...base, accept: { ...COMPLAINT_SLA.accept }, resolve };
}

/** 督察 view: complaints per station, all and still open. */
export const ComplaintCounts = z.object({
  stations: z.array(z.object({ stationId: z.string(), stationName: z.string(), total: z.number().int(), open: z.number().int() })),
  total: z.number().int(),
  open: z.number().int(),
});
export type ComplaintCounts = z.infer<typeof ComplaintCounts>;

/** How an anonymous complaint's enterprise is named wherever the subject's side could read it. */
export const ANONYMOUS_ENTERPRISE = '匿名企业';

/** Refusals users read. */
export const COMPLAINT_MESSAGES = {
  reassignToSubject: '不能改派给被投诉的民警，请选择其他民警',
  anonymousNeedsComplaint: '只有投诉民警可以选择匿名',
  subjectNeedsComplaint: '只有投诉民警需要选择被投诉的民警',
  subjectNotOfStation: '被投诉民警须为本辖区派出所的民警',
  filedByPolice: '投诉民警须由企业自行提交',
  noLedgerItem: '投诉民警的诉求不转入整改台账（被投诉民警可见），请在诉求内登记整改',
} as const;
