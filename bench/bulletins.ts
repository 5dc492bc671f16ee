/**
 * Bulletins (通知公告): fan-out on write (the app's design) against audience feeds merged on read (a
 * bench-only prototype), for a city of 20,000 enterprises in 130 stations.
 *
 * Data: the seeded district (1,900 enterprises, st01..st13) plus synthetic enterprises in 117 more stations
 * (cs014..cs130), industries drawn with the district's skew, loaded with BatchWrite.
 *
 * A — write per enterprise (functions/services/bulletin-service.ts, unchanged): createBulletin with the whole
 *     delivery inside the call; reads measured by DynamoDB Local (ReturnConsumedCapacity, honest for reads),
 *     writes computed as AWS charges them from the item sizes (1 WCU per started KB per item, once for the
 *     table and once for each GSI the item is keyed in; ×2 inside transactions), since Local reports a put's
 *     table units only.
 * B — audience feeds merged on read: one item per bulletin under AUD#ALL, AUD#STATION#<sid>,
 *     AUD#INDUSTRY#<ind>, AUD#INDUSTRY#<ind>#STATION#<sid> or AUD#ENT#<id>; an enterprise's page merges five
 *     Queries and fetches its read markers (READ#<entId> / <bulletinId>) for the page; "who has not read"
 *     walks the audience and checks markers.
 */
import { performance } from 'node:perf_hooks';
import { BatchGetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { bulletinRepository, entryItem } from '../functions/repositories/bulletin-repository';
import { enterpriseItem } from '../functions/repositories/enterprise-repository';
import { indexKeys } from '../functions/repositories/keys';
import { stationItem } from '../functions/repositories/organisation-repository';
import { bulletinSettings, createBulletin, feedUnreadCounts, listBulletinReceipts } from '../functions/services/bulletin-service';
import { addresses, type Audience } from '../shared/bulletins/audience';
import type { BulletinKind } from '../shared/bulletins/catalogue';
import type { Bulletin } from '../shared/bulletins/schemas';
import type { Principal } from '../shared/domain/principal';
import type { Enterprise } from '../shared/schemas/enterprise';
import { BatchLoader, documentClient, meterCapacity } from './dynamo';
import { fmt, markdownTable, textTable, type Table } from './lib';
import type { BenchContext, BenchModule } from './module';

const CITY = 20_000;
const CITY_STATIONS = 130;
const body = {
  blocks: [
    {
      type: 'paragraph' as const,
      spans: [
        { text: '近期发现不法分子冒充税务、社保工作人员，以“退税”“补贴”为名诱导企业财务人员扫码转账。请各企业加强财务人员教育，' },
        { text: '凡要求转账到“安全账户”的一律是诈骗', bold: true },
        { text: '。如有疑问请联系辖区派出所或拨打96110。' },
      ],
    },
  ],
};

// ---- item sizes, as DynamoDB counts them ------------------------------------------------------------------

function valueSize(v: unknown): number {
  if (v === null || v === undefined || typeof v === 'boolean') return 1;
  if (typeof v === 'string') return Buffer.byteLength(v, 'utf8');
  if (typeof v === 'number') return Math.ceil(String(Math.abs(v)).replace(/[.-]/g, '').replace(/^0+/, '').length / 2) + 1;
  if (Array.isArray(v)) return 3 + v.reduce((s: number, x) => s + 1 + valueSize(x), 0);
  return 3 + Object.entries(v as Record<string, unknown>).reduce((s, [k, x]) => s + Buffer.byteLength(k) + 1 + valueSize(x), 0);
}
export const itemSize = (item: Record<string, unknown>) => Object.entries(item).reduce((s, [k, v]) => s + (v === undefined ? 0 : Buffer.byteLength(k) + valueSize(v)), 0);
const gsiCount = (item: Record<string, unknown>) => ['gsi1pk', 'gsi2pk', 'gsi3pk'].filter((k) => item[k] !== undefined).length;
/** What AWS charges to put this item once (table plus each GSI it appears in). */
export const putWcu = (item: Record<string, unknown>) => Math.ceil(itemSize(item) / 1024) * (1 + gsiCount(item));

// ---- the city ---------------------------------------------------------------------------------------------

type City = { enterprises: Pick<Enterprise, 'id' | 'name' | 'stationId' | 'industry'>[]; stations: string[] };

async function buildCity(ctx: BenchContext, size: number, stationCount: number): Promise<City> {
  const d = ctx.district;
  const doc = documentClient(ctx.endpoint);
  const loader = new BatchLoader(doc, ctx.tableName);
  const pool = d.enterprises.map((e) => e.industry);
  const stations = d.stations.map((s) => s.id);
  const extraStations = stationCount - stations.length;
  const extra = size - d.enterprises.length;
  const template = d.enterprises[0];
  const enterprises: City['enterprises'] = d.enterprises.map((e) => ({ id: e.id, name: e.name, stationId: e.stationId, industry: e.industry }));
  for (let s = 0; s < extraStations; s++) {
    const id = `cs${String(stations.length + s + 1).padStart(3, '0')}`;
    stations.push(id);
    await loader.put(stationItem({ ...d.stations[0], id, name: `城区第${s + 1}派出所`, chiefOfficerId: null, version: 1 }));
  }
  for (let i = 0; i < extra; i++) {
    const stationId = stations[d.stations.length + (i % extraStations)];
    const e: Enterprise = {
      ...template,
      id: `cx${String(i + 1).padStart(5, '0')}`,
      name: `城区企业${i + 1}号有限公司`,
      stationId,
      officerId: `cxof-${stationId}`,
      industry: pool[(i * 7919) % pool.length],
      creditCode: `CX${i}`,
    };
    enterprises.push({ id: e.id, name: e.name, stationId, industry: e.industry });
    await loader.put(enterpriseItem(e));
  }
  await loader.flush();
  doc.destroy();
  ctx.log(`  city: ${fmt.num(enterprises.length)} enterprises in ${stations.length} stations (${fmt.num(loader.written)} items added)`);
  return { enterprises, stations };
}

// ---- design A: the app ------------------------------------------------------------------------------------

type PublishRow = { bulletinKb: number; audience: string; enterprises: number; wcuEntries: number; wcuOther: number; wcuTotal: number; rcu: number; localWcu: number; wallMs: number; perSecond: number };

async function publishA(ctx: BenchContext, city: City, caller: Principal, kind: BulletinKind, audience: Audience, label: string): Promise<{ row: PublishRow; bulletin: Bulletin }> {
  ctx.appCapacity.take();
  const t0 = performance.now();
  const { bulletin } = await createBulletin(caller, { kind, title: '警惕冒充税务人员“退税”诈骗', body, audience }, ctx.now);
  const wallMs = performance.now() - t0;
  const c = ctx.appCapacity.take();
  const n = bulletin.audienceCount;
  const slices = Math.ceil(n / bulletinSettings.slice) + 1;
  const stored = (await bulletinRepository.get(bulletin.id))!;
  const bulletinKb = Math.ceil(itemSize({ ...stored, pk: `BULLETIN#${stored.id}`, sk: 'BULLETIN', gsi1pk: 'x'.repeat(30), gsi1sk: 'x'.repeat(40), gsi2pk: 'x'.repeat(30), gsi2sk: 'x'.repeat(40) }) / 1024);
  const parts =
    audience.type === 'all'
      ? city.stations.map((s) => ({ index: 'gsi2', pk: indexKeys.stationEnterprises(s) }))
      : audience.type === 'stations'
        ? audience.stationIds.map((s) => ({ index: 'gsi2', pk: indexKeys.stationEnterprises(s) }))
        : [{ index: 'gsi3', pk: `INDUSTRY#x`, prefix: 'st01#' }];
  const jobKb = Math.ceil(
    itemSize({
      pk: `BULLETIN#${bulletin.id}`,
      sk: 'JOB',
      entity: 'bulletin-job',
      gsi3pk: 'BULLETIN#JOBS',
      gsi3sk: `${bulletin.createdAt}#${bulletin.id}`,
      bulletinId: bulletin.id,
      mode: 'fanout',
      parts,
      partIndex: 0,
      position: { gsi2pk: 'STATION#cs014#ENTS', gsi2sk: '城区企业1号有限公司#cx00001', pk: 'ENT#cx00001', sk: 'ENT' },
      processed: 0,
      createdAt: bulletin.createdAt,
      version: 1,
    }) / 1024,
  );
  const wcuEntries = city.enterprises.filter((e) => addresses(audience, e)).reduce((sum, e) => sum + putWcu(entryItem({ ...bulletin, publishedAt: bulletin.publishedAt! }, e)), 0);
  // ×2 in transactions: the create (bulletin with its 2 GSI copies, its counters, the job with its GSI copy), a
  // checkpoint per slice (the job and its GSI copy, the counters item: under 1 KB, no GSI), the finish.
  const wcuOther = 2 * (bulletinKb * 3 + 1 + jobKb * 2) + slices * 2 * (jobKb * 2 + 1) + 2 * (jobKb * 2 + 1);
  return {
    bulletin,
    row: { bulletinKb, audience: label, enterprises: n, wcuEntries, wcuOther, wcuTotal: wcuEntries + wcuOther, rcu: round(c.read), localWcu: round(c.write), wallMs, perSecond: n / (wallMs / 1000) },
  };
}

const round = (x: number) => Math.round(x * 10) / 10;

// ---- design B: audience feeds merged on read (bench-only) ---------------------------------------------------

type BItem = Record<string, unknown>;
const audKeys = (e: City['enterprises'][number]) => [`AUD#ALL`, `AUD#STATION#${e.stationId}`, `AUD#INDUSTRY#${e.industry}`, `AUD#INDUSTRY#${e.industry}#STATION#${e.stationId}`, `AUD#ENT#${e.id}`];

function audienceItem(pk: string, b: { id: string; kind: BulletinKind; publishedAt: string; title: string; summary: string; publisherName: string }): BItem {
  return {
    pk,
    sk: `${b.publishedAt}#${b.id}`,
    entity: 'bench-aud-feed',
    bulletinId: b.id,
    kind: b.kind,
    title: b.title,
    summary: b.summary,
    publisherName: b.publisherName,
    publishedAt: b.publishedAt,
    gsi1pk: `${pk}#${b.kind}`,
    gsi1sk: `${b.publishedAt}#${b.id}`,
  };
}

class DesignB {
  private readonly meter;
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.meter = meterCapacity(doc);
  }
  take() {
    return this.meter.take();
  }
  async publish(pk: string, b: Parameters<typeof audienceItem>[1]): Promise<number> {
    const item = audienceItem(pk, b);
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: item }));
    return putWcu(item);
  }
  async markRead(enterpriseId: string, bulletinId: string, at: string) {
    await this.doc.send(
      new PutCommand({ TableName: this.tableName, Item: { pk: `READ#${enterpriseId}`, sk: bulletinId, entity: 'bench-read', readAt: at, gsi1pk: `READBY#${bulletinId}`, gsi1sk: `${at}#${enterpriseId}` } }),
    );
  }
  /** newest 20 addressed to the enterprise: five Queries merged, then its read markers for the page */
  async feedPage(e: City['enterprises'][number], limit = 20): Promise<BItem[]> {
    const pages = await Promise.all(
      audKeys(e).map((pk) => this.doc.send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: false, Limit: limit }))),
    );
    const merged = pages
      .flatMap((p) => p.Items ?? [])
      .sort((x, y) => String(y.sk).localeCompare(String(x.sk)))
      .slice(0, limit);
    if (merged.length) await this.doc.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: merged.map((i) => ({ pk: `READ#${e.id}`, sk: i.bulletinId })) } } }));
    return merged;
  }
  /** unread = everything addressed (five COUNT Queries over the whole history) minus the read markers */
  async unreadCount(e: City['enterprises'][number]): Promise<number> {
    const count = async (pk: string) => {
      let n = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const out = await this.doc.send(new QueryCommand({ TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, Select: 'COUNT', ExclusiveStartKey: start }));
        n += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      return n;
    };
    const addressed = (await Promise.all(audKeys(e).map(count))).reduce((a, b) => a + b, 0);
    return addressed - (await count(`READ#${e.id}`));
  }
  /** a page of enterprises that have not read: walk the audience (a station's enterprises), check markers */
  async unreadReceipts(stations: string[], bulletinId: string, want = 20): Promise<{ found: number; walked: number }> {
    let found = 0;
    let walked = 0;
    for (const stationId of stations) {
      let start: Record<string, unknown> | undefined;
      do {
        const out = await this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :pk',
            ExpressionAttributeValues: { ':pk': indexKeys.stationEnterprises(stationId) },
            ExclusiveStartKey: start,
            Limit: 25,
          }),
        );
        const ids = (out.Items ?? []).map((i) => String(i.id));
        walked += ids.length;
        if (ids.length) {
          const got = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: ids.map((id) => ({ pk: `READ#${id}`, sk: bulletinId })) } } }));
          found += ids.length - (got.Responses?.[this.tableName]?.length ?? 0);
        }
        if (found >= want) return { found, walked };
        start = out.LastEvaluatedKey;
      } while (start);
    }
    return { found, walked };
  }
}

// ---- the run ------------------------------------------------------------------------------------------------

type Data = {
  city: { enterprises: number; stations: number };
  publish: PublishRow[];
  reads: { what: string; a: number; b: number; note: string }[];
  publishB: { audience: string; wcu: number }[];
  fanoutWallMs: number;
  /** WCU of one 已阅知 (a transaction: the entry moves from gsi2/UNREAD to READ, the bulletin's readCount) */
  confirmWcu: { a: number; b: number };
};

async function run(ctx: BenchContext) {
  const size = ctx.quick ? 4000 : CITY;
  const stationCount = ctx.quick ? 30 : CITY_STATIONS;
  const city = await buildCity(ctx, size, stationCount);
  const d = ctx.district;
  const admin = d.admins[0];
  const centre: Principal = { role: 'centre', userId: admin.userId ?? 'u-bench-centre', adminId: admin.id, centreId: admin.centreId };
  const bigStation = d.stations[0].id;
  const chiefRecord = d.officers.find((o) => o.isChief && o.stationId === bigStation)!;
  const chief: Principal = { role: 'chief', userId: chiefRecord.userId ?? 'u-bench-chief', officerId: chiefRecord.id, stationId: bigStation };
  const saved = { ...bulletinSettings };
  Object.assign(bulletinSettings, { inlineBudget: Infinity });
  const rows: PublishRow[] = [];
  let allRisk: Bulletin;
  try {
    ctx.log('  A: publishing a risk warning to all enterprises (the whole fan-out inside the call) …');
    const all = await publishA(ctx, city, centre, 'risk', { type: 'all' }, `all (${city.stations.length} stations)`);
    rows.push(all.row);
    allRisk = all.bulletin;
    ctx.log(`  A: ${fmt.num(all.row.enterprises)} entries in ${fmt.secs(all.row.wallMs)}`);
    rows.push((await publishA(ctx, city, chief, 'risk', { type: 'stations', stationIds: [bigStation] }, `one station (${bigStation})`)).row);
    rows.push((await publishA(ctx, city, centre, 'risk', { type: 'industry', industry: 'wholesale-retail' }, 'one industry, city-wide (批发和零售业)')).row);
    rows.push((await publishA(ctx, city, chief, 'risk', { type: 'industry', industry: 'wholesale-retail', stationId: bigStation }, `one industry in ${bigStation}`)).row);
    rows.push((await publishA(ctx, city, centre, 'policy', { type: 'all' }, 'all, 政策解读 (no receipts gsi, no subscribe messages)')).row);
  } finally {
    Object.assign(bulletinSettings, saved);
  }

  // A sample enterprise with a history: 60 items addressed to it besides the two above; 1 in 20 of the city has read the warning.
  const sample = city.enterprises.find((e) => e.stationId === bigStation && e.industry === 'wholesale-retail')!;
  const principal: Principal = { role: 'enterprise', userId: 'u-bench', enterpriseId: sample.id, memberRole: 'owner' };
  for (let i = 0; i < 60; i++) {
    await createBulletin(
      chief,
      { kind: (['support', 'legal', 'policy', 'risk'] as const)[i % 4], title: `第${i + 1}期助企通知`, body, audience: { type: 'enterprises', enterpriseIds: [sample.id] } },
      new Date(ctx.now.getTime() - (60 - i) * 86_400_000),
    );
  }
  const readers = city.enterprises.filter((_, i) => i % 20 === 0);
  for (const e of readers) await bulletinRepository.markRead({ ...allRisk!, publishedAt: allRisk!.publishedAt! }, e.id, ctx.now.toISOString());

  ctx.appCapacity.take();
  const feedPage = await bulletinRepository.listFeed(sample.id, undefined, { limit: 20 });
  const rcuFeedA = ctx.appCapacity.take().read;
  await bulletinRepository.listFeed(sample.id, 'risk', { limit: 20 });
  const rcuFeedKindA = ctx.appCapacity.take().read;
  const unread = await feedUnreadCounts(principal);
  const rcuUnreadA = ctx.appCapacity.take().read;
  await listBulletinReceipts(centre, allRisk!.id, { state: 'unread', limit: 20 });
  const rcuUnreadReceiptsA = ctx.appCapacity.take().read;
  await listBulletinReceipts(centre, allRisk!.id, { state: 'read', limit: 20 });
  const rcuReadReceiptsA = ctx.appCapacity.take().read;

  // B: the same history, one item per audience.
  const doc = documentClient(ctx.endpoint);
  const b = new DesignB(doc, ctx.tableName);
  const publishB: Data['publishB'] = [];
  const stub = (id: string, kind: BulletinKind, daysAgo: number) => ({
    id,
    kind,
    publishedAt: new Date(ctx.now.getTime() - daysAgo * 86_400_000).toISOString(),
    title: '警惕冒充税务人员“退税”诈骗',
    summary: allRisk!.summary,
    publisherName: '助企警务中心',
  });
  publishB.push({ audience: 'all', wcu: await b.publish('AUD#ALL', stub('BALL', 'risk', 0)) });
  publishB.push({ audience: 'one station', wcu: await b.publish(`AUD#STATION#${bigStation}`, stub('BST', 'risk', 0)) });
  publishB.push({ audience: 'one industry', wcu: await b.publish('AUD#INDUSTRY#wholesale-retail', stub('BIND', 'risk', 0)) });
  for (let i = 0; i < 60; i++) {
    const pk = audKeys(sample)[i % 5];
    await b.publish(pk, stub(`BH${i}`, (['support', 'legal', 'policy', 'risk'] as const)[i % 4], 60 - i));
    if (i % 3 === 0) await b.markRead(sample.id, `BH${i}`, ctx.now.toISOString());
  }
  for (const e of readers) await b.markRead(e.id, 'BALL', ctx.now.toISOString());
  b.take();
  await b.feedPage(sample);
  const rcuFeedB = b.take().read;
  await b.unreadCount(sample);
  const rcuUnreadB = b.take().read;
  const mostlyUnread = await b.unreadReceipts(city.stations, 'BALL');
  const rcuUnreadReceiptsB = b.take().read;
  // When most have read: 19 of 20 read, so a page of 20 unread needs ~400 enterprises walked.
  const firstStations = new Set(city.stations.slice(0, 5));
  let k = 0;
  for (const e of city.enterprises) if (firstStations.has(e.stationId) && k++ % 20 !== 0) await b.markRead(e.id, 'BALL2', ctx.now.toISOString());
  b.take();
  const mostlyRead = await b.unreadReceipts(city.stations, 'BALL2');
  const rcuUnreadReceiptsB2 = b.take().read;
  doc.destroy();

  const reads: Data['reads'] = [
    { what: 'feed page (20, newest first)', a: rcuFeedA, b: rcuFeedB, note: 'A: one Query; B: five Queries of 20 merged + BatchGet of 20 read markers' },
    { what: 'feed page, one kind', a: rcuFeedKindA, b: rcuFeedB, note: 'A: one Query on gsi1; B: as above on the kind GSI' },
    { what: `unread count (${unread.total} unread)`, a: rcuUnreadA, b: rcuUnreadB, note: `A: sparse gsi2, at most 100 items; B: COUNT over every audience partition's history minus markers` },
    { what: 'receipts: 20 not yet read (5% read)', a: rcuUnreadReceiptsA, b: rcuUnreadReceiptsB, note: `B walked ${mostlyUnread.walked} enterprises` },
    { what: 'receipts: 20 not yet read (95% read)', a: rcuUnreadReceiptsA, b: rcuUnreadReceiptsB2, note: `B walked ${mostlyRead.walked} enterprises` },
    { what: 'receipts: 20 read', a: rcuReadReceiptsA, b: rcuReadReceiptsA, note: 'both: a Query on a per-bulletin index' },
  ].map((r) => ({ ...r, a: round(r.a), b: round(r.b) }));
  void feedPage;
  // A: the entry (≤1 KB) is rewritten in the table and gsi1, leaves gsi2, moves within gsi3 (delete + put): 5 units;
  // the counters item (under 1 KB, no GSI) 1 unit; ×2 in a transaction. B: one read marker (table + its GSI).
  const confirmWcu = { a: 2 * (5 + 1), b: 2 };
  const data: Data = { city: { enterprises: city.enterprises.length, stations: city.stations.length }, publish: rows, reads, publishB, fanoutWallMs: rows[0].wallMs, confirmWcu };
  return { data, ...render(data) };
}

function render(d: Data) {
  const pub: Table = {
    headers: ['A: publish to', 'enterprises', 'WCU entries', 'WCU job+bulletin', 'WCU total (AWS)', 'RCU (audience walk + grant look-ups)', 'Local-reported WCU', 'wall', 'entries/s'],
    rows: d.publish.map((r) => [
      r.audience,
      fmt.num(r.enterprises),
      fmt.num(r.wcuEntries),
      fmt.num(r.wcuOther),
      fmt.num(r.wcuTotal),
      fmt.num(r.rcu),
      fmt.num(r.localWcu),
      fmt.secs(r.wallMs),
      fmt.num(Math.round(r.perSecond)),
    ]),
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  };
  const pubB: Table = { headers: ['B: publish to', 'WCU'], rows: [...d.publishB.map((r) => [r.audience, String(r.wcu)]), ['one 已阅知 (A / B)', `${d.confirmWcu.a} / ${d.confirmWcu.b}`]], align: ['l', 'r'] };
  const reads: Table = {
    headers: ['read (RCU, eventually consistent)', 'A write-per-enterprise', 'B merged on read', 'how'],
    rows: d.reads.map((r) => [r.what, String(r.a), String(r.b), r.note]),
    align: ['l', 'r', 'r', 'l'],
  };
  const intro = `City of ${fmt.num(d.city.enterprises)} enterprises in ${d.city.stations} stations. A's WCU are computed from item sizes as AWS charges them (table + each GSI, ×2 in transactions); RCU as DynamoDB Local reports them.`;
  return {
    markdown: `${intro}\n\n${markdownTable(pub)}\n\n${markdownTable(pubB)}\n\n${markdownTable(reads)}\n`,
    text: `${textTable(pub)}\n\n${textTable(pubB)}\n\n${textTable(reads)}`,
  };
}

export const bulletinsModule: BenchModule = { id: 'bulletins', title: 'Bulletins: fan-out on write vs. merged on read', order: 30, run };
