/** 扫码登录: the desktop console signs in by a ticket the phone confirms; the phone lists and ends those sessions. */
import { CONSOLE_ROLES } from '../../console/rules';
import { ConsoleSessionEnded, ConsoleSessions, ConsoleTicketCreated, ConsoleTicketPoll, ConsoleTicketRequest } from '../../console/schemas';
import { r, type GroupRoutes } from '../route-spec';

export const consoleRoutes = {
  createConsoleTicket: r({ method: 'POST', path: '/auth/console-tickets', group: 'auth', summary: '电脑端扫码登录：生成登录二维码（2分钟有效，按IP限频）', roles: 'public', response: ConsoleTicketCreated, status: 201 }),
  pollConsoleTicket: r({
    method: 'GET',
    path: '/auth/console-tickets/{ticketId}',
    group: 'auth',
    summary: '电脑端轮询扫码结果（须带 X-Ticket-Secret；确认后换取一次电脑端会话）',
    roles: 'public',
    response: ConsoleTicketPoll,
  }),
  getConsoleTicket: r({ method: 'GET', path: '/auth/console-tickets/{ticketId}/request', group: 'auth', summary: '手机端查看登录请求（浏览器、时间、IP）', roles: CONSOLE_ROLES, response: ConsoleTicketRequest }),
  confirmConsoleTicket: r({
    method: 'POST',
    path: '/auth/console-tickets/{ticketId}/confirm',
    group: 'auth',
    summary: '手机端确认在电脑上登录（仅民警与助企警务中心）',
    roles: CONSOLE_ROLES,
    response: ConsoleTicketRequest,
    idempotent: true,
  }),
  cancelConsoleTicket: r({ method: 'POST', path: '/auth/console-tickets/{ticketId}/cancel', group: 'auth', summary: '手机端取消电脑登录', roles: CONSOLE_ROLES, response: ConsoleTicketRequest, idempotent: true }),
  listConsoleSessions: r({ method: 'GET', path: '/me/console-sessions', group: 'auth', summary: '登录设备：我在电脑上的登录', roles: CONSOLE_ROLES, response: ConsoleSessions }),
  endConsoleSession: r({ method: 'DELETE', path: '/me/console-sessions/{sessionId}', group: 'auth', summary: '退出一台电脑的登录', roles: CONSOLE_ROLES, response: ConsoleSessionEnded }),
} satisfies GroupRoutes<'auth'>;
