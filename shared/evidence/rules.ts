/**
 * 证据材料: what may be uploaded, how large, and where it may attach. Pure: the presign route, the confirm
 * route, the filing and message writes and the mini-program's pickers all read these limits.
 */
export const ATTACHMENT_KINDS = ['image', 'video', 'audio', 'document'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** Content types accepted, by kind (the presigned POST's policy fixes the one declared). */
export const CONTENT_TYPES = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/heic': 'image',
  'image/heif': 'image',
  'image/webp': 'image',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'audio/mpeg': 'audio',
  'audio/mp4': 'audio',
  'audio/x-m4a': 'audio',
  'audio/aac': 'audio',
  'application/pdf': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
} as const satisfies Record<string, AttachmentKind>;
export type AttachmentContentType = keyof typeof CONTENT_TYPES;
export const CONTENT_TYPE_LIST = Object.keys(CONTENT_TYPES) as AttachmentContentType[];

const MB = 1024 * 1024;
export const MAX_BYTES: Record<AttachmentKind, number> = { image: 10 * MB, video: 50 * MB, audio: 10 * MB, document: 20 * MB };
/** Video ≤ 60 s (chooseMedia's maxDuration; the server cannot read a duration from S3 without the bytes). */
export const MAX_VIDEO_SECONDS = 60;
/** A voice note on the report form (getRecorderManager's duration). */
export const MAX_AUDIO_SECONDS = 60;

export const KIND_LABELS: Record<AttachmentKind, string> = { image: '图片', video: '视频', audio: '语音', document: '文件' };

export const kindOf = (contentType: string): AttachmentKind | null => (CONTENT_TYPES as Record<string, AttachmentKind>)[contentType] ?? null;

/**
 * The record an upload is for; `appealId` names the conversation for a message, `enterpriseId` the
 * enterprise a visit's 工作影像资料 is of (police only: never shown to the enterprise), `rectificationId`
 * the item whose 整改前/整改后 photos they are; a bulletin's file names nothing (the bulletin does not exist
 * until it is published with it).
 */
export const ATTACHMENT_PURPOSES = ['appeal', 'message', 'visit', 'rectification', 'bulletin'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];
/** Files only police upload: the enterprise's users never publish through them. */
export const POLICE_PURPOSES: readonly AttachmentPurpose[] = ['visit', 'rectification', 'bulletin'];

/** 整改前 / 整改后: images only, up to 9 on each side. */
export const RECTIFICATION_PHOTO_MAX = 9;

/**
 * Status: `uploaded` (confirmed, 待审核 — only its uploader sees it) → `available` (passed WeChat's media
 * check, or a kind WeChat does not check) or `rejected` (risky: the uploader is told, nobody else sees it).
 */
export const ATTACHMENT_STATUSES = ['uploaded', 'available', 'rejected'] as const;
export type AttachmentStatus = (typeof ATTACHMENT_STATUSES)[number];
export const STATUS_LABELS: Record<AttachmentStatus, string> = { uploaded: '待审核', available: '已通过', rejected: '未通过审核' };

/** WeChat's mediaCheckAsync checks images and audio; video and documents are not checked by WeChat. */
export const needsMediaCheck = (kind: AttachmentKind) => kind === 'image' || kind === 'audio';
/**
 * WeChat checks what users publish; files police upload (a visit's 工作影像资料, a rectification's photos, a
 * bulletin's image, like the police's own texts) are the administration's own and are not sent to it.
 */
export const checkedByWechat = (kind: AttachmentKind, purpose: AttachmentPurpose) => !POLICE_PURPOSES.includes(purpose) && needsMediaCheck(kind);

/** Why a purpose refuses a content type (null: fine): rectification photos are images; a bulletin takes an image or a PDF. */
export function purposeRefusal(purpose: AttachmentPurpose, contentType: string): string | null {
  const kind = kindOf(contentType);
  if (purpose === 'rectification' && kind !== 'image') return '整改照片只能上传图片';
  if (purpose === 'bulletin' && kind !== 'image' && contentType !== 'application/pdf') return '通知附件只能是一张图片或一个 PDF 文件';
  return null;
}

/** Object key: the uploader's own prefix, so a key names who may confirm it. */
export const objectKey = (userId: string, attachmentId: string) => `evidence/${userId}/${attachmentId}`;

/** Presigned URLs: an upload form lives 10 minutes, a download link 5. */
export const UPLOAD_TTL_SECONDS = 600;
export const DOWNLOAD_TTL_SECONDS = 300;
/**
 * Links in 导出我的数据: long enough to download the files after opening the export, short enough that a
 * forwarded export stops opening them soon (a presigned GET also ends with the signing role's session).
 */
export const EXPORT_LINK_TTL_SECONDS = 3600;

/**
 * How many attachments a record may carry: an appeal up to 9 images, or 1 video and up to 3 images, plus
 * up to 5 documents and 1 voice note; a message the same without the voice-note rule relaxed.
 */
export function checkAttachmentSet(kinds: AttachmentKind[]): string | null {
  const count = (k: AttachmentKind) => kinds.filter((x) => x === k).length;
  const images = count('image');
  const videos = count('video');
  if (videos > 1) return '最多上传1段视频';
  if (videos === 1 && images > 3) return '上传视频时最多再附3张图片';
  if (images > 9) return '最多上传9张图片';
  if (count('document') > 5) return '最多附5个文件';
  if (count('audio') > 1) return '最多附1条语音';
  return null;
}

/** The set rule of a purpose: a bulletin carries one file; each side of a rectification up to 9 images; the rest as above. */
export function checkAttachmentSetFor(purpose: AttachmentPurpose, kinds: AttachmentKind[]): string | null {
  if (purpose === 'bulletin') return kinds.length > 1 ? '通知最多附1个文件（一张图片或一个 PDF）' : null;
  if (purpose === 'rectification') {
    if (kinds.some((k) => k !== 'image')) return '整改照片只能上传图片';
    return kinds.length > RECTIFICATION_PHOTO_MAX ? `整改前、整改后照片各最多${RECTIFICATION_PHOTO_MAX}张` : null;
  }
  return checkAttachmentSet(kinds);
}

/** Why a declared file is refused before any upload, in words for the user (null: fine). */
export function checkDeclaredFile(contentType: string, size: number, durationSeconds?: number): { field: string; message: string } | null {
  const kind = kindOf(contentType);
  if (!kind) return { field: 'contentType', message: '不支持该文件类型，请上传 jpg、png、heic、webp 图片，mp4、mov 视频，mp3、m4a、aac 语音，或 pdf、docx、xlsx 文件' };
  if (size > MAX_BYTES[kind]) return { field: 'size', message: `${KIND_LABELS[kind]}不能超过 ${MAX_BYTES[kind] / MB} MB` };
  if (kind === 'video' && durationSeconds !== undefined && durationSeconds > MAX_VIDEO_SECONDS) return { field: 'durationSeconds', message: `视频不能超过 ${MAX_VIDEO_SECONDS} 秒` };
  if (kind === 'audio' && durationSeconds !== undefined && durationSeconds > MAX_AUDIO_SECONDS) return { field: 'durationSeconds', message: `语音不能超过 ${MAX_AUDIO_SECONDS} 秒` };
  return null;
}

type Viewer = { userId: string };
/** 待审核 and rejected files are the uploader's alone; the record's own access rule covers the rest. */
export function canSeeAttachmentStatus(viewer: Viewer, a: { ownerUserId: string; status: AttachmentStatus }): boolean {
  return a.status === 'available' || viewer.userId === a.ownerUserId;
}
