/**
 * Statistics counters (统计), kept incrementally on write: every write path that changes a figure adds the
 * counter updates of its event to its own transaction (`statsRepository.updatesFor(event)`), so a counter
 * can never disagree with the records it counts. What an event moves is decided by the pure
 * shared/stats/counters.ts; this file only lays the deltas out in the table.
 *
 * Access patterns and keys:
 *   a station's figures of one day        pk STATS#STATION#<sid>   sk D#<yyyy-mm-dd>   (ADD per field)
 *   an officer's figures of one day       pk STATS#OFFICER#<oid>   sk D#<yyyy-mm-dd>   (stationId kept on it)
 *   a station's / officer's period        Query pk, sk BETWEEN D#<from> AND D#<to> (≤ 366 small items), summed
 *   the centre's period                   one such Query per station, in parallel — there is no district
 *                                         item, so no hot item is written by every transaction in the district
 * Days are Shanghai calendar days of the event (status counters: of the appeal's filing). One Update per
 * bucket per transaction (deltas of one event are merged), so a transaction never touches an item twice.
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { aggregateDeltas, counterDeltas, sumCounters, type CounterDelta, type Counters, type StatsEvent, type StatsScope } from '../../shared/stats/counters';
import type { Period } from '../../shared/stats/period';
import { db, table } from '../lib/dynamo';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
export type { StatsEvent };

export const statsKeys = {
  bucket: (scope: StatsScope, id: string, day: string) => ({ pk: scope === 'station' ? `STATS#STATION#${id}` : `STATS#OFFICER#${id}`, sk: `D#${day}` }),
};

/** The Update of one bucket: ADD every field, and set what identifies it. */
export function counterUpdate(b: CounterDelta): TransactItem {
  const fields = Object.entries(b.deltas);
  const names: Record<string, string> = { '#e': 'entity', '#s': 'stationId', '#d': 'day' };
  const values: Record<string, unknown> = { ':e': 'stats', ':s': b.stationId, ':d': b.day };
  const adds = fields.map(([f, n], i) => {
    names[`#f${i}`] = f;
    values[`:v${i}`] = n;
    return `#f${i} :v${i}`;
  });
  return {
    Update: {
      TableName: table(),
      Key: statsKeys.bucket(b.scope, b.id, b.day),
      UpdateExpression: `SET #e = :e, #s = :s, #d = :d ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** A counter item as written in one go (the seed writes its totals this way). */
export function counterItem(b: CounterDelta): Record<string, unknown> {
  return { ...statsKeys.bucket(b.scope, b.id, b.day), entity: 'stats', stationId: b.stationId, day: b.day, ...b.deltas };
}

export const statsRepository = {
  /** The counter updates of one event, to be appended to the transaction that records the event. */
  updatesFor(event: StatsEvent): TransactItem[] {
    return counterDeltas(event).map(counterUpdate);
  },

  /** The updates of several events of one transaction, one per counter item. */
  updatesForAll(events: StatsEvent[]): TransactItem[] {
    return aggregateDeltas(events).map(counterUpdate);
  },

  /** a station's or officer's counters over a period, summed (one Query; RCU reported for the bench) */
  async period(scope: StatsScope, id: string, p: Period): Promise<{ counters: Counters; days: Record<string, unknown>[]; consumedCapacity: number }> {
    const items: Record<string, unknown>[] = [];
    let consumed = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db().send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': statsKeys.bucket(scope, id, p.from).pk, ':from': `D#${p.from}`, ':to': `D#${p.to}` },
          ExclusiveStartKey: start,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      items.push(...(out.Items ?? []));
      consumed += out.ConsumedCapacity?.CapacityUnits ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return { counters: sumCounters(items), days: items, consumedCapacity: consumed };
  },
};
