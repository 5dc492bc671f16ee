/** The chief's morning digest (每日晨报): scheduled at 08:30 Shanghai; does nothing on non-working days. */
import { logger } from '../lib/logger';
import { runMorningDigest } from '../services/digest-service';

export const handler = async (): Promise<{ stations: number; delivered: number; workday: boolean }> => {
  const result = await runMorningDigest(new Date());
  logger.info('morning digest', result);
  return result;
};
