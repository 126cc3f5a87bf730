// Writes V8's code cache for the CLI bundle (packages/cli/bundle/cli.cjs) beside it; run by
// scripts/bundle-cli.mjs, in a process of its own, right after it has written the bundle.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'cli');

/**
 * Writes V8's code cache for the bundle beside it, named by a hash of the bundle (V8 itself only
 * checks the source's length, so a cache must never meet another bundle). The cache is made after
 * a lint and a fix run in this process, so it holds the functions a run compiles lazily too, not
 * only the top level. The Dockerfile has a RUN body only tree-sitter parses, so that loading and
 * running the shell parser's JavaScript is in the cache too. A Node with another V8 rejects it and
 * compiles as if there were none (bin/load-bundle.js then keeps its own cache in the temp dir).
 */
async function writeCodeCache() {
  const bundleFile = path.join(cliDir, 'bundle', 'cli.cjs');
  const source = readFileSync(bundleFile, 'utf8');
  const { cachePathFor, loadBundle } = createRequire(import.meta.url)(path.join(cliDir, 'bin', 'load-bundle.js'));
  const { main, createCachedData } = loadBundle({ codeCache: false });
  const work = mkdtempSync(path.join(tmpdir(), 'dockfix-cache-'));
  const dockerfile = path.join(work, 'Dockerfile');
  writeFileSync(dockerfile, 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN apt-get update && apt-get install -y curl\nRUN if [ -f package.json ]; then npm install; fi\nCMD node server.js\n');
  try {
    for (const args of [['lint', dockerfile], ['fix', '--diff', dockerfile]]) await main([args[0], '--no-config-lookup', ...args.slice(1)]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const cacheFile = cachePathFor(bundleFile, source);
  if (!cacheFile) throw new Error('bundle-cli: the bundle has no build id');
  writeFileSync(cacheFile, createCachedData());
}

await writeCodeCache();
