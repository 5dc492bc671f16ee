import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DemoAccount } from '../../shared/schemas/auth';
import { db, table } from '../lib/dynamo';

/**
 * Demo accounts (dev stage only): the seed writes one item per account it offers, under one key, in the
 * order the picker shows them. demo accounts, in order: pk DEMO, sk <order>#<accountId>
 */
export const demoItem = (order: number, a: DemoAccount) => ({ pk: 'DEMO', sk: `${String(order).padStart(4, '0')}#${a.accountId}`, entity: 'demo-account', ...a });

export async function demoAccounts(): Promise<DemoAccount[]> {
  const out = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'DEMO' }, Limit: 200 }));
  return (out.Items ?? []).map(({ accountId, role, label, detail }) => ({ accountId, role, label, detail }) as DemoAccount);
}

export async function putDemoAccount(order: number, a: DemoAccount): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: demoItem(order, a) }));
}
