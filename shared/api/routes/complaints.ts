/** 投诉民警 · 督察: the centre's view of every complaint about police (filed through POST /appeals). */
import { z } from 'zod';
import { ComplaintCounts } from '../../appeals/complaints';
import { AppealSummary } from '../../appeals/views';
import { Cursor, PageLimit, pageOf } from '../../schemas/common';
import { r, type GroupRoutes } from '../route-spec';

export const ComplaintListQuery = z.object({
  stationId: z.string().trim().min(1, '派出所编号不能为空').max(64, '派出所编号过长').optional(),
  /** With a station: only those still open, nearest deadline first. */
  open: z.enum(['true', 'false'], { error: 'open 应为 true 或 false' }).optional(),
  cursor: Cursor,
  limit: PageLimit,
});

export const complaintRoutes = {
  centreComplaints: r({
    method: 'GET',
    path: '/centre/complaints',
    group: 'appeals',
    summary: '督察：全部投诉民警（可按派出所、在办筛选）',
    roles: ['centre'],
    query: ComplaintListQuery,
    response: pageOf(AppealSummary),
  }),
  centreComplaintCounts: r({ method: 'GET', path: '/centre/complaints/counts', group: 'appeals', summary: '督察：各派出所投诉件数（全部与在办）', roles: ['centre'], response: ComplaintCounts }),
} satisfies GroupRoutes<'appeals'>;
