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
  loading ??= import('../dist/index.js').then((namespace) => {
    api = namespace;
    for (const [name, value] of Object.entries(namespace)) if (!(name in module.exports)) module.exports[name] = value;
    return namespace;
  });
  return loading;
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
