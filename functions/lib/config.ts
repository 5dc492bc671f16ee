/** Settings are read once at module load and fail loudly when missing. */
export function getEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`Missing required environment variable ${name}`);
  return value;
}

export const config = {
  get stage() {
    return process.env.STAGE ?? 'dev';
  },
  get tableName() {
    return getEnv('TABLE_NAME');
  },
  /** Only set locally (DynamoDB Local); in AWS the SDK finds the regional endpoint. */
  get dynamoEndpoint() {
    return process.env.DYNAMODB_ENDPOINT;
  },
  get wechatApiBase() {
    return getEnv('WECHAT_API_BASE');
  },
  get wechatAppId() {
    return getEnv('WECHAT_APPID');
  },
  /** Access tokens are short-lived; the refresh token renews them without a new wx.login. */
  accessTokenSeconds: 15 * 60,
  refreshTokenSeconds: 30 * 24 * 3600,
  inviteLifetimeHours: 72,
};
