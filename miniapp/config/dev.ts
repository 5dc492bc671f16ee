import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      // The local stack serves the API on :3000; the H5 dev server proxies /api to it (same origin, no CORS).
      proxy: {
        '/api': {
          target: process.env.API_PROXY_TARGET ?? 'http://localhost:3000',
          changeOrigin: true,
          pathRewrite: { '^/api': '' },
        },
      },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
