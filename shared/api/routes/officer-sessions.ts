/** 助企警务中心 over police sessions (functions/repositories/session-repository.ts): served by the `officers` function. */
import { z } from 'zod';
import { Ok } from '../../schemas/common';
import { r, type GroupRoutes } from '../route-spec';

export const SessionView = z.object({
  sessionId: z.string(),
  kind: z.enum(['app', 'console']),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  revokedAt: z.string().optional(),
  revokedReason: z.string().optional(),
});
export const EndSessionsBody = z.object({ sessionId: z.string().trim().min(1, '会话编号不能为空').max(64, '会话编号过长').optional() }, { error: '请求内容格式不正确' });

export const officerSessionRoutes = {
  listOfficerSessions: r({
    method: 'GET',
    path: '/officers/{officerId}/sessions',
    group: 'officers',
    summary: '助企警务中心：查看民警账号的登录会话',
    roles: ['centre'],
    response: z.object({ items: z.array(SessionView) }),
  }),
  endOfficerSessions: r({
    method: 'POST',
    path: '/officers/{officerId}/sessions/end',
    group: 'officers',
    summary: '助企警务中心：结束民警账号的某个或全部会话',
    roles: ['centre'],
    body: EndSessionsBody,
    response: Ok.extend({ ended: z.number().int() }),
  }),
} satisfies GroupRoutes<'officers'>;
