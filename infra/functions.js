'use strict';
/**
 * Function definitions that exist only once their handler file does (so `serverless offline start` and
 * `serverless package` keep working while a handler is still being written). serverless drops a function
 * whose definition resolves to null. Variables inside the returned strings are resolved as usual.
 *
 *   functions:
 *     scheduler: ${file(./infra/functions.js):scheduler, null}
 */
const fs = require('fs');
const path = require('path');

const ifHandlerExists = (name, definition) => {
  if (fs.existsSync(path.join(__dirname, '..', 'functions', 'handlers', `${name}.ts`))) return definition;
  process.stderr.write(`infra/functions.js: functions/handlers/${name}.ts not found, function "${name}" left out\n`);
  return null;
};

module.exports = () => ({
  /** Periodic work (SLA reminders, escalations): every 5 minutes, switchable per stage. */
  scheduler: ifHandlerExists('scheduler', {
    handler: 'functions/handlers/scheduler.handler',
    timeout: 60,
    events: [{ schedule: { rate: 'rate(5 minutes)', enabled: '${self:custom.stage.schedulerEnabled}' } }],
  }),
});
