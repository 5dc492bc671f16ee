import { createHash, timingSafeEqual } from 'node:crypto';
import { Unauthenticated } from '../../shared/errors';
import { getSecret } from './secrets';

/** WeChat signs a message push: signature = sha1 of the sorted push token, timestamp and nonce. */
export async function verifyPushSignature(query: { signature: string; timestamp: string; nonce: string }): Promise<void> {
  const token = await getSecret('WECHAT_PUSH_TOKEN');
  const expected = createHash('sha1').update([token, query.timestamp, query.nonce].sort().join('')).digest('hex');
  const given = Buffer.from(query.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) throw new Unauthenticated('推送签名无效', 'PUSH_SIGNATURE_INVALID');
}
