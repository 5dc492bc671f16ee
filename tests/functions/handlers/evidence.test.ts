/**
 * 证据材料 end to end against the real local S3 (dev/s3-local.ts) and the fake WeChat: the presigned POST's
 * policy is enforced by the server; files attach to appeals and messages; 待审核 files are the uploader's
 * alone; WeChat's msgSecCheck refuses risky text and its mediaCheckAsync verdict (pushed to /wechat/push)
 * rejects a risky image; a WeChat that is down never refuses a user.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { shanghaiDate } from '../../../shared/dates';
import { handler as appeals } from '../../../functions/handlers/appeals';
import { handler as auth } from '../../../functions/handlers/auth';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as evidence } from '../../../functions/handlers/evidence';
import { handler as fieldwork } from '../../../functions/handlers/fieldwork';
import { handler as notifications } from '../../../functions/handlers/notifications';
import { handler as reports } from '../../../functions/handlers/reports';
import { db, table } from '../../../functions/lib/dynamo';
import { appealRepository } from '../../../functions/repositories/appeal-repository';
import { VersionConflict } from '../../../shared/errors';
import { issueAccessToken } from '../../../functions/lib/tokens';
import { resetAccessToken } from '../../../functions/lib/wechat-client';
import { startWechatFake, type FakeWechat } from '../../../dev/wechat-fake';
import { JPEG, PDF, postToS3, upload } from '../../support/evidence';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';
import { call } from '../../support/http';
import { drainOutbox } from '../../support/outbox';
import { createTestTable } from '../../support/table';

let a: Side;
let owner: { token: string; enterpriseId: string; officerId: string; userId: string };
let officerToken: string;
let wechat: FakeWechat;
let pushRelay: Server;
let relayUrl: string;
const DOWN = 'http://127.0.0.1:9';

const appealBody = (extra: Record<string, unknown> = {}) => ({
  type: 'help',
  category: 'other',
  urgency: 'normal',
  title: '仓库门口被人堆放杂物',
  description: '连续三天有人在仓库门口堆放建筑垃圾，货车无法进出，附现场照片。',
  ...extra,
});

/** WeChat's push reaches the evidence function as API Gateway would deliver it. */
function startPushRelay(): Promise<string> {
  pushRelay = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://relay');
    const reply = await call(evidence, 'wechatPush', { query: Object.fromEntries(url.searchParams), rawBody: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(reply.body));
  });
  return new Promise((resolve) => pushRelay.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(pushRelay.address() as { port: number }).port}/wechat/push`)));
}

async function useWechat(url: string) {
  process.env.WECHAT_API_BASE = url;
  resetAccessToken();
}

beforeAll(async () => {
  await createTestTable('evidence');
  ({ a } = await twoStations());
  const g = await guest('evidence-owner');
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 8101) });
  owner = { token: reg.body.session.accessToken, enterpriseId: reg.body.enterprise.id, officerId: reg.body.enterprise.officerId, userId: reg.body.session.me.userId };
  officerToken = await issueAccessToken({ role: 'officer', userId: `u-${owner.officerId}`, officerId: owner.officerId, stationId: a.stationId });
  wechat = await startWechatFake({ appid: process.env.WECHAT_APPID!, secret: process.env.WECHAT_SECRET! });
  relayUrl = await startPushRelay();
  wechat.setPush(relayUrl, process.env.WECHAT_PUSH_TOKEN!);
  await useWechat(wechat.url);
}, 60_000);

afterAll(async () => {
  await wechat?.stop();
  await new Promise((r) => pushRelay?.close(r));
  await useWechat(DOWN);
});

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the presigned POST is enforced by the S3 server, not only by the app', () => {
  let form: { attachmentId: string; url: string; fields: Record<string, string>; maxBytes: number };
  beforeAll(async () => {
    const reply = await call(evidence, 'requestUpload', { token: owner.token, body: { purpose: 'appeal', contentType: 'image/jpeg', size: 5000, fileName: '现场.jpg' } });
    expect(reply.status).toBe(201);
    form = reply.body;
    expect(form.maxBytes).toBe(10 * 1024 * 1024);
    expect(form.fields.key).toBe(`evidence/${owner.userId}/${form.attachmentId}`);
  });

  it('refuses another content type than the one signed', async () => {
    expect(await postToS3(form, JPEG(), { 'Content-Type': 'image/png' })).toMatchObject({ status: 403, code: 'AccessDenied' });
  });
  it('refuses a file larger than the kind allows (10 MB for an image)', async () => {
    expect(await postToS3(form, Buffer.alloc(10 * 1024 * 1024 + 1, 1))).toMatchObject({ status: 400, code: 'EntityTooLarge' });
  });
  it('refuses another key (another user’s prefix)', async () => {
    expect(await postToS3(form, JPEG(), { key: `evidence/someone-else/${form.attachmentId}` })).toMatchObject({ status: 403, code: 'AccessDenied' });
  });
  it('refuses a field the policy does not cover, and a forged signature', async () => {
    expect(await postToS3(form, JPEG(), { 'x-amz-meta-purpose': 'message' })).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect(await postToS3(form, JPEG(), { 'X-Amz-Signature': '0'.repeat(64) })).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });
  it('accepts the file as signed; confirming twice records it once', async () => {
    expect(await postToS3(form, JPEG())).toMatchObject({ status: 204 });
    const first = await call(evidence, 'confirmUpload', { token: owner.token, params: { attachmentId: form.attachmentId } });
    const again = await call(evidence, 'confirmUpload', { token: owner.token, params: { attachmentId: form.attachmentId } });
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({ kind: 'image', contentType: 'image/jpeg', status: 'uploaded', statusLabel: '待审核', mine: true });
  });
  it('the app refuses what it knows is wrong before any upload (type, size, video length)', async () => {
    const ask = (body: Record<string, unknown>) => call(evidence, 'requestUpload', { token: owner.token, body: { purpose: 'appeal', fileName: 'x', size: 100, contentType: 'image/jpeg', ...body } });
    expect((await ask({ contentType: 'image/gif' })).body.error.issues[0].field).toBe('contentType');
    expect((await ask({ contentType: 'video/mp4', size: 51 * 1024 * 1024 })).body.error.issues[0].message).toContain('50 MB');
    expect((await ask({ contentType: 'video/mp4', durationSeconds: 75 })).body.error.issues[0].message).toContain('60 秒');
  });
  it('a confirm with nothing uploaded is a 404', async () => {
    const reply = await call(evidence, 'requestUpload', { token: owner.token, body: { purpose: 'appeal', contentType: 'application/pdf', size: 100, fileName: 'a.pdf' } });
    expect((await call(evidence, 'confirmUpload', { token: owner.token, params: { attachmentId: reply.body.attachmentId } })).status).toBe(404);
  });
});

describe('files on an appeal and in its conversation', () => {
  let appealId: string;
  let photo: string;
  let contract: string;

  beforeAll(async () => {
    photo = (await upload(owner.token, { purpose: 'appeal', contentType: 'image/jpeg', bytes: JPEG('clean'), fileName: '门口.jpg' })).id;
    contract = (await upload(owner.token, { purpose: 'appeal', contentType: 'application/pdf', bytes: PDF(), fileName: '租赁合同.pdf' })).id;
    const filed = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody({ attachmentIds: [photo, contract] }) });
    expect(filed.status).toBe(201);
    appealId = filed.body.appeal.id;
    expect(filed.body.attachments.map((x: { id: string }) => x.id).sort()).toEqual([photo, contract].sort());
  });

  it('WeChat checks the image (media_type 2, version 2, the uploader’s openid); it is available once passed', async () => {
    const check = wechat.mediaChecks.find((c) => c.mediaUrl.includes(photo));
    expect(check).toMatchObject({ mediaType: 2 });
    const view = await until(
      () => call(evidence, 'getAttachment', { token: owner.token, params: { attachmentId: photo } }),
      (r) => r.body.status === 'available',
    );
    expect(view.body.status).toBe('available');
    const bytes = await fetch(view.body.url);
    expect(bytes.status).toBe(200);
    expect((await bytes.arrayBuffer()).byteLength).toBeGreaterThan(10);
  });

  it('the liaison officer sees both files on the appeal, with short-lived links', async () => {
    const view = await call(appeals, 'getAppeal', { token: officerToken, params: { appealId } });
    expect(view.status).toBe(200);
    const files = view.body.attachments as { id: string; url: string; mine: boolean; urlExpiresAt: string }[];
    expect(files.map((f) => f.id).sort()).toEqual([photo, contract].sort());
    expect(files.every((f) => !f.mine && f.url.includes('X-Amz-Expires=300'))).toBe(true);
    const pdf = await fetch(files.find((f) => f.id === contract)!.url);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).toString('utf8')).toContain('%PDF-1.4');
  });

  it('a file attached once cannot be attached again, nor deleted', async () => {
    const again = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody({ attachmentIds: [contract] }) });
    expect(again.status).toBe(400);
    expect(again.body.error.issues[0].field).toBe('attachmentIds');
    expect((await call(evidence, 'deleteAttachment', { token: owner.token, params: { attachmentId: contract } })).status).toBe(409);
  });

  it('a 待审核 file in the conversation is its uploader’s alone until WeChat passes it', async () => {
    await useWechat(DOWN); // WeChat cannot take the check: the image stays 待审核
    const shot = await upload(officerToken, { purpose: 'message', appealId, contentType: 'image/png', bytes: JPEG('pending'), fileName: '回访.png' });
    const posted = await call(appeals, 'postAppealMessage', { token: officerToken, params: { appealId }, body: { text: '已到现场查看，照片见附件', attachmentIds: [shot.id] } });
    await useWechat(wechat.url);
    expect(posted.status).toBe(201);
    const mine = await call(appeals, 'listAppealMessages', { token: officerToken, params: { appealId } });
    const theirs = await call(appeals, 'listAppealMessages', { token: owner.token, params: { appealId } });
    const last = (r: typeof mine) => r.body.items[r.body.items.length - 1];
    expect(last(mine).attachments).toEqual([expect.objectContaining({ id: shot.id, status: 'uploaded', statusLabel: '待审核', mine: true })]);
    expect(last(theirs).attachments).toEqual([]);
    expect((await call(evidence, 'getAttachment', { token: owner.token, params: { attachmentId: shot.id } })).status).toBe(404);
    expect((await call(evidence, 'getAttachment', { token: officerToken, params: { attachmentId: shot.id } })).status).toBe(200);
  });

  it('the enterprise file shows each appeal’s file count (appeal and conversation), kept through transitions', async () => {
    const countIn = async (token: string) => {
      const file = await call(enterprises, 'getEnterpriseFile', { token, params: { enterpriseId: owner.enterpriseId } });
      expect(file.status).toBe(200);
      return file.body.sections.appeals.items.find((x: { id: string }) => x.id === appealId)?.attachmentCount;
    };
    // 2 filed with the appeal + the officer's 待审核 photo in the conversation (counted: linked, not rejected).
    expect(await countIn(officerToken)).toBe(3);
    expect(await countIn(owner.token)).toBe(3);
    const current = await call(appeals, 'getAppeal', { token: officerToken, params: { appealId } });
    const accepted = await call(appeals, 'actOnAppeal', { token: officerToken, params: { appealId }, body: { action: 'accept', version: current.body.appeal.version } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.appeal.attachmentCount).toBe(3);
    expect(await countIn(officerToken)).toBe(3);
    // Every queue entry the appeal is in carries the same count as the appeal.
    const entries = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `ENT#${owner.enterpriseId}#APPEALS#open` } }));
    expect(entries.Items!.find((i) => i.id === appealId)?.attachmentCount).toBe(3);
  });

  it('the station’s ledger (诉求台账) gives the appeal’s 附件数 from its queue entry', async () => {
    const today = shanghaiDate(new Date());
    const reply = await call(reports, 'exportLedger', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { from: today, to: today } });
    expect(reply.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(reply.body.base64, 'base64') as never);
    const ws = book.getWorksheet('诉求台账')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers[headers.length - 1]).toBe('附件数');
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    expect(rows.find((r) => r?.[1] === appealId)![headers.length]).toBe(3);
    // Appeals filed without files say 0, not blank.
    expect(rows.filter((r) => r?.[1] !== appealId).every((r) => typeof r[headers.length] === 'number')).toBe(true);
  });

  it('导出我的数据 lists the files the enterprise may see, with links that say when they expire; never visit photos or others’ 待审核 files', async () => {
    // The officer's reply with a document (not checked by WeChat: available at once), and a visit with a photo.
    const reply = await upload(officerToken, { purpose: 'message', appealId, contentType: 'application/pdf', bytes: PDF(), fileName: '处理意见.pdf' });
    expect((await call(appeals, 'postAppealMessage', { token: officerToken, params: { appealId }, body: { text: '处理意见见附件', attachmentIds: [reply.id] } })).status).toBe(201);
    const visitPhoto = await upload(officerToken, { purpose: 'visit', enterpriseId: owner.enterpriseId, contentType: 'image/jpeg', bytes: JPEG('visit'), fileName: '走访.jpg' });
    const visit = await call(fieldwork, 'createVisit', {
      token: officerToken,
      body: { enterpriseId: owner.enterpriseId, day: shanghaiDate(new Date()), metWith: '企业负责人', content: '走访了解情况。', problems: [], attachmentIds: [visitPhoto.id] },
    });
    expect(visit.status).toBe(201);

    const before = Date.now();
    const json = await call(reports, 'exportMyData', { token: owner.token, query: { format: 'json' } });
    expect(json.status).toBe(200);
    const data = JSON.parse(Buffer.from(json.body.base64, 'base64').toString('utf8'));
    const byId = new Map<string, any>(data.attachments.map((f: { id: string }) => [f.id, f]));
    expect(json.body.rows.attachments).toBe(data.attachments.length);
    expect(byId.get(photo)).toMatchObject({ fileName: '门口.jpg', kind: '图片', contentType: 'image/jpeg', status: '已通过', record: '诉求', appealId, appealTitle: '仓库门口被人堆放杂物', from: '我', messageId: null });
    expect(byId.get(contract)).toMatchObject({ fileName: '租赁合同.pdf', kind: '文件', record: '诉求', from: '我' });
    expect(byId.get(contract).size).toBeGreaterThan(0);
    expect(byId.get(reply.id)).toMatchObject({ fileName: '处理意见.pdf', record: '留言', from: '民警', status: '已通过', messageId: expect.any(String) });
    // Not the officer's 待审核 photo in the conversation, not the visit's photo (police only).
    const shot = (await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)', ExpressionAttributeValues: { ':pk': `APPEAL#${appealId}`, ':a': 'A#' } }))).Items!;
    expect(shot.length).toBe(4); // photo, contract, the pending shot, the reply
    expect(data.attachments).toHaveLength(3);
    expect(byId.has(visitPhoto.id)).toBe(false);
    // Links: presigned for an hour, the expiry beside each and in a note; they open the file.
    const expires = Date.parse(data.attachmentLinks.expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(3600_000 - 5_000);
    expect(expires - before).toBeLessThanOrEqual(3600_000 + 60_000);
    expect(data.attachmentLinks.note).toMatch(/^附件链接为临时下载地址，有效期1小时（至\d{4}-\d{2}-\d{2} \d{2}:\d{2}），过期后请重新导出。$/);
    for (const f of data.attachments) {
      expect(f.url).toContain('X-Amz-Expires=3600');
      expect(f.urlExpiresAt).toBe(data.attachmentLinks.expiresAt);
    }
    const got = await fetch(byId.get(contract).url);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).toString('utf8')).toContain('%PDF-1.4');

    const xlsx = await call(reports, 'exportMyData', { token: owner.token, query: { format: 'xlsx' } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.body.base64, 'base64') as never);
    const sheet = book.getWorksheet('附件')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['fileName', 'kind', 'size', 'status', 'record', 'appealTitle', 'url', 'urlExpiresAt']));
    expect(sheet.rowCount).toBe(1 + 3 + 1); // headers, three files, the note on the links' expiry
    expect(String(sheet.getRow(5).getCell(1).value)).toMatch(/^附件链接为临时下载地址/);
  });

  it('a draft can be deleted before submitting, file and record', async () => {
    const draft = await upload(owner.token, { purpose: 'appeal', contentType: 'application/pdf', bytes: PDF(), fileName: '不要了.pdf' });
    const url = draft.view.url as string;
    expect((await call(evidence, 'deleteAttachment', { token: owner.token, params: { attachmentId: draft.id } })).body).toEqual({ deleted: true });
    expect((await call(evidence, 'getAttachment', { token: owner.token, params: { attachmentId: draft.id } })).status).toBe(404);
    expect((await fetch(url)).status).toBe(404);
  });

  it('limits: up to 9 images, or 1 video and 3 images', async () => {
    const videos = [];
    for (let i = 0; i < 2; i++) videos.push((await upload(owner.token, { purpose: 'appeal', contentType: 'video/mp4', bytes: Buffer.from(`mp4 ${i}`), fileName: `v${i}.mp4` })).id);
    const reply = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody({ attachmentIds: videos }) });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues[0].message).toBe('最多上传1段视频');
  });
});

describe('the appeal’s file count', () => {
  const countOf = async (appealId: string) => (await appealRepository.get(appealId))?.attachmentCount ?? 0;

  it('a file rejected after it was linked leaves the count (appeal and its queue entries) with the verdict', async () => {
    wechat.setPush(null, process.env.WECHAT_PUSH_TOKEN!); // hold the verdict until the appeal is filed
    const bytes = JPEG('late-risky');
    const late = await upload(owner.token, { purpose: 'appeal', contentType: 'image/jpeg', bytes, fileName: '后审.jpg' });
    const doc = await upload(owner.token, { purpose: 'appeal', contentType: 'application/pdf', bytes: PDF(), fileName: '说明.pdf' });
    const filed = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody({ attachmentIds: [late.id, doc.id] }) });
    wechat.setPush(relayUrl, process.env.WECHAT_PUSH_TOKEN!);
    expect(filed.status).toBe(201);
    const appealId = filed.body.appeal.id as string;
    expect(await countOf(appealId)).toBe(2);
    const traceId = wechat.mediaChecks.find((c) => c.mediaUrl.includes(late.id))!.traceId;
    const timestamp = '1765000000';
    const nonce = 'n1';
    const signature = createHash('sha1').update([process.env.WECHAT_PUSH_TOKEN!, timestamp, nonce].sort().join('')).digest('hex');
    const verdict = { Event: 'wxa_media_check', trace_id: traceId, result: { suggest: 'risky', label: 20001 } };
    expect((await call(evidence, 'wechatPush', { query: { signature, timestamp, nonce }, body: verdict })).status).toBe(200);
    expect(await countOf(appealId)).toBe(1);
    // WeChat pushing the same verdict again changes nothing.
    expect((await call(evidence, 'wechatPush', { query: { signature, timestamp, nonce }, body: verdict })).status).toBe(200);
    expect(await countOf(appealId)).toBe(1);
    const file = await call(enterprises, 'getEnterpriseFile', { token: officerToken, params: { enterpriseId: owner.enterpriseId } });
    expect(file.body.sections.appeals.items.find((x: { id: string }) => x.id === appealId).attachmentCount).toBe(1);
  });

  it('a transition that read the appeal before a message’s files were counted is refused, not a lost count', async () => {
    const filed = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody() });
    const appealId = filed.body.appeal.id as string;
    const stale = await appealRepository.require(appealId);
    expect(stale.attachmentCount).toBeUndefined();
    const doc = await upload(owner.token, { purpose: 'message', appealId, contentType: 'application/pdf', bytes: PDF(), fileName: '补充.pdf' });
    const posted = await call(appeals, 'postAppealMessage', { token: owner.token, params: { appealId }, body: { text: '补充材料见附件', attachmentIds: [doc.id] } });
    expect(posted.status).toBe(201);
    expect(await countOf(appealId)).toBe(1);
    // The message did not change the version; the stale read's transition must still fail.
    const after = { ...stale, status: 'accepted' as const, version: stale.version + 1 };
    await expect(appealRepository.saveTransition(stale, after, { at: new Date().toISOString(), actorId: 'x', actorRole: 'officer', action: 'accept', from: stale.status, to: 'accepted' }, 7)).rejects.toThrow(
      VersionConflict,
    );
    expect(await countOf(appealId)).toBe(1);
  });
});

describe('content security', () => {
  it('risky text → 400 with a calm message naming the field; nothing is stored', async () => {
    wechat.markRisky({ text: '违禁词样例' });
    const reply = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody({ description: '这里有一段包含违禁词样例的描述文字，请处理。' }) });
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues).toEqual([{ field: 'description', message: '诉求描述中有内容未通过微信内容安全检查，请修改后再提交' }]);
    const check = wechat.textChecks[wechat.textChecks.length - 1]!;
    expect(check).toMatchObject({ suggest: 'risky', scene: 3 });
    expect(check.openid).toMatch(/^o/);
  });

  it('a risky image is rejected by WeChat’s pushed verdict; the uploader is told, nobody else sees it', async () => {
    const bytes = JPEG('risky');
    wechat.markRisky({ md5: createHash('md5').update(bytes).digest('hex') });
    const file = await upload(owner.token, { purpose: 'appeal', contentType: 'image/jpeg', bytes, fileName: '可疑.jpg' });
    const view = await until(
      () => call(evidence, 'getAttachment', { token: owner.token, params: { attachmentId: file.id } }),
      (r) => r.body.status === 'rejected',
    );
    expect(view.body).toMatchObject({ status: 'rejected', statusLabel: '未通过审核', url: null });
    const stored = await db().send(new GetCommand({ TableName: table(), Key: { pk: `ATT#${file.id}`, sk: 'ATT' } }));
    expect(stored.Item!.check).toMatchObject({ suggest: 'risky', label: 20001 });
    const filing = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody({ attachmentIds: [file.id] }) });
    expect(filing.body.error.issues[0].message).toBe('有附件未通过内容安全审核，请删除后再提交');
    await drainOutbox();
    const box = await call(notifications, 'listNotifications', { token: owner.token });
    expect(box.body.items.map((n: { title: string }) => n.title)).toContain('图片未通过审核');
  });

  it('a push with a wrong signature is refused', async () => {
    const reply = await call(evidence, 'wechatPush', { query: { signature: 'f'.repeat(40), timestamp: '1', nonce: '2' }, body: { Event: 'wxa_media_check', trace_id: 'x' } });
    expect(reply.status).toBe(401);
  });

  it('WeChat down: the text is accepted and recorded to be checked later, not refused', async () => {
    await useWechat(DOWN);
    const reply = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody() });
    await useWechat(wechat.url);
    expect(reply.status).toBe(201);
    const pending = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'SECCHECK#PENDING' } }));
    expect(pending.Items!.find((i) => i.recordId === reply.body.appeal.id)).toMatchObject({ recordKind: 'appeal', fields: ['title', 'description'] });
  });
});

describe('注销 erases the member’s own files', () => {
  it('objects, records and pointers go; the appeal stays with its count down; others’ files stay', async () => {
    const g = await guest('evidence-leaver');
    const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 8102) });
    const leaver = { token: reg.body.session.accessToken as string, userId: reg.body.session.me.userId as string, enterpriseId: reg.body.enterprise.id as string, officerId: reg.body.enterprise.officerId as string };
    const police = await issueAccessToken({ role: 'officer', userId: `u-${leaver.officerId}`, officerId: leaver.officerId, stationId: a.stationId });
    const doc = await upload(leaver.token, { purpose: 'appeal', contentType: 'application/pdf', bytes: PDF(), fileName: '合同.pdf' });
    const filed = await call(appeals, 'createAppeal', { token: leaver.token, body: appealBody({ attachmentIds: [doc.id] }) });
    const appealId = filed.body.appeal.id as string;
    const mine = await upload(leaver.token, { purpose: 'message', appealId, contentType: 'application/pdf', bytes: PDF(), fileName: '补充.pdf' });
    expect((await call(appeals, 'postAppealMessage', { token: leaver.token, params: { appealId }, body: { text: '补充材料', attachmentIds: [mine.id] } })).status).toBe(201);
    const theirs = await upload(police, { purpose: 'message', appealId, contentType: 'application/pdf', bytes: PDF(), fileName: '回复.pdf' });
    expect((await call(appeals, 'postAppealMessage', { token: police, params: { appealId }, body: { text: '回复见附件', attachmentIds: [theirs.id] } })).status).toBe(201);
    const draft = await upload(leaver.token, { purpose: 'appeal', contentType: 'application/pdf', bytes: PDF(), fileName: '草稿.pdf' });
    expect((await appealRepository.require(appealId)).attachmentCount).toBe(3);
    const links = [doc.view.url, mine.view.url, draft.view.url] as string[];

    const gone = await call(auth, 'deleteAccount', { token: leaver.token, query: { closeEnterprise: 'true' } });
    expect(gone.status).toBe(200);
    expect(gone.body.erased).toMatchObject({ files: 3, attachments: 3 });
    for (const id of [doc.id, mine.id, draft.id]) expect((await db().send(new GetCommand({ TableName: table(), Key: { pk: `ATT#${id}`, sk: 'ATT' } }))).Item).toBeUndefined();
    const pointers = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)', ExpressionAttributeValues: { ':pk': `APPEAL#${appealId}`, ':a': 'A#' } }));
    expect(pointers.Items!.map((p) => p.attachmentId)).toEqual([theirs.id]);
    for (const url of links) expect((await fetch(url)).status).toBe(404);
    // The appeal is kept for the station, with the officer's reply and a count of 1 on it and its queue entries.
    expect((await appealRepository.require(appealId)).attachmentCount).toBe(1);
    const entry = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `ENT#${leaver.enterpriseId}#APPEALS` } }));
    expect(entry.Items!.find((i) => i.id === appealId)?.attachmentCount).toBe(1);
    const view = await call(appeals, 'listAppealMessages', { token: police, params: { appealId } });
    expect(view.body.items.flatMap((m: { attachments: { id: string }[] }) => m.attachments.map((x) => x.id))).toEqual([theirs.id]);
    expect((await fetch((await call(evidence, 'getAttachment', { token: police, params: { attachmentId: theirs.id } })).body.url)).status).toBe(200);
  });
});
