/**
 * 证据材料: uploads go from the phone straight to S3 with a presigned POST (the policy fixes key, type, size
 * and metadata); confirming an upload writes the attachment record and sends images and audio to WeChat's
 * mediaCheckAsync; the verdict arrives at the push callback. Downloads are presigned GETs issued only to
 * callers who may see the record, and only once the file passed (待审核 and rejected files: uploader only).
 */
import { ulid } from 'ulid';
import { canPostMessage } from '../../shared/appeals/state-machine';
import { canManageBulletin, canSeeAppeal, canSeeEnterprise, canSeeRectification } from '../../shared/domain/access';
import type { Principal } from '../../shared/domain/principal';
import { Forbidden, NotFound, ValidationFailed } from '../../shared/errors';
import {
  ATTACHMENT_PURPOSES,
  canSeeAttachmentStatus,
  checkAttachmentSetFor,
  checkedByWechat,
  DOWNLOAD_TTL_SECONDS,
  kindOf,
  MAX_BYTES,
  objectKey,
  STATUS_LABELS,
  UPLOAD_TTL_SECONDS,
  type AttachmentPurpose,
} from '../../shared/evidence/rules';
import type { Attachment, AttachmentView, UploadForm, UploadRequestBody } from '../../shared/evidence/schemas';
import { submitMediaCheck } from '../lib/content-security';
import { cancelledIndexes } from '../lib/dynamo';
import { deleteObject, headObject, markSubmitted, presignedGet, presignedPost } from '../lib/s3';
import { isOpenRectification } from '../../shared/fieldwork/rules';
import { appealRepository } from '../repositories/appeal-repository';
import { bulletinRepository } from '../repositories/bulletin-repository';
import { enterpriseRepository } from '../repositories/enterprise-repository';
import { fieldworkRepository } from '../repositories/fieldwork-repository';
import { attachmentRepository, recordIdOf, type LinkTarget } from '../repositories/attachment-repository';
import { organisationRepository } from '../repositories/organisation-repository';
import { userRepository } from '../repositories/user-repository';
import { autoCloseDaysOf } from '../../shared/appeals/sla';

/** How long WeChat may take to fetch a file it checks (it downloads asynchronously). */
const MEDIA_CHECK_URL_SECONDS = 3600;

async function visibleAppeal(caller: Principal, appealId: string) {
  const appeal = await appealRepository.get(appealId);
  if (!appeal || !canSeeAppeal(caller, appeal)) throw new NotFound('诉求', 'APPEAL_NOT_FOUND');
  return appeal;
}

/** The enterprise a visit's photos are of: the same rule as logging the visit (an officer or chief who may see it). */
async function visitableEnterprise(caller: Principal, enterpriseId: string) {
  if (caller.role !== 'officer' && caller.role !== 'chief') throw new Forbidden('只有民警可以上传走访影像资料');
  const enterprise = await enterpriseRepository.get(enterpriseId);
  if (!enterprise || !canSeeEnterprise(caller, enterprise)) throw new NotFound('企业', 'ENTERPRISE_NOT_FOUND');
  return enterprise;
}

const isPolice = (caller: Principal) => caller.role === 'officer' || caller.role === 'chief' || caller.role === 'centre';

/** A rectification item the caller may see (its own rule, 404 otherwise): police only. */
async function visibleRectification(caller: Principal, rectificationId: string) {
  if (!isPolice(caller)) return null;
  const r = await fieldworkRepository.getRectification(rectificationId);
  if (!r) return null;
  const enterprise = caller.role === 'officer' && caller.officerId !== r.ownerOfficerId ? await enterpriseRepository.get(r.enterpriseId) : null;
  return canSeeRectification(caller, r, enterprise) ? r : null;
}

/** The item whose 整改前/整改后 photos are uploaded: the same rule as closing it (police who may see it, still open). */
async function closableRectification(caller: Principal, rectificationId: string) {
  if (!isPolice(caller)) throw new Forbidden('只有民警可以上传整改照片');
  const r = await visibleRectification(caller, rectificationId);
  if (!r) throw new NotFound('整改事项', 'RECTIFICATION_NOT_FOUND');
  if (!isOpenRectification(r.status)) throw new ValidationFailed([{ field: 'rectificationId', message: '该整改事项已办结，不能再上传照片' }]);
  return r;
}

/** An upload form for one file; nothing is stored until the upload is confirmed. */
export async function requestUpload(caller: Principal, body: UploadRequestBody, now: Date): Promise<UploadForm> {
  let enterpriseId: string;
  if (body.purpose === 'appeal') {
    if (caller.role !== 'enterprise') throw new Forbidden('只有企业可以为诉求上传材料');
    enterpriseId = caller.enterpriseId;
  } else if (body.purpose === 'visit') {
    enterpriseId = (await visitableEnterprise(caller, body.enterpriseId!)).id;
  } else if (body.purpose === 'rectification') {
    enterpriseId = (await closableRectification(caller, body.rectificationId!)).enterpriseId;
  } else if (body.purpose === 'bulletin') {
    // Whoever may publish a bulletin (any police user; the audience is checked when it is published).
    if (!isPolice(caller)) throw new Forbidden('只有民警可以为通知上传附件');
    enterpriseId = '';
  } else {
    const appeal = await visibleAppeal(caller, body.appealId!);
    if (!canPostMessage(appeal)) throw new ValidationFailed([{ field: 'appealId', message: '该诉求已关闭，不能再上传材料' }]);
    enterpriseId = appeal.enterpriseId;
  }
  const kind = kindOf(body.contentType)!;
  const id = ulid(now.getTime());
  const metadata: Record<string, string> = {
    purpose: body.purpose,
    enterprise: enterpriseId,
    name: encodeURIComponent(body.fileName),
    ...(body.appealId && { appeal: body.appealId }),
    ...(body.rectificationId && { rectification: body.rectificationId }),
  };
  const form = await presignedPost(objectKey(caller.userId, id), body.contentType, MAX_BYTES[kind], metadata, UPLOAD_TTL_SECONDS);
  return { attachmentId: id, url: form.url, fields: form.fields, maxBytes: MAX_BYTES[kind], expiresAt: new Date(now.getTime() + UPLOAD_TTL_SECONDS * 1000).toISOString() };
}

/** The upload arrived: record it (once) and, for images and audio, ask WeChat to check it. */
export async function confirmUpload(caller: Principal, id: string, now: Date): Promise<AttachmentView> {
  const existing = await attachmentRepository.get(id);
  if (existing) {
    if (existing.ownerUserId !== caller.userId) throw new NotFound('附件', 'ATTACHMENT_NOT_FOUND');
    return viewOf(caller, existing);
  }
  const key = objectKey(caller.userId, id);
  const head = await headObject(key);
  if (!head) throw new NotFound('附件', 'ATTACHMENT_NOT_FOUND');
  const kind = kindOf(head.contentType);
  const purpose = head.metadata.purpose as AttachmentPurpose | undefined;
  if (!kind || head.size > MAX_BYTES[kind] || !purpose || !ATTACHMENT_PURPOSES.includes(purpose)) {
    // Only a policy we did not issue could have let it in: remove it rather than keep what we refuse.
    await deleteObject(key);
    throw new ValidationFailed([{ field: 'file', message: '文件类型或大小不符合要求，请重新选择' }]);
  }
  const attachment: Attachment = {
    id,
    ownerUserId: caller.userId,
    enterpriseId: head.metadata.enterprise ?? '',
    purpose,
    ...(head.metadata.appeal && { appealId: head.metadata.appeal }),
    ...(head.metadata.rectification && { rectificationId: head.metadata.rectification }),
    kind,
    contentType: head.contentType,
    size: head.size,
    contentHash: head.etag,
    fileName: safeName(head.metadata.name),
    status: checkedByWechat(kind, purpose) ? 'uploaded' : 'available',
    createdAt: now.toISOString(),
  };
  if (checkedByWechat(kind, purpose)) {
    const user = await userRepository.get(caller.userId);
    const traceId = user?.openid ? await submitMediaCheck(user.openid, await presignedGet(key, attachment.fileName, MEDIA_CHECK_URL_SECONDS), kind === 'audio' ? 1 : 2, purpose === 'message' ? 2 : 3) : null;
    // Not accepted by WeChat now: it stays 待审核 (visible to its uploader only) until checked again.
    attachment.check = traceId ? { traceId } : {};
  }
  const created = await attachmentRepository.createConfirmed(attachment);
  if (!created) return confirmUpload(caller, id, now);
  return viewOf(caller, attachment);
}

function safeName(encoded: string | undefined): string {
  try {
    return decodeURIComponent(encoded ?? '') || '附件';
  } catch {
    return '附件';
  }
}

/** One attachment, with a link when the caller may open it (the record's access rule, then the status rule). */
export async function getAttachment(caller: Principal, id: string): Promise<AttachmentView> {
  const a = await attachmentRepository.get(id);
  if (!a || !(await maySee(caller, a))) throw new NotFound('附件', 'ATTACHMENT_NOT_FOUND');
  return viewOf(caller, a);
}

async function maySee(caller: Principal, a: Attachment): Promise<boolean> {
  if (!canSeeAttachmentStatus(caller, a)) return false;
  if (!a.recordId) return a.ownerUserId === caller.userId;
  if (a.purpose === 'visit') return maySeeVisit(caller, a.recordId);
  if (a.purpose === 'rectification') return Boolean(await visibleRectification(caller, a.recordId));
  if (a.purpose === 'bulletin') return maySeeBulletin(caller, a.recordId);
  const appeal = a.appealId ? await appealRepository.get(a.appealId) : a.purpose === 'appeal' ? await appealRepository.get(a.recordId) : null;
  return Boolean(appeal && canSeeAppeal(caller, appeal));
}

/** A visit's access rule (fieldwork-service getVisit): police only; its officer, or who may see its enterprise. */
async function maySeeVisit(caller: Principal, visitId: string): Promise<boolean> {
  if (caller.role !== 'officer' && caller.role !== 'chief' && caller.role !== 'centre') return false;
  const visit = await fieldworkRepository.getVisit(visitId);
  if (!visit) return false;
  if (caller.role !== 'centre' && caller.officerId === visit.officerId) return true;
  const enterprise = await enterpriseRepository.get(visit.enterpriseId);
  return Boolean(enterprise && canSeeEnterprise(caller, enterprise));
}

/** A bulletin's rule (bulletin-service getBulletin): an enterprise it was delivered to while published; police who manage it. */
async function maySeeBulletin(caller: Principal, bulletinId: string): Promise<boolean> {
  const b = await bulletinRepository.get(bulletinId);
  if (!b) return false;
  if (caller.role !== 'enterprise') return canManageBulletin(caller, b);
  if (b.status !== 'published' || !b.publishedAt) return false;
  return Boolean(await bulletinRepository.getEntry(caller.enterpriseId, b.publishedAt, b.id));
}

/** Removes a draft (not yet attached to a submitted record) and its file. */
export async function deleteAttachment(caller: Principal, id: string): Promise<{ deleted: true }> {
  const a = await attachmentRepository.get(id);
  if (!a || a.ownerUserId !== caller.userId) throw new NotFound('附件', 'ATTACHMENT_NOT_FOUND');
  await attachmentRepository.deleteDraft(id, caller.userId);
  await deleteObject(objectKey(a.ownerUserId, id));
  return { deleted: true };
}

export async function viewOf(caller: Pick<Principal, 'userId'>, a: Attachment): Promise<AttachmentView> {
  const url = a.status === 'rejected' ? null : await presignedGet(objectKey(a.ownerUserId, a.id), a.fileName, DOWNLOAD_TTL_SECONDS);
  return {
    id: a.id,
    kind: a.kind,
    contentType: a.contentType,
    size: a.size,
    fileName: a.fileName,
    status: a.status,
    statusLabel: STATUS_LABELS[a.status],
    mine: a.ownerUserId === caller.userId,
    url,
    urlExpiresAt: url ? new Date(Date.now() + DOWNLOAD_TTL_SECONDS * 1000).toISOString() : null,
  };
}

/**
 * Checks the uploads a submit names and takes them out of the draft lifecycle rule (before the record's
 * transaction: a failed transaction leaves an untagged orphan, never a submitted record whose file expires).
 * Answers the link writes for that transaction and the attachments, for the answer. `field` names the
 * request field a refusal is about.
 */
export async function prepareLinks(caller: Principal, ids: string[] | undefined, target: LinkTarget, field = 'attachmentIds') {
  const unique = [...new Set(ids ?? [])];
  if (unique.length === 0) return { ids: unique, writes: [], attachments: [] as Attachment[] };
  const found = await attachmentRepository.getMany(unique);
  const forTarget = (a: Attachment) =>
    target.purpose === 'message'
      ? a.appealId === target.appealId
      : target.purpose === 'visit'
        ? a.enterpriseId === target.enterpriseId
        : target.purpose === 'rectification'
          ? a.rectificationId === target.rectificationId
          : true;
  const usable = found.filter((a) => a.ownerUserId === caller.userId && a.purpose === target.purpose && !a.recordId && forTarget(a));
  if (usable.length !== unique.length) throw new ValidationFailed([{ field, message: '有附件不存在或已提交，请重新上传' }]);
  if (usable.some((a) => a.status === 'rejected')) throw new ValidationFailed([{ field, message: '有附件未通过内容安全审核，请删除后再提交' }]);
  const tooMany = checkAttachmentSetFor(
    target.purpose,
    usable.map((a) => a.kind),
  );
  if (tooMany) throw new ValidationFailed([{ field, message: tooMany }]);
  await Promise.all(usable.map((a) => markSubmitted(objectKey(a.ownerUserId, a.id))));
  const recordId = recordIdOf(target);
  const linked = usable.map((a) => ({ ...a, recordId, ...(target.purpose === 'message' && { messageId: target.messageId }) }));
  return { ids: unique, writes: attachmentRepository.linkWrites(unique, caller.userId, target), attachments: linked };
}

/**
 * The attachments of a page of visits (police callers only: the services check the visit rule first), by
 * visit: one BatchGet for the page, from the ids each visit item carries (no Query per visit).
 */
export async function visitAttachmentViews(caller: Principal, visits: { id: string; attachmentIds?: string[] }[]): Promise<Map<string, AttachmentView[]>> {
  const ids = visits.flatMap((v) => v.attachmentIds ?? []);
  const byVisit = new Map<string, AttachmentView[]>();
  if (ids.length === 0) return byVisit;
  const found = await attachmentRepository.getMany(ids);
  const views = await Promise.all(found.map((a) => viewOf(caller, a)));
  found.forEach((a, i) => {
    if (a.purpose === 'visit' && a.recordId) byVisit.set(a.recordId, [...(byVisit.get(a.recordId) ?? []), views[i]!]);
  });
  return byVisit;
}

/**
 * Views of the attachments a page of records carries by id (a rectification's photos, a bulletin's file),
 * by attachment id: one BatchGet for the page. The services check the record's rule first.
 */
export async function attachmentViewsById(caller: Principal, ids: string[]): Promise<Map<string, AttachmentView>> {
  if (ids.length === 0) return new Map();
  const found = (await attachmentRepository.getMany([...new Set(ids)])).filter((a) => canSeeAttachmentStatus(caller, a));
  const views = await Promise.all(found.map((a) => viewOf(caller, a)));
  return new Map(found.map((a, i) => [a.id, views[i]!]));
}

/** What the caller may see of an appeal's attachments: the appeal's own, and each message's. */
export async function appealAttachments(caller: Principal, appealId: string): Promise<{ own: AttachmentView[]; byMessage: Map<string, AttachmentView[]> }> {
  const all = (await attachmentRepository.listOfAppeal(appealId)).filter((a) => canSeeAttachmentStatus(caller, a));
  return viewsByRecord(caller, all);
}

export async function viewsByRecord(caller: Pick<Principal, 'userId'>, all: Attachment[]) {
  const views = await Promise.all(all.map((a) => viewOf(caller, a)));
  const own: AttachmentView[] = [];
  const byMessage = new Map<string, AttachmentView[]>();
  all.forEach((a, i) => {
    if (a.messageId) byMessage.set(a.messageId, [...(byMessage.get(a.messageId) ?? []), views[i]!]);
    else own.push(views[i]!);
  });
  return { own, byMessage };
}

export type MediaCheckEvent = { Event?: string; trace_id?: string; errcode?: number; result?: { suggest?: string; label?: number } };

/**
 * WeChat's verdict on a file (message push, Event wxa_media_check): risky → rejected and the uploader told
 * in the app; pass or review → available. A verdict for an unknown trace is ignored (answered, so WeChat
 * stops retrying); one not yet recorded here (the push outran our write) is refused so WeChat retries.
 */
type TransactItem = NonNullable<Parameters<typeof attachmentRepository.setVerdict>[3]>[number];

/**
 * A file linked to an appeal or one of its messages was rejected by WeChat's check: the writes that take it
 * off the appeal's count, for the verdict's own transaction (nothing when the count is already 0).
 */
export async function rejectedAttachmentCountWrites(appealId: string): Promise<TransactItem[]> {
  const appeal = await appealRepository.get(appealId);
  if (!appeal?.attachmentCount) return [];
  return appealRepository.attachmentCountWrites(appeal, -1, autoCloseDaysOf(await organisationRepository.requireStation(appeal.stationId)));
}

export type VerdictHooks = {
  tellUploader: (a: Attachment) => Promise<void>;
  /** The writes that take a rejected file off its appeal's attachment count (appeal-service). */
  uncount: (appealId: string) => Promise<TransactItem[]>;
};

/** Attempts at a rejection whose appeal may be changing meanwhile (its count is conditional on the version). */
const VERDICT_ATTEMPTS = 3;

export async function receiveMediaVerdict(event: MediaCheckEvent, now: Date, hooks: VerdictHooks): Promise<{ ok: true }> {
  if (event.Event !== 'wxa_media_check' || !event.trace_id) return { ok: true };
  const id = await attachmentRepository.byTraceId(event.trace_id);
  if (!id) throw new NotFound('审核记录', 'TRACE_NOT_FOUND');
  const suggest = event.result?.suggest;
  if (event.errcode || !suggest) return { ok: true }; // WeChat could not check it: it stays 待审核
  const status = suggest === 'risky' ? 'rejected' : 'available';
  const check = { traceId: event.trace_id, suggest, label: event.result?.label, at: now.toISOString() };
  // A rejected file already linked to an appeal or a message leaves the appeal's count in the verdict's
  // own transaction, so the count never includes a file nobody but its uploader can open.
  const a = status === 'rejected' ? await attachmentRepository.get(id) : null;
  const appealId = a?.recordId && a.purpose !== 'visit' ? (a.appealId ?? a.recordId) : null;
  let changed = false;
  for (let attempt = 1; ; attempt++) {
    try {
      changed = await attachmentRepository.setVerdict(id, status, check, appealId ? await hooks.uncount(appealId) : []);
      break;
    } catch (error) {
      if (!cancelledIndexes(error) || attempt >= VERDICT_ATTEMPTS) throw error;
    }
  }
  if (changed && a) await hooks.tellUploader({ ...a, status, check });
  return { ok: true };
}
