/**
 * 证据材料: the upload path's latency against the local stack, and what one attachment costs in DynamoDB.
 *
 * Local S3 (dev/s3-local.ts, enforcing the presigned POST policy) and the fake WeChat (dev/wechat-fake.ts) run
 * in this process; the handlers are invoked in-process with API Gateway v2 events and real signed tokens
 * (tests/support/http.ts `call`, as bench/api.ts does), stage prod. WeChat's verdict reaches the evidence
 * function through a small HTTP relay, as API Gateway would deliver POST /wechat/push.
 *
 * (a) latency, one image upload at a time by a seeded enterprise owner (200 KB): presign (POST /attachments/
 *     uploads) → POST of the bytes to S3 → confirm (HeadObject, mediaCheckAsync, the attachment written,
 *     status 待审核) → checked (the fake fetched the file with its presigned GET, pushed the verdict, and the
 *     push handler stored 已通过). Each leg and the whole path: median and p95.
 * (b) capacity, as AWS charges it (ReturnConsumedCapacity TOTAL on the app's own client; transactions costed by
 *     replay on a shadow table, bench/dynamo.ts): each leg's reads and writes; linking, as the difference between
 *     a message posted with one photo and one posted without; reads of the appeal page and of a conversation
 *     page of 20 messages, each with one photo, against the same pages without photos.
 */
import { createServer, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createHash, randomBytes } from 'node:crypto';
import { LOCAL_S3_ACCESS_KEY, LOCAL_S3_SECRET, startS3Local } from '../dev/s3-local';
import { startWechatFake } from '../dev/wechat-fake';
import { handler as appealsHandler } from '../functions/handlers/appeals';
import { handler as evidenceHandler } from '../functions/handlers/evidence';
import { issueAccessToken } from '../functions/lib/tokens';
import { resetAccessToken } from '../functions/lib/wechat-client';
import type { Principal } from '../shared/domain/principal';
import { call } from '../tests/support/http';
import { fmt, markdownTable, percentile, textTable, type Table } from './lib';
import type { BenchContext, BenchModule } from './module';

const IMAGE_BYTES = 200 * 1024;
const PAGE = 20;
const PUSH_TOKEN = 'bench-wechat-push-token';
const ATTACHMENT_IN_URL = /evidence\/[^/]+\/([0-9A-Z]{26})/;

type Leg = 'presign' | 's3' | 'confirm' | 'checked' | 'total';
const LEGS: { id: Leg; label: string }[] = [
  { id: 'presign', label: 'presign: POST /attachments/uploads (the presigned POST)' },
  { id: 's3', label: 'POST of 200 KB to the local S3 (policy checked)' },
  { id: 'confirm', label: 'confirm: HeadObject + mediaCheckAsync + write (待审核)' },
  { id: 'checked', label: 'confirm → checked (WeChat fetches, pushes; 已通过 stored)' },
  { id: 'total', label: 'presign → checked, the whole path' },
];

type LegStats = { n: number; p50: number; p95: number; max: number };
const stats = (xs: number[]): LegStats => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN };
};

type Cost = { rcu: number; wcu: number; calls: number };
type PageCost = { messages: Cost; appeal: Cost; items: number; photos: number; appealPhotos: number };
type Data = {
  samples: { n: number; warmup: number; bytes: number; refusedPushes: number };
  latency: Record<Leg, LegStats>;
  capacity: { legs: Record<'presign' | 'confirm' | 'check', Cost>; link: Cost; withPhoto: Cost; withoutPhoto: Cost; perAttachment: { rcu: number; wcu: number }; photoPage: PageCost; plainPage: PageCost };
};

const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(IMAGE_BYTES - 6), Buffer.from([0xff, 0xd9])]);

async function postToS3(form: { url: string; fields: Record<string, string> }, bytes: Buffer): Promise<void> {
  const body = new FormData();
  for (const [k, v] of Object.entries(form.fields)) body.append(k, v);
  body.append('file', new Blob([new Uint8Array(bytes)]), 'photo.jpg');
  const res = await fetch(form.url, { method: 'POST', body });
  if (res.status !== 204) throw new Error(`S3 POST answered ${res.status}: ${await res.text()}`);
}

async function run(ctx: BenchContext): Promise<{ data: Data; markdown: string; text: string }> {
  const n = ctx.quick ? 8 : 30;
  const warmup = ctx.quick ? 2 : 5;
  const stageBefore = process.env.STAGE;
  process.env.STAGE = 'prod';
  process.env.TOKEN_SECRET ??= 'bench-token-secret-at-least-32-characters-long';

  const s3 = await startS3Local({ bucket: `${ctx.tableName}-evidence` });
  const wechat = await startWechatFake({ appid: 'wx-bench', secret: 'bench-secret' });
  // "checked": the push handler has answered for this attachment (its verdict is stored).
  const waiting = new Map<string, () => void>();
  let refusedPushes = 0;
  const relay: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://relay');
    const reply = await call(evidenceHandler, 'wechatPush', { query: Object.fromEntries(url.searchParams), rawBody });
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
    // A push that outran the confirm's write is refused (404) and WeChat retries it: checked is the 200.
    if (reply.status !== 200) {
      refusedPushes++;
      return;
    }
    const traceId = (JSON.parse(rawBody) as { trace_id?: string }).trace_id;
    const id = wechat.mediaChecks.find((c) => c.traceId === traceId)?.mediaUrl.match(ATTACHMENT_IN_URL)?.[1];
    if (id) waiting.get(id)?.();
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const relayUrl = `http://127.0.0.1:${(relay.address() as { port: number }).port}/wechat/push`;
  wechat.setPush(relayUrl, PUSH_TOKEN);
  Object.assign(process.env, {
    ATTACHMENTS_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: LOCAL_S3_ACCESS_KEY,
    S3_SECRET_ACCESS_KEY: LOCAL_S3_SECRET,
    WECHAT_API_BASE: wechat.url,
    WECHAT_APPID: 'wx-bench',
    WECHAT_SECRET: 'bench-secret',
    WECHAT_PUSH_TOKEN: PUSH_TOKEN,
  });
  resetAccessToken();

  const meter = ctx.appCapacity;
  try {
    // A seeded owner (a real user with an openid, which WeChat's check needs) and its liaison officer.
    const member = ctx.district.members.find((m) => m.memberRole === 'owner' && ctx.district.users.some((u) => u.userId === m.userId))!;
    const enterprise = ctx.district.enterprises.find((e) => e.id === member.enterpriseId)!;
    const officer = ctx.district.officers.find((o) => o.id === enterprise.officerId)!;
    const owner = await issueAccessToken({ role: 'enterprise', userId: member.userId, enterpriseId: enterprise.id, memberRole: 'owner' } satisfies Principal);
    const officerToken = await issueAccessToken({ role: 'officer', userId: officer.userId ?? `u-${officer.id}`, officerId: officer.id, stationId: officer.stationId });

    const cost = (): Cost => {
      const t = meter.take();
      return { rcu: t.read, wcu: t.write, calls: t.calls };
    };

    /** WeChat's pass verdict for the attachment's check, signed as the push is, straight to the handler; its cost. */
    const deliverVerdict = async (id: string): Promise<Cost> => {
      const check = wechat.mediaChecks.find((c) => c.mediaUrl.match(ATTACHMENT_IN_URL)?.[1] === id);
      if (!check) throw new Error(`no media check for ${id}`);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = '20261206';
      const signature = createHash('sha1').update([PUSH_TOKEN, timestamp, nonce].sort().join('')).digest('hex');
      cost();
      const reply = await call(evidenceHandler, 'wechatPush', {
        query: { signature, timestamp, nonce },
        rawBody: JSON.stringify({ Event: 'wxa_media_check', trace_id: check.traceId, errcode: 0, version: 2, result: { suggest: 'pass', label: 100 } }),
      });
      if (reply.status !== 200) throw new Error(`wechatPush answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      return cost();
    };

    /** One upload, leg by leg; `costs` when the capacity of each leg is wanted (replay on, so not timed). */
    const uploadOnce = async (purpose: 'appeal' | 'message', appealId?: string, costs?: Data['capacity']['legs']) => {
      const bytes = jpeg();
      if (costs) cost();
      const t0 = performance.now();
      const asked = await call(evidenceHandler, 'requestUpload', { token: owner, body: { purpose, appealId, contentType: 'image/jpeg', size: bytes.length, fileName: '现场.jpg' } });
      if (asked.status !== 201) throw new Error(`requestUpload answered ${asked.status}: ${JSON.stringify(asked.body)}`);
      const t1 = performance.now();
      if (costs) costs.presign = cost();
      await postToS3(asked.body, bytes);
      const t2 = performance.now();
      const id = asked.body.attachmentId as string;
      const checked = new Promise<number>((resolve) => waiting.set(id, () => resolve(performance.now())));
      const confirmed = await call(evidenceHandler, 'confirmUpload', { token: owner, params: { attachmentId: id } });
      if (confirmed.status !== 201 || confirmed.body.status !== 'uploaded') throw new Error(`confirmUpload answered ${confirmed.status}: ${JSON.stringify(confirmed.body)}`);
      const t3 = performance.now();
      if (costs) costs.confirm = cost();
      if (costs) {
        // Costed alone: WeChat's push (switched off meanwhile) is delivered here, after the confirm is costed.
        costs.check = await deliverVerdict(id);
        waiting.delete(id);
        return { id, ms: { presign: t1 - t0, s3: t2 - t1, confirm: t3 - t2, checked: NaN, total: NaN } as Record<Leg, number> };
      }
      const t4 = await Promise.race([checked, new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`no verdict for ${id} within 30 s`)), 30_000))]);
      waiting.delete(id);
      return { id, ms: { presign: t1 - t0, s3: t2 - t1, confirm: t3 - t2, checked: t4 - t3, total: t4 - t0 } as Record<Leg, number> };
    };

    // ---- (a) latency ------------------------------------------------------------------------------------
    ctx.log(`evidence: ${warmup} warm-up + ${n} uploads of ${IMAGE_BYTES / 1024} KB …`);
    for (let i = 0; i < warmup; i++) await uploadOnce('appeal');
    refusedPushes = 0;
    const samples: Record<Leg, number[]> = { presign: [], s3: [], confirm: [], checked: [], total: [] };
    for (let i = 0; i < n; i++) {
      const { ms } = await uploadOnce('appeal');
      for (const leg of LEGS) samples[leg.id].push(ms[leg.id]);
    }
    const latency = Object.fromEntries(LEGS.map((l) => [l.id, stats(samples[l.id])])) as Record<Leg, LegStats>;

    // ---- (b) capacity -----------------------------------------------------------------------------------
    const refusedWhileTimed = refusedPushes;
    meter.replayTransactions(true);
    wechat.setPush(null, PUSH_TOKEN);
    const filed = await call(appealsHandler, 'createAppeal', {
      token: owner,
      body: { type: 'help', category: 'other', urgency: 'normal', title: '仓库门口被人堵住', description: '有人把车停在仓库门口，货车无法进出，附现场照片。' },
    });
    if (filed.status !== 201) throw new Error(`createAppeal answered ${filed.status}: ${JSON.stringify(filed.body)}`);
    const appealId = filed.body.appeal.id as string;
    const legs = {} as Data['capacity']['legs'];
    const photo = await uploadOnce('message', appealId, legs);
    const post = async (attachmentIds: string[]) => {
      cost();
      const reply = await call(appealsHandler, 'postAppealMessage', { token: owner, params: { appealId }, body: { text: '补充现场照片', attachmentIds } });
      if (reply.status !== 201) throw new Error(`postAppealMessage answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      return cost();
    };
    const withPhoto = await post([photo.id]);
    const withoutPhoto = await post([]);
    const link: Cost = { rcu: withPhoto.rcu - withoutPhoto.rcu, wcu: withPhoto.wcu - withoutPhoto.wcu, calls: withPhoto.calls - withoutPhoto.calls };

    // Reads: a conversation page of 20 messages with one photo each, and the same page without photos.
    const pageCost = async (id: string): Promise<PageCost> => {
      cost();
      const messages = await call(appealsHandler, 'listAppealMessages', { token: officerToken, params: { appealId: id }, query: { limit: String(PAGE) } });
      const c1 = cost();
      const appeal = await call(appealsHandler, 'getAppeal', { token: officerToken, params: { appealId: id } });
      const c2 = cost();
      if (messages.status !== 200 || appeal.status !== 200) throw new Error(`reads answered ${messages.status} / ${appeal.status}`);
      const shown = (messages.body.items as { attachments?: unknown[] }[]).reduce((s, m) => s + (m.attachments?.length ?? 0), 0);
      return { messages: c1, appeal: c2, items: messages.body.items.length as number, photos: shown, appealPhotos: (appeal.body.attachments ?? []).length as number };
    };
    const fileWith = async (photos: number) => {
      const ids: string[] = [];
      for (let i = 0; i < photos; i++) ids.push((await uploadOnce('appeal')).id);
      const reply = await call(appealsHandler, 'createAppeal', {
        token: owner,
        body: { type: 'help', category: 'other', urgency: 'normal', title: '仓库门口被人堵住', description: '有人把车停在仓库门口，货车无法进出，附现场照片。', attachmentIds: ids },
      });
      if (reply.status !== 201) throw new Error(`createAppeal answered ${reply.status}: ${JSON.stringify(reply.body)}`);
      const id = reply.body.appeal.id as string;
      for (let i = 0; i < PAGE; i++) {
        const m = photos ? [(await uploadOnce('message', id)).id] : [];
        const r = await call(appealsHandler, 'postAppealMessage', { token: owner, params: { appealId: id }, body: { text: `第${i + 1}条补充说明`, attachmentIds: m } });
        if (r.status !== 201) throw new Error(`postAppealMessage answered ${r.status}`);
      }
      return id;
    };
    meter.replayTransactions(false);
    wechat.setPush(relayUrl, PUSH_TOKEN);
    ctx.log('evidence: conversations of 20 messages with and without photos …');
    const photoPage = await pageCost(await fileWith(2));
    const plainPage = await pageCost(await fileWith(0));

    const perAttachment = { wcu: legs.presign.wcu + legs.confirm.wcu + legs.check.wcu + link.wcu, rcu: legs.presign.rcu + legs.confirm.rcu + legs.check.rcu + link.rcu };
    const data: Data = { samples: { n, warmup, bytes: IMAGE_BYTES, refusedPushes: refusedWhileTimed }, latency, capacity: { legs, link, withPhoto, withoutPhoto, perAttachment, photoPage, plainPage } };
    return { data, ...render(data) };
  } finally {
    meter.replayTransactions(false);
    wechat.setPush(null, PUSH_TOKEN);
    await new Promise((r) => relay.close(r));
    await wechat.stop();
    await s3.stop();
    if (stageBefore === undefined) delete process.env.STAGE;
    else process.env.STAGE = stageBefore;
  }
}

function render(d: Data): { markdown: string; text: string } {
  const latency: Table = {
    headers: ['leg', 'p50 ms', 'p95 ms', 'max ms'],
    rows: LEGS.map((l) => [l.label, fmt.ms(d.latency[l.id].p50), fmt.ms(d.latency[l.id].p95), fmt.ms(d.latency[l.id].max)]),
    align: ['l', 'r', 'r', 'r'],
  };
  const c = d.capacity;
  const row = (label: string, x: Cost, note: string) => [label, fmt.cu(x.rcu), fmt.cu(x.wcu), note];
  const capacity: Table = {
    headers: ['step', 'RCU', 'WCU', 'what'],
    rows: [
      row('presign', c.legs.presign, 'no item: the form is signed, nothing stored'),
      row('confirm', c.legs.confirm, 'attachment + media-check marker, one transaction; reads: attachment, user'),
      row('check result (push)', c.legs.check, 'marker lookup + status update'),
      row('link (message with a photo − without)', c.link, 'attachment update + pointer, in the message’s transaction'),
      row('one image, all writes', { rcu: c.perAttachment.rcu, wcu: c.perAttachment.wcu, calls: 0 }, 'presign + confirm + check + link'),
      row(`conversation page (${c.photoPage.items} messages, ${c.photoPage.photos} photos)`, c.photoPage.messages, `without photos: ${fmt.cu(c.plainPage.messages.rcu)} RCU`),
      // The appeal page reads every attachment of the appeal (its messages' too) to show its own few.
      row(`appeal page (${c.photoPage.appealPhotos} own photos, ${c.photoPage.appealPhotos + c.photoPage.photos} in the conversation)`, c.photoPage.appeal, `without photos: ${fmt.cu(c.plainPage.appeal.rcu)} RCU`),
    ],
    align: ['l', 'r', 'r', 'l'],
  };
  const intro = [
    `${d.samples.n} image uploads of ${d.samples.bytes / 1024} KB after ${d.samples.warmup} warm-up, one at a time: handlers in-process (stage prod), the local S3 and the fake WeChat over HTTP in this process.`,
    `WeChat's push outran the confirm's write ${d.samples.refusedPushes} times in the timed uploads (refused with 404 and retried by WeChat 200 ms later: counted in confirm → checked).`,
    'Capacity as AWS charges it (transactions replayed on a shadow table); linking is a message posted with one photo minus one posted without.',
  ].join(' ');
  return {
    markdown: `${intro}\n\n${markdownTable(latency)}\n\n${markdownTable(capacity)}\n`,
    text: `${textTable(latency)}\n\n${textTable(capacity)}`,
  };
}

export const evidenceModule: BenchModule = { id: 'evidence', title: '证据材料: upload path latency and capacity per attachment', order: 25, run };
