/**
 * One-off migration for `autoCloseAt` (issue 13): appeals resolved before the field existed have an
 * auto-close entry keyed by the policy of their resolution day, and a later policy change left some
 * entries behind that no transition deletes. For every entry of SLA#AUTOCLOSE:
 *   - its appeal is no longer resolved (or gone)          → delete the orphan entry;
 *   - its appeal is resolved and has no `autoCloseAt`     → store the entry's time as `autoCloseAt`
 *     (what the case was promised), conditional on the version read, without bumping it;
 *   - its appeal has an `autoCloseAt` the entry disagrees with → delete the entry and make sure the
 *     entry keyed by `autoCloseAt` exists.
 * Idempotent: a second run finds nothing to do. Run once after deploying the release that adds the field:
 *   TABLE_NAME=<table> npx tsx functions/migrations/auto-close-at.ts   (AWS credentials of the stage)
 */
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { appealRepository, summaryOf } from '../repositories/appeal-repository';
import { db, isConditionFailure, table } from '../lib/dynamo';

const PK = 'SLA#AUTOCLOSE';

export type AutoCloseMigration = { entries: number; backfilled: number; orphansDeleted: number; rekeyed: number };

export async function migrateAutoCloseEntries(): Promise<AutoCloseMigration> {
  const result: AutoCloseMigration = { entries: 0, backfilled: 0, orphansDeleted: 0, rekeyed: 0 };
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': PK }, ConsistentRead: true, ExclusiveStartKey: start }));
    for (const entry of page.Items ?? []) {
      result.entries++;
      const sk = entry.sk as string;
      const id = entry.id as string;
      const at = sk.slice(0, sk.indexOf('#'));
      const appeal = await appealRepository.get(id);
      const remove = () => db().send(new DeleteCommand({ TableName: table(), Key: { pk: PK, sk } }));
      if (appeal?.status !== 'resolved') {
        await remove();
        result.orphansDeleted++;
      } else if (!appeal.autoCloseAt) {
        try {
          await db().send(
            new UpdateCommand({
              TableName: table(),
              Key: { pk: `APPEAL#${id}`, sk: 'APPEAL' },
              UpdateExpression: 'SET autoCloseAt = :at',
              ConditionExpression: 'version = :v AND attribute_not_exists(autoCloseAt)',
              ExpressionAttributeValues: { ':at': at, ':v': appeal.version },
            }),
          );
          result.backfilled++;
        } catch (error) {
          // The case moved on meanwhile; its transition rewrote its entries. A rerun settles the rest.
          if (!isConditionFailure(error)) throw error;
        }
      } else if (appeal.autoCloseAt !== at) {
        await db().send(new PutCommand({ TableName: table(), Item: { pk: PK, sk: `${appeal.autoCloseAt}#${id}`, entity: 'appeal-queue', ...summaryOf(appeal) } }));
        await remove();
        result.rekeyed++;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return result;
}

if (require.main === module) {
  migrateAutoCloseEntries().then(
    (r) => console.log(JSON.stringify(r)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
