import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { FollowUpTask } from '../../shared/followups/schemas';
import type { FollowUpStatus } from '../../shared/followups/rules';
import type { Page } from '../../shared/schemas/common';
import { Conflict } from '../../shared/errors';
import { cancelledIndexes, db, queryPage, table } from '../lib/dynamo';
import { strip } from './keys';
import type { TransactItem } from './stats-repository';

/**
 * 回访任务. Access patterns and keys:
 *   task by id (= its appeal's id; one per closed appeal)   pk FOLLOWUP#<appealId>  sk FOLLOWUP
 *   a station's pending tasks, due first                    gsi1 STATION#<sid>#FOLLOWUPS#pending / <dueDay>#<appealId>
 *   a station's done tasks, newest record first             gsi1 STATION#<sid>#FOLLOWUPS#done    / <recordedAt>#<appealId>
 * The task is put in the transaction that closes its appeal (conditional on absence, and that transaction
 * is conditional on the appeal's version, so it commits once); recording moves it from the pending to the
 * done partition by a put of the recorded task conditional on `status = pending` and its version, with its statistics counters.
 */
export const followUpKeys = {
  task: (appealId: string) => ({ pk: `FOLLOWUP#${appealId}`, sk: 'FOLLOWUP' }),
  station: (stationId: string, status: FollowUpStatus) => `STATION#${stationId}#FOLLOWUPS#${status}`,
};

const taskItem = (t: FollowUpTask) => ({
  ...followUpKeys.task(t.id),
  entity: 'followup',
  gsi1pk: followUpKeys.station(t.stationId, t.status),
  gsi1sk: t.status === 'pending' ? `${t.dueDay}#${t.id}` : `${t.recordedAt}#${t.id}`,
  ...t,
});

export const followUpRepository = {
  /** The Put of a new task, for the closing transaction of its appeal (with its counter, merged by the caller). */
  createWrite(task: FollowUpTask): TransactItem {
    return { Put: { TableName: table(), Item: taskItem(task), ConditionExpression: 'attribute_not_exists(pk)' } };
  },

  /** task by id */
  async get(id: string): Promise<FollowUpTask | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: followUpKeys.task(id) }));
    return out.Item ? strip<FollowUpTask>(out.Item) : null;
  },

  /** a station's tasks of one status: pending due first, done newest first */
  listStation(stationId: string, status: FollowUpStatus, page: { cursor?: string; limit: number }): Promise<Page<FollowUpTask> & { consumedCapacity?: number }> {
    return queryPage({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': followUpKeys.station(stationId, status) }, ScanIndexForward: status === 'pending' }, page, (i) =>
      strip<FollowUpTask>(i),
    );
  },

  /**
   * Record the outcome: the task (conditional on still pending — a second recorder gets 409) with `also`
   * (its counters) in one transaction.
   */
  async record(before: FollowUpTask, after: FollowUpTask, also: TransactItem[] = []): Promise<void> {
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              // The whole task as recorded (its keys move it to the done partition), only over the pending one read.
              Put: {
                TableName: table(),
                Item: taskItem(after),
                ConditionExpression: '#status = :pending AND #version = :v',
                ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
                ExpressionAttributeValues: { ':pending': 'pending', ':v': before.version },
              },
            },
            ...also,
          ],
        }),
      );
    } catch (error) {
      if (cancelledIndexes(error)) throw new Conflict('FOLLOWUP_ALREADY_RECORDED', '该回访已由其他民警登记，请刷新后查看');
      throw error;
    }
  },
};
