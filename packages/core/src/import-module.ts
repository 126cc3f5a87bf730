// Node's `import()` of a user's file: a JavaScript config, a shareable config, a plugin.
//
// The CLI's bundle runs as a classic script compiled from V8's code cache (bin/load-bundle.js), and
// on Node 20 a script compiled from a code cache loses its dynamic-import callback: every `import()`
// in it rejects with "A dynamic import callback was not specified". So the bundle's loader passes in
// an `import()` of its own, which the bundle sees as DOCKFIX_IMPORT (scripts/bundle-cli.mjs); in
// every other setting (the library, the worker bundle, the tests) DOCKFIX_IMPORT is not defined and
// this is the plain `import()`.
declare const DOCKFIX_IMPORT: ((specifier: string) => Promise<unknown>) | undefined;

/** `import(specifier)`, through the bundle loader's own when there is one. */
export function importModule(specifier: string): Promise<unknown> {
  return typeof DOCKFIX_IMPORT === 'function' ? DOCKFIX_IMPORT(specifier) : import(specifier);
}
