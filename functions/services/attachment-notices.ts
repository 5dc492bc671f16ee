import type { Attachment } from '../../shared/evidence/schemas';
import { KIND_LABELS } from '../../shared/evidence/rules';
import { userRepository } from '../repositories/user-repository';
import { notify, type Recipient } from './notification-service';

/** The uploader learns in the app that a file did not pass WeChat's check (nobody else ever saw it). */
export async function tellUploaderRejected(a: Attachment, now: Date): Promise<void> {
  const user = await userRepository.get(a.ownerUserId);
  if (!user) return;
  const box: Recipient | null =
    user.role === 'enterprise' && user.enterpriseId
      ? `enterprise:${user.enterpriseId}`
      : (user.role === 'officer' || user.role === 'chief') && user.officerId
        ? `officer:${user.officerId}`
        : user.role === 'centre'
          ? 'centre'
          : null;
  if (!box) return;
  await notify(
    [box],
    {
      event: 'appeal_update',
      title: `${KIND_LABELS[a.kind]}未通过审核`,
      body: `您上传的${KIND_LABELS[a.kind]}「${a.fileName}」未通过微信内容安全审核，其他人看不到它。请删除后换一个文件重新上传。`,
      ...(a.appealId && { link: { kind: 'appeal' as const, id: a.appealId } }),
    },
    now,
  );
}
