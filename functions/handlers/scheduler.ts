import { logger } from '../lib/logger';
import { runSlaSweep } from '../services/scheduler-service';

/** Every few minutes (EventBridge schedule): SLA escalation, auto-close, and next-day booking reminders. */
export const handler = async () => {
  try {
    const result = await runSlaSweep(new Date());
    logger.info('sla sweep', result);
    return result;
  } catch (error) {
    logger.error('sla sweep failed', error as Error);
    throw error; // let Lambda's retry and the error metric see it
  }
};
