// Writes V8's code cache for the CLI bundle (packages/cli/bundle/cli.cjs) beside it; run by
// scripts/bundle-cli.mjs, in a process of its own, right after it has written the bundle.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'cli');

/**
 * Writes V8's code cache for the bundle and each of its parts beside them, named by a hash of
 * each script (V8 itself only checks the source's length, so a cache must never meet another
 * script). The caches are made after runs of the CLI in this process, so they hold the functions a
 * run compiles lazily too, not only the top level: a plain `lint FILE`; with options (yargs); a fix;
 * a hadolint YAML config (yaml); a directory (fast-glob). The Dockerfile has a RUN body only
 * tree-sitter parses, so that loading and running the shell parser's JavaScript is in the cache too:
 * one with a syntax error (an unclosed quote), since the fast path (core's shell-fast.ts) never takes
 * those, however much more shell it learns.
 * A Node with another V8 rejects a cache and compiles as if there were none (bin/load-bundle.js
 * then keeps its own in the temp dir).
 */
async function writeCodeCache() {
  const { loadBundle } = createRequire(import.meta.url)(path.join(cliDir, 'bin', 'load-bundle.js'));
  const { main, createCachedData } = loadBundle({ codeCache: false });
  const work = mkdtempSync(path.join(tmpdir(), 'dockfix-cache-'));
  const dockerfile = path.join(work, 'Dockerfile');
  writeFileSync(dockerfile, 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN apt-get update && apt-get install -y curl\nRUN if [ -f package.json ]; then npm install; fi\nRUN echo "unclosed\nCMD node server.js\n');
  const hadolintConfig = path.join(work, 'hadolint.yaml');
  writeFileSync(hadolintConfig, 'ignored:\n  - DL3008\n');
  const runs = [
    ['lint', dockerfile],
    ['lint', '--no-config-lookup', dockerfile],
    ['fix', '--no-config-lookup', '--diff', dockerfile],
    ['lint', '--config', hadolintConfig, dockerfile],
    ['lint', '--no-config-lookup', work],
  ];
  try {
    for (const args of runs) await main(args);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const caches = createCachedData();
  if (caches.length !== 5) throw new Error(`write-code-cache: the runs loaded ${caches.length} of the 5 scripts (the bundle and its parts)`);
  for (const { file, data } of caches) {
    if (!file) throw new Error('write-code-cache: a script has no build id');
    writeFileSync(file, data);
  }
}

await writeCodeCache();
