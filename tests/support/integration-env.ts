// Environment every integration test runs under: the dev stage, local secrets, no AWS, and the DynamoDB
// Local and S3 of the integration project's own global setup (INTEGRATION_ENV).
//
// Set, not defaulted: Jest runs every project's global setup in one process before any test, and the e2e
// setup starts the whole local stack, which writes its own DYNAMODB_ENDPOINT, TABLE_NAME, secrets and
// WeChat address into process.env (its in-process notifier reads them). Defaulting here let the integration
// suites run on the e2e stack's seeded district table instead of their own empty DynamoDB Local, which made
// both slow enough under `npm test` to time out (seed.test's hook, bookings-race).
if (process.env.INTEGRATION_ENV) Object.assign(process.env, JSON.parse(process.env.INTEGRATION_ENV) as Record<string, string>);
delete process.env.TABLE_NAME;
process.env.STAGE = 'dev';
process.env.TOKEN_SECRET = 'test-token-secret-at-least-32-characters-long';
process.env.WECHAT_SECRET = 'test-wechat-secret';
process.env.WECHAT_APPID = 'wx-test-appid';
process.env.WECHAT_API_BASE = 'http://127.0.0.1:9';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.WECHAT_PUSH_TOKEN = 'test-wechat-push-token';
