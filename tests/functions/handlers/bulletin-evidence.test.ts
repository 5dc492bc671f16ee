/**
 * A bulletin's one image or PDF, through the real local S3. Whoever may publish (police) gets an upload
 * form; images or a PDF only, one file, no WeChat check (the administration's own publication); publishing
 * links it in the creating transaction; the bulletin page returns it with a link to whoever may read the
 * bulletin (the enterprises it reached while published, the police who manage it) and getAttachment follows
 * the same rule: 404 for everyone else, and for the enterprises once it is withdrawn.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { handler as bulletins } from '../../../functions/handlers/bulletins';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as evidence } from '../../../functions/handlers/evidence';
import { db, table } from '../../../functions/lib/dynamo';
import { JPEG, PDF, upload } from '../../support/evidence';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';

let a: Side;
let b: Side;
let addressed: { token: string; id: string };
let bystander: { token: string; id: string };

const body = { blocks: [{ type: 'paragraph' as const, spans: [{ text: '近期冒充客服退款诈骗多发，请见附件。' }] }] };
const publish = (token: string, extra: Record<string, unknown>) =>
  call(bulletins, 'createBulletin', { token, body: { kind: 'risk', title: '警惕冒充客服退款诈骗', body, audience: { type: 'enterprises', enterpriseIds: [addressed.id] }, ...extra } });
const uploadBody = (contentType: string) => ({ purpose: 'bulletin', contentType, size: 1000, fileName: '附件' });

async function register(name: string, n: number) {
  const g = await guest(name);
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, n) });
  return { token: reg.body.session.accessToken as string, id: reg.body.enterprise.id as string };
}

beforeAll(async () => {
  await createTestTable('bulletin-evidence');
  ({ a, b } = await twoStations());
  addressed = await register('bulletin-evidence-addressed', 8501);
  bystander = await register('bulletin-evidence-bystander', 8502);
}, 60_000);

describe('an upload form for a bulletin', () => {
  it('is given to whoever may publish: officer, chief, centre', async () => {
    for (const token of [a.tokens.officer, a.tokens.chief, a.tokens.centre]) expect((await call(evidence, 'requestUpload', { token, body: uploadBody('image/png') })).status).toBe(201);
  });

  it('is refused to an enterprise (403)', async () => {
    expect((await call(evidence, 'requestUpload', { token: addressed.token, body: uploadBody('image/png') })).status).toBe(403);
  });

  it('takes an image or a PDF, nothing else', async () => {
    expect((await call(evidence, 'requestUpload', { token: a.tokens.chief, body: uploadBody('application/pdf') })).status).toBe(201);
    for (const type of ['video/mp4', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'audio/mpeg']) {
      const reply = await call(evidence, 'requestUpload', { token: a.tokens.chief, body: uploadBody(type) });
      expect(reply.status).toBe(400);
      expect(JSON.stringify(reply.body)).toContain('通知附件只能是一张图片或一个 PDF 文件');
    }
  });
});

describe('a bulletin published with an image', () => {
  let bulletinId: string;
  let imageId: string;

  beforeAll(async () => {
    const image = await upload(a.tokens.chief, { purpose: 'bulletin', contentType: 'image/jpeg', bytes: JPEG('bulletin'), fileName: '诈骗手法示意.jpg' });
    expect(image.view.status).toBe('available');
    imageId = image.id;
    const reply = await publish(a.tokens.chief, { attachmentId: imageId });
    expect(reply.status).toBe(201);
    bulletinId = reply.body.bulletin.id;
    expect(reply.body.bulletin.attachmentId).toBe(imageId);
    expect(reply.body.attachment).toMatchObject({ id: imageId, kind: 'image', fileName: '诈骗手法示意.jpg' });
  });

  it('links the file to the bulletin in the creating transaction', async () => {
    const item = (await db().send(new GetCommand({ TableName: table(), Key: { pk: `ATT#${imageId}`, sk: 'ATT' } }))).Item!;
    expect(item).toMatchObject({ recordId: bulletinId, purpose: 'bulletin', status: 'available' });
  });

  it('shows it with a link to the addressed enterprise, the publisher and the centre', async () => {
    for (const token of [addressed.token, a.tokens.chief, a.tokens.centre]) {
      const page = await call(bulletins, 'getBulletin', { token, params: { bulletinId } });
      expect(page.status).toBe(200);
      expect(page.body.attachment.id).toBe(imageId);
      expect(page.body.attachment.url).toMatch(/^http/);
      expect((await call(evidence, 'getAttachment', { token, params: { attachmentId: imageId } })).status).toBe(200);
    }
    const page = await call(bulletins, 'getBulletin', { token: addressed.token, params: { bulletinId } });
    expect((await fetch(page.body.attachment.url)).status).toBe(200);
  });

  it('is 404 to an enterprise it did not reach, an officer who did not publish it and another station', async () => {
    for (const token of [bystander.token, a.tokens.officer, b.tokens.chief, b.tokens.officer]) {
      const reply = await call(evidence, 'getAttachment', { token, params: { attachmentId: imageId } });
      expect(reply.status).toBe(404);
      expect(Object.keys(reply.body)).toEqual(['error']);
    }
  });

  it('cannot be attached to a second bulletin, nor deleted once attached', async () => {
    const again = await publish(a.tokens.chief, { attachmentId: imageId });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain('attachmentId');
    expect((await call(evidence, 'deleteAttachment', { token: a.tokens.chief, params: { attachmentId: imageId } })).status).toBe(409);
  });

  it('closes to the enterprise once withdrawn, stays open to the publisher', async () => {
    const current = await call(bulletins, 'getBulletin', { token: a.tokens.chief, params: { bulletinId } });
    expect((await call(bulletins, 'withdrawBulletin', { token: a.tokens.chief, params: { bulletinId }, body: { version: current.body.bulletin.version } })).status).toBe(200);
    expect((await call(evidence, 'getAttachment', { token: addressed.token, params: { attachmentId: imageId } })).status).toBe(404);
    expect((await call(evidence, 'getAttachment', { token: a.tokens.chief, params: { attachmentId: imageId } })).status).toBe(200);
  });
});

describe('a bulletin with a PDF', () => {
  it('gives the addressed enterprise a link to the document', async () => {
    const pdf = await upload(a.tokens.officer, { purpose: 'bulletin', contentType: 'application/pdf', bytes: PDF(), fileName: '防范指引.pdf' });
    const reply = await publish(a.tokens.officer, { kind: 'legal', attachmentId: pdf.id });
    expect(reply.status).toBe(201);
    const page = await call(bulletins, 'getBulletin', { token: addressed.token, params: { bulletinId: reply.body.bulletin.id } });
    expect(page.body.attachment).toMatchObject({ id: pdf.id, kind: 'document', contentType: 'application/pdf', fileName: '防范指引.pdf' });
    expect(page.body.attachment.url).toMatch(/^http/);
  });

  it('refuses another publisher’s upload or a visit photo: 400, nothing published or linked', async () => {
    const chiefs = await upload(a.tokens.chief, { purpose: 'bulletin', contentType: 'application/pdf', bytes: PDF(), fileName: '所长的.pdf' });
    const visit = await upload(a.tokens.officer, { purpose: 'visit', enterpriseId: addressed.id, contentType: 'image/jpeg', bytes: JPEG('v'), fileName: '走访.jpg' }).catch(() => null);
    for (const id of [chiefs.id, ...(visit ? [visit.id] : [])]) {
      const reply = await publish(a.tokens.officer, { title: `不应发布的通知${id.slice(-4)}`, attachmentId: id });
      expect(reply.status).toBe(400);
      const item = (await db().send(new GetCommand({ TableName: table(), Key: { pk: `ATT#${id}`, sk: 'ATT' } }))).Item!;
      expect(item.recordId).toBeUndefined();
    }
    const mine = await call(bulletins, 'listManagedBulletins', { token: a.tokens.officer });
    expect(JSON.stringify(mine.body)).not.toContain('不应发布的通知');
  });

  it('a bulletin without a file has no attachment', async () => {
    const reply = await publish(a.tokens.chief, { kind: 'support', title: '助企动态：新办证大厅启用' });
    expect(reply.status).toBe(201);
    expect(reply.body.attachment).toBeUndefined();
  });
});
