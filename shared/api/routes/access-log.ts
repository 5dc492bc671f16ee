/**
 * 谁查看了我的档案: the police reads of an enterprise's data (shared/audit/access-log.ts), and the one way to
 * the full contact number, which lists mask (shared/domain/masking.ts).
 */
import { z } from 'zod';
import { AccessLogEntry } from '../../audit/access-log';
import { PageQuery, pageOf } from '../../schemas/common';
import { POLICE, r, type GroupRoutes } from '../route-spec';

export const RevealedContact = z.object({ enterpriseId: z.string(), contactName: z.string(), contactMobile: z.string() });

export const accessLogRoutes = {
  enterpriseAccessLog: r({
    method: 'GET',
    path: '/enterprises/{enterpriseId}/access-log',
    group: 'enterprises',
    summary: '谁查看了我的档案：民警查看本企业信息的记录（最新在前，保存3年）',
    roles: ['enterprise', 'centre'],
    query: PageQuery,
    response: pageOf(AccessLogEntry),
  }),
  revealEnterpriseContact: r({
    method: 'POST',
    path: '/enterprises/{enterpriseId}/contact/reveal',
    group: 'enterprises',
    summary: '查看企业联系人完整手机号（拨打/查看时调用，记入查看记录）',
    roles: POLICE,
    response: RevealedContact,
  }),
} satisfies GroupRoutes<'enterprises'>;
