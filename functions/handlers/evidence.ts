import { evidenceRoutes } from '../../shared/api/routes/evidence';
import { httpHandler } from '../lib/http';
import { verifyPushSignature } from '../lib/wechat-push';
import { confirmUpload, deleteAttachment, getAttachment, receiveMediaVerdict, rejectedAttachmentCountWrites, requestUpload } from '../services/attachment-service';
import { tellUploaderRejected } from '../services/attachment-notices';

export const handler = httpHandler(evidenceRoutes, {
  requestUpload: ({ caller, body, now }) => requestUpload(caller, body, now),
  confirmUpload: ({ caller, params, now }) => confirmUpload(caller, params.attachmentId, now),
  getAttachment: ({ caller, params }) => getAttachment(caller, params.attachmentId),
  deleteAttachment: ({ caller, params }) => deleteAttachment(caller, params.attachmentId),
  wechatPush: async ({ query, body, now }) => {
    await verifyPushSignature(query);
    return receiveMediaVerdict(body, now, { tellUploader: (a) => tellUploaderRejected(a, now), uncount: rejectedAttachmentCountWrites });
  },
});
