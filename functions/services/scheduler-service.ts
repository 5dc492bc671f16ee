import { DomainError } from '../../shared/errors';
import { logger } from '../lib/logger';
import { appealRepository } from '../repositories/appeal-repository';
import { systemAction } from './appeal-service';
import { sendBookingReminders } from './booking-service';
import { runBulletinJobs } from './bulletin-service';
import { recheckPendingTexts, type RecheckResult } from './content-security-service';

const PAGE = 100;

/** Stop starting new work when less than this is left of the invocation (one case or one job must fit). */
export const SWEEP_RESERVE_MS = 5_000;

export interface SweepOptions {
  /** Milliseconds left in the invocation (Lambda's context.getRemainingTimeInMillis); unlimited when absent. */
  remainingMs?: () => number;
  reserveMs?: number;
}

export interface SweepResult {
  escalated: number;
  closed: number;
  skipped: number;
  reminded: number;
  /** Cases that threw something other than a domain refusal: logged and skipped, retried next run. */
  failed: number;
  /** Jobs that failed as a whole (the others still ran). */
  failedJobs: string[];
  /** The time budget ran out: the queues keep what is left and the next run continues from there. */
  outOfTime: boolean;
  /** Overdue open appeals per station, for the OverdueOpenAppeals metric. */
  overdueByStation: Record<string, number>;
  /** 内容安全: texts WeChat could not judge at filing, checked again (functions/services/content-security-service.ts). */
  seccheck: RecheckResult;
}

/**
 * Escalate every overdue case that is not yet escalated, and close resolved cases the enterprise did not
 * rate in time. Both read their own queue (SLA#WATCH, SLA#AUTOCLOSE) up to now: a Query, never a Scan.
 * Each case is its own conditional transition, so a concurrent officer action simply wins. Then a second
 * sweep reminds enterprises of tomorrow's bookings (`reminded`), and bulletins due are published and large
 * deliveries moved on, texts WeChat could not judge are checked again, and the overdue open appeals are
 * counted per station.
 *
 * Never fails as a whole: each job runs on its own (one failing job is logged and the others still run),
 * each SLA case in its own try/catch, and before each case and job the time left is checked against the
 * reserve, so a long backlog stops cleanly and the next run (5 minutes later) continues where this one
 * stopped: every queue only holds what is still to do.
 */
export async function runSlaSweep(now: Date, options: SweepOptions = {}): Promise<SweepResult> {
  const result: SweepResult = {
    escalated: 0,
    closed: 0,
    skipped: 0,
    reminded: 0,
    failed: 0,
    failedJobs: [],
    outOfTime: false,
    overdueByStation: {},
    seccheck: { passed: 0, held: 0, waiting: 0, unjudged: 0, skipped: 0 },
  };
  const reserve = options.reserveMs ?? SWEEP_RESERVE_MS;
  const timeLeft = () => {
    if (!result.outOfTime && options.remainingMs && options.remainingMs() < reserve) {
      result.outOfTime = true;
      logger.warn('sla sweep out of time: the next run continues', { remainingMs: options.remainingMs() });
    }
    return !result.outOfTime;
  };
  const job = async (name: string, run: () => Promise<void>) => {
    if (!timeLeft()) return;
    try {
      await run();
    } catch (error) {
      result.failedJobs.push(name);
      logger.error('sla sweep job failed', { job: name, error: error as Error });
    }
  };

  for (const [pk, action] of [
    ['SLA#WATCH', 'escalate'],
    ['SLA#AUTOCLOSE', 'auto_close'],
  ] as const) {
    await job(action, async () => {
      let cursor: string | undefined;
      do {
        const page = await appealRepository.listQueue(pk, { cursor, limit: PAGE }, { range: { before: now.toISOString() } });
        for (const summary of page.items) {
          if (!timeLeft()) return;
          try {
            await systemAction(summary.id, action, now);
            if (action === 'escalate') result.escalated++;
            else result.closed++;
          } catch (error) {
            if (error instanceof DomainError) {
              result.skipped++;
              logger.info('sla sweep skipped a case', { appealId: summary.id, action, reason: error.code });
            } else {
              result.failed++;
              logger.error('sla sweep case failed', { appealId: summary.id, action, error: error as Error });
            }
          }
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    });
  }
  // Second sweep: 预约办证 reminders for tomorrow's bookings.
  await job('booking_reminders', async () => {
    result.reminded = await sendBookingReminders(now);
  });
  // 通知公告: publish what is due, move large deliveries on.
  await job('bulletins', async () => {
    await runBulletinJobs(now);
  });
  // 内容安全: texts WeChat could not judge at filing, checked again (one page, oldest first).
  await job('seccheck', async () => {
    result.seccheck = await recheckPendingTexts(now, timeLeft);
  });
  // The business signal: overdue open appeals per station (one Query over the district's open queue).
  await job('overdue_count', async () => {
    result.overdueByStation = await countOverdueByStation(now);
  });
  return result;
}

async function countOverdueByStation(now: Date): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let cursor: string | undefined;
  do {
    const page = await appealRepository.listQueue('DISTRICT#OPEN', { cursor, limit: 500 }, { range: { before: now.toISOString() } });
    for (const summary of page.items) counts[summary.stationId] = (counts[summary.stationId] ?? 0) + 1;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return counts;
}
