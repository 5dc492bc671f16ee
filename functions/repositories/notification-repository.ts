import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Notification } from '../../shared/schemas/notification';
import type { Page } from '../../shared/schemas/common';
import { db, queryPage, table } from '../lib/dynamo';
import { strip } from './keys';

/**
 * In-app notifications. A recipient is an enterprise (all its members see it), an officer, a station's
 * chief desk, or the centre. notifications of a recipient, newest first: pk NOTIF#<recipient> sk <ulid>
 */
export type Recipient = `enterprise:${string}` | `officer:${string}` | `station:${string}` | 'centre';

export const notificationRepository = {
  async add(recipients: Recipient[], n: Omit<Notification, 'id' | 'at'>, now: Date): Promise<void> {
    const unique = [...new Set(recipients)];
    for (let i = 0; i < unique.length; i += 25) {
      const items = unique.slice(i, i + 25).map((r) => {
        const id = ulid(now.getTime());
        return { PutRequest: { Item: { pk: `NOTIF#${r}`, sk: id, entity: 'notification', id, at: now.toISOString(), ...n } } };
      });
      await db().send(new BatchWriteCommand({ RequestItems: { [table()]: items } }));
    }
  },

  /** notifications of a recipient, newest first */
  list(recipient: Recipient, page: { cursor?: string; limit: number }): Promise<Page<Notification>> {
    return queryPage(
      { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `NOTIF#${recipient}` }, ScanIndexForward: false },
      page,
      (i) => strip<Notification>(i),
    );
  },
};
