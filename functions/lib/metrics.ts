import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * CloudWatch metrics in Embedded Metric Format (Powertools Metrics): written to the function's log as JSON,
 * turned into metrics by CloudWatch, no PutMetricData call and no IAM permission. Namespace `zqztc`
 * (POWERTOOLS_METRICS_NAMESPACE), dimensions service + stage. Alarms on them are in infra/alarms.js.
 */
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'zqztc',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'zqztc',
  defaultDimensions: { stage: process.env.STAGE ?? 'dev' },
});

export { MetricUnit };
