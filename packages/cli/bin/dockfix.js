#!/usr/bin/env node
'use strict';
// The dockfix command line. The code is one bundled script, bundle/cli.cjs, built by `npm run build`
// (scripts/bundle-cli.mjs): loading one file is much cheaper than resolving ~150 modules, and
// load-bundle.js gives V8 its compiled code from a cache, which Node 20 offers for scripts only.
// This directory is CommonJS (bin/package.json): an ES module entry would start Node's ES module
// loader, which a run never needs otherwise (~10% of `node -e 0`).
// tree-sitter's WebAssembly needs no flag here: @dockfix/core compiles it Liftoff-only itself.

// `dockfix lint | head` closes the pipe early: not an error worth a stack trace. The handler goes on
// process.stdout when something first uses it, not here: making the stream loads Node's stream and
// net modules (~3 ms), and a report to a pipe or a file is written without it (src/cli/stdio.ts,
// which hands a failed write, EPIPE included, to the stream).
const makeStdout = Object.getOwnPropertyDescriptor(process, 'stdout').get;
let stdoutWatched = false;
Object.defineProperty(process, 'stdout', {
  configurable: true,
  enumerable: true,
  get() {
    const stream = makeStdout.call(process);
    if (!stdoutWatched) {
      stdoutWatched = true;
      stream.on('error', (error) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw error;
      });
    }
    return stream;
  },
});

let loaded;
try {
  loaded = require('./load-bundle.js').loadBundle();
} catch (error) {
  const notBuilt = error?.code === 'ENOENT' && String(error.path).includes('bundle');
  process.stderr.write(
    notBuilt
      ? 'dockfix: the CLI is not built; run `npm run build` at the repository root\n'
      : `dockfix: internal error while starting: ${error?.message ?? error}\n`,
  );
  process.exit(2);
}

loaded
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      const detail = process.env.DOCKFIX_DEBUG ? (error?.stack ?? String(error)) : (error?.message ?? String(error)).replace(/\s*\n\s*/g, ' ');
      process.stderr.write(`dockfix: internal error: ${detail}; this is a dockfix bug, please report it (DOCKFIX_DEBUG=1 shows the stack)\n`);
      process.exitCode = 2;
    },
  )
  .then(() => loaded.saveCache());
