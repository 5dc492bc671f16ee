'use strict';
/**
 * httpApi events of one Lambda function, generated from the route registry (shared/api/routes.ts), so the
 * deployed API can never drift from the routes the code and the mini-program know about:
 *
 *   functions:
 *     auth:
 *       events: ${file(./infra/routes.js):auth}
 *
 * The key after the colon is the route's `group`. Routes flagged `devOnly` (demo login) are emitted only
 * when the stage is `dev`. The registry is TypeScript: it is loaded through tsx's namespaced CommonJS
 * loader, which is unregistered again right after, so nothing else in the serverless process is affected.
 */
const path = require('node:path');

const REGISTRY = path.join(__dirname, '..', 'shared', 'api', 'routes.ts');

let cached;
function loadRoutes() {
  if (!cached) {
    const { register } = require('tsx/cjs/api');
    const api = register({ namespace: 'zqztc-infra-routes' });
    try {
      cached = Object.values(api.require(REGISTRY, __filename).routes);
    } finally {
      api.unregister();
    }
  }
  return cached;
}

/** Route specs of a group for a stage (exported for tests and scripts). */
function routesFor(group, stage) {
  return loadRoutes().filter((spec) => spec.group === group && (!spec.devOnly || stage === 'dev'));
}

function eventsFor(group, stage) {
  const specs = routesFor(group, stage);
  if (specs.length === 0) process.stderr.write(`infra/routes.js: no HTTP routes for function group "${group}" (stage ${stage})\n`);
  return specs.map((spec) => ({ httpApi: { method: spec.method, path: spec.path } }));
}

/**
 * serverless calls the exported function once, then follows the address (the group name) into the
 * returned object. A Proxy answers every group, so a function whose routes are not written yet (e.g.
 * appeals) simply gets no events instead of failing the whole template.
 */
async function resolve({ resolveConfigurationProperty }) {
  const stage = await resolveConfigurationProperty(['provider', 'stage']);
  if (typeof stage !== 'string' || !stage) throw new Error('provider.stage must resolve to a string');
  return new Proxy(
    {},
    {
      get: (_target, key) => (typeof key === 'string' && key !== 'then' ? eventsFor(key, stage) : undefined),
      has: (_target, key) => typeof key === 'string' && key !== 'then',
    },
  );
}

module.exports = resolve;
module.exports.routesFor = routesFor;
module.exports.loadRoutes = loadRoutes;
