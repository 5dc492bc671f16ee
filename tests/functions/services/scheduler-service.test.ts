/**
 * The sweep never fails as a whole: each job runs on its own, each SLA case in its own try/catch, and a time
 * budget from the invocation stops it cleanly (the queues keep the rest for the next run). The repository
 * and the jobs are stand-ins here; the sweep's real effects are tested in tests/functions/handlers/appeals.test.ts.
 */
import { Conflict } from '../../../shared/errors';

const listQueue = jest.fn();
const systemAction = jest.fn();
const sendBookingReminders = jest.fn();
const runBulletinJobs = jest.fn();

jest.mock('../../../functions/repositories/appeal-repository', () => ({ appealRepository: { listQueue: (...args: unknown[]) => listQueue(...args) } }));
jest.mock('../../../functions/services/appeal-service', () => ({ systemAction: (...args: unknown[]) => systemAction(...args) }));
jest.mock('../../../functions/services/booking-service', () => ({ sendBookingReminders: (...args: unknown[]) => sendBookingReminders(...args) }));
const recheckPendingTexts = jest.fn();
jest.mock('../../../functions/services/content-security-service', () => ({ recheckPendingTexts: (...args: unknown[]) => recheckPendingTexts(...args) }));
jest.mock('../../../functions/services/bulletin-service', () => ({ runBulletinJobs: (...args: unknown[]) => runBulletinJobs(...args) }));

import { runSlaSweep } from '../../../functions/services/scheduler-service';
import { handler } from '../../../functions/handlers/scheduler';

const now = new Date('2026-11-20T02:00:00Z');
const summaries = (ids: string[], stationId = 's1') => ({ items: ids.map((id) => ({ id, stationId })), nextCursor: null });

beforeEach(() => {
  jest.clearAllMocks();
  listQueue.mockImplementation(async (pk: string) => {
    if (pk === 'SLA#WATCH') return summaries(['a1', 'a2', 'a3']);
    if (pk === 'SLA#AUTOCLOSE') return summaries(['c1']);
    if (pk === 'DISTRICT#OPEN')
      return {
        items: [
          { id: 'a1', stationId: 's1' },
          { id: 'a2', stationId: 's1' },
          { id: 'x', stationId: 's2' },
        ],
        nextCursor: null,
      };
    return summaries([]);
  });
  systemAction.mockResolvedValue(undefined);
  sendBookingReminders.mockResolvedValue(2);
  runBulletinJobs.mockResolvedValue({ published: 0, delivered: 0 });
  recheckPendingTexts.mockResolvedValue({ passed: 0, held: 0, waiting: 0, unjudged: 0, skipped: 0 });
});

describe('runSlaSweep', () => {
  it('one bad case is logged and skipped; the other cases and every job still run', async () => {
    systemAction.mockImplementation(async (id: string) => {
      if (id === 'a2') throw new Error('corrupt record');
      if (id === 'a3') throw new Conflict('VERSION_CONFLICT', '已被他人处理');
    });
    const result = await runSlaSweep(now);
    expect(systemAction.mock.calls.map(([id]) => id)).toEqual(['a1', 'a2', 'a3', 'c1']);
    expect(result).toMatchObject({ escalated: 1, closed: 1, failed: 1, skipped: 1, reminded: 2, failedJobs: [], outOfTime: false });
    expect(result.overdueByStation).toEqual({ s1: 2, s2: 1 });
  });

  it('a failing job does not stop the others', async () => {
    listQueue.mockImplementation(async (pk: string) => {
      if (pk === 'SLA#WATCH') throw new Error('DynamoDB unavailable');
      return summaries(pk === 'SLA#AUTOCLOSE' ? ['c1'] : []);
    });
    sendBookingReminders.mockRejectedValue(new Error('reminders broke'));
    const result = await runSlaSweep(now);
    expect(result.failedJobs).toEqual(['escalate', 'booking_reminders']);
    expect(result.closed).toBe(1);
    expect(runBulletinJobs).toHaveBeenCalledTimes(1);
  });

  it('stops cleanly when the invocation runs out of time, leaving the rest for the next run', async () => {
    let left = 20_000;
    systemAction.mockImplementation(async () => {
      left -= 6_000; // each case takes 6 s of the invocation
    });
    const result = await runSlaSweep(now, { remainingMs: () => left, reserveMs: 5_000 });
    expect(result.outOfTime).toBe(true);
    expect(result.escalated).toBe(3); // 20 → 14 → 8 → 2 s left: the fourth case (c1) and the later jobs wait
    expect(result.closed).toBe(0);
    expect(sendBookingReminders).not.toHaveBeenCalled();
    expect(runBulletinJobs).not.toHaveBeenCalled();
    expect(result.failedJobs).toEqual([]);
  });
});

describe('scheduler handler', () => {
  it('emits the overdue metric (EMF) and fails the invocation only after every job ran when one failed', async () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await expect(handler(undefined, { getRemainingTimeInMillis: () => 60_000 })).resolves.toMatchObject({ escalated: 3 });
      const printed = [...out.mock.calls.map(([chunk]) => String(chunk)), ...log.mock.calls.map((args) => args.join(' '))].join('\n');
      expect(printed).toContain('OverdueOpenAppealsMaxPerStation');
      runBulletinJobs.mockRejectedValue(new Error('bulletins broke'));
      await expect(handler(undefined, { getRemainingTimeInMillis: () => 60_000 })).rejects.toThrow(/bulletins/);
      expect(sendBookingReminders).toHaveBeenCalledTimes(2);
    } finally {
      out.mockRestore();
      log.mockRestore();
    }
  });
});
