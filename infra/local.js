'use strict';
/**
 * Local overrides for provider.environment, taken from the shell ONLY under `serverless offline`
 * (the start script sets TABLE_NAME, WECHAT_API_BASE, ... for DynamoDB Local and the fake WeChat server).
 * For `package` / `deploy` this resolves to an empty object, so a stray variable in a deployer's shell can
 * never leak into an AWS stage, and the fallback in serverless.yml (the stage's own value) is used:
 *
 *   TABLE_NAME: ${file(./infra/local.js):TABLE_NAME, self:custom.tableName}
 *
 * Secrets are deliberately absent: locally the handlers run in the serverless-offline process
 * (useInProcess), so WECHAT_SECRET / TOKEN_SECRET / DYNAMODB_ENDPOINT reach them straight from the
 * shell, and nothing secret ever passes through the template.
 */
const OVERRIDABLE = ['TABLE_NAME', 'ATTACHMENTS_BUCKET', 'WECHAT_API_BASE', 'WECHAT_APPID', 'LOG_LEVEL'];

const isOffline = () => process.argv.slice(2).includes('offline');

function resolve() {
  const values = {};
  if (!isOffline()) return values;
  for (const name of OVERRIDABLE) {
    if (process.env[name]) values[name] = process.env[name];
  }
  // Extra browser origins for the H5 build served from an unusual port (comma separated).
  if (process.env.CORS_ORIGINS)
    values.CORS_ORIGINS = process.env.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  return values;
}

module.exports = resolve;
module.exports.isOffline = isOffline;
