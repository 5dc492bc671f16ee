import ExcelJS from 'exceljs';
import type { Principal } from '../../shared/domain/principal';
import { canSeeAppeal } from '../../shared/domain/access';
import { NotFound } from '../../shared/errors';
import type { ExportFile } from '../../shared/stats/schemas';
import { consentState } from '../../shared/privacy/consent';
import { PERSONAL_DATA_CATEGORIES } from '../../shared/privacy/guide';
import { shanghaiDate } from '../../shared/dates';
import { collectAll } from '../lib/dynamo';
import { EXPORT_LINK_TTL_SECONDS } from '../../shared/evidence/rules';
import { TIME_ZONE } from '../../shared/appeals/sla';
import dayjs from 'dayjs';
import { attachmentsForExport } from './attachment-export';
import { accessLogRepository } from '../repositories/access-log-repository';
import { appealRepository } from '../repositories/appeal-repository';
import { bookingRepository } from '../repositories/booking-repository';
import { enterpriseRepository } from '../repositories/enterprise-repository';
import { fieldworkRepository } from '../repositories/fieldwork-repository';
import { sessionRepository } from '../repositories/session-repository';
import { userRepository } from '../repositories/user-repository';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const all = <T>(fetch: (page: { cursor?: string; limit: number }) => Promise<{ items: T[]; nextCursor: string | null }>) => collectAll((cursor) => fetch({ cursor, limit: 100 }));

/**
 * 导出我的数据 (PIPL right of access and portability): everything the system holds about the member and the
 * enterprise, read with the Queries that serve the app (no Scan), as one JSON document or an xlsx workbook
 * with one sheet per section. Other members appear by role and date only (their names are theirs).
 */
export async function collectMyData(caller: Principal, now: Date) {
  if (caller.role !== 'enterprise') throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
  const eid = caller.enterpriseId;
  const [user, enterprise, history, members, sessions, appeals, bookings, visits, rectifications, accessLog] = await Promise.all([
    userRepository.get(caller.userId),
    enterpriseRepository.get(eid),
    all((p) => enterpriseRepository.listHistory(eid, p)),
    all((p) => enterpriseRepository.listMembers(eid, p)),
    sessionRepository.listOfUser(caller.userId),
    all((p) => appealRepository.listQueue(`ENT#${eid}#APPEALS`, p, { newestFirst: true })),
    all((p) => bookingRepository.listByEnterprise(eid, p)),
    all((p) => fieldworkRepository.listEnterpriseVisits(eid, p)),
    fieldworkRepository.allEnterpriseRectifications(eid),
    all((p) => accessLogRepository.list(eid, p, now)),
  ]);
  if (!user || !enterprise) throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
  const visible = appeals.filter((a) => canSeeAppeal(caller, a));
  const messages = (await Promise.all(visible.map((a) => all((p) => appealRepository.listMessages(a.id, p))))).flat();
  const files = await attachmentsForExport(caller, visible, new Map(messages.map((m) => [m.id, m.authorRole])), now);
  const linksExpireAt = new Date(now.getTime() + EXPORT_LINK_TTL_SECONDS * 1000);
  return {
    exportedAt: now.toISOString(),
    categories: PERSONAL_DATA_CATEGORIES.map((c) => c.name),
    account: { userId: user.userId, openid: user.openid, displayName: user.displayName, role: user.role, memberRole: user.memberRole, createdAt: user.createdAt, consent: consentState(user) },
    sessions: sessions.map(({ sessionId, kind, createdAt, lastUsedAt, revokedAt }) => ({ sessionId, kind, createdAt, lastUsedAt, revokedAt: revokedAt ?? null })),
    enterprise,
    enterpriseHistory: history,
    members: members.map((m) => ({ memberRole: m.memberRole, joinedAt: m.joinedAt, displayName: m.userId === user.userId ? m.displayName : null, you: m.userId === user.userId })),
    appeals: visible,
    messages,
    attachments: files,
    attachmentLinks: {
      expiresAt: linksExpireAt.toISOString(),
      note: `附件链接为临时下载地址，有效期${EXPORT_LINK_TTL_SECONDS / 3600}小时（至${dayjs(linksExpireAt).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm')}），过期后请重新导出。`,
    },
    bookings,
    visits,
    rectifications,
    accessLog,
  };
}

type Cell = string | number | boolean | null;
const flat = (row: Record<string, unknown>): Record<string, Cell> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : (v as Cell)]));

export async function exportMyData(caller: Principal, format: 'json' | 'xlsx', now: Date): Promise<ExportFile> {
  const data = await collectMyData(caller, now);
  const day = shanghaiDate(now);
  const rows = {
    appeals: data.appeals.length,
    messages: data.messages.length,
    attachments: data.attachments.length,
    bookings: data.bookings.length,
    visits: data.visits.length,
    rectifications: data.rectifications.length,
    accessLog: data.accessLog.length,
  };
  if (format === 'json') {
    const buffer = Buffer.from(JSON.stringify(data, null, 2), 'utf8');
    return { filename: `我的数据_${day}.json`, contentType: 'application/json', size: buffer.length, rows, base64: buffer.toString('base64') };
  }
  const book = new ExcelJS.Workbook();
  const sheets: [string, Record<string, unknown>[]][] = [
    ['账号', [data.account]],
    ['登录设备', data.sessions],
    ['企业信息', [data.enterprise]],
    ['企业信息变更', data.enterpriseHistory],
    ['企业成员', data.members],
    ['诉求', data.appeals],
    ['留言', data.messages],
    ['附件', [...data.attachments, ...(data.attachments.length > 0 ? [{ id: data.attachmentLinks.note }] : [])]],
    ['预约', data.bookings],
    ['走访', data.visits],
    ['整改', data.rectifications],
    ['查看记录', data.accessLog],
  ];
  for (const [name, list] of sheets) {
    const ws = book.addWorksheet(name);
    const cells = list.map((r) => flat(r));
    const headers = [...new Set(cells.flatMap((r) => Object.keys(r)))];
    ws.columns = headers.map((h) => ({ header: h, key: h, width: 18 }));
    for (const r of cells) ws.addRow(r);
  }
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return { filename: `我的数据_${day}.xlsx`, contentType: XLSX, size: buffer.length, rows, base64: buffer.toString('base64') };
}
