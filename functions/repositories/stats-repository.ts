/**
 * Statistics counters, kept incrementally on write: every write path that changes a figure adds the
 * counter updates of its event to its own transaction (`statsRepository.updatesFor(event)`), so a counter
 * can never disagree with the records it counts. (Issue 7 fills this in.)
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Something that moves a figure. `at` is the ISO instant the event happened. */
export type StatsEvent =
  | { kind: 'visit_made'; stationId: string; officerId: string; enterpriseId: string; at: string }
  | { kind: 'rectification_opened'; stationId: string; officerId: string; enterpriseId: string; at: string }
  | { kind: 'rectification_closed'; stationId: string; officerId: string; enterpriseId: string; at: string; onTime: boolean };

export const statsRepository = {
  /** The counter updates of one event, to be appended to the transaction that records the event. */
  updatesFor(_event: StatsEvent): TransactItem[] {
    return [];
  },
};
