import Taro from '@tarojs/taro';
import { checkDeclaredFile, kindOf, MAX_AUDIO_SECONDS, MAX_VIDEO_SECONDS, type AttachmentKind, type AttachmentPurpose } from '../../../shared/evidence/rules';
import type { AttachmentView } from '../../../shared/evidence/schemas';
import { api, ApiError } from './request';

/**
 * 证据材料 from the phone to S3: pick (camera or album), shrink images, ask the API for a presigned POST,
 * upload the bytes straight to the bucket with progress (Taro.uploadFile: wx.uploadFile on weapp, an XHR
 * with FormData on H5), then confirm. The API never sees the bytes.
 */
export type PickedFile = { localId: string; path: string; name: string; contentType: string; size: number; kind: AttachmentKind; durationSeconds?: number; thumb?: string };

const EXTENSION_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
  heif: 'image/heif',
  webp: 'image/webp',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const contentTypeOf = (name: string, declared?: string): string => (declared && kindOf(declared) ? declared : (EXTENSION_TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? declared ?? ''));

let serial = 0;
const localId = () => `f${Date.now().toString(36)}${(serial++).toString(36)}`;

/** Why a picked file cannot be sent (type, size, length), in words for the user; null when it can. */
export function refusalOf(file: Pick<PickedFile, 'contentType' | 'size' | 'durationSeconds'>): string | null {
  return checkDeclaredFile(file.contentType, file.size, file.durationSeconds)?.message ?? null;
}

/** Longest side of an image after the client-side resize (H5) — WeChat's compressImage does its own. */
const MAX_IMAGE_SIDE = 1920;

/** H5: redraw an image on a canvas at most MAX_IMAGE_SIDE wide or high, as a JPEG blob URL. */
export async function resizeInBrowser(file: Blob): Promise<{ url: string; size: number }> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas'))), 'image/jpeg', 0.85));
  return { url: URL.createObjectURL(blob), size: blob.size };
}

/** Photos and videos from the camera or the album (video ≤ 60 s; `imagesOnly`: photos alone); images compressed before upload. */
export async function pickMedia(source: 'camera' | 'album', count: number, imagesOnly = false): Promise<PickedFile[]> {
  if (process.env.TARO_ENV === 'h5') {
    const chosen = await Taro.chooseImage({ count, sourceType: [source], sizeType: ['compressed'] });
    return Promise.all(
      chosen.tempFiles.map(async (f) => {
        const original = (f as { originalFileObj?: File }).originalFileObj;
        const name = original?.name ?? 'photo.jpg';
        const type = contentTypeOf(name, original?.type ?? f.type);
        if (original && type.startsWith('image/') && type !== 'image/heic' && type !== 'image/heif') {
          const small = await resizeInBrowser(original);
          return { localId: localId(), path: small.url, name: name.replace(/\.\w+$/, '.jpg'), contentType: 'image/jpeg', size: small.size, kind: 'image' as const, thumb: small.url };
        }
        return { localId: localId(), path: f.path, name, contentType: type, size: f.size, kind: kindOf(type) ?? 'image', thumb: f.path };
      }),
    );
  }
  const chosen = await Taro.chooseMedia({ count, mediaType: imagesOnly ? ['image'] : ['image', 'video'], sourceType: [source], maxDuration: MAX_VIDEO_SECONDS, sizeType: ['compressed'], camera: 'back' });
  return Promise.all(
    chosen.tempFiles.map(async (f) => {
      const name = f.tempFilePath.split('/').pop() ?? 'file';
      if (f.fileType === 'video') {
        return { localId: localId(), path: f.tempFilePath, name, contentType: contentTypeOf(name, 'video/mp4'), size: f.size, kind: 'video' as const, durationSeconds: f.duration, thumb: f.thumbTempFilePath };
      }
      const compressed = await Taro.compressImage({ src: f.tempFilePath, quality: 80 });
      const info = (await Taro.getFileInfo({ filePath: compressed.tempFilePath }).catch(() => ({ size: f.size }))) as { size?: number };
      return { localId: localId(), path: compressed.tempFilePath, name, contentType: contentTypeOf(name, 'image/jpeg'), size: info.size ?? f.size, kind: 'image' as const, thumb: compressed.tempFilePath };
    }),
  );
}

/** One PDF: from a chat on weapp (chooseMessageFile, WeChat's only file picker), from the file system on H5. */
export async function pickPdf(): Promise<PickedFile[]> {
  if (process.env.TARO_ENV === 'weapp') {
    const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] });
    return chosen.tempFiles.map((f) => ({ localId: localId(), path: f.path, name: f.name, contentType: 'application/pdf', size: f.size, kind: 'document' as const }));
  }
  const file = await new Promise<File | null>((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'application/pdf,.pdf';
    input.onchange = () => resolve(input.files?.[0] ?? null);
    input.click();
  });
  if (!file) throw new Error('cancelled');
  return [{ localId: localId(), path: URL.createObjectURL(file), name: file.name, contentType: contentTypeOf(file.name, file.type), size: file.size, kind: 'document' }];
}

/** A voice note from the recorder (weapp): AAC, at most 60 s. */
export function voiceNote(path: string, durationMs: number, size: number): PickedFile {
  return { localId: localId(), path, name: 'voice.aac', contentType: 'audio/aac', size, kind: 'audio', durationSeconds: Math.min(MAX_AUDIO_SECONDS, Math.round(durationMs / 1000)) };
}

/** S3's refusal codes, for the user. */
const S3_MESSAGES: Record<string, string> = {
  EntityTooLarge: '文件太大，请压缩或换一个文件',
  AccessDenied: '上传被拒绝：文件类型或大小不符合要求',
  SignatureDoesNotMatch: '上传凭证已失效，请重试',
};

export class UploadFailed extends Error {
  readonly name = 'UploadFailed';
}

/** One file: form → S3 (progress 0–100) → confirm. Throws UploadFailed / ApiError with a message to show. */
export async function uploadFile(
  file: PickedFile,
  target: { purpose: AttachmentPurpose; appealId?: string; enterpriseId?: string; rectificationId?: string },
  onProgress: (percent: number) => void,
): Promise<AttachmentView> {
  const form = await api('requestUpload', { body: { ...target, contentType: file.contentType, size: file.size, fileName: file.name, durationSeconds: file.durationSeconds }, silent: true });
  const result = await new Promise<{ statusCode: number; data: string }>((resolve, reject) => {
    // withCredentials false: Taro's H5 XHR sends cookies by default, and a browser then refuses S3's CORS answer
    // (Access-Control-Allow-Origin: *), so every H5 upload failed; a presigned POST needs no cookies.
    const task = Taro.uploadFile({ url: form.url, filePath: file.path, name: 'file', formData: form.fields, withCredentials: false, success: resolve, fail: () => reject(new UploadFailed('上传失败，请检查网络后重试')) });
    task?.onProgressUpdate?.((p) => onProgress(p.progress));
  });
  if (result.statusCode >= 300) {
    const code = /<Code>([^<]+)<\/Code>/.exec(String(result.data))?.[1] ?? '';
    throw new UploadFailed(S3_MESSAGES[code] ?? `上传失败（${result.statusCode}），请重试`);
  }
  onProgress(100);
  return api('confirmUpload', { params: { attachmentId: form.attachmentId }, silent: true });
}

export const messageOf = (error: unknown) => (error instanceof UploadFailed || error instanceof ApiError ? error.message : '上传失败，请重试');
