export default async function globalTeardown() {
  const local = (globalThis as { __DYNAMO_LOCAL__?: { stop: () => Promise<void> } }).__DYNAMO_LOCAL__;
  await local?.stop();
}
