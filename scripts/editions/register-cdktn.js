/**
 * `node --require ./scripts/editions/register-cdktn.js app.ts`: runs an app of this repository (main.ts, the
 * benchmarks, test:apply) on cdktn instead of cdktf, with the module renames of the build
 * (scripts/editions/modules.js) applied when modules are resolved. What the cdktn edition's compiled
 * `lib/` does, without building it first.
 */
'use strict';
const Module = require('module');
const { toCdktn } = require('./modules');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, toCdktn(request), ...rest);
};
