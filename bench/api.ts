/**
 * API overhead: the real Lambda handlers (JWT check, zod parsing, the service, JSON out) against the one raw
 * DynamoDB request each call stands for, in the same run.
 *
 * The handlers are invoked in-process with API Gateway v2 events, as the integration tests do
 * (tests/support/http.ts `call`), with a real access token signed by functions/lib/tokens. The stage is prod
 * while measuring (the dev stage also checks every response against its schema, which prod does not).
 *
 * - create-appeal: POST /appeals by an enterprise of the seeded district. The TransactItems the app sends are
 *   captured by a middleware on its document client (before the idempotency marker is added), and the raw side
 *   replays them — the appeal id and the outbox item id replaced by fresh ULIDs everywhere — as one
 *   TransactWriteItems on a plain document client. Also measured with an Idempotency-Key, as the mini-program
 *   sends it (claim Put + marker in the transaction + stored answer), against the same raw transaction.
 * - officer inbox: GET /officers/{officerId}/inbox by that officer, page of 20, against a Query of the same
 *   partition, direction and Limit on the plain document client.
 *
 * App and raw alternate in a random order per round after a warm-up. One create is also traced: every
 * DynamoDB request the app's client sends, in order, grouped into sequential round trips.
 */
import { QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { handler as appealsHandler } from '../functions/handlers/appeals';
import { db } from '../functions/lib/dynamo';
import { issueAccessToken } from '../functions/lib/tokens';
import type { Principal } from '../shared/domain/principal';
import { call } from '../tests/support/http';
import { documentClient } from './dynamo';
import { fmt, interleave, markdownTable, summarise, textTable, type Stats, type Table } from './lib';
import type { BenchModule } from './module';

const GOAL = 1.5;
const PAGE = 20;
const BODY = {
  type: 'help',
  category: 'security-check',
  urgency: 'normal',
  title: '仓库安全隐患请求协助排查',
  description: '仓库新增了一批货架和电气设备，请联络官协助排查消防和防盗方面的隐患。',
} as const;

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;
type Sent = { command: string; start: number; end: number };

/**
 * A middleware on the app's document client: keeps the TransactItems of the last transaction (as the service
 * built them) and, while tracing, every request with its start and end.
 */
function watchAppClient() {
  let lastTransaction: TransactItems | null = null;
  let trace: Sent[] | null = null;
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TransactItems?: TransactItems };
      if (input.TransactItems) lastTransaction = input.TransactItems; // read-only here: replays copy it
      const start = performance.now();
      try {
        return await next(args);
      } finally {
        trace?.push({ command: context.commandName ?? '?', start, end: performance.now() });
      }
    },
    { step: 'initialize', name: 'benchApiWatch', override: true },
  );
  return {
    takeTransaction() {
      const t = lastTransaction;
      lastTransaction = null;
      if (!t) throw new Error('the app sent no transaction');
      return t;
    },
    trace: async (fn: () => Promise<unknown>) => {
      trace = [];
      try {
        await fn();
        return trace;
      } finally {
        trace = null;
      }
    },
  };
}

type Wave = { start: number; end: number; commands: string[] };

/** Requests that overlap in time are one round trip; the next starts after all of them ended. */
function waves(sent: Sent[]): Wave[] {
  const out: Wave[] = [];
  for (const s of [...sent].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.commands.push(s.command.replace(/Command$/, ''));
      last.end = Math.max(last.end, s.end);
    } else out.push({ start: s.start, end: s.end, commands: [s.command.replace(/Command$/, '')] });
  }
  return out;
}
const roundTrips = (sent: Sent[]) => waves(sent).map((w) => w.commands);

/** Where a create's time goes, over several traced requests: each round trip's p50, and the rest (handler code). */
type Breakdown = { trips: { commands: string[]; p50: number }[]; total: number; outsideDynamo: number };
function breakdown(traced: { ms: number; sent: Sent[] }[]): Breakdown {
  const shape = roundTrips(traced[0].sent).map((w) => w.join(' + '));
  const same = traced.filter(
    (t) =>
      roundTrips(t.sent)
        .map((w) => w.join(' + '))
        .join() === shape.join(),
  );
  const per = shape.map((_, i) => summarise(same.map((t) => waves(t.sent)[i].end - waves(t.sent)[i].start)).p50);
  const dynamo = same.map((t) => waves(t.sent).reduce((sum, w) => sum + w.end - w.start, 0));
  return {
    trips: shape.map((c, i) => ({ commands: c.split(' + '), p50: per[i] })),
    total: summarise(same.map((t) => t.ms)).p50,
    outsideDynamo: summarise(same.map((t, i) => t.ms - dynamo[i])).p50,
  };
}

/** The same items under new ids: the appeal's and every outbox item's id, wherever they occur. */
function withFreshIds(items: TransactItems, appealId: string): TransactItems {
  const ids = new Set([appealId]);
  for (const t of items) {
    const pk = t.Put?.Item?.pk;
    if (typeof pk === 'string' && pk.startsWith('OUTBOX#')) ids.add(pk.slice('OUTBOX#'.length));
  }
  let text = JSON.stringify(items);
  for (const id of ids) text = text.split(id).join(ulid());
  return JSON.parse(text) as TransactItems;
}

type Row = { name: string; app: Stats; raw: Stats; ratio: number; ratioP90: number; goalMet: boolean; detail: string };

export const apiModule: BenchModule = {
  id: 'api',
  title: 'API overhead: handler vs raw DynamoDB request (create-appeal, officer inbox)',
  order: 8,
  async run(ctx) {
    const samples = ctx.quick ? { n: 40, warmup: 10, random: true } : { n: 200, warmup: 30, random: true };
    const stageBefore = process.env.STAGE;
    process.env.STAGE = 'prod';
    process.env.TOKEN_SECRET ??= 'bench-token-secret-at-least-32-characters-long';
    const plain = documentClient(ctx.endpoint);
    const watch = watchAppClient();
    try {
      // The busiest liaison officer on duty; appeals are filed by their enterprises, so the inbox fills up.
      const byOfficer = new Map<string, number>();
      for (const e of ctx.district.enterprises) byOfficer.set(e.officerId, (byOfficer.get(e.officerId) ?? 0) + 1);
      const officer = ctx.district.officers.filter((o) => !o.isChief && !o.onLeave).sort((a, b) => (byOfficer.get(b.id) ?? 0) - (byOfficer.get(a.id) ?? 0) || a.id.localeCompare(b.id))[0];
      const enterprises = ctx.district.enterprises.filter((e) => e.officerId === officer.id);
      const owners = new Map(ctx.district.members.filter((m) => m.memberRole === 'owner').map((m) => [m.enterpriseId, m.userId]));
      const tokens = await Promise.all(enterprises.map((e) => issueAccessToken({ role: 'enterprise', userId: owners.get(e.id) ?? `u-bench-${e.id}`, enterpriseId: e.id, memberRole: 'owner' } satisfies Principal)));
      const officerToken = await issueAccessToken({ role: 'officer', userId: officer.userId ?? `u-bench-${officer.id}`, officerId: officer.id, stationId: officer.stationId });

      let filed = 0;
      const create = async (key?: string) => {
        const i = filed++ % enterprises.length;
        const reply = await call(appealsHandler, 'createAppeal', { token: tokens[i], body: BODY, headers: key ? { 'idempotency-key': key } : {} });
        if (reply.status !== 201) throw new Error(`createAppeal answered ${reply.status}: ${JSON.stringify(reply.body)}`);
        return reply.body.appeal.id as string;
      };

      // The first create of a container also loads the working calendar (one Query, then cached 5 minutes).
      const coldSent = await watch.trace(() => create());
      // One create in a warm container, traced: what the request costs in DynamoDB round trips.
      const sent = await watch.trace(() => create());
      const trips = roundTrips(sent);
      ctx.log(`one create-appeal: ${sent.length} DynamoDB requests in ${trips.length} round trips: ${trips.map((w) => w.join(' + ')).join(' → ')}`);
      const sentKeyed = await watch.trace(() => create(ulid()));
      const tripsKeyed = roundTrips(sentKeyed);
      // The raw side replays the app's latest transaction (refreshed after every app create).
      let template: TransactItems = [];
      let templateId = '';
      const refreshTemplate = (appealId: string) => {
        template = watch.takeTransaction();
        templateId = appealId;
      };
      refreshTemplate(await create());
      const rawCreate = async () => {
        await plain.send(new TransactWriteCommand({ TransactItems: withFreshIds(template, templateId) }));
      };

      ctx.log('create-appeal: handler vs raw TransactWriteItems …');
      const creates = await interleave({ app: async () => refreshTemplate(await create()), raw: rawCreate }, samples);
      ctx.log('create-appeal with Idempotency-Key: handler vs raw TransactWriteItems …');
      const keyed = await interleave({ app: async () => void (await create(ulid())), raw: rawCreate }, samples);

      // Where the time goes: a series of traced creates (not part of the ratio).
      const traced: { ms: number; sent: Sent[] }[] = [];
      for (let i = 0; i < (ctx.quick ? 20 : 50); i++) {
        const t0 = performance.now();
        const s = await watch.trace(() => create());
        traced.push({ ms: performance.now() - t0, sent: s });
      }
      const createBreakdown = breakdown(traced);

      ctx.log('officer inbox: handler vs raw Query …');
      let appItems = 0;
      let rawItems = 0;
      const inbox = await interleave(
        {
          app: async () => {
            const reply = await call(appealsHandler, 'officerInbox', { token: officerToken, params: { officerId: officer.id }, query: { limit: String(PAGE) } });
            if (reply.status !== 200) throw new Error(`officerInbox answered ${reply.status}: ${JSON.stringify(reply.body)}`);
            appItems = reply.body.items.length;
          },
          raw: async () => {
            const out = await plain.send(
              new QueryCommand({ TableName: ctx.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `OFFICER#${officer.id}#INBOX` }, ScanIndexForward: true, Limit: PAGE }),
            );
            rawItems = out.Items?.length ?? 0;
          },
        },
        samples,
      );

      const row = (name: string, r: { app: { ms: number[] }; raw: { ms: number[] } }, detail: string): Row => {
        const app = summarise(r.app.ms);
        const raw = summarise(r.raw.ms);
        return { name, app, raw, ratio: app.p50 / raw.p50, ratioP90: app.p90 / raw.p90, goalMet: app.p50 / raw.p50 <= GOAL, detail };
      };
      const rows = [
        row('create-appeal (POST /appeals)', creates, `raw: TransactWriteItems of the same ${template.length} items`),
        row('create-appeal with Idempotency-Key', keyed, 'raw: the same transaction (no key)'),
        row(`officer inbox (GET /officers/{id}/inbox, limit ${PAGE})`, inbox, `raw: Query pk = OFFICER#…#INBOX, Limit ${PAGE}; ${appItems} / ${rawItems} items`),
      ];
      const data = {
        stage: 'prod',
        samples,
        officer: { id: officer.id, name: officer.name, enterprises: enterprises.length },
        createRequests: { requests: sent.map((s) => s.command), roundTrips: trips },
        createColdRequests: { requests: coldSent.map((s) => s.command), roundTrips: roundTrips(coldSent) },
        createBreakdown,
        createWithKeyRequests: { requests: sentKeyed.map((s) => s.command), roundTrips: tripsKeyed },
        transactionItems: template.length,
        rows,
        goal: GOAL,
      };
      return { data, ...render(data) };
    } finally {
      plain.destroy();
      db().middlewareStack.remove('benchApiWatch');
      if (stageBefore === undefined) delete process.env.STAGE;
      else process.env.STAGE = stageBefore;
    }
  },
};

type Data = {
  samples: { n: number; warmup: number };
  officer: { id: string; name: string; enterprises: number };
  createRequests: { requests: string[]; roundTrips: string[][] };
  createWithKeyRequests: { requests: string[]; roundTrips: string[][] };
  createColdRequests: { requests: string[]; roundTrips: string[][] };
  createBreakdown: Breakdown;
  rows: Row[];
};

function render(d: Data): { markdown: string; text: string } {
  const table: Table = {
    headers: ['request', 'app p50', 'app p90', 'raw p50', 'raw p90', 'app / raw (p50)', 'p90 ratio', 'raw side'],
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    rows: d.rows.map((r) => [
      r.name,
      fmt.ms(r.app.p50),
      fmt.ms(r.app.p90),
      fmt.ms(r.raw.p50),
      fmt.ms(r.raw.p90),
      fmt.ratio(r.ratio) + (r.name.includes('Idempotency') || r.goalMet ? '' : ' ✗'),
      fmt.ratio(r.ratioP90),
      r.detail,
    ]),
  };
  const trips = (x: { requests: string[]; roundTrips: string[][] }) => `${x.requests.length} requests in ${x.roundTrips.length} round trips (${x.roundTrips.map((w) => w.join(' + ')).join(' → ')})`;
  const notes = [
    `DynamoDB requests of one create-appeal through the handler: ${trips(d.createRequests)}; with an Idempotency-Key: ${trips(d.createWithKeyRequests)}; the first in a container: ${trips(d.createColdRequests)} (the working calendar, then cached).`,
    `Where a create's time goes (p50 of ${d.createBreakdown.trips.length ? 'traced creates' : '–'}, ms): ${d.createBreakdown.trips.map((t) => `${t.commands.join(' + ')} ${fmt.ms(t.p50)}`).join(' → ')}; outside DynamoDB (JWT, zod, service code, JSON) ${fmt.ms(d.createBreakdown.outsideDynamo)}; whole request ${fmt.ms(d.createBreakdown.total)}.`,
    `Goal: app / raw ≤ ${GOAL}× at p50 for create-appeal and the inbox (✗ marks a miss; the keyed create is shown for what the mini-program really sends, its claim and stored answer are two more round trips by design).`,
  ];
  const markdown = [
    `Handlers in-process (functions/handlers/appeals.ts) with API Gateway v2 events and real signed access tokens, stage prod; raw requests on a plain`,
    `document client. ${d.samples.n} rounds after ${d.samples.warmup} warm-up rounds, app and raw in a random order each round; latencies in ms.`,
    `Filed by the ${d.officer.enterprises} enterprises of ${d.officer.name} (${d.officer.id}), whose inbox is then read. The raw create replays the`,
    'TransactItems the app sent (captured on its client) with fresh appeal and outbox ids.',
    '',
    markdownTable(table),
    '',
    ...notes.map((n) => `- ${n}`),
  ].join('\n');
  return { markdown, text: [textTable(table), ...notes].join('\n') };
}
