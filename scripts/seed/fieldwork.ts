/**
 * Demo field work (走访、整改台账): every enterprise of the district gets its contact state, with a mix of
 * visit histories — about 45% visited within the last month, 30% visited 31–75 days ago (overdue), 25% never
 * visited (overdue since registration) — and one problem in ten visits opens a rectification item, some
 * already closed. Deterministic for a given `now`. Bulk-loaded with the repository's own item builders (going
 * through logVisit for ~1,400 visits would take minutes); the statistics counters get the same events'
 * deltas, merged per counter item and applied with ADD, so they agree with the records.
 */
import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { collectAll, db, table } from '../../functions/lib/dynamo';
import { enterpriseRepository } from '../../functions/repositories/enterprise-repository';
import { organisationRepository } from '../../functions/repositories/organisation-repository';
import { fieldItems, type ContactRecord } from '../../functions/repositories/fieldwork-repository';
import { counterUpdate } from '../../functions/repositories/stats-repository';
import { aggregateDeltas, type StatsEvent } from '../../shared/stats/counters';
import type { Rectification, Visit } from '../../shared/fieldwork/schemas';
import { addDays, shanghaiDay } from '../../shared/fieldwork/rules';
import { mulberry32 } from './generate';

const TALKS = [
  '了解企业近期经营情况和安全防范措施，宣传电信网络诈骗防范知识。',
  '检查企业内部安全保卫制度落实情况，听取企业对警务服务的意见建议。',
  '走访企业负责人，了解员工管理和流动人口登记情况，提示节前安全防范。',
  '查看监控设施运行情况，指导企业完善重点部位技防措施。',
];
const MET = ['企业负责人', '安保负责人', '行政主管', '法定代表人'];
const PROBLEMS = ['仓库消防通道堆放杂物', '部分监控探头损坏未修复', '员工宿舍流动人口未及时登记', '财务人员对冒充领导诈骗手法不了解', '夜间值守人员不足'];

async function batchWrite(items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      const out = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: requests } }));
      requests = (out.UnprocessedItems?.[table()] ?? []) as typeof requests;
      if (requests.length && attempt > 8) throw new Error('BatchWrite left items unprocessed');
      if (requests.length) await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}

export async function seedFieldwork(now: Date): Promise<number> {
  const today = shanghaiDay(now);
  const rand = mulberry32(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const stations = await collectAll((cursor) => organisationRepository.listStations({ cursor, limit: 100 }));
  const items: Record<string, unknown>[] = [];
  const events: StatsEvent[] = [];
  let records = 0;
  for (const station of stations.sort((x, y) => x.id.localeCompare(y.id))) {
    const [officers, enterprises] = await Promise.all([organisationRepository.allStationOfficers(station.id), collectAll((cursor) => enterpriseRepository.listByStation(station.id, { cursor, limit: 100 }))]);
    const names = new Map(officers.map((o) => [o.id, o.name]));
    for (const e of enterprises.sort((x, y) => x.id.localeCompare(y.id))) {
      const registeredDay = shanghaiDay(new Date(e.createdAt));
      const roll = rand();
      const lastAgo = roll < 0.45 ? 1 + Math.floor(rand() * 28) : roll < 0.75 ? 31 + Math.floor(rand() * 45) : null;
      const visitDays = lastAgo === null ? [] : [addDays(today, -lastAgo), ...(rand() < 0.4 ? [addDays(today, -lastAgo - 30 - Math.floor(rand() * 20))] : [])];
      let last: Visit | null = null;
      for (const day of visitDays.filter((d) => d >= registeredDay).sort()) {
        const at = new Date(`${day}T10:00:00+08:00`);
        const visitId = ulid(at.getTime(), rand);
        const problems: Visit['problems'] = [];
        if (rand() < 0.1) {
          const deadline = addDays(day, 7 + Math.floor(rand() * 14));
          const closed = deadline < today && rand() < 0.6;
          const r: Rectification = {
            id: ulid(at.getTime() + 1, rand),
            enterpriseId: e.id,
            enterpriseName: e.name,
            stationId: e.stationId,
            ownerOfficerId: e.officerId,
            ownerName: names.get(e.officerId) ?? e.officerId,
            source: { kind: 'visit', visitId, followUp: 'rectification' },
            description: pick(PROBLEMS),
            deadline,
            status: closed ? 'done' : rand() < 0.5 ? 'in_progress' : 'pending',
            openedDay: day,
            openedAt: at.toISOString(),
            closedDay: closed ? deadline : null,
            closedAt: closed ? new Date(`${deadline}T16:00:00+08:00`).toISOString() : null,
            closingNote: closed ? '已整改完毕，经复查符合要求' : null,
            history: [{ at: at.toISOString(), by: e.officerId, byName: names.get(e.officerId) ?? e.officerId, action: 'open', note: null }],
            version: closed ? 2 : 1,
          };
          problems.push({ description: r.description, followUp: 'rectification', deadline, rectificationId: r.id });
          items.push(fieldItems.rectification(r), fieldItems.enterpriseRectification(r));
          const ref = { stationId: r.stationId, officerId: r.ownerOfficerId, enterpriseId: r.enterpriseId };
          events.push({ kind: 'rectification_opened', ...ref, at: r.openedAt });
          if (closed) events.push({ kind: 'rectification_closed', ...ref, at: r.closedAt!, onTime: true });
          records += 1;
        }
        const visit: Visit = {
          id: visitId,
          enterpriseId: e.id,
          enterpriseName: e.name,
          stationId: e.stationId,
          officerId: e.officerId,
          officerName: names.get(e.officerId) ?? e.officerId,
          day,
          metWith: `${pick(MET)}${e.contactName}`,
          content: pick(TALKS),
          problems,
          createdAt: at.toISOString(),
          version: 1,
        };
        items.push(fieldItems.visit(visit));
        events.push({ kind: 'visit_made', stationId: e.stationId, officerId: e.officerId, enterpriseId: e.id, at: `${day}T12:00:00+08:00` });
        last = visit;
        records += 1;
      }
      const contact: ContactRecord = {
        enterpriseId: e.id,
        enterpriseName: e.name,
        stationId: e.stationId,
        officerId: e.officerId,
        lastVisitDay: last?.day ?? null,
        lastVisitId: last?.id ?? null,
        registeredDay,
        baselineDay: last?.day ?? registeredDay,
      };
      items.push(fieldItems.contact(contact));
      records += 1;
    }
  }
  await batchWrite(items);
  const updates = aggregateDeltas(events).map(counterUpdate);
  for (let i = 0; i < updates.length; i += 50) {
    await Promise.all(updates.slice(i, i + 50).map((u) => db().send(new TransactWriteCommand({ TransactItems: [u] }))));
  }
  return records;
}
