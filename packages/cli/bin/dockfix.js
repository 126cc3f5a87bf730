#!/usr/bin/env node
// The dockfix command line. The code lives in dist/ (built by `npm run build`, i.e. `tsc -b`).
import { setFlagsFromString } from 'node:v8';

// The shell parser is tree-sitter compiled to WebAssembly. V8 re-compiles its huge lexer function
// with TurboFan in the background, and the process cannot exit until that is done: about a second
// of CPU that a CLI run never gets back (one file: ~0.3 s instead of ~1.2 s; 150 files: 2.0 s
// instead of 3.3 s). The baseline compiler's code is fast enough for Dockerfiles. Must run before
// @dockfix/core is imported, which is when the WebAssembly is compiled.
setFlagsFromString('--liftoff-only');
process.stdout.on('error', (error) => {
  // `dockfix lint | head` closes the pipe early: not an error worth a stack trace.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (error) {
  const notBuilt = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/dist/');
  process.stderr.write(
    notBuilt
      ? 'dockfix: the CLI is not built; run `npm run build` at the repository root\n'
      : `dockfix: internal error while starting: ${error?.message ?? error}\n`,
  );
  process.exit(2);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const detail = process.env.DOCKFIX_DEBUG ? (error?.stack ?? String(error)) : (error?.message ?? String(error)).replace(/\s*\n\s*/g, ' ');
  process.stderr.write(`dockfix: internal error: ${detail}; this is a dockfix bug, please report it (DOCKFIX_DEBUG=1 shows the stack)\n`);
  process.exitCode = 2;
}
