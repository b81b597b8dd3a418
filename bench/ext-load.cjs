// The extension's module load cost, without VS Code: time the require() of dist/extension.js
// in a fresh Node process, and report whether it pulled in the engine (dist/engine.js) or the
// KB bundle (dist/kb.json), which must wait until first needed.
//
//   node bench/ext-load.cjs [path/to/extension.js]
//
// `vscode` does not exist outside VS Code, so for this require() only it resolves to an inert
// stub: an empty object whose missing properties all resolve to an inert value, itself
// without behaviour (extension.js reads enum values such as vscode.DiagnosticSeverity.Error at
// module level, which a bare {} would make throw; esbuild's import helper copies the module's
// own properties and inherits from its prototype, so the stub is an empty object with the
// inert value as its prototype).
// It has no behaviour and activate() is NOT called: this is module load only. Activation
// itself is measured inside VS Code by the integration suite (bench/vscode-activation.json).
'use strict';
const Module = require('node:module');
const path = require('node:path');

const target = path.resolve(process.argv[2] || path.join(__dirname, '..', 'dist', 'extension.js'));

const inert = new Proxy(function () {}, {
  get: (t, k) => (typeof k === 'symbol' ? undefined : k === 'prototype' ? Object.prototype : inert),
  apply: () => inert,
  construct: () => inert,
});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
const stub = new Module('vscode');
stub.loaded = true;
stub.exports = Object.create(inert);
require.cache.vscode = stub;

const before = new Set(Object.keys(require.cache));
const t0 = process.hrtime.bigint();
let error;
let exportsList = [];
try {
  const m = require(target);
  exportsList = Object.keys(m);
} catch (e) {
  error = String(e && e.stack ? e.stack.split('\n')[0] : e);
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const loaded = Object.keys(require.cache).filter((k) => !before.has(k) && k !== target);
process.stdout.write(
  JSON.stringify({
    file: target,
    bytes: require('node:fs').statSync(target).size,
    requireMs: ms,
    exports: exportsList,
    hasActivate: exportsList.includes('activate'),
    engineLoaded: loaded.some((k) => /engine\.js$/.test(k)),
    otherModules: loaded,
    error,
  }) + '\n',
);
