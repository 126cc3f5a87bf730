#!/usr/bin/env node
// The dockfix command line. The code is one bundled file, bundle/cli.js, built by `npm run build`
// (scripts/bundle-cli.mjs): loading one file is much cheaper than resolving ~150 modules.
import module from 'node:module';

// Node >= 22.1 caches the compiled code of the bundle on disk (in the OS temp dir, keyed by file
// content): later runs skip parsing and compiling ~1 MB of JavaScript. Node 20 has no such API.
// tree-sitter's WebAssembly needs no flag here: @dockfix/core compiles it Liftoff-only itself.
module.enableCompileCache?.();

process.stdout.on('error', (error) => {
  // `dockfix lint | head` closes the pipe early: not an error worth a stack trace.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

let main;
try {
  ({ main } = await import('../bundle/cli.js'));
} catch (error) {
  const notBuilt = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/bundle/');
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
