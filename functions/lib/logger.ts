import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs; every line of a request carries its requestId (appended by the HTTP wrapper). */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'zqztc',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | 'DEBUG' | 'WARN' | 'ERROR' | 'SILENT' | undefined) ?? 'INFO',
});
