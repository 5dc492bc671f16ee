import { handler as appeals } from '../../../functions/handlers/appeals';
import { handler as evidence } from '../../../functions/handlers/evidence';
import { issueAccessToken } from '../../../functions/lib/tokens';
import { logVisit } from '../../../functions/services/fieldwork-service';
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
  ],
  setup: async (ctx) => ({
    foreign: { attachmentId: await attachedFile(ctx.entB.accessToken, ctx.appealB), visitAttachmentId: await visitPhoto(ctx.b.principals.chief, ctx.entB.id) },
    colleagues: {
      attachmentId: await attachedFile(ctx.entA2.accessToken, ctx.appealA2),
      visitAttachmentId: await visitPhoto({ role: 'officer', userId: `u-${ctx.entA2.officerId}`, officerId: ctx.entA2.officerId, stationId: ctx.a.stationId }, ctx.entA2.id),
    },
  }),
};
