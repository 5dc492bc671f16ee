// Environment every integration test runs under: the dev stage, local secrets, no AWS.
process.env.STAGE ??= 'dev';
process.env.TOKEN_SECRET ??= 'test-token-secret-at-least-32-characters-long';
process.env.WECHAT_SECRET ??= 'test-wechat-secret';
process.env.WECHAT_APPID ??= 'wx-test-appid';
process.env.WECHAT_API_BASE ??= 'http://127.0.0.1:9';
process.env.LOG_LEVEL ??= 'SILENT';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
