import { demoAccounts } from '../repositories/demo-repository';
import { httpHandler } from '../lib/http';
import { currentUser, demoLogin, loginWithWechat, logout, logoutEverywhere, refreshSession } from '../services/session-service';
import { redeemInvite } from '../services/invite-service';

export const handler = httpHandler({
  wechatLogin: ({ body, now }) => loginWithWechat(body.code, now),
  refresh: ({ body, now }) => refreshSession(body.refreshToken, now),
  logout: ({ body, now }) => logout(body.refreshToken, now),
  logoutEverywhere: ({ caller, now }) => logoutEverywhere(caller, now),
  // devOnly in the route registry: the wrapper answers 404 for these outside the dev stage.
  demoAccounts: async () => ({ items: await demoAccounts() }),
  demoLogin: ({ body }) => demoLogin(body.accountId),
  bindInvite: ({ caller, body, now }) => redeemInvite(caller, body.inviteCode, body.displayName, now),
  me: ({ caller }) => currentUser(caller),
});
