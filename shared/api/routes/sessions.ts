/** 登录会话: ending one's own sessions (functions/repositories/session-repository.ts); the centre's view of police sessions is officer-sessions.ts. */
import { z } from 'zod';
import { RefreshBody } from '../../schemas/auth';
import { Ok } from '../../schemas/common';
import { ALL, r, type GroupRoutes } from '../route-spec';

export const sessionRoutes = {
  logout: r({ method: 'POST', path: '/auth/logout', group: 'auth', summary: '退出登录（结束本设备的会话，刷新凭证随即失效）', roles: 'public', body: RefreshBody, response: Ok }),
  logoutEverywhere: r({ method: 'POST', path: '/auth/logout-all', group: 'auth', summary: '退出所有设备', roles: ALL, response: Ok.extend({ ended: z.number().int() }) }),
} satisfies GroupRoutes<'auth'>;
