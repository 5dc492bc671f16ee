import type { Me } from '../../../shared/schemas/auth';
import type { ConsoleTicketCreated, ConsoleTicketPoll } from '../../../shared/console/schemas';
import { api } from './request';
import { saveSession } from './session';
import { restartAt } from './navigation';

/** 扫码登录 on the desktop: ask for a ticket (its QR code), then poll with the ticket's secret. */
export function requestConsoleTicket(): Promise<ConsoleTicketCreated> {
  return api('createConsoleTicket', { silent: true });
}

export function pollConsoleTicket(ticket: Pick<ConsoleTicketCreated, 'ticketId' | 'secret'>): Promise<ConsoleTicketPoll> {
  return api('pollConsoleTicket', { params: { ticketId: ticket.ticketId }, headers: { 'X-Ticket-Secret': ticket.secret }, silent: true });
}

/** Keep the console session and open where the role works: a chief's (or the centre's) queue, an officer's inbox. */
export function enterConsole(result: Extract<ConsoleTicketPoll, { status: 'signed-in' }>): Me {
  const { me } = saveSession(result.session);
  void restartAt(me.role === 'officer' ? 'officerInbox' : me.role === 'chief' || me.role === 'centre' ? 'stationQueue' : 'home');
  return me;
}
