import { DeleteCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { cancellationCodes, db, isConditionFailure, table } from '../lib/dynamo';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * Texts WeChat's msgSecCheck could not judge (内容安全). Access patterns and keys:
 *   texts waiting for a verdict, oldest first   pk SECCHECK#PENDING    sk <at>#<kind>#<id>  (put in the record's transaction)
 *   texts given up on, for a person to review   pk SECCHECK#UNJUDGED   sk <at>#<kind>#<id>
 */
export type PendingCheck = { pk: string; sk: string; recordKind: string; recordId: string; fields: string[]; at: string };

const PENDING = 'SECCHECK#PENDING';
const UNJUDGED = 'SECCHECK#UNJUDGED';
const exists = { ConditionExpression: 'attribute_exists(pk)' };

/** true when the transaction was cancelled by a condition (already done by an earlier run, or the record moved). */
async function transact(items: TransactItem[]): Promise<boolean> {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
    return true;
  } catch (error) {
    if (cancellationCodes(error)) return false;
    throw error;
  }
}

export const secCheckRepository = {
  /** texts waiting for a verdict, oldest first (one bounded page) */
  async listPending(limit: number): Promise<PendingCheck[]> {
    const out = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': PENDING }, ScanIndexForward: true, Limit: limit }));
    return (out.Items ?? []) as PendingCheck[];
  },

  /** Passed (or its record is gone): the item goes, if still there. */
  async clear(item: PendingCheck): Promise<void> {
    try {
      await db().send(new DeleteCommand({ TableName: table(), Key: { pk: item.pk, sk: item.sk }, ...exists }));
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },

  /** No verdict for too long: moved to UNJUDGED in one transaction. False when an earlier run already moved it. */
  giveUp(item: PendingCheck, now: Date): Promise<boolean> {
    return transact([
      { Put: { TableName: table(), Item: { ...item, pk: UNJUDGED, entity: 'seccheck-unjudged', givenUpAt: now.toISOString() }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Delete: { TableName: table(), Key: { pk: item.pk, sk: item.sk }, ...exists } },
    ]);
  },

  /** Risky: the record's hold (a conditional write) and the item's removal, together. False when either condition failed. */
  hold(item: PendingCheck, recordWrite: TransactItem): Promise<boolean> {
    return transact([recordWrite, { Delete: { TableName: table(), Key: { pk: item.pk, sk: item.sk }, ...exists } }]);
  },
};
