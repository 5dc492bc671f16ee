/**
 * 谁查看了我的档案: every read of an enterprise's data by a police account leaves one access-log entry the
 * enterprise can see. Entries are append-only and expire (`ttl`) three years after the read, plus a margin
 * for DynamoDB's lazy deletion; readers also drop expired ones themselves.
 */
import { z } from 'zod';

/** What was read. */
export const ACCESS_KINDS = ['profile', 'file', 'members', 'appeals', 'appeal', 'visits', 'visit', 'plan', 'rectification', 'booking', 'list', 'contact'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];
export const ACCESS_KIND_LABELS: Record<AccessKind, string> = {
  profile: '企业信息',
  file: '一企一档',
  members: '企业成员',
  appeals: '诉求列表',
  appeal: '诉求详情',
  visits: '走访记录',
  visit: '走访详情',
  plan: '一企一策',
  rectification: '整改事项',
  booking: '预约详情',
  list: '企业列表（联系人已隐藏）',
  contact: '完整联系电话',
};

export const ACCESS_ROLES = ['officer', 'chief', 'centre'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];
export const ACCESS_ROLE_LABELS: Record<AccessRole, string> = { officer: '联络官', chief: '派出所所长', centre: '助企警务中心' };

/** Kept at least three years (PIPL audit), then deleted by the table's TTL. */
export const ACCESS_LOG_RETENTION_DAYS = 3 * 366;
/** DynamoDB deletes expired items up to ~48 h late; readers filter those themselves. */
export const ACCESS_LOG_TTL_MARGIN_DAYS = 7;

/** Epoch seconds after which the entry may go. */
export function accessLogTtl(at: string): number {
  return Math.floor(Date.parse(at) / 1000) + (ACCESS_LOG_RETENTION_DAYS + ACCESS_LOG_TTL_MARGIN_DAYS) * 86_400;
}

/** As stored: ids only, so recording a read is one put with nothing read first. */
export const AccessLogRecord = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  at: z.string(),
  actorRole: z.enum(ACCESS_ROLES),
  /** officerId (officer, chief) or adminId (centre). */
  actorId: z.string(),
  actorUserId: z.string(),
  /** The police side's unit: the station (officer, chief) or the centre. */
  stationId: z.string().optional(),
  centreId: z.string().optional(),
  what: z.enum(ACCESS_KINDS),
  /** The API route that served the read, e.g. `GET /enterprises/{enterpriseId}/file`. */
  route: z.string(),
  /** The record read, when it is not the enterprise itself (appeal, visit, booking id). */
  targetId: z.string().optional(),
});
export type AccessLogRecord = z.infer<typeof AccessLogRecord>;

/** As the enterprise reads it: names resolved at read time. */
export const AccessLogEntry = AccessLogRecord.extend({ actorName: z.string(), unitName: z.string(), whatLabel: z.string() });
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;
