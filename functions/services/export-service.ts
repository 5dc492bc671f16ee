/**
 * Exports (导出) for the chief and the centre:
 *  - the station's ledger (台账) of a period as .xlsx — 诉求台账, 走访台账, 整改台账 — with Chinese headers,
 *    frozen header row and column widths; appeals are read day by day from the STATION#<sid>#NEW#<day>
 *    queues (the summaries hold every column, 附件数 included: the count kept on the appeal and its queue
 *    entries when files are linked), so the cost is one Query per day and no file is read; a visit's 附件数
 *    is the length of the ids its item carries;
 *  - the quarterly risk report (两书一单: 提示书, 意见建议书, 风险预警单) as .docx.
 * Both are answered as JSON { filename, contentType, size, base64 }: the same response works through the
 * H5 fetch (Blob + <a download>) and wx.request (write the bytes to the user data path and openDocument),
 * with no S3 bucket or signed URL to manage; the period cap (93 days) keeps a file well under API Gateway's
 * 10 MB (a district station's month is tens of KB).
 */
// exceljs and docx are loaded when an export runs, not with the function: they are two thirds of the reports
// bundle, and every other route of the function (statistics) would pay their evaluation at cold start.
import type ExcelJS from 'exceljs';
import type { Paragraph, Table } from 'docx';

type Docx = typeof import('docx');
const loadExcel = async () => (await import('exceljs')).default;
const loadDocx = (): Promise<Docx> => import('docx');
import type { Principal } from '../../shared/domain/principal';
import { canManageStation } from '../../shared/domain/access';
import { NotFound } from '../../shared/errors';
import { APPEAL_TYPE_LABELS, DISPUTE_GRADE_LABELS, RATING_LABELS, STATUS_LABELS, categoryLabel, isOpen, type DisputeGrade, type RatingLevel } from '../../shared/appeals/catalogue';
import type { AppealSummary } from '../../shared/appeals/views';
import { isOnTime } from '../../shared/stats/counters';
import { daysOf, quarterLabel, quarterPeriod, type Period } from '../../shared/stats/period';
import type { ExportFile } from '../../shared/stats/schemas';
import type { Station } from '../../shared/schemas/organisation';
import { TIME_ZONE } from '../../shared/appeals/sla';
import { collectAll } from '../lib/dynamo';
import { appealRepository } from '../repositories/appeal-repository';
import { organisationRepository } from '../repositories/organisation-repository';
import { fieldwork, type FieldRectification, type FieldVisit } from './stats-service';
import dayjs from 'dayjs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function visibleStation(caller: Principal, stationId: string): Promise<Station> {
  if (!canManageStation(caller, stationId)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  const station = await organisationRepository.getStation(stationId);
  if (!station) throw new NotFound('派出所', 'STATION_NOT_FOUND');
  return station;
}

const time = (iso?: string | null) => (iso ? dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm') : '');

/** Appeals filed in the period, oldest first: one Query per day on the station's NEW#<day> queue. */
export async function appealsFiledIn(stationId: string, p: Period): Promise<AppealSummary[]> {
  const perDay = await Promise.all(daysOf(p).map((day) => collectAll((cursor) => appealRepository.listQueue(`STATION#${stationId}#NEW#${day}`, { cursor, limit: 100 }))));
  return perDay.flat();
}

type Column = { header: string; key: string; width: number };

function sheet(book: ExcelJS.Workbook, name: string, columns: Column[], rows: Record<string, unknown>[]) {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  for (const r of rows) ws.addRow(r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

export async function ledgerWorkbook(station: Station, p: Period): Promise<{ buffer: Buffer; rows: Record<string, number> }> {
  const [appeals, visits, rects] = await Promise.all([appealsFiledIn(station.id, p), fieldwork.visits(station.id, p), fieldwork.rectifications(station.id, p)]);
  const book = new (await loadExcel()).Workbook();
  book.creator = '助企直通车';
  book.created = new Date(0);
  sheet(
    book,
    '诉求台账',
    [
      { header: '编号', key: 'id', width: 28 },
      { header: '企业', key: 'enterprise', width: 30 },
      { header: '类型', key: 'type', width: 10 },
      { header: '类别', key: 'category', width: 16 },
      { header: '标题', key: 'title', width: 36 },
      { header: '提交时间', key: 'createdAt', width: 18 },
      { header: '联络官', key: 'officer', width: 10 },
      { header: '状态', key: 'status', width: 10 },
      { header: '办结时间', key: 'resolvedAt', width: 18 },
      { header: '是否按时', key: 'onTime', width: 10 },
      { header: '评价', key: 'rating', width: 12 },
      { header: '附件数', key: 'files', width: 8 },
    ],
    appeals.map((a) => ({
      id: a.id,
      enterprise: a.enterpriseName,
      type: APPEAL_TYPE_LABELS[a.type] + (a.grade ? `（${DISPUTE_GRADE_LABELS[a.grade as DisputeGrade]}）` : ''),
      category: categoryLabel(a.type, a.category),
      title: a.title,
      createdAt: time(a.createdAt),
      officer: a.officerName ?? '待分配',
      status: STATUS_LABELS[a.status],
      resolvedAt: time(a.resolvedAt),
      onTime: a.resolvedAt ? (isOnTime(a) ? '是' : '否') : '',
      rating: a.rating ? RATING_LABELS[a.rating as RatingLevel] : '',
      files: a.attachmentCount ?? 0,
    })),
  );
  sheet(
    book,
    '走访台账',
    [
      { header: '编号', key: 'id', width: 28 },
      { header: '企业', key: 'enterprise', width: 30 },
      { header: '走访民警', key: 'officer', width: 10 },
      { header: '走访时间', key: 'at', width: 18 },
      { header: '走访情况', key: 'summary', width: 40 },
      { header: '发现问题', key: 'problems', width: 40 },
      { header: '附件数', key: 'files', width: 8 },
    ],
    visits.map((v: FieldVisit) => ({
      id: v.id,
      enterprise: v.enterpriseName ?? v.enterpriseId,
      officer: v.officerName ?? v.officerId,
      at: time(v.at),
      summary: v.summary ?? '',
      problems: (v.problems ?? []).join('；'),
      files: v.attachmentCount,
    })),
  );
  sheet(
    book,
    '整改台账',
    [
      { header: '编号', key: 'id', width: 28 },
      { header: '企业', key: 'enterprise', width: 30 },
      { header: '整改事项', key: 'title', width: 36 },
      { header: '责任民警', key: 'officer', width: 10 },
      { header: '下发时间', key: 'openedAt', width: 18 },
      { header: '整改期限', key: 'dueAt', width: 18 },
      { header: '完成时间', key: 'closedAt', width: 18 },
      { header: '状态', key: 'status', width: 10 },
      { header: '是否按期', key: 'onTime', width: 10 },
    ],
    rects.map((r: FieldRectification) => ({
      id: r.id,
      enterprise: r.enterpriseName ?? r.enterpriseId,
      title: r.title,
      officer: r.officerName ?? r.officerId,
      openedAt: time(r.openedAt),
      dueAt: r.dueAt ?? '',
      closedAt: time(r.closedAt),
      status: r.status,
      onTime: r.closedAt ? (r.onTime ? '是' : '否') : '',
    })),
  );
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return { buffer, rows: { 诉求台账: appeals.length, 走访台账: visits.length, 整改台账: rects.length } };
}

export async function exportLedger(caller: Principal, stationId: string, p: Period): Promise<ExportFile> {
  const station = await visibleStation(caller, stationId);
  const { buffer, rows } = await ledgerWorkbook(station, p);
  return { filename: `${station.name}台账_${p.from}至${p.to}.xlsx`, contentType: XLSX, size: buffer.length, rows, base64: buffer.toString('base64') };
}

// ---- 两书一单 ------------------------------------------------------------------------------------------

/** The document's building blocks, over the docx module loaded for this export. */
function docxParts(d: Docx) {
  const para = (text: string, opts: { bold?: boolean; size?: number } = {}) => new d.Paragraph({ children: [new d.TextRun({ text, bold: opts.bold ?? false, size: opts.size ?? 24 })] });
  const heading = (text: string) => new d.Paragraph({ text, heading: d.HeadingLevel.HEADING_1, alignment: d.AlignmentType.CENTER, pageBreakBefore: false });
  const cell = (text: string, bold = false) => new d.TableCell({ children: [new d.Paragraph({ children: [new d.TextRun({ text, bold, size: 21 })] })] });
  const table = (headers: string[], rows: string[][]): Table | Paragraph => {
    if (rows.length === 0) return para('（本季度无）');
    return new d.Table({
      width: { size: 100, type: d.WidthType.PERCENTAGE },
      rows: [new d.TableRow({ children: headers.map((h) => cell(h, true)), tableHeader: true }), ...rows.map((r) => new d.TableRow({ children: r.map((c) => cell(c)) }))],
    });
  };
  return { para, heading, table };
}

export async function riskReportDocument(station: Station, quarter: string, now: Date): Promise<{ buffer: Buffer; rows: Record<string, number> }> {
  const p = quarterPeriod(quarter);
  const [appeals, visits, rects] = await Promise.all([appealsFiledIn(station.id, p), fieldwork.visits(station.id, p), fieldwork.rectifications(station.id, p)]);
  const disputes = appeals.filter((a) => a.type === 'dispute');
  const suggestions = appeals.filter((a) => a.type === 'suggestion');
  const byCategory = new Map<string, number>();
  for (const d of disputes) byCategory.set(categoryLabel(d.type, d.category), (byCategory.get(categoryLabel(d.type, d.category)) ?? 0) + 1);
  const problems = visits.flatMap((v) => (v.problems ?? []).map((pr) => [v.enterpriseName ?? v.enterpriseId, time(v.at), pr]));
  const openRisks = [
    ...disputes.filter((d) => isOpen(d.status)).map((d) => ['矛盾纠纷', d.enterpriseName, d.title, d.grade ? DISPUTE_GRADE_LABELS[d.grade as DisputeGrade] : '', time(d.dueAt)]),
    ...rects.filter((r) => !r.closedAt).map((r) => ['整改事项', r.enterpriseName ?? r.enterpriseId, r.title, r.dueAt && Date.parse(r.dueAt) < now.getTime() ? '已逾期' : '整改中', time(r.dueAt)]),
  ];
  const title = `${station.name} ${quarterLabel(quarter)}`;
  const d = await loadDocx();
  const { para, heading, table } = docxParts(d);
  const doc = new d.Document({
    creator: '助企直通车',
    title: `${title} 两书一单`,
    styles: { default: { document: { run: { font: 'SimSun' } } } },
    sections: [
      {
        children: [
          heading('涉企风险提示书'),
          para(`${title}（${p.from} 至 ${p.to}）`, { bold: true }),
          para(`本季度走访企业 ${visits.length} 次，受理矛盾纠纷 ${disputes.length} 件，发现问题 ${problems.length} 项。现将发现的风险提示如下，请相关企业对照排查、及时整改。`),
          para('一、矛盾纠纷按类别', { bold: true }),
          table(
            ['类别', '件数'],
            [...byCategory].map(([k, n]) => [k, String(n)]),
          ),
          para('二、走访发现的问题', { bold: true }),
          table(['企业', '走访时间', '问题'], problems),
        ],
      },
      {
        children: [
          heading('意见建议书'),
          para(`${title}：收到企业意见建议 ${suggestions.length} 条，已答复 ${suggestions.filter((s) => s.resolvedAt).length} 条。`),
          table(
            ['企业', '意见建议', '提交时间', '状态'],
            suggestions.map((s) => [s.enterpriseName, s.title, time(s.createdAt), STATUS_LABELS[s.status]]),
          ),
        ],
      },
      {
        children: [
          heading('风险预警单'),
          para(`${title}：截至 ${time(now.toISOString())}，尚未化解的风险 ${openRisks.length} 项。请责任民警跟进，逾期事项报所领导督办。`),
          table(['类型', '企业', '事项', '等级/状态', '期限'], openRisks),
          para(`${station.name}（盖章）    ${dayjs(now).tz(TIME_ZONE).format('YYYY年M月D日')}`),
        ],
      },
    ],
  });
  const buffer = await d.Packer.toBuffer(doc);
  return { buffer, rows: { 提示书: problems.length + byCategory.size, 意见建议书: suggestions.length, 风险预警单: openRisks.length } };
}

export async function exportRiskReport(caller: Principal, stationId: string, quarter: string, now: Date): Promise<ExportFile> {
  const station = await visibleStation(caller, stationId);
  const { buffer, rows } = await riskReportDocument(station, quarter, now);
  return { filename: `${station.name}${quarterLabel(quarter)}两书一单.docx`, contentType: DOCX, size: buffer.length, rows, base64: buffer.toString('base64') };
}
