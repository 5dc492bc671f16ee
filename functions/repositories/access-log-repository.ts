import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessLogRecord } from '../../shared/audit/access-log';
import { accessLogTtl } from '../../shared/audit/access-log';
import type { Page } from '../../shared/schemas/common';
import { db, queryPage, table } from '../lib/dynamo';
import { strip } from './keys';

/**
 * Access log (谁查看了我的档案). Access patterns and keys:
 *   an enterprise's access log, newest first   pk ENT#<eid>#ACCESS   sk <at>#<ulid>
 * Append-only: a single read is one conditional put (attribute_not_exists), a list is BatchWrite puts of
 * fresh keys (a ULID each); nothing ever updates or deletes an entry but the table's TTL (`ttl`).
 */
export const accessLogKey = (r: Pick<AccessLogRecord, 'enterpriseId' | 'at' | 'id'>) => ({ pk: `ENT#${r.enterpriseId}#ACCESS`, sk: `${r.at}#${r.id}` });
export const accessLogItem = (r: AccessLogRecord) => ({ ...accessLogKey(r), entity: 'access-log', ...r, ttl: accessLogTtl(r.at) });

const BATCH = 25;

export const accessLogRepository = {
  /** record one read (one put) */
  async append(r: AccessLogRecord): Promise<void> {
    await db().send(new PutCommand({ TableName: table(), Item: accessLogItem(r), ConditionExpression: 'attribute_not_exists(pk)' }));
  },

  /** record the reads of a list: one entry per enterprise shown, 25 puts per BatchWrite, unprocessed retried */
  async appendMany(records: AccessLogRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += BATCH) {
      let pending: Record<string, unknown>[] | undefined = records.slice(i, i + BATCH).map((r) => ({ PutRequest: { Item: accessLogItem(r) } }));
      for (let attempt = 0; pending?.length; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
        const out = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: pending as never } }));
        pending = out.UnprocessedItems?.[table()] as Record<string, unknown>[] | undefined;
        if (attempt > 8 && pending?.length) throw new Error('access log: batch write did not complete');
      }
    }
  },

  /** an enterprise's access log, newest first; entries past their ttl (not yet deleted) are left out */
  list(enterpriseId: string, page: { cursor?: string; limit: number }, now: Date): Promise<Page<AccessLogRecord>> {
    return queryPage(
      {
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: '#ttl > :now',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':pk': `ENT#${enterpriseId}#ACCESS`, ':now': Math.floor(now.getTime() / 1000) },
        ScanIndexForward: false,
      },
      page,
      (i) => {
        const { ttl: _t, ...r } = strip<AccessLogRecord & { ttl: number }>(i);
        return r;
      },
    );
  },
};
