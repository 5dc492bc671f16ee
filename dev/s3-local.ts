/**
 * A local S3 for `npm start`, the integration tests and the browser tests: s3rver (npm, a Node S3 server:
 * buckets on disk, S3's XML, CORS) behind a small front that adds the two checks s3rver leaves out — its
 * POST Object ignores the form's `policy` ("unimplemented") and it accepts any SigV4 signature. The front
 * verifies, as S3 does:
 *  - a browser POST upload: the policy's signature (SigV4, the stage's secret), its expiration, every
 *    condition (exact match, `starts-with`, `content-length-range`) and that no form field is left
 *    uncovered ("Extra input fields"); refused with S3's XML error codes (403 AccessDenied
 *    "Invalid according to Policy: …", 400 EntityTooLarge / EntityTooSmall);
 *  - a presigned GET/HEAD: the query signature and `X-Amz-Expires` (403 SignatureDoesNotMatch,
 *    AccessDenied "Request has expired").
 * Everything else (the SDK's own calls) passes through unchanged. So the presigned flows the Lambdas issue
 * are refused by the server, not by the app, when a phone sends the wrong type, size or key.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './dynamodb-local';

export const LOCAL_S3_ACCESS_KEY = 'S3RVER';
export const LOCAL_S3_SECRET = 'S3RVER';
/** A POST larger than this is refused before it is read (S3's own form limit is 5 GB; ours are ≤ 50 MB). */
const MAX_POST_BYTES = 64 * 1024 * 1024;

export type S3Local = { endpoint: string; port: number; bucket: string; stop: () => Promise<void> };

type S3rverInstance = { run: () => Promise<unknown>; close: () => Promise<void> };

export async function startS3Local(options: { bucket: string; port?: number; directory?: string; corsOrigins?: string[] }): Promise<S3Local> {
  // s3rver is a devDependency: required here, never from a Lambda bundle.
  const S3rver = require('s3rver') as new (o: Record<string, unknown>) => S3rverInstance;
  const innerPort = await freePort();
  const directory = options.directory ?? mkdtempSync(path.join(tmpdir(), 'zqztc-s3-'));
  const cors = corsXml(options.corsOrigins ?? ['*']);
  const inner = new S3rver({
    address: '127.0.0.1',
    port: innerPort,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucket, configs: [cors] }],
  });
  await inner.run();

  const server = createServer((req, res) => {
    handle(req, res, innerPort).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'InternalError', String(error));
      else res.destroy();
    });
  });
  const port = options.port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    port,
    bucket: options.bucket,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await inner.close();
      if (!options.directory) rmSync(directory, { recursive: true, force: true });
    },
  };
}

function corsXml(origins: string[]): string {
  const allowed = origins.map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`).join('');
  return `<CORSConfiguration><CORSRule>${allowed}<AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

async function handle(req: IncomingMessage, res: ServerResponse, innerPort: number): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  const contentType = req.headers['content-type'] ?? '';
  if (req.method === 'POST' && contentType.startsWith('multipart/form-data')) {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_POST_BYTES) return sendError(res, 400, 'MaxPostPreDataLengthExceeded', 'Your POST request fields preceeding the upload file was too large.');
    const body = await readBody(req, MAX_POST_BYTES);
    if (!body) return sendError(res, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
    const bucket = url.pathname.split('/')[1] ?? '';
    const refusal = checkPostPolicy(bucket, contentType, body);
    if (refusal) return sendError(res, refusal.status, refusal.code, refusal.message);
    const stored = await innerRequest(innerPort, 'POST', req.url ?? '/', { ...req.headers, 'content-length': String(body.length) }, body);
    // s3rver ignores a POST's `tagging` field: apply it, so the draft tag is there as on S3.
    const tagging = parseForm(contentType, body).fields.get('tagging');
    const key = parseForm(contentType, body).fields.get('key');
    if (stored.status < 300 && tagging && key) {
      await innerRequest(innerPort, 'PUT', `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}?tagging`, { 'content-type': 'application/xml' }, Buffer.from(tagging));
    }
    res.writeHead(stored.status, stored.headers);
    res.end(stored.body);
    return;
  }
  if ((req.method === 'GET' || req.method === 'HEAD') && url.searchParams.has('X-Amz-Signature')) {
    const refusal = checkPresignedQuery(req.method, url, req.headers);
    if (refusal) return sendError(res, refusal.status, refusal.code, refusal.message);
    // s3rver accepts any SigV4 query signature of a known key (and honours response-* overrides only on a
    // signed request): it gets the request as it came, checked here.
    return forward(req, res, innerPort);
  }
  return forward(req, res, innerPort);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(req: IncomingMessage, res: ServerResponse, innerPort: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: `127.0.0.1:${innerPort}` };
    const out = httpRequest({ host: '127.0.0.1', port: innerPort, method: req.method, path: req.url, headers }, (inner) => {
      res.writeHead(inner.statusCode ?? 502, inner.headers);
      inner.pipe(res);
      inner.on('end', () => resolve());
      inner.on('error', reject);
    });
    out.on('error', reject);
    req.pipe(out);
  });
}

function innerRequest(innerPort: number, method: string, pathAndQuery: string, headers: IncomingMessage['headers'], body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const out = httpRequest({ host: '127.0.0.1', port: innerPort, method, path: pathAndQuery, headers: { ...headers, host: `127.0.0.1:${innerPort}`, 'content-length': String(body.length) } }, (inner) => {
      const chunks: Buffer[] = [];
      inner.on('data', (c: Buffer) => chunks.push(c));
      inner.on('end', () => resolve({ status: inner.statusCode ?? 502, headers: inner.headers, body: Buffer.concat(chunks) }));
      inner.on('error', reject);
    });
    out.on('error', reject);
    out.end(body);
  });
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'access-control-allow-origin': '*' });
  res.end(xml);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Refusal = { status: number; code: string; message: string };

/** The multipart form: fields by lower-cased name, and the file's size. */
export function parseForm(contentType: string, body: Buffer): { fields: Map<string, string>; fileSize: number | null } {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const fields = new Map<string, string>();
  let fileSize: number | null = null;
  if (!boundary) return { fields, fileSize };
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // drop CRLF after delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const head = part.subarray(0, headerEnd).toString('utf8');
      const name = /name="([^"]*)"/i.exec(head)?.[1]?.toLowerCase();
      const content = part.subarray(headerEnd + 4);
      if (name === 'file') {
        fileSize = content.length;
        break; // S3 ignores fields after the file
      }
      if (name) fields.set(name, content.toString('utf8'));
    }
    start = next;
  }
  return { fields, fileSize };
}

function signingKey(date: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', `AWS4${LOCAL_S3_SECRET}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  return createHmac('sha256', kService).update('aws4_request').digest();
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Fields S3 does not require a condition for. */
const UNCOVERED_OK = new Set(['policy', 'x-amz-signature', 'file', 'awsaccesskeyid', 'signature']);

export function checkPostPolicy(bucket: string, contentType: string, body: Buffer): Refusal | null {
  const { fields, fileSize } = parseForm(contentType, body);
  const denied = (message: string): Refusal => ({ status: 403, code: 'AccessDenied', message });
  if (fileSize === null) return { status: 400, code: 'InvalidArgument', message: 'POST requires exactly one file upload per request.' };
  const policyB64 = fields.get('policy');
  const credential = fields.get('x-amz-credential');
  const signature = fields.get('x-amz-signature');
  if (!policyB64 || !credential || !signature) return denied('Bucket POST must contain a policy, x-amz-credential and x-amz-signature.');
  const [accessKey, date, region, service] = credential.split('/');
  if (accessKey !== LOCAL_S3_ACCESS_KEY) return { status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  const expected = createHmac('sha256', signingKey(date ?? '', region ?? '', service ?? ''))
    .update(policyB64)
    .digest('hex');
  if (!sameHex(expected, signature)) return { status: 403, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' };
  let policy: { expiration?: string; conditions?: unknown[] };
  try {
    policy = JSON.parse(Buffer.from(policyB64, 'base64').toString('utf8'));
  } catch {
    return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' };
  }
  if (!policy.expiration || Date.parse(policy.expiration) < Date.now()) return denied('Invalid according to Policy: Policy expired.');
  const fieldValue = (name: string) => (name === 'bucket' ? bucket : fields.get(name));
  const covered = new Set<string>(['bucket']);
  for (const condition of policy.conditions ?? []) {
    if (Array.isArray(condition)) {
      const [op, a, b] = condition as [string, unknown, unknown];
      if (op === 'content-length-range') {
        if (fileSize > Number(b)) return { status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size' };
        if (fileSize < Number(a)) return { status: 400, code: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed size' };
        continue;
      }
      const name = String(a).replace(/^\$/, '').toLowerCase();
      covered.add(name);
      const actual = fieldValue(name) ?? '';
      const ok = op === 'eq' ? actual === String(b) : op === 'starts-with' ? actual.startsWith(String(b)) : false;
      if (!ok) return denied(`Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`);
    } else if (condition && typeof condition === 'object') {
      for (const [key, value] of Object.entries(condition)) {
        const name = key.toLowerCase();
        covered.add(name);
        if (fieldValue(name) !== String(value)) return denied(`Invalid according to Policy: Policy Condition failed: ["eq", "$${key}", ${JSON.stringify(value)}]`);
      }
    }
  }
  const extra = [...fields.keys()].filter((name) => !covered.has(name) && !UNCOVERED_OK.has(name) && !name.startsWith('x-ignore-'));
  if (extra.length) return denied(`Invalid according to Policy: Extra input fields: ${extra.join(', ')}`);
  return null;
}

const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** SigV4 query authentication as S3 checks it (UNSIGNED-PAYLOAD, path not normalised). */
export function checkPresignedQuery(method: string, url: URL, headers: IncomingMessage['headers']): Refusal | null {
  const q = url.searchParams;
  const [accessKey, date, region, service] = (q.get('X-Amz-Credential') ?? '').split('/');
  if (accessKey !== LOCAL_S3_ACCESS_KEY) return { status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  const amzDate = q.get('X-Amz-Date') ?? '';
  const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  const expires = Number(q.get('X-Amz-Expires') ?? 0);
  if (!Number.isFinite(signedAt) || Date.now() > signedAt + expires * 1000) return { status: 403, code: 'AccessDenied', message: 'Request has expired' };
  const signedHeaders = q.get('X-Amz-SignedHeaders') ?? '';
  const canonicalQuery = [...q.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((h) => `${h}:${String(headers[h] ?? '').trim()}\n`)
    .join('');
  const canonical = [method, url.pathname, canonicalQuery, canonicalHeaders, signedHeaders, 'UNSIGNED-PAYLOAD'].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const expected = createHmac('sha256', signingKey(date ?? '', region ?? '', service ?? ''))
    .update(toSign)
    .digest('hex');
  if (!sameHex(expected, q.get('X-Amz-Signature') ?? '')) return { status: 403, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' };
  return null;
}
