import { existsSync } from 'node:fs';
import path from 'node:path';
import { startStack, ROOT } from '../../../dev/local-stack';

/**
 * The browser tests run against the real local stack: DynamoDB Local seeded at district scale, the fake
 * WeChat server, the API under serverless-offline, and the H5 build served with its /api proxy.
 */
export default async function globalSetup() {
  const h5Root = path.join(ROOT, 'miniapp/dist/h5');
  if (!existsSync(path.join(h5Root, 'index.html'))) throw new Error('No H5 build: run `npm test` (it builds), or `npm run build:h5` with TARO_APP_API_BASE=/api TARO_APP_STAGE=dev');
  const stack = await startStack({
    tableName: `e2e-${Date.now().toString(36)}`,
    h5Root,
    quietApi: true,
    prepare: async () => {
      const { seedDistrict } = await import('../../../scripts/seed/seed');
      await seedDistrict({});
      const { seedDemoModules } = await import('../../../scripts/seed/modules');
      await seedDemoModules();
    },
  });
  process.env.E2E_BASE_URL = stack.h5Url!;
  process.env.E2E_API_URL = stack.apiUrl;
  // The fake WeChat's test controls (POST /__fake/risky marks a file risky for its media check).
  process.env.E2E_WECHAT_URL = stack.wechat.url;
  (globalThis as { __STACK__?: typeof stack }).__STACK__ = stack;
}
