import Taro from '@tarojs/taro';
import type { Me } from '../../../shared/schemas/auth';
import { isWeapp } from './config';
import { PRIVACY_GUIDE_VERSION } from '../../../shared/privacy/consent';
import { api } from './request';
import { agreedPrivacyVersion, clearSession, getDeviceId, getSession, randomToken, saveSession, updateMe } from './session';

/** A one-time login code: wx.login's on weapp; `h5.<deviceId>.<nonce>` for the local fake WeChat on H5. */
export async function obtainLoginCode(): Promise<string> {
  if (isWeapp()) {
    const { code } = await Taro.login();
    if (!code) throw new Error('微信登录失败，请稍后重试');
    return code;
  }
  return `h5.${getDeviceId()}.${randomToken(8)}`;
}

export async function loginWithWechat(): Promise<Me> {
  const code = await obtainLoginCode();
  const session = await api('wechatLogin', { body: { code, privacyVersion: agreedPrivacyVersion() } });
  return saveSession(session).me;
}

export async function loginAsDemo(accountId: string): Promise<Me> {
  const session = await api('demoLogin', { body: { accountId } });
  return saveSession(session).me;
}

export async function bindInvite(inviteCode: string, displayName?: string): Promise<Me> {
  const session = await api('bindInvite', { body: { inviteCode, displayName }, silent: true });
  return saveSession(session).me;
}

/** 同意隐私保护指引 (again, after a new version): the server stores it, then the app knows it. */
export async function giveConsent(): Promise<void> {
  await api('giveConsent', { body: { version: PRIVACY_GUIDE_VERSION } });
  await refreshMe().catch(() => undefined);
}

/** 注销账号: the server erases the account and ends every session; the phone forgets it. */
export async function deleteAccount(closeEnterprise: boolean) {
  const result = await api('deleteAccount', { query: { closeEnterprise: closeEnterprise ? 'true' : 'false' } });
  clearSession();
  return result;
}

/** Ask the server who we are now (role and enterprise may have changed since the session was issued). */
export async function refreshMe(): Promise<Me> {
  const me = await api('me');
  updateMe(me);
  return me;
}

/** 退出登录: the server ends this device's session (its refresh token stops working), then the phone forgets it. */
export function logout() {
  const refreshToken = getSession()?.refreshToken;
  if (refreshToken) void api('logout', { body: { refreshToken }, silent: true }).catch(() => undefined);
  clearSession();
}

/** 退出所有设备: every session of this account ends, this phone's too. */
export async function logoutEverywhere(): Promise<number> {
  const { ended } = await api('logoutEverywhere');
  clearSession();
  return ended;
}
