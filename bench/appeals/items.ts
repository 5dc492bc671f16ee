/**
 * The table items of one appeal in its current state, for bulk loading with BatchWrite: the appeal, its
 * history, and one entry per queue it is in now — exactly what appealRepository.create/saveTransition leave
 * behind after the same transitions (entries of earlier states were deleted by those transactions).
 *
 * Every item comes from the repository's and the domain's own builders; `tests/bench/appeal-items.test.ts`
 * checks the result against what the repository really writes after the same transitions.
 */
import type { HistoryEntry } from '../../shared/appeals/schemas';
import { queueMemberships } from '../../shared/appeals/queues';
import { DEFAULT_SLA_POLICY } from '../../shared/appeals/sla';
import { appealItem, historyItem, queuePk, summaryOf, type AppealRecord } from '../../functions/repositories/appeal-repository';

/** A history entry with the appeal version its transition produced (the repository keys history by it). */
export type VersionedHistory = { entry: HistoryEntry; version: number };

export function queueItems(a: AppealRecord, autoCloseDays = DEFAULT_SLA_POLICY.autoCloseAfterDays) {
  const summary = summaryOf(a);
  return queueMemberships(a, autoCloseDays).map((m) => ({ pk: queuePk(m), sk: m.order, entity: 'appeal-queue', ...summary }));
}

export function appealItems(a: AppealRecord, history: readonly VersionedHistory[], autoCloseDays?: number): Record<string, unknown>[] {
  return [appealItem(a), ...history.map((h) => historyItem(a, h.entry, h.version)), ...queueItems(a, autoCloseDays)];
}
