import { demoAccounts } from '../repositories/demo-repository';
import { authRoutes } from '../../shared/api/routes/auth';
import { httpHandler } from '../lib/http';
import { isConsoleRefreshToken } from '../lib/tokens';
import { currentUser, demoLogin, giveConsent, loginWithWechat, logout, logoutEverywhere, refreshSession } from '../services/session-service';
import { redeemInvite } from '../services/invite-service';
import { deleteAccount } from '../services/account-service';
import { cancelTicket, confirmTicket, createTicket, endConsoleSession, listConsoleSessions, pollTicket, refreshConsoleSession, ticketRequest } from '../services/console-service';

export const handler = httpHandler(authRoutes, {
  wechatLogin: ({ body, now }) => loginWithWechat(body.code, now, body.privacyVersion),
  // A console session's refresh token renews only within its 8 hours (扫码登录).
  refresh: ({ body, now }) => (isConsoleRefreshToken(body.refreshToken) ? refreshConsoleSession(body.refreshToken, now) : refreshSession(body.refreshToken, now)),
  logout: ({ body, now }) => logout(body.refreshToken, now),
  logoutEverywhere: ({ caller, now }) => logoutEverywhere(caller, now),
  // devOnly in the route registry: the wrapper answers 404 for these outside the dev stage.
  demoAccounts: async () => ({ items: await demoAccounts() }),
  demoLogin: ({ body }) => demoLogin(body.accountId),
  bindInvite: ({ caller, body, now }) => redeemInvite(caller, body.inviteCode, body.displayName, now),
  me: ({ caller }) => currentUser(caller),
  giveConsent: ({ caller, body, now }) => giveConsent(caller, body.version, now),
  deleteAccount: ({ caller, query, now }) => deleteAccount(caller, query.closeEnterprise === 'true', now),
  createConsoleTicket: ({ client, now }) => createTicket(client, now),
  pollConsoleTicket: ({ params, headers, now }) => pollTicket(params.ticketId, headers['x-ticket-secret'], now),
  getConsoleTicket: ({ caller, params, now }) => ticketRequest(caller, params.ticketId, now),
  confirmConsoleTicket: ({ caller, params, now }) => confirmTicket(caller, params.ticketId, now),
  cancelConsoleTicket: ({ caller, params, now }) => cancelTicket(caller, params.ticketId, now),
  listConsoleSessions: ({ caller, now }) => listConsoleSessions(caller, now),
  endConsoleSession: ({ caller, params, now }) => endConsoleSession(caller, params.sessionId, now),
});
