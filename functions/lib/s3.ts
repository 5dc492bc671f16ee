/**
 * The evidence bucket: presigned POST forms for uploads, presigned GETs for downloads, HeadObject to
 * confirm an upload, tagging to keep a submitted record's files from the draft lifecycle rule. The Lambda
 * never sees a file's bytes. The S3 client and the presigners are loaded on first use (@aws-sdk/* comes
 * with the Lambda runtime, so they cost nothing in the zip; loading them lazily keeps cold starts of the
 * routes that never touch S3 as they were).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { config } from './config';

let client: S3Client | undefined;
let sdk: typeof import('@aws-sdk/client-s3') | undefined;

async function s3(): Promise<{ client: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> {
  if (!sdk) sdk = await import('@aws-sdk/client-s3');
  if (!client) {
    const endpoint = config.s3Endpoint;
    client = new sdk.S3Client(
      endpoint
        ? {
            endpoint,
            forcePathStyle: true,
            region: process.env.AWS_REGION ?? 'ap-east-1',
            credentials: { accessKeyId: process.env.S3_ACCESS_KEY_ID ?? 'local', secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? 'local' },
          }
        : { maxAttempts: 3, requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 } },
    );
  }
  return { client, sdk };
}

/** Tag every upload carries until its record is submitted (serverless.yml: expire-unsubmitted-drafts). */
export const DRAFT_TAGGING = '<Tagging><TagSet><Tag><Key>draft</Key><Value>1</Value></Tag></TagSet></Tagging>';

export type PostForm = { url: string; fields: Record<string, string> };

/** A presigned POST whose policy fixes the key, the content type, the size range and the metadata. */
export async function presignedPost(key: string, contentType: string, maxBytes: number, metadata: Record<string, string>, expiresSeconds: number): Promise<PostForm> {
  const [{ client }, { createPresignedPost }] = await Promise.all([s3(), import('@aws-sdk/s3-presigned-post')]);
  const meta = Object.fromEntries(Object.entries(metadata).map(([k, v]) => [`x-amz-meta-${k}`, v]));
  const fields = { 'Content-Type': contentType, tagging: DRAFT_TAGGING, ...meta };
  return createPresignedPost(client, {
    Bucket: config.attachmentsBucket,
    Key: key,
    Fields: fields,
    Conditions: [['content-length-range', 1, maxBytes], ...Object.entries(fields).map(([k, v]) => ['eq', `$${k}`, v] as ['eq', string, string])],
    Expires: expiresSeconds,
  });
}

export type ObjectHead = { size: number; contentType: string; etag: string; metadata: Record<string, string> };

/** What was uploaded at `key`, or null when nothing was. */
export async function headObject(key: string): Promise<ObjectHead | null> {
  const { client, sdk } = await s3();
  try {
    const head = await client.send(new sdk.HeadObjectCommand({ Bucket: config.attachmentsBucket, Key: key }));
    return { size: head.ContentLength ?? 0, contentType: head.ContentType ?? '', etag: (head.ETag ?? '').replace(/"/g, ''), metadata: head.Metadata ?? {} };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return null;
    throw error;
  }
}

/** A GET link valid for `expiresSeconds` (signed locally: no request to S3). */
export async function presignedGet(key: string, fileName: string, expiresSeconds: number): Promise<string> {
  const [{ client, sdk }, { getSignedUrl }] = await Promise.all([s3(), import('@aws-sdk/s3-request-presigner')]);
  const disposition = `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`;
  return getSignedUrl(client, new sdk.GetObjectCommand({ Bucket: config.attachmentsBucket, Key: key, ResponseContentDisposition: disposition }), { expiresIn: expiresSeconds });
}

/** Takes the file out of the draft lifecycle rule: its record was submitted. */
export async function markSubmitted(key: string): Promise<void> {
  const { client, sdk } = await s3();
  await client.send(new sdk.PutObjectTaggingCommand({ Bucket: config.attachmentsBucket, Key: key, Tagging: { TagSet: [{ Key: 'draft', Value: '0' }] } }));
}

export async function deleteObject(key: string): Promise<void> {
  const { client, sdk } = await s3();
  await client.send(new sdk.DeleteObjectCommand({ Bucket: config.attachmentsBucket, Key: key }));
}

/** Every key under `prefix` (ListObjectsV2, 1,000 a page): a user's uploads are the keys under their prefix. */
export async function listKeys(prefix: string): Promise<string[]> {
  const { client, sdk } = await s3();
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new sdk.ListObjectsV2Command({ Bucket: config.attachmentsBucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** Deletes objects 1,000 a request (DeleteObjects' limit); a key S3 could not delete is an error. */
export async function deleteObjects(keys: string[]): Promise<void> {
  const { client, sdk } = await s3();
  for (let i = 0; i < keys.length; i += 1000) {
    const out = await client.send(new sdk.DeleteObjectsCommand({ Bucket: config.attachmentsBucket, Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true } }));
    if (out.Errors?.length) throw new Error(`DeleteObjects failed for ${out.Errors.length} keys: ${out.Errors[0]?.Code ?? 'unknown'}`);
  }
}

/** Tests: forget the client (a new endpoint or bucket). */
export function resetS3Client(): void {
  client = undefined;
}
