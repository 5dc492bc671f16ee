import { z } from 'zod';
import { Session } from '../schemas/auth';

/** POST /auth/console-tickets: what the desktop needs to show the code and poll. */
export const ConsoleTicketCreated = z.object({
  ticketId: z.string(),
  /** Sent back on every poll (header X-Ticket-Secret); only this browser knows it. */
  secret: z.string(),
  expiresAt: z.string(),
  pollIntervalMs: z.number().int(),
  /** The mini-program code to scan, as a data: URL (image/png). */
  qrImage: z.string(),
});
export type ConsoleTicketCreated = z.infer<typeof ConsoleTicketCreated>;

/** GET /auth/console-tickets/{id}: the desktop's poll. `signed-in` is answered once. */
export const ConsoleTicketPoll = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending'), expiresAt: z.string() }),
  z.object({ status: z.literal('expired') }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('signed-in'), session: Session, sessionExpiresAt: z.string() }),
]);
export type ConsoleTicketPoll = z.infer<typeof ConsoleTicketPoll>;

/** GET /auth/console-tickets/{id}/request: what the phone shows before 确认登录. */
export const ConsoleTicketRequest = z.object({
  ticketId: z.string(),
  status: z.enum(['pending', 'confirmed', 'consumed', 'cancelled', 'expired']),
  browser: z.string(),
  ip: z.string(),
  requestedAt: z.string(),
  expiresAt: z.string(),
});
export type ConsoleTicketRequest = z.infer<typeof ConsoleTicketRequest>;

/** 登录设备: a console session of the caller. */
export const ConsoleSession = z.object({
  sessionId: z.string(),
  browser: z.string(),
  ip: z.string(),
  signedInAt: z.string(),
  expiresAt: z.string(),
});
export type ConsoleSession = z.infer<typeof ConsoleSession>;
export const ConsoleSessions = z.object({ items: z.array(ConsoleSession) });
export const ConsoleSessionEnded = z.object({ sessionId: z.string(), ended: z.literal(true) });
