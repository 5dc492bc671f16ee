import { handler as appeals } from '../../../functions/handlers/appeals';
import { handler as evidence } from '../../../functions/handlers/evidence';
import { PDF, upload } from '../../support/evidence';
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

export const evidenceAuthz: AuthzModule = {
  handlers: { evidence },
  cases: {
    requestUpload: { body: (i) => ({ purpose: 'message', appealId: i.appealId, contentType: 'image/jpeg', size: 1000, fileName: '越权.jpg' }) },
    confirmUpload: { params: (i) => ({ attachmentId: String(i.attachmentId) }) },
    getAttachment: { params: (i) => ({ attachmentId: String(i.attachmentId) }) },
    deleteAttachment: { params: (i) => ({ attachmentId: String(i.attachmentId) }) },
    wechatPush: 'public',
  },
  setup: async (ctx) => ({
    foreign: { attachmentId: await attachedFile(ctx.entB.accessToken, ctx.appealB) },
    colleagues: { attachmentId: await attachedFile(ctx.entA2.accessToken, ctx.appealA2) },
  }),
};
