import type { Context } from 'aws-lambda';
import { logger } from '../lib/logger';
import { metrics, MetricUnit } from '../lib/metrics';
import { runSlaSweep } from '../services/scheduler-service';

/**
 * Every few minutes (EventBridge schedule): SLA escalation, auto-close, next-day booking reminders, bulletins,
 * the later 内容安全 check of texts WeChat could not judge, and the overdue-appeals metric. The sweep isolates jobs and cases and stops before the invocation's time
 * runs out; a job that failed still fails the invocation (after the others ran), so Lambda's retries, the
 * Errors alarm and the dead-letter queue see it.
 */
export const handler = async (_event?: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  const result = await runSlaSweep(new Date(), { remainingMs: context ? () => context.getRemainingTimeInMillis() : undefined });
  const overdue = Object.entries(result.overdueByStation);
  for (const [stationId, count] of overdue) {
    const single = metrics.singleMetric();
    single.addDimension('stationId', stationId);
    single.addMetric('OverdueOpenAppeals', MetricUnit.Count, count);
  }
  if (!result.failedJobs.includes('overdue_count')) {
    metrics.addMetric('OverdueOpenAppealsMaxPerStation', MetricUnit.Count, Math.max(0, ...overdue.map(([, n]) => n)));
  }
  metrics.addMetric('SecCheckTextsHeld', MetricUnit.Count, result.seccheck.held);
  metrics.addMetric('SecCheckTextsUnjudged', MetricUnit.Count, result.seccheck.unjudged);
  metrics.addMetric('SweepCasesFailed', MetricUnit.Count, result.failed);
  metrics.addMetric('SweepJobsFailed', MetricUnit.Count, result.failedJobs.length);
  metrics.publishStoredMetrics();
  logger.info('sla sweep', { ...result });
  if (result.failedJobs.length) throw new Error(`sla sweep jobs failed: ${result.failedJobs.join(', ')}`);
  return result;
};
