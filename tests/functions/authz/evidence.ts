import { handler as appeals } from '../../../functions/handlers/appeals';
import { handler as evidence } from '../../../functions/handlers/evidence';
import { issueAccessToken } from '../../../functions/lib/tokens';
import { createBulletin } from '../../../functions/services/bulletin-service';
import { actOnRectification, logVisit } from '../../../functions/services/fieldwork-service';
import type { Principal } from '../../../shared/domain/principal';
import { JPEG, PDF, upload } from '../../support/evidence';
import { call } from '../../support/http';
import type { AuthzModule } from './module';

/**
 * 证据材料: another enterprise's file (attached to its appeal's conversation) and a colleague's enterprise's
 * file answer 404 like their records; an upload form for another's conversation too.
 */
async function attachedFile(token: string, appealId: string): Promise<string> {
  const file = await upload(token, { purpose: 'message', appealId, contentType: 'application/pdf', bytes: PDF(), fileName: '合同.pdf' });
  const posted = await call(appeals, 'postAppealMessage', { token, params: { appealId }, body: { text: '补充合同扫描件', attachmentIds: [file.id] } });
  if (posted.status !== 201) throw new Error(`postAppealMessage ${posted.status}: ${JSON.stringify(posted.body)}`);
  return file.id;
}

/** 工作影像资料: a photo of a visit, logged by `who` to `enterpriseId`; police-only, like the visit. */
async function visitPhoto(who: Principal, enterpriseId: string): Promise<string> {
  const file = await upload(await issueAccessToken(who), { purpose: 'visit', enterpriseId, contentType: 'image/jpeg', bytes: JPEG('authz'), fileName: '现场.jpg' });
  await logVisit(who, { enterpriseId, day: '2026-01-05', metWith: '企业负责人王经理', content: '走访了解企业治安防范情况并拍照留档。', problems: [], attachmentIds: [file.id] }, new Date('2026-01-05T04:00:00Z'));
  return file.id;
}

/**
 * 整改前/整改后: `who` logs a visit to `enterpriseId` finding two problems; the first item is closed with a
 * photo of theirs, the second stays open (an upload form for it is what the variant asks for).
 */
async function rectificationPhoto(who: Principal, enterpriseId: string): Promise<{ rectPhotoId: string; openRectificationId: string }> {
  const now = new Date('2026-01-05T04:00:00Z');
  const problems = ['消防通道堆放杂物', '监控探头损坏'].map((description) => ({ description, followUp: 'rectification' as const, deadline: '2026-01-20' }));
  const { rectifications } = await logVisit(who, { enterpriseId, day: '2026-01-05', metWith: '企业负责人王经理', content: '走访检查消防与技防设施，问题列入整改。', problems }, now);
  const [closed, open] = rectifications;
  const file = await upload(await issueAccessToken(who), { purpose: 'rectification', rectificationId: closed!.id, contentType: 'image/jpeg', bytes: JPEG('authz'), fileName: '整改后.jpg' });
  await actOnRectification(who, closed!.id, { action: 'complete', note: '杂物已清理完毕', version: 1, afterPhotoIds: [file.id] }, now);
  return { rectPhotoId: file.id, openRectificationId: open!.id };
}

/** A bulletin's file: `who` publishes to their own station with an image. */
async function bulletinFile(who: Principal & { stationId: string }): Promise<string> {
  const file = await upload(await issueAccessToken(who), { purpose: 'bulletin', contentType: 'image/jpeg', bytes: JPEG('authz'), fileName: '示意图.jpg' });
  const body = { blocks: [{ type: 'paragraph' as const, spans: [{ text: '请各企业查看附图，做好防范。' }] }] };
  await createBulletin(who, { kind: 'legal', title: '附图的法治宣教', body, audience: { type: 'stations', stationIds: [who.stationId] }, attachmentId: file.id }, new Date());
  return file.id;
}

export const evidenceAuthz: AuthzModule = {
  handlers: { evidence },
  cases: {
    requestUpload: { body: (i) => ({ purpose: 'message', appealId: i.appealId, contentType: 'image/jpeg', size: 1000, fileName: '越权.jpg' }) },
    confirmUpload: { params: (i) => ({ attachmentId: String(i.attachmentId) }) },
    getAttachment: { params: (i) => ({ attachmentId: String(i.attachmentId) }) },
    deleteAttachment: { params: (i) => ({ attachmentId: String(i.attachmentId) }) },
    wechatPush: 'public',
  },
  variants: [
    { route: 'requestUpload', label: 'visit', enterpriseScoped: true, case: { body: (i) => ({ purpose: 'visit', enterpriseId: i.enterpriseId, contentType: 'image/jpeg', size: 1000, fileName: '越权.jpg' }) } },
    { route: 'getAttachment', label: 'visit photo', enterpriseScoped: true, case: { params: (i) => ({ attachmentId: String(i.visitAttachmentId) }) } },
    {
      route: 'requestUpload',
      label: 'rectification',
      enterpriseScoped: true,
      case: { body: (i) => ({ purpose: 'rectification', rectificationId: i.openRectificationId, contentType: 'image/jpeg', size: 1000, fileName: '越权.jpg' }) },
    },
    { route: 'getAttachment', label: 'rectification photo', enterpriseScoped: true, case: { params: (i) => ({ attachmentId: String(i.rectPhotoId) }) } },
    // A colleague's bulletin reaches enterprise A too, but the officer does not manage it: also aimed at it.
    { route: 'getAttachment', label: 'bulletin file', enterpriseScoped: true, case: { params: (i) => ({ attachmentId: String(i.bulletinAttachmentId) }) } },
  ],
  setup: async (ctx) => {
    const chiefB = ctx.b.principals.chief as Principal & { stationId: string };
    const colleague = { role: 'officer' as const, userId: `u-${ctx.entA2.officerId}`, officerId: ctx.entA2.officerId, stationId: ctx.a.stationId };
    return {
      foreign: {
        attachmentId: await attachedFile(ctx.entB.accessToken, ctx.appealB),
        visitAttachmentId: await visitPhoto(chiefB, ctx.entB.id),
        ...(await rectificationPhoto(chiefB, ctx.entB.id)),
        bulletinAttachmentId: await bulletinFile(chiefB),
      },
      colleagues: {
        attachmentId: await attachedFile(ctx.entA2.accessToken, ctx.appealA2),
        visitAttachmentId: await visitPhoto(colleague, ctx.entA2.id),
        ...(await rectificationPhoto(colleague, ctx.entA2.id)),
        bulletinAttachmentId: await bulletinFile(colleague),
      },
    };
  },
};
