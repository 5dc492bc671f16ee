import { z } from 'zod';
import { AttachmentView } from '../evidence/schemas';
import { APPEAL_ACTIONS, APPEAL_STATUSES, APPEAL_TYPES, URGENCIES } from './catalogue';
import { Appeal, HistoryEntry } from './schemas';
import { Complaint } from './complaints';
import { CENTRE_VIEWS, ENTERPRISE_GROUPS, STATION_VIEWS } from './queues';
import { Cursor, PageLimit } from '../schemas/common';
import { OfficerCard } from '../schemas/organisation';

/** One row of any queue: enough to render a list item without fetching the appeal. */
export const AppealSummary = z.object({
  id: z.string(),
  title: z.string(),
  type: z.enum(APPEAL_TYPES),
  category: z.string(),
  urgency: z.enum(URGENCIES),
  grade: z.number().int().optional(),
  status: z.enum(APPEAL_STATUSES),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  stationId: z.string(),
  officerId: z.string().nullable(),
  officerName: z.string().nullable(),
  createdAt: z.string(),
  acceptDueAt: z.string(),
  resolveDueAt: z.string(),
  dueAt: z.string(),
  escalated: z.boolean(),
  resolvedAt: z.string().optional(),
  rating: z.number().int().optional(),
  ratingComment: z.string().optional(),
  rectification: z.enum(['none', 'required', 'done']),
  /** Complaints about police only; list readers filter with `canSeeAppeal` on it. */
  complaint: Complaint.optional(),
  /** Files linked to the appeal and its messages (the appeal's `attachmentCount`); absent: none. */
  attachmentCount: z.number().int().min(0).optional(),
});
export type AppealSummary = z.infer<typeof AppealSummary>;

export const AppealView = z.object({
  appeal: Appeal,
  enterpriseName: z.string(),
  stationName: z.string(),
  officer: OfficerCard.nullable(),
  history: z.array(HistoryEntry),
  allowedActions: z.array(z.enum(APPEAL_ACTIONS)),
  canMessage: z.boolean(),
  /** 证据材料 filed with the appeal (the caller's own 待审核 files included, others' only once passed). */
  attachments: z.array(AttachmentView).optional(),
  /** To the author of held text only (the others see the placeholder in its place). */
  heldNote: z.string().optional(),
});
export type AppealView = z.infer<typeof AppealView>;

export const AppealMessage = z.object({
  id: z.string(),
  appealId: z.string(),
  authorId: z.string(),
  authorRole: z.enum(['enterprise', 'officer', 'chief', 'centre']),
  authorName: z.string(),
  text: z.string(),
  at: z.string(),
  attachments: z.array(AttachmentView).optional(),
  /** `text` when WeChat judged it risky on the later check: the others see the placeholder, the author a note. */
  heldFields: z.array(z.literal('text')).optional(),
  heldAt: z.string().optional(),
  heldNote: z.string().optional(),
});
export type AppealMessage = z.infer<typeof AppealMessage>;

export const EnterpriseAppealsQuery = z.object({
  group: z.enum(ENTERPRISE_GROUPS, { error: '筛选条件应为 open、resolved 或 done' }).optional(),
  cursor: Cursor,
  limit: PageLimit,
});
export const StationQueueQuery = z.object({
  view: z.enum(STATION_VIEWS, { error: '请选择队列：new、due_today、overdue、escalated、unassigned、resolved_today、awaiting_rating、bad_ratings 或 open' }),
  cursor: Cursor,
  limit: PageLimit,
});
export const CentreQueueQuery = z.object({
  view: z.enum(CENTRE_VIEWS, { error: '请选择队列：open、overdue 或 grade3' }),
  cursor: Cursor,
  limit: PageLimit,
});

export const StationDaySummary = z.object({
  stationId: z.string(),
  day: z.string(),
  counts: z.record(z.enum(STATION_VIEWS), z.number().int()),
  /** Ratings given on cases resolved today. */
  ratings: z.object({ rated: z.number().int(), satisfied: z.number().int(), bad: z.number().int() }),
});
export type StationDaySummary = z.infer<typeof StationDaySummary>;

/** The chief's week: new vs resolved per day and the share resolved within the deadline. */
export const StationWeek = z.object({
  stationId: z.string(),
  days: z.array(z.object({ day: z.string(), created: z.number().int(), resolved: z.number().int(), resolvedOnTime: z.number().int() })),
  /** Share of the week's resolved cases resolved by their deadline; null when none were resolved. */
  onTimeRate: z.number().nullable(),
});
export type StationWeek = z.infer<typeof StationWeek>;
