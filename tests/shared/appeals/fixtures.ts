import type { AppealAction, AppealStatus, ActorRole } from '../../../shared/appeals/catalogue';
import type { Appeal } from '../../../shared/appeals/schemas';
import { createAppeal, type Actor } from '../../../shared/appeals/state-machine';

export const OFFICER = 'off-1';
export const OTHER_OFFICER = 'off-2';
export const CHIEF = 'chief-1';
export const SUBMITTED_AT = '2025-06-09T02:00:00.000Z'; // Monday 10:00 in Shanghai

export const actorFor = (role: ActorRole): Actor =>
  ({ enterprise: { id: 'user-1', role }, officer: { id: OFFICER, role }, chief: { id: CHIEF, role }, centre: { id: 'centre-1', role }, system: { id: 'system', role } })[role];

export function freshAppeal(overrides: Partial<Appeal> = {}): Appeal {
  const { appeal } = createAppeal(
    {
      id: 'ap-1',
      enterpriseId: 'ent-1',
      stationId: 'st-1',
      officerId: OFFICER,
      createdBy: 'user-1',
      body: { type: 'dispute', category: 'labour-wages', urgency: 'normal', grade: 1, title: '工人围堵厂门讨薪', description: '约二十名工人聚集在厂门口，要求结清上月工资。' },
    },
    SUBMITTED_AT,
  );
  return { ...appeal, ...overrides };
}

const RESOLVED_AT = '2025-06-10T06:00:00.000Z';

/**
 * An appeal in `status` that satisfies the guards of `action`, so a refusal can only come from the
 * role × status table.
 */
export function appealIn(status: AppealStatus, action?: AppealAction): Appeal {
  const a = freshAppeal({ status });
  if (status !== 'submitted') a.acceptedAt = '2025-06-09T03:00:00.000Z';
  if (status === 'awaiting_info') a.slaPausedAt = '2025-06-09T05:00:00.000Z';
  if (status === 'transferred') {
    a.transferredTo = 'human-resources';
    a.transferredAt = '2025-06-09T05:00:00.000Z';
    a.transferNote = '涉及欠薪，转人社劳动监察';
  }
  if (status === 'resolved' || status === 'closed') {
    a.resolution = '已组织双方调解，企业承诺三日内结清工资。';
    a.resolvedAt = RESOLVED_AT;
    if (status === 'resolved') a.autoCloseAt = '2025-06-17T06:00:00.000Z'; // 7 days, the default policy at resolution
  }
  if (status === 'closed') {
    a.closedAt = '2025-06-11T06:00:00.000Z';
    a.closeReason = 'rated';
    a.rating = 2;
    a.firstRating = 2;
    a.ratingComment = '处理太慢了，工人堵了一天';
    a.ratedAt = a.closedAt;
    a.rateCount = 1;
    a.rectification = action === 'rate' ? 'done' : 'required';
    if (action === 'rate') {
      a.rectificationNote = '已约谈联络官，建立欠薪预警联系机制。';
      a.rectifiedAt = '2025-06-12T06:00:00.000Z';
      a.rectifiedBy = CHIEF;
    }
  }
  if (status === 'withdrawn') a.withdrawnAt = '2025-06-09T05:00:00.000Z';
  // The scheduler escalates only overdue appeals; a paused one counts only if it was overdue when paused.
  if (action === 'escalate' && status === 'awaiting_info') a.slaPausedAt = '2025-06-17T02:00:00.000Z';
  return a;
}

/** A time at which the time-dependent guards of `action` pass for `appealIn(...)`. */
export function nowFor(action: AppealAction): string {
  switch (action) {
    case 'auto_close':
      return '2025-06-20T06:00:00.000Z'; // 10 days after resolution
    case 'escalate':
      return '2025-07-30T06:00:00.000Z'; // long overdue, so the scheduler may escalate
    default:
      return '2025-06-12T08:00:00.000Z'; // 2 days after resolution
  }
}

/** A valid body for `action` at `version`. */
export function bodyFor(action: AppealAction, version: number): Record<string, unknown> {
  const base = { action, version };
  switch (action) {
    case 'request_info':
      return { ...base, note: '请补充员工名单和工资表' };
    case 'provide_info':
      return { ...base, note: '已上传员工名单和近三个月工资表' };
    case 'transfer':
      return { ...base, departmentId: 'human-resources', note: '涉及欠薪，转人社劳动监察处理' };
    case 'record_feedback':
      return { ...base, note: '人社局已立案，责令企业限期支付' };
    case 'reassign':
      return { ...base, targetOfficerId: OTHER_OFFICER };
    case 'resolve':
      return { ...base, resolution: '已组织双方调解，企业已结清全部工资。' };
    case 'reopen':
      return { ...base, note: '工资只结了一半，还有人没拿到' };
    case 'rate':
      return { ...base, rating: 5 };
    case 'rectify':
      return { ...base, note: '已约谈联络官，建立欠薪预警联系机制。' };
    default:
      return base;
  }
}
