/**
 * The appeals (诉求) closed loop: who may do what, in which status, and what it changes.
 *
 * `TRANSITIONS` is the single source of truth for role × status; a few rules that depend on more than the
 * status (time windows, rating count, the escalation flag) are the guards below it. Both `allowedActions`
 * (which buttons the mini-program shows) and `applyAction` (what the Lambda does) go through the same
 * `refusal` function, so a button is shown exactly when pressing it would succeed.
 *
 * Design choices:
 *  - `accept` leads to `accepted`, and `start` moves on to `in_progress`. Everything a handler can do from
 *    `in_progress` (request info, transfer, resolve) is also allowed from `accepted`, so `start` is an optional
 *    "I'm on it" signal, never a required click.
 *  - Replies are messages, not transitions; they do not touch status or version.
 *  - Escalation is a flag. The assigned officer (or the scheduler, once overdue) raises it; it drops when the
 *    chief acts on the appeal or when the chief or centre reassigns it.
 *  - Every accepted action increments `version`, and the action body must carry the version it was decided on.
 */
import { Conflict, Forbidden, VersionConflict, type DomainError } from '../errors';
import { ACTION_LABELS, ACTOR_ROLE_LABELS, APPEAL_ACTIONS, DEPARTMENT_LABELS, OPEN_STATUSES, STATUS_LABELS, type ActorRole, type AppealAction, type AppealStatus } from './catalogue';
import { isBadRating, whyCannotRate, whyCannotRectify } from './rating';
import { autoCloseTime } from './queues';
import { COMPLAINT_MESSAGES, type Complaint } from './complaints';
import { AppealActionBody, CreateAppealBody, parseOrThrow, type Appeal, type AppealActionOf, type HistoryEntry } from './schemas';
import { DEFAULT_SLA_POLICY, addCalendarDays, computeDeadlines, isOverdue, resolveDueFrom, resumeDeadline, toMs, type SlaPolicy, type TimeInput } from './sla';

export { APPEAL_STATUSES, OPEN_STATUSES, STATUS_LABELS, isOpen, type AppealStatus } from './catalogue';

export type Actor = { id: string; role: ActorRole };

/** The action is not possible in the appeal's current state (HTTP 409). */
export class TransitionNotAllowed extends Conflict {
  constructor(
    message: string,
    readonly action?: AppealAction,
  ) {
    super('TRANSITION_NOT_ALLOWED', message);
  }
}

/** This role can never take this action on this appeal (HTTP 403). */
export class ActionForbidden extends Forbidden {
  constructor(
    message: string,
    readonly action?: AppealAction,
  ) {
    super(message, 'APPEAL_ACTION_FORBIDDEN');
  }
}

export type TransitionRule = {
  readonly roles: readonly ActorRole[];
  readonly from: readonly AppealStatus[];
  /** 'same' for actions that change flags but not the status. */
  readonly to: AppealStatus | 'same';
};

const HANDLERS = ['officer', 'chief'] as const;
const WORKING = ['accepted', 'in_progress'] as const;

export const TRANSITIONS: { readonly [A in AppealAction]: TransitionRule } = {
  accept: { roles: HANDLERS, from: ['submitted'], to: 'accepted' },
  start: { roles: HANDLERS, from: ['accepted'], to: 'in_progress' },
  request_info: { roles: HANDLERS, from: WORKING, to: 'awaiting_info' },
  provide_info: { roles: ['enterprise'], from: ['awaiting_info'], to: 'in_progress' },
  transfer: { roles: HANDLERS, from: WORKING, to: 'transferred' },
  record_feedback: { roles: HANDLERS, from: ['transferred'], to: 'in_progress' },
  escalate: { roles: ['officer', 'system'], from: OPEN_STATUSES, to: 'same' },
  reassign: { roles: ['chief', 'centre'], from: OPEN_STATUSES, to: 'same' },
  // Not from `transferred`: the department's feedback must be on record before the appeal can be closed off.
  resolve: { roles: HANDLERS, from: WORKING, to: 'resolved' },
  reopen: { roles: ['enterprise'], from: ['resolved'], to: 'in_progress' },
  // From `closed` only for the one extra rating after a rectification (guarded by whyCannotRate).
  rate: { roles: ['enterprise'], from: ['resolved', 'closed'], to: 'closed' },
  auto_close: { roles: ['system'], from: ['resolved'], to: 'closed' },
  // Not once transferred: another department is already working on it and must be told by the officer.
  withdraw: { roles: ['enterprise'], from: ['submitted', 'accepted', 'in_progress', 'awaiting_info'], to: 'withdrawn' },
  rectify: { roles: ['chief'], from: ['closed'], to: 'same' },
};

/** Side effects for the service to carry out (notifications, scheduling); the domain only names them. */
export type AppealEffect =
  | 'notify_enterprise'
  | 'notify_officer'
  | 'notify_previous_officer'
  | 'notify_chief'
  | 'notify_centre'
  | 'notify_department'
  | 'sla_paused'
  | 'sla_resumed'
  | 'deadline_reset'
  | 'schedule_auto_close'
  | 'rectification_required';

export type ActionResult = { next: Appeal; history: HistoryEntry; effects: AppealEffect[] };

// ---------------------------------------------------------------------------------------------------------

function statusRefusal(appeal: Appeal, action: AppealAction): string {
  const act = ACTION_LABELS[action];
  const s = appeal.status;
  switch (action) {
    case 'accept':
      return s === 'withdrawn' || s === 'closed' || s === 'resolved' ? `该诉求${STATUS_LABELS[s]}，不能再受理` : '该诉求已受理，无需重复受理';
    case 'start':
      if (s === 'submitted') return '请先受理该诉求';
      break;
    case 'provide_info':
      if (s !== 'closed' && s !== 'withdrawn' && s !== 'resolved') return '联络官没有要求补充材料，如需补充请直接发送消息';
      break;
    case 'record_feedback':
      if (s !== 'closed' && s !== 'withdrawn' && s !== 'resolved') return '该诉求没有转办给其他部门，无需登记反馈';
      break;
    case 'reopen':
      if (s === 'closed') return '该诉求已关闭，不能再申请重新办理，如有新问题请重新提交诉求';
      if (s !== 'withdrawn') return '该诉求尚未办结，无需申请重新办理';
      break;
    case 'rate':
      return whyCannotRate(appeal) ?? '诉求办结后才能评价';
    case 'rectify':
      return '只有收到不满意评价并已关闭的诉求才需要登记整改';
    case 'withdraw':
      if (s === 'transferred') return `该诉求已转办至${departmentLabel(appeal)}办理，不能撤回，如不再需要请联系联络官`;
      break;
  }
  switch (s) {
    case 'submitted':
      return `该诉求尚未受理，请先受理再${act}`;
    case 'awaiting_info':
      return `该诉求正在等待企业补充材料，暂不能${act}`;
    case 'transferred':
      return `该诉求已转办至${departmentLabel(appeal)}，请先登记部门反馈再${act}`;
    case 'resolved':
    case 'closed':
    case 'withdrawn':
      return `该诉求${STATUS_LABELS[s]}，不能再${act}`;
    default:
      return `该诉求当前为“${STATUS_LABELS[s]}”，不能${act}`;
  }
}

function departmentLabel(appeal: Appeal): string {
  return appeal.transferredTo ? DEPARTMENT_LABELS[appeal.transferredTo] : '其他部门';
}

/** Rules beyond role × status. Return the reason to refuse, or null. */
const GUARDS: Partial<Record<AppealAction, (appeal: Appeal, actor: Actor, now: number, policy: SlaPolicy) => string | null>> = {
  escalate: (appeal, actor, now) => {
    if (appeal.escalated) return '该诉求已上报所领导，无需重复上报';
    if (actor.role === 'system' && !isOverdue(appeal, now)) return '该诉求未超期，不需要自动上报';
    return null;
  },
  reopen: (appeal, _actor, now, policy) =>
    appeal.resolvedAt && now > addCalendarDays(appeal.resolvedAt, policy.reopenWithinDays).getTime() ? `办结已超过${policy.reopenWithinDays}天，不能申请重新办理，如有新问题请重新提交诉求` : null,
  rate: (appeal) => whyCannotRate(appeal),
  auto_close: (appeal, _actor, now, policy) => {
    const at = autoCloseTime(appeal, policy.autoCloseAfterDays);
    return at !== null && now < at.getTime() ? '企业评价期限未到，暂不能自动关闭' : null;
  },
  rectify: (appeal) => whyCannotRectify(appeal),
};

type Refusal = { forbidden: boolean; message: string };

// Returns a plain reason rather than an error so `allowedActions`, which refuses most actions, stays cheap.
function refusalReason(appeal: Appeal, action: AppealAction, actor: Actor, now: number, policy: SlaPolicy): Refusal | null {
  const rule = TRANSITIONS[action];
  // A complaint the centre handles (the chief is its subject): the centre takes the chief's part.
  const roles: readonly ActorRole[] = appeal.complaint?.handler === 'centre' && rule.roles.includes('chief') ? [...rule.roles, 'centre'] : rule.roles;
  if (!roles.includes(actor.role)) {
    return { forbidden: true, message: `只有${roles.map((r) => ACTOR_ROLE_LABELS[r]).join('或')}可以${ACTION_LABELS[action]}` };
  }
  if (actor.role === 'officer' && appeal.officerId !== actor.id) {
    return { forbidden: true, message: '该诉求不是由您负责，如需处理请联系所领导改派' };
  }
  if (!rule.from.includes(appeal.status)) return { forbidden: false, message: statusRefusal(appeal, action) };
  const reason = GUARDS[action]?.(appeal, actor, now, policy);
  return reason ? { forbidden: false, message: reason } : null;
}

/** Why `actor` may not take `action` now (ignoring the payload), or null if it may. */
export function refusal(appeal: Appeal, action: AppealAction, actor: Actor, now: TimeInput, policy: SlaPolicy = DEFAULT_SLA_POLICY): DomainError | null {
  const r = refusalReason(appeal, action, actor, toMs(now), policy);
  if (!r) return null;
  return r.forbidden ? new ActionForbidden(r.message, action) : new TransitionNotAllowed(r.message, action);
}

/** The actions `actor` may take now, in a stable order; the mini-program shows exactly these buttons. */
export function allowedActions(appeal: Appeal, actor: Actor, now: TimeInput, policy: SlaPolicy = DEFAULT_SLA_POLICY): AppealAction[] {
  const t = toMs(now);
  return APPEAL_ACTIONS.filter((a) => refusalReason(appeal, a, actor, t, policy) === null);
}

/** Messages stay possible until the appeal is finished for good, so questions after resolution still reach the officer. */
export function canPostMessage(appeal: Pick<Appeal, 'status'>): boolean {
  return appeal.status !== 'closed' && appeal.status !== 'withdrawn';
}

/**
 * Apply one action. Validates the body, checks the version, role, status and guards, and returns the next
 * appeal (version + 1), the history entry to append and the effects to carry out. Never mutates `appeal`.
 */
export function applyAction(appeal: Appeal, body: AppealActionBody | unknown, actor: Actor, now: TimeInput, policy: SlaPolicy = DEFAULT_SLA_POLICY): ActionResult {
  const action = parseOrThrow(AppealActionBody, body);
  if (action.version !== appeal.version) throw new VersionConflict('诉求');
  const refused = refusal(appeal, action.action, actor, now, policy);
  if (refused) throw refused;

  const at = new Date(toMs(now)).toISOString();
  const rule = TRANSITIONS[action.action];
  const to = rule.to === 'same' ? appeal.status : rule.to;
  const next: Appeal = { ...appeal, status: to, updatedAt: at, version: appeal.version + 1 };
  const history: HistoryEntry = { at, actorId: actor.id, actorRole: actor.role, action: action.action, from: appeal.status, to };
  const effects: AppealEffect[] = [];
  const chiefHandles = actor.role === 'chief' && rule.roles.includes('officer');
  if (chiefHandles && next.escalated) clearEscalation(next);

  switch (action.action) {
    case 'accept':
      next.acceptedAt = at;
      effects.push('notify_enterprise');
      break;
    case 'start':
      effects.push('notify_enterprise');
      break;
    case 'request_info':
      next.slaPausedAt = at;
      effects.push('notify_enterprise', 'sla_paused');
      break;
    case 'provide_info':
      resume(next, appeal, at, policy);
      effects.push('notify_officer', 'sla_resumed');
      break;
    case 'transfer':
      next.transferredTo = action.departmentId;
      next.transferredAt = at;
      next.transferNote = action.note;
      delete next.transferFeedback;
      history.departmentId = action.departmentId;
      effects.push('notify_enterprise', 'notify_department');
      break;
    case 'record_feedback':
      next.transferFeedback = action.note;
      if (appeal.transferredTo) history.departmentId = appeal.transferredTo;
      effects.push('notify_enterprise');
      break;
    case 'escalate':
      next.escalated = true;
      next.escalatedAt = at;
      next.escalatedFor = next.status === 'submitted' ? next.acceptDueAt : next.resolveDueAt;
      effects.push('notify_chief');
      break;
    case 'reassign':
      reassign(next, action, appeal, history, effects);
      break;
    case 'resolve':
      next.resolution = action.resolution;
      next.resolvedAt = at;
      next.autoCloseAt = addCalendarDays(at, policy.autoCloseAfterDays).toISOString();
      history.note = action.resolution;
      history.dueAt = appeal.resolveDueAt;
      effects.push('notify_enterprise', 'schedule_auto_close');
      break;
    case 'reopen':
      delete next.resolution;
      delete next.resolvedAt;
      delete next.autoCloseAt;
      next.reopenCount = appeal.reopenCount + 1;
      // A fresh deadline: the old one has usually passed, and the new work starts now.
      next.resolveDueAt = resolveDueFrom(appeal.type, appeal.urgency, at, policy);
      effects.push('notify_officer', 'deadline_reset');
      break;
    case 'rate':
      rate(next, action, appeal, at, history, effects);
      break;
    case 'auto_close':
      next.closedAt = at;
      next.closeReason = 'auto';
      break;
    case 'withdraw':
      if (appeal.slaPausedAt) {
        next.pausedMs = appeal.pausedMs + Math.max(0, toMs(at) - toMs(appeal.slaPausedAt));
        delete next.slaPausedAt;
      }
      next.withdrawnAt = at;
      effects.push('notify_officer');
      break;
    case 'rectify':
      next.rectification = 'done';
      next.rectificationNote = action.note;
      next.rectifiedAt = at;
      next.rectifiedBy = actor.id;
      effects.push('notify_enterprise');
      break;
  }
  if ('note' in action && action.note !== undefined && history.note === undefined) history.note = action.note;
  return { next, history, effects };
}

function clearEscalation(next: Appeal) {
  next.escalated = false;
  delete next.escalatedAt;
}

function resume(next: Appeal, appeal: Appeal, at: string, policy: SlaPolicy) {
  if (!appeal.slaPausedAt) return;
  const resumed = resumeDeadline({ ...appeal, slaPausedAt: appeal.slaPausedAt }, at, policy);
  next.resolveDueAt = resumed.resolveDueAt;
  next.pausedMs = appeal.pausedMs + resumed.pausedMs;
  delete next.slaPausedAt;
}

function reassign(next: Appeal, action: AppealActionOf<'reassign'>, appeal: Appeal, history: HistoryEntry, effects: AppealEffect[]) {
  if (action.targetOfficerId === appeal.officerId) {
    throw new TransitionNotAllowed('该诉求已由这位联络官负责，请选择其他联络官', 'reassign');
  }
  if (action.targetOfficerId === appeal.complaint?.subjectOfficerId) throw new TransitionNotAllowed(COMPLAINT_MESSAGES.reassignToSubject, 'reassign');
  next.officerId = action.targetOfficerId;
  clearEscalation(next);
  history.targetOfficerId = action.targetOfficerId;
  effects.push('notify_officer', 'notify_enterprise');
  if (appeal.officerId) effects.push('notify_previous_officer');
}

function rate(next: Appeal, action: AppealActionOf<'rate'>, appeal: Appeal, at: string, history: HistoryEntry, effects: AppealEffect[]) {
  const first = appeal.rateCount === 0;
  next.rating = action.rating;
  if (action.comment) next.ratingComment = action.comment;
  else delete next.ratingComment;
  next.ratedAt = at;
  next.rateCount = appeal.rateCount + 1;
  history.rating = action.rating;
  if (action.comment) history.note = action.comment;
  if (first) {
    next.firstRating = action.rating;
    next.closedAt = at;
    next.closeReason = 'rated';
  }
  effects.push('notify_officer');
  if (!isBadRating(action.rating)) return;
  if (first) {
    next.rectification = 'required';
    effects.push('notify_chief', 'rectification_required');
  } else {
    // Still unhappy after rectification: the centre looks at it; there is no third round.
    effects.push('notify_chief', 'notify_centre');
  }
}

// ---------------------------------------------------------------------------------------------------------

export type NewAppealInput = {
  id: string;
  enterpriseId: string;
  stationId: string;
  /** The enterprise's liaison officer, or null if the station has none available right now. */
  officerId: string | null;
  createdBy: string;
  body: CreateAppealBody | unknown;
  /** A complaint about police: routed by the service (`routeComplaint`); `officerId` is then its handler. */
  complaint?: Complaint;
};

/** A freshly submitted appeal (version 1) with its deadlines, and the creation history entry. */
export function createAppeal(input: NewAppealInput, now: TimeInput, policy: SlaPolicy = DEFAULT_SLA_POLICY): { appeal: Appeal; history: HistoryEntry; effects: AppealEffect[] } {
  const body = parseOrThrow(CreateAppealBody, input.body);
  const at = new Date(toMs(now)).toISOString();
  const deadlines = computeDeadlines(body.type, body.urgency, at, policy);
  const appeal: Appeal = {
    id: input.id,
    enterpriseId: input.enterpriseId,
    stationId: input.stationId,
    officerId: input.officerId,
    createdBy: input.createdBy,
    type: body.type,
    category: body.category as Appeal['category'],
    urgency: body.urgency,
    ...(body.grade !== undefined && { grade: body.grade }),
    title: body.title,
    description: body.description,
    ...(body.place && { place: body.place }),
    status: 'submitted',
    createdAt: at,
    updatedAt: at,
    ...deadlines,
    pausedMs: 0,
    escalated: false,
    reopenCount: 0,
    rateCount: 0,
    rectification: 'none',
    ...(input.complaint && { complaint: input.complaint }),
    version: 1,
  };
  const history: HistoryEntry = { at, actorId: input.createdBy, actorRole: 'enterprise', action: 'submit', from: null, to: 'submitted', ...(input.officerId && { targetOfficerId: input.officerId }) };
  const effects: AppealEffect[] = input.officerId ? ['notify_officer'] : [input.complaint?.handler === 'centre' ? 'notify_centre' : 'notify_chief'];
  return { appeal, history, effects };
}
