import { SUBSCRIBE_TEMPLATES, type NotifyEvent } from '../../shared/notifications/catalogue';

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
  /** The evidence bucket (证据材料). */
  get attachmentsBucket() {
    return getEnv('ATTACHMENTS_BUCKET');
  },
  /** Only set locally (dev/s3-local.ts, path-style, with its own keys in S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY). */
  get s3Endpoint() {
    return process.env.S3_ENDPOINT;
  },
  get wechatApiBase() {
    return getEnv('WECHAT_API_BASE');
  },
  get wechatAppId() {
    return getEnv('WECHAT_APPID');
  },
  /**
   * Subscribe-message template id per event (WeChat console → 订阅消息), env WECHAT_TEMPLATES as JSON,
   * e.g. {"appeal_replied":"AbC…"}. The dev stage starts from the ids the local fake knows; other stages
   * send only for the events configured. Malformed JSON fails loudly.
   */
  get wechatTemplates(): Partial<Record<NotifyEvent, string>> {
    const raw = process.env.WECHAT_TEMPLATES?.trim() || '{}';
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new Error('WECHAT_TEMPLATES must be a JSON object of event -> template id');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('WECHAT_TEMPLATES must be a JSON object of event -> template id');
    const defaults = this.stage === 'dev' ? Object.fromEntries(Object.entries(SUBSCRIBE_TEMPLATES).map(([e, t]) => [e, t!.devTemplateId])) : {};
    const chosen = { ...defaults, ...(parsed as Record<string, string>) };
    return Object.fromEntries(Object.entries(chosen).filter(([e, id]) => e in SUBSCRIBE_TEMPLATES && typeof id === 'string' && id !== '')) as Partial<Record<NotifyEvent, string>>;
  },
  /** First back-off of a transient subscribe-message failure (doubles per attempt). */
  get wechatRetryBaseMs() {
    return Number(process.env.WECHAT_RETRY_BASE_MS ?? 200);
  },
  /** Access tokens are short-lived; the refresh token renews them without a new wx.login. */
  accessTokenSeconds: 15 * 60,
  refreshTokenSeconds: 30 * 24 * 3600,
  inviteLifetimeHours: 72,
};
