/** Uploads as the phone does them: ask for a form, POST the file straight to the (local) S3, confirm. */
import { handler as evidence } from '../../functions/handlers/evidence';
import { call } from './http';

export type Form = { attachmentId: string; url: string; fields: Record<string, string> };

/** POST a file to S3 with a presigned form (fields may be overridden to try what S3 refuses). */
export async function postToS3(form: Pick<Form, 'url' | 'fields'>, bytes: Buffer, overrides: Record<string, string> = {}): Promise<{ status: number; code: string | null; text: string }> {
  const body = new FormData();
  for (const [k, v] of Object.entries({ ...form.fields, ...overrides })) body.append(k, v);
  body.append('file', new Blob([new Uint8Array(bytes)]), 'upload.bin');
  const res = await fetch(form.url, { method: 'POST', body });
  const text = await res.text();
  return { status: res.status, code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? null, text };
}

export const JPEG = (marker = '') => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`fake jpeg ${marker} ${Math.random()}`), Buffer.from([0xff, 0xd9])]);
export const PDF = () => Buffer.from(`%PDF-1.4\n% evidence ${Math.random()}\n%%EOF\n`);

export async function upload(
  token: string,
  file: { purpose: 'appeal' | 'message' | 'visit' | 'rectification' | 'bulletin'; appealId?: string; enterpriseId?: string; rectificationId?: string; contentType: string; bytes: Buffer; fileName?: string },
): Promise<{ id: string; view: any }> {
  const asked = await call(evidence, 'requestUpload', {
    token,
    body: {
      purpose: file.purpose,
      appealId: file.appealId,
      enterpriseId: file.enterpriseId,
      rectificationId: file.rectificationId,
      contentType: file.contentType,
      size: file.bytes.length,
      fileName: file.fileName ?? 'photo.jpg',
    },
  });
  if (asked.status !== 201) throw new Error(`requestUpload ${asked.status}: ${JSON.stringify(asked.body)}`);
  const posted = await postToS3(asked.body, file.bytes);
  if (posted.status !== 204) throw new Error(`S3 POST ${posted.status}: ${posted.text}`);
  const confirmed = await call(evidence, 'confirmUpload', { token, params: { attachmentId: asked.body.attachmentId } });
  if (confirmed.status !== 201) throw new Error(`confirmUpload ${confirmed.status}: ${JSON.stringify(confirmed.body)}`);
  return { id: asked.body.attachmentId, view: confirmed.body };
}
