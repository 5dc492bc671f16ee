import { DomainError } from '../../shared/errors';
import { logger } from '../lib/logger';
import { appealRepository } from '../repositories/appeal-repository';
import { systemAction } from './appeal-service';
import { sendBookingReminders } from './booking-service';
import { runBulletinJobs } from './bulletin-service';

const PAGE = 100;

/**
 * Escalate every overdue case that is not yet escalated, and close resolved cases the enterprise did not
 * rate in time. Both read their own queue (SLA#WATCH, SLA#AUTOCLOSE) up to now: a Query, never a Scan.
 * Each case is its own conditional transition, so a concurrent officer action simply wins. Then a second
 * sweep reminds enterprises of tomorrow's bookings (`reminded`), and bulletins due are published and large
 * deliveries moved on.
 */
export async function runSlaSweep(now: Date): Promise<{ escalated: number; closed: number; skipped: number; reminded: number }> {
  const result = { escalated: 0, closed: 0, skipped: 0, reminded: 0 };
  for (const [pk, action] of [
    ['SLA#WATCH', 'escalate'],
    ['SLA#AUTOCLOSE', 'auto_close'],
  ] as const) {
    let cursor: string | undefined;
    do {
      const page = await appealRepository.listQueue(pk, { cursor, limit: PAGE }, { range: { before: now.toISOString() } });
      for (const summary of page.items) {
        try {
          await systemAction(summary.id, action, now);
          if (action === 'escalate') result.escalated++;
          else result.closed++;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          result.skipped++;
          logger.info('sla sweep skipped a case', { appealId: summary.id, action, reason: error.code });
        }
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  // Second sweep: 预约办证 reminders for tomorrow's bookings.
  result.reminded = await sendBookingReminders(now);
  // 通知公告: publish what is due, move large deliveries on.
  await runBulletinJobs(now);
  return result;
}
