/**
 * The `auth` function: sign-in, invites, the current user, consent to the privacy guide and deleting the account
 * (注销), sessions (sessions.ts) and console sign-in (console.ts).
 */
import { ConsentBody, ConsentState } from '../../privacy/consent';
import { AccountDeleted, DeleteAccountQuery } from '../../privacy/rights';
import { BindInviteBody, DemoAccounts, DemoLoginBody, Me, RefreshBody, Session, WechatLoginBody } from '../../schemas/auth';
import { ALL, r, type GroupRoutes } from '../route-spec';
import { consoleRoutes } from './console';
import { sessionRoutes } from './sessions';

export const authRoutes = {
  wechatLogin: r({ method: 'POST', path: '/auth/wechat', group: 'auth', summary: '微信登录（wx.login 的 code 换取会话）', roles: 'public', body: WechatLoginBody, response: Session }),
  refresh: r({ method: 'POST', path: '/auth/refresh', group: 'auth', summary: '刷新会话', roles: 'public', body: RefreshBody, response: Session }),
  demoAccounts: r({ method: 'GET', path: '/auth/demo-accounts', group: 'auth', summary: '演示账号列表（仅开发环境）', roles: 'public', response: DemoAccounts, devOnly: true }),
  demoLogin: r({ method: 'POST', path: '/auth/demo', group: 'auth', summary: '以演示账号登录（仅开发环境）', roles: 'public', body: DemoLoginBody, response: Session, devOnly: true }),
  bindInvite: r({ method: 'POST', path: '/auth/bind', group: 'auth', summary: '用邀请码绑定民警账号或企业员工', roles: ['guest'], body: BindInviteBody, response: Session, idempotent: true, personalData: true }),
  me: r({ method: 'GET', path: '/me', group: 'auth', summary: '当前用户', roles: ALL, response: Me }),
  giveConsent: r({ method: 'POST', path: '/me/consent', group: 'auth', summary: '同意当前版本的隐私保护指引', roles: ALL, body: ConsentBody, response: ConsentState, idempotent: true }),
  deleteAccount: r({
    method: 'DELETE',
    path: '/me',
    group: 'auth',
    summary: '注销账号：删除或匿名化本人的个人信息，企业须保存的记录保留（匿名化），立即退出所有设备',
    roles: ['enterprise', 'guest'],
    query: DeleteAccountQuery,
    response: AccountDeleted,
  }),
  ...sessionRoutes,
  ...consoleRoutes,
} satisfies GroupRoutes<'auth'>;
