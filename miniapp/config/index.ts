import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type Chain from 'webpack-chain';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Taro build config, written by hand from @tarojs/cli/templates/default (`taro init` needs the network).
 * node_modules lives at the repository root; ../shared (zod schemas, the route registry) is compiled into
 * both bundles, reachable by relative import or the `@shared` alias.
 */
const sharedDir = path.resolve(__dirname, '..', '..', 'shared');
const srcDir = path.resolve(__dirname, '..', 'src');

const taroEnv = process.env.TARO_ENV ?? 'h5';
const stage = process.env.TARO_APP_STAGE ?? (process.env.NODE_ENV === 'production' ? 'prod' : 'dev');

/** H5 is served next to the API (the dev server proxies /api); weapp needs an absolute https URL. */
function apiBase(): string {
  const fromEnv = process.env.TARO_APP_API_BASE;
  if (fromEnv) return fromEnv;
  if (taroEnv === 'h5') return '/api';
  const placeholder = 'https://api.example.invalid';
  console.warn(`[config] TARO_APP_API_BASE is not set for ${taroEnv}; using ${placeholder}. Set it to the API's https URL.`);
  return placeholder;
}

/**
 * TSX/TS of the app and of ../shared go through esbuild first (types and JSX, automatic runtime), then
 * through Taro's babel-loader for everything else: see babel.config.js for why.
 */
function jsxWithEsbuild(chain: Chain) {
  chain.module
    .rule('esbuild-jsx')
    .test(/\.(tsx?|jsx)$/)
    .include.add(srcDir)
    .add(sharedDir)
    .end()
    .enforce('pre')
    .use('esbuild')
    .loader(require.resolve('esbuild-loader'))
    .options({ jsx: 'automatic', jsxImportSource: 'react', target: 'es2022' });
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhuqi-zhitongche',
    date: '2025-1-1',
    // 375 so that sizes in the .scss files read as CSS pixels on a phone (16px body text = 16px).
    designWidth: 375,
    deviceRatio: {
      375: 2,
      640: 2.34 / 2,
      750: 1,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${taroEnv}`,
    plugins: [],
    // Inlined into the bundle as process.env.*: never a secret here. .env files of the mode override these.
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase()),
      TARO_APP_STAGE: JSON.stringify(stage),
    },
    defineConstants: {},
    alias: {
      '@shared': sharedDir,
      '@': srcDir,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      compile: { include: [sharedDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
      // Every component's styles are BEM-scoped, so the order of the extracted CSS does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain: jsxWithEsbuild,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain(chain: Chain) {
        jsxWithEsbuild(chain);
        // Taro splits only initial chunks on H5: without this group zod, ../shared and the components are
        // copied into every lazily loaded page chunk.
        const splitChunks = chain.optimization.get('splitChunks');
        chain.optimization.splitChunks({
          ...splitChunks,
          cacheGroups: {
            ...splitChunks.cacheGroups,
            pagesShared: { chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true },
          },
        });
      },
      compile: { include: [sharedDir] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        // Sizes scale with the phone's width, but stop at a large phone's: on a desktop browser (the chief's
        // and the centre's pages) text stays at reading size instead of doubling.
        pxtransform: { enable: true, config: { maxRootSize: 22, minRootSize: 17 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
