/** Builders of appeals data (诉求) for the mini-program tests; each passes the shared response schemas. */
import type { Appeal, HistoryEntry } from '../../../shared/appeals/schemas';
import type { AppealMessage, AppealSummary, AppealView, StationDaySummary } from '../../../shared/appeals/views';
import { anOfficerCard } from './factories';

const AT = '2025-03-03T02:00:00.000Z';

export const anAppeal = (over: Partial<Appeal> = {}): Appeal => ({
  id: 'ap-1',
  enterpriseId: 'ent-1',
  stationId: 'st-chengguan',
  officerId: 'off-1',
  createdBy: 'user-1',
  type: 'dispute',
  category: 'obstruction',
  urgency: 'normal',
  grade: 1,
  title: '工地大门被堵无法施工',
  description: '十余名外来人员堵住工地大门，施工车辆无法进出。',
  status: 'submitted',
  createdAt: AT,
  updatedAt: AT,
  acceptDueAt: '2025-03-03T09:30:00.000Z',
  resolveDueAt: '2025-03-10T09:30:00.000Z',
  pausedMs: 0,
  escalated: false,
  reopenCount: 0,
  rateCount: 0,
  rectification: 'none',
  version: 1,
  ...over,
});

export const aHistoryEntry = (over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  at: AT,
  actorId: 'user-1',
  actorRole: 'enterprise',
  action: 'submit',
  from: null,
  to: 'submitted',
  ...over,
});

export const anAppealView = (over: Partial<AppealView> = {}, appeal: Partial<Appeal> = {}): AppealView => ({
  appeal: anAppeal(appeal),
  enterpriseName: '杭州示例科技有限公司',
  stationName: '城关派出所',
  officer: anOfficerCard(),
  history: [aHistoryEntry()],
  allowedActions: [],
  canMessage: true,
  ...over,
});

export const anAppealSummary = (over: Partial<AppealSummary> = {}): AppealSummary => ({
  id: 'ap-1',
  title: '工地大门被堵无法施工',
  type: 'dispute',
  category: 'obstruction',
  urgency: 'normal',
  grade: 1,
  status: 'submitted',
  enterpriseId: 'ent-1',
  enterpriseName: '杭州示例科技有限公司',
  stationId: 'st-chengguan',
  officerId: 'off-1',
  officerName: '李明',
  createdAt: AT,
  acceptDueAt: '2025-03-03T09:30:00.000Z',
  resolveDueAt: '2025-03-10T09:30:00.000Z',
  dueAt: '2025-03-03T09:30:00.000Z',
  escalated: false,
  rectification: 'none',
  ...over,
});

export const aMessage = (over: Partial<AppealMessage> = {}): AppealMessage => ({
  id: 'm-1',
  appealId: 'ap-1',
  authorId: 'user-2',
  authorRole: 'officer',
  authorName: '李明（助企警务联络官）',
  text: '您反映的情况已收到，联络官将尽快与您联系。',
  at: AT,
  ...over,
});

export const aDaySummary = (counts: Partial<StationDaySummary['counts']> = {}): StationDaySummary => ({
  stationId: 'st-chengguan',
  day: '2025-03-03',
  counts: { new: 0, due_today: 0, overdue: 0, escalated: 0, unassigned: 0, resolved_today: 0, awaiting_rating: 0, bad_ratings: 0, open: 0, ...counts },
  ratings: { rated: 0, satisfied: 0, bad: 0 },
});
