// Imported first by bench/run.ts, before any app module reads its settings at load time.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.STAGE ??= 'dev';
process.env.LOG_LEVEL ??= 'SILENT';

export {};
