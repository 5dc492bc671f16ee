/**
 * 工作影像资料: an officer's photos of a visit, through the real local S3. Only police who may log a visit
 * for the enterprise get an upload form; the photos need no WeChat check (police-only content); the visit
 * links them in its own transaction; the visit, the visit lists and the enterprise file return them with
 * links; the enterprise never sees them, and nobody outside the visit's rule does.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { handler as appeals } from '../../../functions/handlers/appeals';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as evidence } from '../../../functions/handlers/evidence';
import { handler as fieldwork } from '../../../functions/handlers/fieldwork';
import { handler as reports } from '../../../functions/handlers/reports';
import { db, table } from '../../../functions/lib/dynamo';
import { issueAccessToken } from '../../../functions/lib/tokens';
import { shanghaiDay } from '../../../shared/fieldwork/rules';
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

const visitBody = (extra: Record<string, unknown> = {}) => ({
  enterpriseId: owner.enterpriseId,
  day: today,
  metWith: '企业负责人张经理',
  content: '走访了解企业治安防范情况，现场拍摄了消防通道。',
  problems: [],
  ...extra,
});
const photo = (token = officerToken, enterpriseId = owner.enterpriseId) => upload(token, { purpose: 'visit', enterpriseId, contentType: 'image/jpeg', bytes: JPEG('visit'), fileName: '消防通道.jpg' });
const uploadBody = (enterpriseId: string) => ({ purpose: 'visit', enterpriseId, contentType: 'image/jpeg', size: 1000, fileName: '现场.jpg' });

beforeAll(async () => {
  await createTestTable('visit-evidence');
  ({ a, b } = await twoStations());
  const g = await guest('visit-evidence-owner');
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 8301) });
  owner = { token: reg.body.session.accessToken, enterpriseId: reg.body.enterprise.id, officerId: reg.body.enterprise.officerId };
  officerToken = await issueAccessToken({ role: 'officer', userId: `u-${owner.officerId}`, officerId: owner.officerId, stationId: a.stationId });
  const colleague = a.officers.find((o) => o.id !== owner.officerId)!;
  colleagueToken = await issueAccessToken({ role: 'officer', userId: `u-${colleague.id}`, officerId: colleague.id, stationId: a.stationId });
}, 60_000);

describe('an upload form for a visit', () => {
  it('is given to the enterprise officer and the chief, and names the enterprise', async () => {
    for (const token of [officerToken, a.tokens.chief]) expect((await call(evidence, 'requestUpload', { token, body: uploadBody(owner.enterpriseId) })).status).toBe(201);
  });

  it('is refused to the enterprise (403), to a colleague, another station and for an unknown enterprise (404, like the record)', async () => {
    expect((await call(evidence, 'requestUpload', { token: owner.token, body: uploadBody(owner.enterpriseId) })).status).toBe(403);
    expect((await call(evidence, 'requestUpload', { token: a.tokens.centre, body: uploadBody(owner.enterpriseId) })).status).toBe(403);
    for (const token of [colleagueToken, b.tokens.chief, b.tokens.officer]) {
      const reply = await call(evidence, 'requestUpload', { token, body: uploadBody(owner.enterpriseId) });
      expect(reply.status).toBe(404);
      expect(Object.keys(reply.body)).toEqual(['error']);
    }
    expect((await call(evidence, 'requestUpload', { token: officerToken, body: uploadBody('nope') })).status).toBe(404);
  });

  it('must name the enterprise, in words naming the field', async () => {
    const reply = await call(evidence, 'requestUpload', { token: officerToken, body: { ...uploadBody(owner.enterpriseId), enterpriseId: undefined } });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain('走访影像需指明走访企业');
  });
});

describe('a visit logged with photos', () => {
  let visitId: string;
  let photoIds: string[];

  beforeAll(async () => {
    const files = [await photo(), await photo(), await upload(officerToken, { purpose: 'visit', enterpriseId: owner.enterpriseId, contentType: 'application/pdf', bytes: PDF(), fileName: '检查记录.pdf' })];
    photoIds = files.map((f) => f.id);
    // No WeChat check for police-only content: available at once.
    expect(files.map((f) => f.view.status)).toEqual(['available', 'available', 'available']);
    const reply = await call(fieldwork, 'createVisit', { token: officerToken, body: visitBody({ attachmentIds: photoIds }) });
    expect(reply.status).toBe(201);
    visitId = reply.body.visit.id;
    expect(reply.body.visit.attachments.map((x: { id: string }) => x.id)).toEqual(photoIds);
  });

  it('links each attachment to the visit in the visit transaction', async () => {
    for (const id of photoIds) {
      const item = (await db().send(new GetCommand({ TableName: table(), Key: { pk: `ATT#${id}`, sk: 'ATT' } }))).Item!;
      expect(item).toMatchObject({ recordId: visitId, purpose: 'visit', enterpriseId: owner.enterpriseId, status: 'available' });
    }
  });

  it('returns them with links on the visit, the visit lists and the enterprise file (police)', async () => {
    const withLinks = (list: { id: string; url: string | null }[]) => {
      expect(list.map((x) => x.id)).toEqual(photoIds);
      for (const x of list) expect(x.url).toMatch(/^http/);
    };
    const one = await call(fieldwork, 'getVisit', { token: a.tokens.chief, params: { visitId } });
    expect(one.status).toBe(200);
    withLinks(one.body.attachments);
    const list = await call(fieldwork, 'listEnterpriseVisits', { token: a.tokens.chief, params: { enterpriseId: owner.enterpriseId } });
    withLinks(list.body.items.find((v: { id: string }) => v.id === visitId).attachments);
    const mine = await call(fieldwork, 'listOfficerVisits', { token: officerToken, params: { officerId: owner.officerId } });
    withLinks(mine.body.items.find((v: { id: string }) => v.id === visitId).attachments);
    const file = await call(enterprises, 'getEnterpriseFile', { token: a.tokens.chief, params: { enterpriseId: owner.enterpriseId } });
    expect(file.status).toBe(200);
    withLinks(file.body.sections.visits.items.find((v: { id: string }) => v.id === visitId).attachments);
    // The link opens the file.
    const got = await fetch(one.body.attachments[0].url);
    expect(got.status).toBe(200);
  });

  it('the station’s ledger (走访台账) gives the visit’s 附件数, from the ids the visit carries', async () => {
    const reply = await call(reports, 'exportLedger', { token: a.tokens.chief, params: { stationId: a.stationId }, query: { from: today, to: today } });
    expect(reply.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(reply.body.base64, 'base64') as never);
    const ws = book.getWorksheet('走访台账')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers[headers.length - 1]).toBe('附件数');
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const row = rows.find((r) => r?.[1] === visitId)!;
    expect(row[headers.length]).toBe(3);
  });

  it('opens to the visit officer, the chief and the centre (any); 404 to the enterprise, a colleague and another station', async () => {
    for (const token of [officerToken, a.tokens.chief, a.tokens.centre]) expect((await call(evidence, 'getAttachment', { token, params: { attachmentId: photoIds[0]! } })).status).toBe(200);
    for (const token of [owner.token, colleagueToken, b.tokens.chief, b.tokens.officer]) {
      const reply = await call(evidence, 'getAttachment', { token, params: { attachmentId: photoIds[0]! } });
      expect(reply.status).toBe(404);
      expect(Object.keys(reply.body)).toEqual(['error']);
    }
  });

  it('never shows up for the enterprise: its file has no visits, its appeals no visit files', async () => {
    const file = await call(enterprises, 'getEnterpriseFile', { token: owner.token, params: { enterpriseId: owner.enterpriseId } });
    expect(file.status).toBe(200);
    const text = JSON.stringify(file.body);
    for (const id of photoIds) expect(text).not.toContain(id);
    const list = await call(appeals, 'listEnterpriseAppeals', { token: owner.token, params: { enterpriseId: owner.enterpriseId } });
    for (const id of photoIds) expect(JSON.stringify(list.body)).not.toContain(id);
  });

  it('cannot be attached twice, nor deleted once attached', async () => {
    const again = await call(fieldwork, 'createVisit', { token: officerToken, body: visitBody({ attachmentIds: [photoIds[0]] }) });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain('attachmentIds');
    expect((await call(evidence, 'deleteAttachment', { token: officerToken, params: { attachmentId: photoIds[0]! } })).status).toBe(409);
  });
});

describe('a visit refuses attachments that are not its officer’s uploads for this enterprise', () => {
  it('another officer’s, another enterprise’s, or an appeal’s: 400, and nothing is written', async () => {
    const chiefs = await photo(a.tokens.chief);
    const g = await guest('visit-evidence-other');
    const other = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 8302) });
    const otherId = other.body.enterprise.id as string;
    const otherOfficer = await issueAccessToken({ role: 'officer', userId: `u-${other.body.enterprise.officerId}`, officerId: other.body.enterprise.officerId, stationId: a.stationId });
    const otherEnterprise = await photo(otherOfficer, otherId);
    const appealFile = await upload(owner.token, { purpose: 'appeal', contentType: 'application/pdf', bytes: PDF(), fileName: '合同.pdf' });
    for (const id of [chiefs.id, appealFile.id]) {
      const reply = await call(fieldwork, 'createVisit', { token: officerToken, body: visitBody({ attachmentIds: [id] }) });
      expect(reply.status).toBe(400);
    }
    // The other enterprise's officer logs a visit to our enterprise? Not theirs: 404. To their own, with our photo: 400.
    const mine = await photo();
    const wrong = await call(fieldwork, 'createVisit', { token: otherOfficer, body: { ...visitBody({ attachmentIds: [mine.id] }), enterpriseId: otherId } });
    expect(wrong.status).toBe(400);
    const right = await call(fieldwork, 'createVisit', { token: otherOfficer, body: { ...visitBody({ attachmentIds: [otherEnterprise.id] }), enterpriseId: otherId } });
    expect(right.status).toBe(201);
    for (const id of [chiefs.id, mine.id]) {
      const item = (await db().send(new GetCommand({ TableName: table(), Key: { pk: `ATT#${id}`, sk: 'ATT' } }))).Item!;
      expect(item.recordId).toBeUndefined();
    }
  });
});
