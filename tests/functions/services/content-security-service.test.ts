/**
 * The later 内容安全 check, end to end against DynamoDB Local and the fake WeChat: texts filed while WeChat
 * was down are checked again by the scheduler's sweep. Fine → the pending item goes; risky → the record holds
 * the text (others see the placeholder, the author the text with a note); still no verdict → it waits, and
 * after three days it is left to a person (SECCHECK#UNJUDGED).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { handler as appeals } from '../../../functions/handlers/appeals';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { db, table } from '../../../functions/lib/dynamo';
import { issueAccessToken } from '../../../functions/lib/tokens';
import { resetAccessToken } from '../../../functions/lib/wechat-client';
import { runSlaSweep } from '../../../functions/services/scheduler-service';
import { startWechatFake, type FakeWechat } from '../../../dev/wechat-fake';
import { HELD_NOTE, HELD_PLACEHOLDER } from '../../../shared/evidence/held-text';
import { guest, registration, twoStations } from '../../support/fixtures';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';

let owner: { token: string; userId: string };
let officerToken: string;
let wechat: FakeWechat;
const DOWN = 'http://127.0.0.1:9';
const DAY = 24 * 60 * 60 * 1000;

async function pointWechatAt(url: string) {
  process.env.WECHAT_API_BASE = url;
  resetAccessToken();
}

const appealBody = (description: string) => ({ type: 'help', category: 'other', urgency: 'normal', title: '仓库门口被人堆放杂物', description });

async function partition(pk: string) {
  const out = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }));
  return out.Items ?? [];
}

/** Filed while WeChat is down: accepted, and recorded to be checked later. */
async function fileWhileDown(description: string): Promise<string> {
  await pointWechatAt(DOWN);
  const reply = await call(appeals, 'createAppeal', { token: owner.token, body: appealBody(description) });
  await pointWechatAt(wechat.url);
  expect(reply.status).toBe(201);
  return reply.body.appeal.id;
}

beforeAll(async () => {
  await createTestTable('seccheck');
  const { a } = await twoStations();
  const g = await guest('seccheck-owner');
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 8201) });
  owner = { token: reg.body.session.accessToken, userId: reg.body.session.me.userId };
  const officerId = reg.body.enterprise.officerId;
  officerToken = await issueAccessToken({ role: 'officer', userId: `u-${officerId}`, officerId, stationId: a.stationId });
  wechat = await startWechatFake({ appid: process.env.WECHAT_APPID!, secret: process.env.WECHAT_SECRET! });
  await pointWechatAt(wechat.url);
}, 60_000);

afterAll(async () => {
  await wechat?.stop();
  await pointWechatAt(DOWN);
});

describe('the sweep re-checks texts WeChat could not judge at filing', () => {
  it('fine text: the pending item goes, the appeal is untouched', async () => {
    const id = await fileWhileDown('连续三天有人在仓库门口堆放建筑垃圾，货车无法进出。');
    expect((await partition('SECCHECK#PENDING')).map((i) => i.recordId)).toEqual([id]);
    const checks = wechat.textChecks.length;
    const result = await runSlaSweep(new Date(Date.now() + 60_000));
    expect(result.failedJobs).toEqual([]);
    expect(result.seccheck).toMatchObject({ passed: 1, held: 0, waiting: 0, unjudged: 0 });
    expect(wechat.textChecks.slice(checks).map((c) => c.scene)).toEqual([3, 3]);
    expect(await partition('SECCHECK#PENDING')).toEqual([]);
    const view = await call(appeals, 'getAppeal', { token: officerToken, params: { appealId: id } });
    expect(view.body.appeal).toMatchObject({ description: '连续三天有人在仓库门口堆放建筑垃圾，货车无法进出。' });
    expect(view.body.appeal.heldFields).toBeUndefined();
  });

  it('risky text: the record holds it — the officer sees the placeholder, the author the text with a note; a second sweep changes nothing', async () => {
    const description = '门口有人反复张贴可疑传单后检风险词，请尽快处理。';
    const id = await fileWhileDown(description);
    await pointWechatAt(DOWN);
    const posted = await call(appeals, 'postAppealMessage', { token: owner.token, params: { appealId: id }, body: { text: '补充：传单内容含后检留言词。' } });
    await pointWechatAt(wechat.url);
    expect(posted.status).toBe(201);
    expect((await partition('SECCHECK#PENDING')).map((i) => i.recordKind).sort()).toEqual(['appeal', 'appeal-message']);

    wechat.markRisky({ text: '后检风险词' });
    wechat.markRisky({ text: '后检留言词' });
    const first = await runSlaSweep(new Date(Date.now() + 60_000));
    expect(first.seccheck).toMatchObject({ passed: 0, held: 2 });
    expect(wechat.textChecks.filter((c) => c.content.includes('后检留言词')).map((c) => c.scene)).toEqual([2]);
    expect(await partition('SECCHECK#PENDING')).toEqual([]);

    const officerView = await call(appeals, 'getAppeal', { token: officerToken, params: { appealId: id } });
    expect(officerView.body.appeal).toMatchObject({ title: '仓库门口被人堆放杂物', description: HELD_PLACEHOLDER, heldFields: ['description'] });
    expect(officerView.body.heldNote).toBeUndefined();
    const ownView = await call(appeals, 'getAppeal', { token: owner.token, params: { appealId: id } });
    expect(ownView.body.appeal.description).toBe(description);
    expect(ownView.body.heldNote).toBe(HELD_NOTE);

    const officerThread = await call(appeals, 'listAppealMessages', { token: officerToken, params: { appealId: id } });
    expect(officerThread.body.items.map((m: { text: string; heldNote?: string }) => [m.text, m.heldNote])).toEqual([[HELD_PLACEHOLDER, undefined]]);
    const ownThread = await call(appeals, 'listAppealMessages', { token: owner.token, params: { appealId: id } });
    expect(ownThread.body.items.map((m: { text: string; heldNote?: string }) => [m.text, m.heldNote])).toEqual([['补充：传单内容含后检留言词。', HELD_NOTE]]);

    const version = ownView.body.appeal.version;
    const again = await runSlaSweep(new Date(Date.now() + 120_000));
    expect(again.seccheck).toMatchObject({ passed: 0, held: 0, skipped: 0 });
    expect((await call(appeals, 'getAppeal', { token: owner.token, params: { appealId: id } })).body.appeal.version).toBe(version);
  });

  it('WeChat still down: the text waits; after three days without a verdict it is left for a person', async () => {
    const id = await fileWhileDown('周边道路夜间施工噪声扰民，影响员工休息。');
    await pointWechatAt(DOWN);
    try {
      const soon = await runSlaSweep(new Date(Date.now() + 60_000));
      expect(soon.seccheck).toMatchObject({ waiting: 1, unjudged: 0 });
      expect((await partition('SECCHECK#PENDING')).map((i) => i.recordId)).toEqual([id]);

      const later = await runSlaSweep(new Date(Date.now() + 3 * DAY + 60_000));
      expect(later.seccheck).toMatchObject({ waiting: 0, unjudged: 1 });
      expect(await partition('SECCHECK#PENDING')).toEqual([]);
      expect(await partition('SECCHECK#UNJUDGED')).toEqual([expect.objectContaining({ recordKind: 'appeal', recordId: id, fields: ['title', 'description'], entity: 'seccheck-unjudged' })]);
    } finally {
      await pointWechatAt(wechat.url);
    }
    const view = await call(appeals, 'getAppeal', { token: officerToken, params: { appealId: id } });
    expect(view.body.appeal.heldFields).toBeUndefined();
  });
});
