/**
 * Never lose, never duplicate, under a database outage. DynamoDB Local on disk (-dbPath) serves 24
 * concurrent writers filing appeals, posting messages and booking slots through the real handlers, each
 * request with its own Idempotency-Key and retried with that key on 503 / 409 处理中 as the app does.
 * Mid-load the emulator is killed (SIGKILL) and restarted on the same data and port. Then:
 *   - every acknowledged (2xx) record is present; none is duplicated (one record per key);
 *   - nothing is half-written: appeal ↔ history ↔ queue entries, messages ↔ appeal, seat counters =
 *     active bookings;
 *   - no request answered 500 (during the outage: 503 with Retry-After);
 *   - every acknowledged request sent again with its key returns the stored answer;
 *   - the API serves again without a restart of the handlers.
 */
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createAppTable, startDynamoLocal, type DynamoLocal } from '../../dev/dynamodb-local';
import type { Reply } from '../support/http';

const WRITERS = 24;
const SEATS = 3;
const SLOTS = 8;

let local: DynamoLocal;
let dbPath: string;
// Loaded after DYNAMODB_ENDPOINT points at this file's own emulator (the client is made on first use).
let mod: {
  call: typeof import('../support/http').call;
  appeals: typeof import('../../functions/handlers/appeals').handler;
  bookings: typeof import('../../functions/handlers/bookings').handler;
  db: typeof import('../../functions/lib/dynamo').db;
  table: typeof import('../../functions/lib/dynamo').table;
};

type Op = { kind: 'appeal' | 'message' | 'booking'; key: string; marker: string; route: 'createAppeal' | 'postAppealMessage' | 'createBooking'; params?: Record<string, string>; body: unknown; token: string };
type Attempt = { status: number; code?: string; start: number; end: number; retryAfter?: string };
type Outcome = { op: Op; attempts: Attempt[]; final: Reply | null };

let tokens: string[] = [];
let enterpriseIds: string[] = [];
let slotStarts: string[] = [];
let stationId: string;

beforeAll(async () => {
  dbPath = mkdtempSync(path.join(tmpdir(), 'fault-ddb-'));
  local = await startDynamoLocal({ dbPath });
  process.env.DYNAMODB_ENDPOINT = local.endpoint;
  process.env.IDEMPOTENCY_LEASE_SECONDS = '3';
  const name = `fault-${Date.now().toString(36)}`;
  await createAppTable(local.endpoint, name, { fresh: true });
  process.env.TABLE_NAME = name;

  const [{ call }, { handler: appeals }, { handler: bookings }, dynamo, fixtures, { enterpriseItem }, { issueAccessToken }, { bookingRepository }, schemas, slots] = await Promise.all([
    import('../support/http'),
    import('../../functions/handlers/appeals'),
    import('../../functions/handlers/bookings'),
    import('../../functions/lib/dynamo'),
    import('../support/fixtures'),
    import('../../functions/repositories/enterprise-repository'),
    import('../../functions/lib/tokens'),
    import('../../functions/repositories/booking-repository'),
    import('../../shared/bookings/schemas'),
    import('../../shared/bookings/slots'),
  ]);
  mod = { call, appeals, bookings, db: dynamo.db, table: dynamo.table };
  const { a } = await fixtures.twoStations();
  stationId = a.stationId;
  enterpriseIds = Array.from({ length: WRITERS }, (_, n) => `fault-ent-${n}`);
  await fixtures.writeItems(
    enterpriseIds.map((id, n) =>
      enterpriseItem({
        id,
        name: `重庆容灾${n}号科技有限公司`,
        creditCode: fixtures.makeCreditCode(90000 + n),
        industry: 'wholesale-retail',
        address: '重庆市渝中区解放碑民族路188号',
        stationId: a.stationId,
        officerId: a.officers[n % 2].id,
        contactName: '张经理',
        contactMobile: fixtures.nextMobile(),
        employeeCount: 20,
        createdAt: '2026-11-02T01:00:00.000Z',
        version: 1,
      }),
    ),
  );
  tokens = await Promise.all(enterpriseIds.map((id) => issueAccessToken({ role: 'enterprise', userId: `u-${id}`, enterpriseId: id, memberRole: 'owner' })));
  await bookingRepository.putSchedule(a.stationId, { ...schemas.DEFAULT_STATION_SCHEDULE, maxActivePerEnterpriseService: 20 }, [], new Date());
  const set = await call(bookings, 'setBookingService', { token: a.tokens.chief, params: { stationId: a.stationId, serviceId: 'consultation' }, body: { enabled: true, seatsPerSlot: SEATS, slotMinutes: 30 } });
  expect(set.status).toBe(200);
  const list = await call(bookings, 'listBookingSlots', { token: tokens[0], params: { stationId: a.stationId, serviceId: 'consultation' } });
  slotStarts = list.body.items
    .filter((s: { date: string }) => s.date > slots.localDateOf(Date.now()))
    .slice(0, SLOTS)
    .map((s: { start: string }) => s.start);
  expect(slotStarts).toHaveLength(SLOTS);
}, 90_000);

afterAll(async () => {
  await local?.stop();
  rmSync(dbPath, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The app's request layer: one key per action, retried with it on 503 and 409 处理中, with back-off. */
async function perform(op: Op, until: () => boolean): Promise<Outcome> {
  const attempts: Attempt[] = [];
  for (let n = 0; ; n++) {
    const start = Date.now();
    const reply = await mod.call(op.route === 'createAppeal' ? mod.appeals : op.route === 'postAppealMessage' ? mod.appeals : mod.bookings, op.route, {
      token: op.token,
      params: op.params,
      body: op.body,
      headers: { 'Idempotency-Key': op.key },
    });
    attempts.push({ status: reply.status, code: reply.body?.error?.code, start, end: Date.now(), retryAfter: reply.headers?.['retry-after'] });
    const retry = reply.status === 503 || (reply.status === 409 && reply.body.error.code === 'REQUEST_IN_PROGRESS');
    if (!retry) return { op, attempts, final: reply };
    if (until() && n > 40) return { op, attempts, final: null };
    await sleep(Math.min(1000, 100 * 2 ** Math.min(n, 4)) * (0.5 + Math.random()));
  }
}

it('kill DynamoDB Local mid-load: nothing acknowledged is lost, nothing half-written or duplicated, 503 not 500, and it serves again', async () => {
  const outcomes: Outcome[] = [];
  let killedAt = 0;
  let restartedAt = 0;
  let stopAt = Infinity;
  let acked = 0;
  const done = () => Date.now() > stopAt;

  const writer = async (w: number) => {
    const token = tokens[w];
    let appealId: string | undefined;
    for (let j = 0; !done(); j++) {
      const kind = j % 3 === 0 || !appealId ? 'appeal' : j % 3 === 1 ? 'message' : 'booking';
      const key = `fault-${w}-${j}`;
      const marker = `w${w}-${j}`;
      const op: Op =
        kind === 'appeal'
          ? {
              kind,
              key,
              marker,
              token,
              route: 'createAppeal',
              body: { type: 'help', category: 'other', urgency: 'normal', title: `容灾测试诉求${marker}`, description: '断电演练期间提交的求助，用于核对记录是否完整。', place: '渝中区解放碑' },
            }
          : kind === 'message'
            ? { kind, key, marker, token, route: 'postAppealMessage', params: { appealId: appealId! }, body: { text: `容灾留言${marker}` } }
            : {
                kind,
                key,
                marker,
                token,
                route: 'createBooking',
                body: { serviceId: 'consultation', slotStart: slotStarts[(w + j) % SLOTS], contactName: '张经理', contactMobile: `13${String(w).padStart(2, '0')}${String(j).padStart(7, '0')}`, people: 1, onSite: false },
              };
      const outcome = await perform(op, done);
      outcomes.push(outcome);
      if (outcome.final && outcome.final.status < 300) acked++;
      if (kind === 'appeal' && outcome.final?.status === 201) appealId = outcome.final.body.appeal.id;
    }
  };

  const started = Date.now();
  const load = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  // Kill once the load is in full swing (a few dozen writes acknowledged), whatever the machine's speed.
  for (const deadline = Date.now() + 20_000; acked < 2 * WRITERS && Date.now() < deadline; ) await sleep(50);
  killedAt = Date.now();
  process.kill(local.pid, 'SIGKILL');
  await sleep(2000);
  local = await startDynamoLocal({ dbPath, port: local.port });
  restartedAt = Date.now();
  stopAt = Date.now() + 3000;
  await load;

  // ---- the figures -------------------------------------------------------------------------------------
  const attempts = outcomes.flatMap((o) => o.attempts);
  const during = attempts.filter((a) => a.start >= killedAt && a.end <= restartedAt);
  const acknowledged = outcomes.filter((o) => o.final && o.final.status >= 200 && o.final.status < 300);
  const alreadyDone = outcomes.filter((o) => o.final?.body?.error?.code === 'REQUEST_ALREADY_DONE');
  const unresolved = outcomes.filter((o) => !o.final);

  const items = await scanAll();
  const byEntity = (e: string) => items.filter((i) => i.entity === e);
  const appealsStored = byEntity('appeal');
  const messagesStored = byEntity('appeal-message');
  const bookingsStored = byEntity('booking');
  const recordsOf = (op: Op) =>
    op.kind === 'appeal'
      ? appealsStored.filter((a) => a.title === `容灾测试诉求${op.marker}`)
      : op.kind === 'message'
        ? messagesStored.filter((m) => m.text === `容灾留言${op.marker}`)
        : bookingsStored.filter((b) => b.contactMobile === (op.body as { contactMobile: string }).contactMobile);
  const lost = acknowledged.filter((o) => recordsOf(o.op).length !== 1);
  const duplicated = outcomes.filter((o) => recordsOf(o.op).length > 1);
  // Refused in the end (4xx other than 已成功提交) or given up, yet written anyway.
  const writtenThoughFailed = outcomes.filter((o) => !acknowledged.includes(o) && !alreadyDone.includes(o) && recordsOf(o.op).length > 0);
  const halfWritten = halfWrittenRecords(items);

  const figures = {
    requests: attempts.length,
    operations: outcomes.length,
    acknowledged: acknowledged.length,
    lost: lost.length,
    duplicated: duplicated.length,
    halfWritten: halfWritten.length,
    '500s': attempts.filter((a) => a.status === 500).length,
    duringOutage: during.length,
    '503sDuringOutage': during.filter((a) => a.status === 503).length,
    committedAnswerLost: alreadyDone.length,
    writtenThoughFailed: writtenThoughFailed.length,
    unresolved: unresolved.length,
    outageMs: restartedAt - killedAt,
    totalMs: Date.now() - started,
  };
  console.log(`fault test: ${JSON.stringify(figures)}`);

  expect(during.length).toBeGreaterThan(0);
  expect(attempts.filter((a) => a.status === 500)).toEqual([]);
  expect(during.filter((a) => a.status !== 503)).toEqual([]);
  for (const a of attempts.filter((x) => x.status === 503)) expect(a.retryAfter).toBeDefined();
  expect(lost.map((o) => o.op.key)).toEqual([]);
  expect(duplicated.map((o) => o.op.key)).toEqual([]);
  expect(writtenThoughFailed.map((o) => o.op.key)).toEqual([]);
  expect(halfWritten).toEqual([]);
  for (const o of alreadyDone) expect(recordsOf(o.op)).toHaveLength(1);

  // Every acknowledged request, sent again with its key, gets the stored answer.
  const replays = await Promise.all(
    acknowledged.map(async (o) => ({
      o,
      again: await mod.call(o.op.route === 'createBooking' ? mod.bookings : mod.appeals, o.op.route, { token: o.op.token, params: o.op.params, body: o.op.body, headers: { 'Idempotency-Key': o.op.key } }),
    })),
  );
  // Except where the database died between the commit and storing the answer: the request was answered
  // 2xx all the same, and a retry is told 已成功提交 (409 REQUEST_ALREADY_DONE) — never a second record.
  const notStored = replays.filter(({ again }) => again.body?.error?.code === 'REQUEST_ALREADY_DONE');
  console.log(`fault test: ${replays.length - notStored.length} acknowledged requests replayed identically, ${notStored.length} answered 已成功提交 (answer not stored: the database died right after the commit)`);
  for (const { o, again } of replays.filter((r) => !notStored.includes(r))) {
    expect(again.status).toBe(o.final!.status);
    expect(again.body).toEqual(o.final!.body);
  }
  for (const { o } of notStored) expect(recordsOf(o.op)).toHaveLength(1);
  expect(notStored.length).toBeLessThanOrEqual(WRITERS);

  // And the API serves new work without a restart.
  const fresh = await mod.call(mod.appeals, 'createAppeal', {
    token: tokens[0],
    body: { type: 'help', category: 'other', urgency: 'normal', title: '恢复后的新诉求', description: '数据库恢复后提交的求助。', place: '渝中区解放碑' },
    headers: { 'Idempotency-Key': 'fault-after' },
  });
  expect(fresh.status).toBe(201);
}, 120_000);

async function scanAll(): Promise<Record<string, any>[]> {
  const out: Record<string, any>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await mod.db().send(new ScanCommand({ TableName: mod.table(), ExclusiveStartKey: start, ConsistentRead: true }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Records whose parts disagree: an appeal without history or queue entry (or the reverse), a message without its appeal, a seat counter ≠ its bookings. */
function halfWrittenRecords(items: Record<string, any>[]): string[] {
  const problems: string[] = [];
  const appeals = new Map(items.filter((i) => i.entity === 'appeal').map((a) => [a.id as string, a]));
  const history = new Set(items.filter((i) => i.entity === 'appeal-history').map((h) => h.appealId as string));
  const entQueue = new Set(items.filter((i) => i.entity === 'appeal-queue' && /^ENT#[^#]+#APPEALS$/.test(i.pk)).map((q) => q.id as string));
  for (const id of appeals.keys()) {
    if (!history.has(id)) problems.push(`appeal ${id} without history`);
    if (!entQueue.has(id)) problems.push(`appeal ${id} missing from its enterprise's queue`);
  }
  for (const q of items.filter((i) => i.entity === 'appeal-queue')) if (!appeals.has(q.id)) problems.push(`queue ${q.pk} points at missing appeal ${q.id}`);
  for (const h of history) if (!appeals.has(h)) problems.push(`history of missing appeal ${h}`);
  for (const m of items.filter((i) => i.entity === 'appeal-message')) if (!appeals.has(m.appealId)) problems.push(`message ${m.id} of missing appeal`);

  const booked = new Map<string, number>();
  for (const b of items.filter((i) => i.entity === 'booking' && i.status === 'booked')) {
    const day = b.slotStart.slice(0, 10);
    const counterKey = `SLOTS#${b.stationId}#`;
    const k = items.find((c) => c.entity === 'slot-counter' && c.pk.startsWith(counterKey) && c.sk.includes(new Date(b.slotStart).toISOString()));
    const id = k ? `${k.pk}|${k.sk}` : `missing counter ${day}`;
    booked.set(id, (booked.get(id) ?? 0) + 1);
  }
  for (const c of items.filter((i) => i.entity === 'slot-counter')) {
    const n = booked.get(`${c.pk}|${c.sk}`) ?? 0;
    if (Number(c.booked ?? 0) !== n) problems.push(`seat counter ${c.sk}: ${c.booked} booked, ${n} active bookings`);
  }
  for (const id of booked.keys()) if (id.startsWith('missing')) problems.push(id);
  const codes = new Set(items.filter((i) => i.entity === 'booking-code').map((c) => c.bookingId as string));
  for (const b of items.filter((i) => i.entity === 'booking')) if (!codes.has(b.id)) problems.push(`booking ${b.id} without its code marker`);
  void stationId;
  return problems;
}
