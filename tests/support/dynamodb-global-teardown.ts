export default async function globalTeardown() {
  const g = globalThis as { __DYNAMO_LOCAL__?: { stop: () => Promise<void> }; __S3_LOCAL__?: { stop: () => Promise<void> } };
  await Promise.all([g.__DYNAMO_LOCAL__?.stop(), g.__S3_LOCAL__?.stop()]);
}
