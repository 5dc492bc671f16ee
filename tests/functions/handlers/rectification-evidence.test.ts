/**
 * 整改前/整改后 photos, through the real local S3. Whoever may close a rectification item (police who may
 * see it, while it is open) gets an upload form naming the item; images only, 9 a side, no WeChat check
 * (police-only content, like the ledger); closing links them in its own transaction; the item, the ledgers
 * and the enterprise file return them with links; the enterprise never sees the ledger, so it gets 404.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as evidence } from '../../../functions/handlers/evidence';
import { handler as fieldwork } from '../../../functions/handlers/fieldwork';
import { db, table } from '../../../functions/lib/dynamo';
import { issueAccessToken } from '../../../functions/lib/tokens';
import { addDays, shanghaiDay } from '../../../shared/fieldwork/rules';
import { JPEG, PDF, upload } from '../../support/evidence';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';

let a: Side;
let b: Side;
let owner: { token: string; enterpriseId: string; officerId: string };
let officerToken: string;
let colleagueToken: string;
const today = shanghaiDay(new Date());

/** A visit by the enterprise's officer that finds `n` problems, each a rectification item; answers their ids. */
async function openItems(n: number): Promise<string[]> {
  const problems = Array.from({ length: n }, (_, i) => ({ description: `消防通道堆放杂物${i + 1}`, followUp: 'rectification', deadline: addDays(today, 7) }));
  const reply = await call(fieldwork, 'createVisit', {
    token: officerToken,
    body: { enterpriseId: owner.enterpriseId, day: today, metWith: '企业负责人张经理', content: '走访检查消防安全，发现问题列入整改。', problems },
  });
  expect(reply.status).toBe(201);
  return reply.body.rectifications.map((r: { id: string }) => r.id);
}
const photo = (rectificationId: string, token = officerToken) => upload(token, { purpose: 'rectification', rectificationId, contentType: 'image/jpeg', bytes: JPEG('rect'), fileName: '整改.jpg' });
const uploadBody = (rectificationId: string, contentType = 'image/jpeg') => ({ purpose: 'rectification', rectificationId, contentType, size: 1000, fileName: '整改.jpg' });
const close = (token: string, rectificationId: string, extra: Record<string, unknown>, version = 1) =>
  call(fieldwork, 'actOnRectification', { token, params: { rectificationId }, body: { action: 'complete', note: '杂物已清理，通道畅通', version, ...extra } });

beforeAll(async () => {
  await createTestTable('rect-evidence');
  ({ a, b } = await twoStations());
  const g = await guest('rect-evidence-owner');
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 8401) });
  owner = { token: reg.body.session.accessToken, enterpriseId: reg.body.enterprise.id, officerId: reg.body.enterprise.officerId };
  officerToken = await issueAccessToken({ role: 'officer', userId: `u-${owner.officerId}`, officerId: owner.officerId, stationId: a.stationId });
  const colleague = a.officers.find((o) => o.id !== owner.officerId)!;
  colleagueToken = await issueAccessToken({ role: 'officer', userId: `u-${colleague.id}`, officerId: colleague.id, stationId: a.stationId });
}, 60_000);

describe('an upload form for a rectification item', () => {
  let itemId: string;
  beforeAll(async () => {
    [itemId] = await openItems(1);
  });

  it('is given to the owner, the chief and the centre, and names the item', async () => {
    for (const token of [officerToken, a.tokens.chief, a.tokens.centre]) expect((await call(evidence, 'requestUpload', { token, body: uploadBody(itemId!) })).status).toBe(201);
  });

  it('is refused to the enterprise (403), to a colleague, another station and for an unknown item (404, like the item)', async () => {
    expect((await call(evidence, 'requestUpload', { token: owner.token, body: uploadBody(itemId!) })).status).toBe(403);
    for (const token of [colleagueToken, b.tokens.chief, b.tokens.officer]) {
      const reply = await call(evidence, 'requestUpload', { token, body: uploadBody(itemId!) });
      expect(reply.status).toBe(404);
      expect(Object.keys(reply.body)).toEqual(['error']);
    }
    expect((await call(evidence, 'requestUpload', { token: officerToken, body: uploadBody('nope') })).status).toBe(404);
  });

  it('takes images only and must name the item, in words naming the field', async () => {
    const pdf = await call(evidence, 'requestUpload', { token: officerToken, body: uploadBody(itemId!, 'application/pdf') });
    expect(pdf.status).toBe(400);
    expect(JSON.stringify(pdf.body)).toContain('整改照片只能上传图片');
    const unnamed = await call(evidence, 'requestUpload', { token: officerToken, body: { ...uploadBody(itemId!), rectificationId: undefined } });
    expect(unnamed.status).toBe(400);
    expect(JSON.stringify(unnamed.body)).toContain('整改照片需指明整改事项');
  });
});

describe('an item closed with 整改前/整改后 photos', () => {
  let itemId: string;
  let beforeIds: string[];
  let afterIds: string[];

  beforeAll(async () => {
    [itemId] = await openItems(1);
    const befores = [await photo(itemId!), await photo(itemId!)];
    const afters = [await photo(itemId!)];
    // No WeChat check for police-only content: available at once.
    expect([...befores, ...afters].map((f) => f.view.status)).toEqual(['available', 'available', 'available']);
    beforeIds = befores.map((f) => f.id);
    afterIds = afters.map((f) => f.id);
    const reply = await close(officerToken, itemId!, { beforePhotoIds: beforeIds, afterPhotoIds: afterIds });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('done');
    expect(reply.body.beforePhotos.map((x: { id: string }) => x.id)).toEqual(beforeIds);
    expect(reply.body.afterPhotos.map((x: { id: string }) => x.id)).toEqual(afterIds);
  });

  it('links each photo to the item in the closing transaction, and keeps which side it is on', async () => {
    for (const id of [...beforeIds, ...afterIds]) {
      const item = (await db().send(new GetCommand({ TableName: table(), Key: { pk: `ATT#${id}`, sk: 'ATT' } }))).Item!;
      expect(item).toMatchObject({ recordId: itemId, purpose: 'rectification', rectificationId: itemId, status: 'available' });
    }
    const rect = (await db().send(new GetCommand({ TableName: table(), Key: { pk: `RECT#${itemId}`, sk: 'RECT' } }))).Item!;
    expect(rect).toMatchObject({ beforePhotoIds: beforeIds, afterPhotoIds: afterIds });
  });

  it('returns them with links on the item, both ledgers and the enterprise file (police)', async () => {
    const sides = (r: { beforePhotos: { id: string; url: string | null }[]; afterPhotos: { id: string; url: string | null }[] }) => {
      expect(r.beforePhotos.map((x) => x.id)).toEqual(beforeIds);
      expect(r.afterPhotos.map((x) => x.id)).toEqual(afterIds);
      for (const x of [...r.beforePhotos, ...r.afterPhotos]) expect(x.url).toMatch(/^http/);
    };
    const one = await call(fieldwork, 'getRectification', { token: a.tokens.chief, params: { rectificationId: itemId } });
    expect(one.status).toBe(200);
    sides(one.body);
    const station = await call(fieldwork, 'stationRectifications', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { status: 'done' } });
    sides(station.body.items.find((r: { id: string }) => r.id === itemId));
    const mine = await call(fieldwork, 'officerRectifications', { token: officerToken, params: { officerId: owner.officerId } });
    sides(mine.body.items.find((r: { id: string }) => r.id === itemId));
    const file = await call(enterprises, 'getEnterpriseFile', { token: a.tokens.chief, params: { enterpriseId: owner.enterpriseId } });
    expect(file.status).toBe(200);
    sides(file.body.sections.rectifications.items.find((r: { id: string }) => r.id === itemId));
    expect((await fetch(one.body.afterPhotos[0].url)).status).toBe(200);
  });

  it('opens to the owner, the chief and the centre; 404 to the enterprise, a colleague and another station', async () => {
    for (const token of [officerToken, a.tokens.chief, a.tokens.centre]) expect((await call(evidence, 'getAttachment', { token, params: { attachmentId: afterIds[0]! } })).status).toBe(200);
    for (const token of [owner.token, colleagueToken, b.tokens.chief, b.tokens.officer]) {
      const reply = await call(evidence, 'getAttachment', { token, params: { attachmentId: afterIds[0]! } });
      expect(reply.status).toBe(404);
      expect(Object.keys(reply.body)).toEqual(['error']);
    }
  });

  it('never shows up for the enterprise: its file has no ledger', async () => {
    const file = await call(enterprises, 'getEnterpriseFile', { token: owner.token, params: { enterpriseId: owner.enterpriseId } });
    expect(file.status).toBe(200);
    for (const id of [...beforeIds, ...afterIds]) expect(JSON.stringify(file.body)).not.toContain(id);
  });

  it('takes no more uploads once closed, and a photo cannot be attached twice nor deleted once attached', async () => {
    const late = await call(evidence, 'requestUpload', { token: officerToken, body: uploadBody(itemId!) });
    expect(late.status).toBe(400);
    expect(JSON.stringify(late.body)).toContain('已办结');
    const [other] = await openItems(1);
    expect((await close(officerToken, other!, { afterPhotoIds: [afterIds[0]] })).status).toBe(400);
    expect((await call(evidence, 'deleteAttachment', { token: officerToken, params: { attachmentId: afterIds[0]! } })).status).toBe(409);
  });
});

describe('closing refuses photos that are not the closer’s images for this item', () => {
  it('another item’s, another user’s, a PDF of a visit, 10 on a side, the same on both sides, or on 开始整改: 400, and nothing is linked', async () => {
    const [mine, other] = await openItems(2);
    const othersItem = await photo(other!);
    const chiefs = await photo(mine!, a.tokens.chief);
    const visitPdf = await upload(officerToken, { purpose: 'visit', enterpriseId: owner.enterpriseId, contentType: 'application/pdf', bytes: PDF(), fileName: '检查记录.pdf' });
    for (const ids of [[othersItem.id], [chiefs.id], [visitPdf.id]]) {
      const reply = await close(officerToken, mine!, { afterPhotoIds: ids });
      expect(reply.status).toBe(400);
      expect(JSON.stringify(reply.body)).toContain('afterPhotoIds');
    }
    const ten = Array.from({ length: 10 }, (_, i) => `01J0000000000000000000000${i}`);
    expect(JSON.stringify((await close(officerToken, mine!, { beforePhotoIds: ten })).body)).toContain('整改前照片最多9张');
    const own = await photo(mine!);
    expect(JSON.stringify((await close(officerToken, mine!, { beforePhotoIds: [own.id], afterPhotoIds: [own.id] })).body)).toContain('同一张照片不能既是整改前又是整改后');
    const start = await call(fieldwork, 'actOnRectification', { token: officerToken, params: { rectificationId: mine }, body: { action: 'start', version: 1, afterPhotoIds: [own.id] } });
    expect(start.status).toBe(400);
    expect(JSON.stringify(start.body)).toContain('整改完成或销号时上传');
    for (const id of [othersItem.id, chiefs.id, visitPdf.id, own.id]) {
      const item = (await db().send(new GetCommand({ TableName: table(), Key: { pk: `ATT#${id}`, sk: 'ATT' } }))).Item!;
      expect(item.recordId).toBeUndefined();
    }
    // The item is still open and closes with the closer's own photo.
    const ok = await close(officerToken, mine!, { afterPhotoIds: [own.id] });
    expect(ok.status).toBe(200);
    expect(ok.body.afterPhotos).toHaveLength(1);
  });

  it('the chief closes (销号) with photos of their own', async () => {
    const [item] = await openItems(1);
    const shot = await photo(item!, a.tokens.chief);
    const reply = await call(fieldwork, 'actOnRectification', {
      token: a.tokens.chief,
      params: { rectificationId: item },
      body: { action: 'cancel', note: '企业已停业，问题不复存在', version: 1, beforePhotoIds: [shot.id] },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.beforePhotos.map((x: { id: string }) => x.id)).toEqual([shot.id]);
  });
});
