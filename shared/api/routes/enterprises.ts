/** The `enterprises` function: registration, profile and its corrections, 一企一档, members, and the access log (access-log.ts). */
import { EnterpriseHistoryEntry, UpdateEnterpriseBody } from '../../privacy/rights';
import { Session } from '../../schemas/auth';
import { PageQuery, pageOf } from '../../schemas/common';
import { Enterprise, EnterpriseCreated, EnterpriseFile, EnterpriseFileQuery, EnterpriseMember, ReassignEnterpriseBody, RegisterEnterpriseBody } from '../../schemas/enterprise';
import { Invite } from '../../schemas/organisation';
import { MANAGERS, SEES_ENTERPRISE, r, type GroupRoutes } from '../route-spec';
import { accessLogRoutes } from './access-log';

export const enterpriseRoutes = {
  registerEnterprise: r({
    method: 'POST',
    path: '/enterprises',
    group: 'enterprises',
    summary: '企业注册（自动分配联络官）',
    roles: ['guest'],
    body: RegisterEnterpriseBody,
    response: EnterpriseCreated.extend({ session: Session }),
    status: 201,
    idempotent: true,
    personalData: true,
  }),
  getEnterprise: r({ method: 'GET', path: '/enterprises/{enterpriseId}', group: 'enterprises', summary: '企业信息', roles: SEES_ENTERPRISE, response: Enterprise }),
  updateEnterprise: r({
    method: 'PATCH',
    path: '/enterprises/{enterpriseId}',
    group: 'enterprises',
    summary: '更正企业信息（企业名称仅限管理员；统一社会信用代码不可修改；按版本号防并发）',
    roles: ['enterprise'],
    body: UpdateEnterpriseBody,
    response: Enterprise,
    personalData: true,
  }),
  enterpriseHistory: r({
    method: 'GET',
    path: '/enterprises/{enterpriseId}/history',
    group: 'enterprises',
    summary: '企业信息变更记录（最新在前）',
    roles: SEES_ENTERPRISE,
    query: PageQuery,
    response: pageOf(EnterpriseHistoryEntry),
  }),
  getEnterpriseFile: r({
    method: 'GET',
    path: '/enterprises/{enterpriseId}/file',
    group: 'enterprises',
    summary: '一企一档（sections=none 时只含企业、联络官与派出所）',
    roles: SEES_ENTERPRISE,
    query: EnterpriseFileQuery,
    response: EnterpriseFile,
  }),
  reassignEnterprise: r({
    method: 'POST',
    path: '/enterprises/{enterpriseId}/reassign',
    group: 'enterprises',
    summary: '更换联络官',
    roles: MANAGERS,
    body: ReassignEnterpriseBody,
    response: Enterprise,
    idempotent: true,
  }),
  listEnterpriseMembers: r({ method: 'GET', path: '/enterprises/{enterpriseId}/members', group: 'enterprises', summary: '企业成员', roles: SEES_ENTERPRISE, query: PageQuery, response: pageOf(EnterpriseMember) }),
  inviteEnterpriseStaff: r({ method: 'POST', path: '/enterprises/{enterpriseId}/invites', group: 'enterprises', summary: '邀请企业员工', roles: ['enterprise'], response: Invite, status: 201, idempotent: true }),
  ...accessLogRoutes,
} satisfies GroupRoutes<'enterprises'>;
