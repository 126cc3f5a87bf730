#!/usr/bin/env node
// The dockfix language server (`dockfix-language-server --stdio`). The code lives in dist/ (built by
// `npm run build`, i.e. `tsc -b`).
import { setFlagsFromString } from 'node:v8';

// As in the CLI (packages/cli/bin/dockfix.js): tree-sitter's WebAssembly would otherwise be
// re-compiled by TurboFan in the background, costing a second of CPU at start and at exit. Liftoff's
// code lints a 200-line Dockerfile well within a keystroke. Must run before @dockfix/core is imported.
setFlagsFromString('--liftoff-only');

let main;
try {
  ({ main } = await import('../dist/main.js'));
} catch (error) {
  const notBuilt = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/dist/');
  process.stderr.write(
    notBuilt
      ? 'dockfix-language-server: not built; run `npm run build` at the repository root\n'
      : `dockfix-language-server: internal error while starting: ${error?.stack ?? error}\n`,
  );
  process.exit(2);
}
const code = main(process.argv.slice(2));
if (code !== null) process.exitCode = code;
