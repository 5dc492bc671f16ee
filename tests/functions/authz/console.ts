import { handler } from '../../../functions/handlers/auth';
import { consoleRepository, type TicketRecord } from '../../../functions/repositories/console-repository';
import type { AuthzModule } from './module';

/**
 * 扫码登录. Tickets belong to no station: any police or centre account may confirm a pending one (whoever
 * scanned it), but once confirmed it is the confirmer's alone, so the foreign ticket is one station B's chief
 * confirmed (A's callers get 404 on viewing, confirming or cancelling it). Console sessions live under their
 * user: the foreign session is B's chief's. Guests and enterprises are refused by role (403).
 */
export const consoleAuthz: AuthzModule = {
  handlers: { auth: handler },
  cases: {
    createConsoleTicket: 'public',
    pollConsoleTicket: 'public',
    getConsoleTicket: { params: (i) => ({ ticketId: String(i.ticketId) }) },
    confirmConsoleTicket: { params: (i) => ({ ticketId: String(i.ticketId) }) },
    cancelConsoleTicket: { params: (i) => ({ ticketId: String(i.ticketId) }) },
    listConsoleSessions: 'self',
    endConsoleSession: { params: (i) => ({ sessionId: String(i.sessionId) }) },
  },
  setup: async ({ b }) => {
    const now = new Date();
    const at = now.toISOString();
    const ticket: TicketRecord = {
      ticketId: 'authzTicketConfirmedByB0',
      status: 'pending',
      secretHash: 'x',
      ip: '203.0.113.9',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/120.0',
      browser: 'Chrome 120 · Windows',
      createdAt: at,
      expiresAt: new Date(now.getTime() + 3600_000).toISOString(),
      confirmedBy: null,
      confirmedAt: null,
      consumeBy: null,
      consumedAt: null,
      sessionId: null,
    };
    await consoleRepository.createTicket(ticket);
    const chiefB = b.principals.chief;
    await consoleRepository.confirmTicket(ticket.ticketId, { userId: chiefB.userId, role: 'chief', displayName: '乙所长' }, at, ticket.expiresAt);
    const sessionId = 'authzConsoleSessionOfB';
    await consoleRepository.consumeTicket(
      ticket,
      { sessionId, userId: chiefB.userId, role: 'chief', ticketId: ticket.ticketId, browser: ticket.browser, ip: ticket.ip, signedInAt: at, expiresAt: ticket.expiresAt },
      { id: `authz-${Date.now()}`, userId: chiefB.userId, event: 'console_sign_in', at, browser: ticket.browser, ip: ticket.ip, sessionId },
      at,
    );
    return { foreign: { ticketId: ticket.ticketId, sessionId }, colleagues: {} };
  },
};
