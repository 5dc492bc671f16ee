/**
 * The files of 导出我的数据: what a member of the enterprise may see on the enterprise's appeals — the
 * enterprise's own uploads and the police's replies in its conversations, once WeChat passed them (the
 * member's own 待审核 and rejected ones too, the latter without a link). Never a visit's 工作影像资料: those
 * are police only and are not listed under an appeal. Each file comes with a presigned GET valid for
 * EXPORT_LINK_TTL_SECONDS, its expiry written beside it. A module of its own so the reports function does
 * not carry the upload and media-check code (and WeChat's secret) with it.
 */
import { canSeeAttachmentStatus, EXPORT_LINK_TTL_SECONDS, KIND_LABELS, objectKey, STATUS_LABELS } from '../../shared/evidence/rules';
import { presignedGet } from '../lib/s3';
import { attachmentRepository } from '../repositories/attachment-repository';

export type ExportedAttachment = {
  id: string;
  fileName: string;
  kind: string;
  contentType: string;
  size: number;
  status: string;
  /** 诉求 (filed with the appeal) or 留言 (sent in its conversation). */
  record: '诉求' | '留言';
  appealId: string;
  appealTitle: string;
  messageId: string | null;
  /** Who sent it: the member themself, the enterprise (another member), or the police. */
  from: '我' | '本企业' | '民警';
  uploadedAt: string;
  /** null for a file rejected by WeChat's check (it is not given out, to its uploader either). */
  url: string | null;
  urlExpiresAt: string | null;
};

/**
 * One Query (its pointers) and one BatchGet per appeal, the appeals in parallel: an export is rare, and the
 * same pass already reads each appeal's messages. `authorRoles` maps a message id to its author's role.
 */
export async function attachmentsForExport(viewer: { userId: string }, appeals: { id: string; title: string }[], authorRoles: Map<string, string>, now: Date): Promise<ExportedAttachment[]> {
  const expiresAt = new Date(now.getTime() + EXPORT_LINK_TTL_SECONDS * 1000).toISOString();
  const perAppeal = await Promise.all(
    appeals.map(async (appeal) => {
      const files = (await attachmentRepository.listOfAppeal(appeal.id)).filter((a) => a.purpose !== 'visit' && canSeeAttachmentStatus(viewer, a));
      return Promise.all(
        files.map(async (a): Promise<ExportedAttachment> => {
          const url = a.status === 'rejected' ? null : await presignedGet(objectKey(a.ownerUserId, a.id), a.fileName, EXPORT_LINK_TTL_SECONDS);
          const byPolice = a.messageId !== undefined && authorRoles.get(a.messageId) !== 'enterprise';
          return {
            id: a.id,
            fileName: a.fileName,
            kind: KIND_LABELS[a.kind],
            contentType: a.contentType,
            size: a.size,
            status: STATUS_LABELS[a.status],
            record: a.messageId ? '留言' : '诉求',
            appealId: appeal.id,
            appealTitle: appeal.title,
            messageId: a.messageId ?? null,
            from: a.ownerUserId === viewer.userId ? '我' : byPolice ? '民警' : '本企业',
            uploadedAt: a.createdAt,
            url,
            urlExpiresAt: url ? expiresAt : null,
          };
        }),
      );
    }),
  );
  return perAppeal.flat();
}
