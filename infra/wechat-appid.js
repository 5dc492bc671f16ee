'use strict';
/**
 * The mini-program's AppID for provider.environment.WECHAT_APPID (public configuration, not a secret):
 *
 *   WECHAT_APPID: ${file(./infra/local.js):WECHAT_APPID, file(./infra/wechat-appid.js):appId}
 *
 * From the deployer's shell (env WECHAT_APPID). `dev` may go without one (placeholder); packaging or deploying
 * `staging` or `prod` without it fails here with a message that says what to do, instead of shipping a
 * placeholder that makes every WeChat sign-in fail at runtime.
 */
const PLACEHOLDER = 'wx-appid-not-set';
const REQUIRED_ON = new Set(['staging', 'prod']);

function appIdFor(stage, env = process.env) {
  const value = (env.WECHAT_APPID || '').trim();
  if (value) {
    if (!/^wx[0-9a-z]{16}$/i.test(value) && REQUIRED_ON.has(stage)) {
      throw new Error(`WECHAT_APPID "${value}" is not a mini-program AppID (wx + 16 characters, see 微信公众平台 → 开发管理 → 开发设置).`);
    }
    return value;
  }
  if (REQUIRED_ON.has(stage)) {
    throw new Error(
      `WECHAT_APPID is not set: stage "${stage}" needs the mini-program's AppID. ` + `Run e.g. WECHAT_APPID=wx1234567890abcdef npm run package -- --stage ${stage} (微信公众平台 → 开发管理 → 开发设置 → AppID).`,
    );
  }
  return PLACEHOLDER;
}

async function resolve({ resolveConfigurationProperty }) {
  const stage = await resolveConfigurationProperty(['provider', 'stage']);
  return { appId: appIdFor(stage) };
}

module.exports = resolve;
module.exports.appIdFor = appIdFor;
module.exports.PLACEHOLDER = PLACEHOLDER;
