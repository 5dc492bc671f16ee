'use strict';
/**
 * esbuild plugins for serverless-esbuild (custom.esbuild.plugins: this file; it is called with the serverless
 * instance). The bench and the infra test use `zodWithoutLocales` too, so what is measured is what ships.
 *
 * zod-without-locales: zod 4's classic entry re-exports `locales` (64 translation modules, ~260 KB minified)
 * that no function uses: our schemas carry their own Chinese messages, and zod's English default (en.js,
 * imported by zod's schemas module itself) stays. The namespace becomes an empty module (`z.locales` is `{}`).
 *
 * maps-out-of-zip: esbuild writes `<handler>.js.map` next to the bundle, and serverless-esbuild zips the
 * whole folder. After each build the maps are moved to `<service>/.sourcemaps/`, a build artefact
 * (scripts/package.ts copies it to `<out>/sourcemaps/`), so the zip holds only the code.
 */
const fs = require('node:fs');
const path = require('node:path');

const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.(c?js|ts)$/ }, (args) => {
      if (!/[\\/]zod[\\/]/.test(args.importer)) return undefined;
      return { path: 'zod-locales-stub', namespace: 'zod-locales-stub' };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-locales-stub' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

function mapsOutOfZip(serviceDir) {
  const target = path.join(serviceDir, '.sourcemaps');
  return {
    name: 'maps-out-of-zip',
    setup(build) {
      build.onEnd(() => {
        const outdir = build.initialOptions.outdir || (build.initialOptions.outfile && path.dirname(build.initialOptions.outfile));
        if (!outdir || !fs.existsSync(outdir)) return;
        const walk = (dir) => {
          for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const file = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(file);
            else if (entry.name.endsWith('.map')) {
              const dest = path.join(target, path.relative(outdir, file));
              fs.mkdirSync(path.dirname(dest), { recursive: true });
              fs.renameSync(file, dest);
            }
          }
        };
        walk(outdir);
      });
    },
  };
}

module.exports = (serverless) => [zodWithoutLocales, mapsOutOfZip(serverless.serviceDir || serverless.config.servicePath)];
module.exports.zodWithoutLocales = zodWithoutLocales;
