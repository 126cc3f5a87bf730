'use strict';
// The CommonJS entry of dockfix: `require('dockfix')`. The library is ES modules and loads
// tree-sitter's WebAssembly with a top-level await, which require() cannot wait for
// (ERR_REQUIRE_ASYNC_MODULE). So this entry offers an explicit, one-time async init():
//
//   const dockfix = require('dockfix');
//   await dockfix.init();                 // once; later calls return the same promise
//   const result = dockfix.lint(text);    // synchronous from then on, like the ES module API
//
// A synchronous load is not possible: web-tree-sitter's runtime (an Emscripten module) only
// starts asynchronously, whatever the WebAssembly compile does. After init() every export of the
// ES module (createLinter, rules, format, …) is also on this object.
let loading = null;
let api = null;

/** Loads the engine and the built-in rules; resolves to the ES module's namespace. */
function init() {
  loading ??= loadApi();
  return loading;
}

function loadApi() {
  // Node >= 22.1 can keep V8's compiled code of the modules a process loads on disk and reuse it in
  // the next process (module.enableCompileCache(), as NODE_COMPILE_CACHE does from the start): the
  // ~250 ES modules of the import below, engine, rules and their dependencies, then load without
  // being compiled again. The cache is Node's own (in the temp dir unless NODE_COMPILE_CACHE names
  // one; NODE_DISABLE_COMPILE_CACHE turns it off) and covers what the process loads from here on.
  // Here, not in the ES module entry: a module's own static imports are compiled before its code
  // runs, so only a call made before the import can cover them. Node 20 has no such API, and there
  // this does nothing (test/cjs-entry.test.ts checks the call with a stand-in).
  require('node:module').enableCompileCache?.();
  return import('../dist/index.js').then((namespace) => {
    api = namespace;
    for (const [name, value] of Object.entries(namespace)) if (!(name in module.exports)) module.exports[name] = value;
    return namespace;
  });
}

function ready() {
  if (!api) throw new Error("dockfix: call `await require('dockfix').init()` once before lint() or fix() (the shell parser loads asynchronously)");
  return api;
}

module.exports = {
  init,
  /** True once init() has finished. */
  isReady: () => api !== null,
  lint: (text, options) => ready().lint(text, options),
  fix: (text, options) => ready().fix(text, options),
};
