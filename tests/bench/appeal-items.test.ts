/**
 * The benchmark bulk-loads appeals with BatchWrite instead of the repository's transactions. This pins its
 * items to the repository's: after the same life (create, then transitions through saveTransition), the
 * table holds exactly the items bench/appeals/items.ts builds for the final state.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../../functions/lib/dynamo';
import { appealRepository, type AppealRecord } from '../../functions/repositories/appeal-repository';
import { applyAction, createAppeal, type Actor } from '../../shared/appeals/state-machine';
import type { AppealActionBody } from '../../shared/appeals/schemas';
import { appealItems, type VersionedHistory } from '../../bench/appeals/items';
import { BatchLoader, documentClient } from '../../bench/dynamo';
import { createAppTable } from '../../dev/dynamodb-local';
import { createTestTable } from '../support/table';

const HOUR = 3_600_000;
type Step = { hours: number; actor: Actor; body: Record<string, unknown> };

const officer: Actor = { id: 'of001', role: 'officer' };
const chief: Actor = { id: 'of080', role: 'chief' };
const enterprise: Actor = { id: 'u-enterprise-en0001', role: 'enterprise' };
const system: Actor = { id: 'system', role: 'system' };

// A late case: accepted, waits for material, overdue and escalated, resolved, badly rated, rectified.
const LIFE: Step[] = [
  { hours: 1, actor: officer, body: { action: 'accept' } },
  { hours: 2, actor: officer, body: { action: 'request_info', note: '请补充营业执照复印件' } },
  { hours: 30, actor: enterprise, body: { action: 'provide_info', note: '材料已上传' } },
  { hours: 320, actor: system, body: { action: 'escalate', note: '超过办理时限，系统自动上报所长' } },
  { hours: 322, actor: officer, body: { action: 'resolve', resolution: '已与企业沟通并妥善处理完毕' } },
  { hours: 350, actor: enterprise, body: { action: 'rate', rating: 1, comment: '处理太慢，问题没有解决' } },
  { hours: 380, actor: chief, body: { action: 'rectify', note: '所长已约谈联络官并督促整改到位' } },
];

async function scanAll(tableName: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

it('bulk items equal what the repository leaves after the same transitions', async () => {
  const repoTable = await createTestTable('bench-repo');
  const t0 = Date.parse('2026-10-19T02:00:00.000Z');
  const created = createAppeal(
    {
      id: '01JBENCH0000000000000000AA',
      enterpriseId: 'en0001',
      stationId: 'st01',
      officerId: 'of001',
      createdBy: enterprise.id,
      body: { type: 'dispute', category: 'labour-wages', urgency: 'normal', grade: 2, title: '离职员工聚集讨要工资', description: '多名离职员工在公司门口聚集，影响正常经营。' },
    },
    t0,
  );
  let record: AppealRecord = { ...created.appeal, enterpriseName: '重庆测试商贸有限公司', officerName: '张伟', stationName: '解放碑派出所' };
  const history: VersionedHistory[] = [{ entry: created.history, version: 1 }];
  await appealRepository.create(record, created.history, 7);
  for (const step of LIFE) {
    const { next, history: entry } = applyAction(record, { ...step.body, version: record.version } as AppealActionBody, step.actor, t0 + step.hours * HOUR);
    const after: AppealRecord = { ...record, ...next };
    await appealRepository.saveTransition(record, after, entry, 7);
    record = after;
    history.push({ entry, version: after.version });
  }
  expect(record).toMatchObject({ status: 'closed', rectification: 'done', rateCount: 1 });

  // The same final state, bulk-loaded into a second table.
  const bulkTable = `${repoTable}-bulk`;
  await createAppTable(process.env.DYNAMODB_ENDPOINT!, bulkTable, { fresh: true });
  const client = documentClient(process.env.DYNAMODB_ENDPOINT!);
  const loader = new BatchLoader(client, bulkTable, 4);
  for (const item of appealItems(record, history)) await loader.put(item);
  await loader.flush();
  client.destroy();

  // Statistics counters (STATS#…) are left out: the bench measures queue reads, which never touch them.
  const viaRepository = (await scanAll(table())).filter((i) => !String(i.pk).startsWith('STATS#'));
  const viaBulk = await scanAll(bulkTable);
  // the appeal, its history, and 4 queue entries: the enterprise's all + done, the station's new-that-day and resolved-that-day
  expect(viaRepository.length).toBe(1 + history.length + 4);
  expect(viaBulk).toEqual(viaRepository);
});
