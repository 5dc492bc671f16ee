/** The `officers` function: 联络官 accounts, leave, hand-over, deactivation, and their sessions (officer-sessions.ts). */
import { z } from 'zod';
import { PageQuery, pageOf } from '../../schemas/common';
import { Enterprise, HandOverEnterprisesBody, HandOverResult } from '../../schemas/enterprise';
import { CreateOfficerBody, Invite, Officer, OfficerCreated, SetLeaveBody } from '../../schemas/organisation';
import { MANAGERS, POLICE, r, type GroupRoutes } from '../route-spec';
import { officerSessionRoutes } from './officer-sessions';

export const DeactivateOfficerBody = z.object({ version: z.number({ error: '缺少版本号' }).int() });

export const officerRoutes = {
  createOfficer: r({ method: 'POST', path: '/officers', group: 'officers', summary: '新建联络官账号并生成邀请码', roles: MANAGERS, body: CreateOfficerBody, response: OfficerCreated, status: 201, idempotent: true }),
  getOfficer: r({ method: 'GET', path: '/officers/{officerId}', group: 'officers', summary: '联络官详情', roles: POLICE, response: Officer }),
  setOfficerLeave: r({ method: 'POST', path: '/officers/{officerId}/leave', group: 'officers', summary: '标记休假/返岗', roles: MANAGERS, body: SetLeaveBody, response: Officer, idempotent: true }),
  deactivateOfficer: r({
    method: 'POST',
    path: '/officers/{officerId}/deactivate',
    group: 'officers',
    summary: '民警离职：停用账号（须先移交企业），结束其全部登录并解除微信绑定',
    roles: MANAGERS,
    body: DeactivateOfficerBody,
    response: Officer,
    idempotent: true,
  }),
  reissueOfficerInvite: r({ method: 'POST', path: '/officers/{officerId}/invite', group: 'officers', summary: '重新生成绑定邀请码', roles: MANAGERS, response: Invite, status: 201, idempotent: true }),
  listOfficerEnterprises: r({ method: 'GET', path: '/officers/{officerId}/enterprises', group: 'officers', summary: '联络官负责的企业', roles: POLICE, query: PageQuery, response: pageOf(Enterprise) }),
  handOverEnterprises: r({
    method: 'POST',
    path: '/officers/{officerId}/hand-over',
    group: 'officers',
    summary: '联络官调离：名下企业全部移交',
    roles: MANAGERS,
    body: HandOverEnterprisesBody,
    response: HandOverResult,
    idempotent: true,
  }),
  ...officerSessionRoutes,
} satisfies GroupRoutes<'officers'>;
