// Bundles the dockfix CLI into a classic script, packages/cli/bundle/cli.cjs, with a few packages
// most runs never use in scripts of their own beside it (PARTS below), and V8's compiled code for
// each, which bin/dockfix.js (through bin/load-bundle.js) loads.
// Run by `npm run build` (and so by `prepare`, i.e. by `npm ci`/`npm install` in a clean clone).
//
// Why a bundle: resolving and loading ~150 small ES modules (the engine, 60+ rules, yargs and its
// helpers, fast-glob) costs more than running the linter on one file; one file is read and
// compiled in one go. Why a classic script (CommonJS format) and not an ES module: Node 20 can
// give V8 a code cache only for a script (`vm.Script` `cachedData`); compiling the ~1.3 MB bundle
// and the functions a run calls is ~40 ms that the cache saves on every run. A script cannot have
// a top-level await, so @dockfix/core's one (shell-loaded.ts) is left out and the CLI loads the
// shell parser itself, only for a file whose RUN bodies need it (cli/shell-parser.ts).
// What stays outside:
// - tree-sitter-bash, and web-tree-sitter's .wasm: @dockfix/core resolves both .wasm files in
//   node_modules (the dockfix package depends on both packages directly); web-tree-sitter's
//   JavaScript is bundled (a part), so it is code-cached too (2-3% of a one-file lint's CPU time);
// - packages a run loads only on demand (write-file-atomic for in-place writes) are bundled too,
//   but esbuild keeps every `import()` lazy: the module's code is only evaluated when the import runs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_ESM_BANNER } from './esm-banner.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = path.join(repoRoot, 'packages', 'cli');
const { version } = JSON.parse(readFileSync(path.join(cliDir, 'package.json'), 'utf8'));
const { version: rulesVersion } = JSON.parse(readFileSync(path.join(repoRoot, 'packages', 'rules', 'package.json'), 'utf8'));

/** Leaves out @dockfix/core's top-level await (shell-loaded.ts; see the note at the top). */
const withoutTopLevelAwait = {
  name: 'dockfix-without-top-level-await',
  setup(build) {
    build.onResolve({ filter: /[\\/]shell-loaded\.js$/ }, (args) => ({ path: args.path, namespace: 'dockfix-empty' }));
    build.onLoad({ filter: /.*/, namespace: 'dockfix-empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

/**
 * picocolors works out its default when it loads, from `process.stdout.isTTY`: that makes Node's
 * stdout stream, and with it the stream and net modules (~3 ms), which a report written straight
 * to a pipe or a file never needs (cli/stdio.ts). dockfix never uses that default: colors.ts always
 * passes createColors() its own answer (from cli/stdio.ts for the console). So the bundle's copy
 * does not look; the build fails if the expression is not there, so an upgrade is noticed.
 */
const picocolorsWithoutStdout = {
  name: 'dockfix-picocolors-without-stdout',
  setup(build) {
    build.onLoad({ filter: /[\\/]picocolors[\\/]picocolors\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const probe = '((p.stdout || {}).isTTY && env.TERM !== "dumb")';
      if (!source.includes(probe)) throw new Error(`bundle-cli: picocolors no longer reads ${probe}; see picocolorsWithoutStdout`);
      return { contents: source.replace(probe, 'false'), loader: 'js' };
    });
  },
};

/**
 * Packages most runs never use, each bundled as a script of its own beside the bundle,
 * bundle/<name>.cjs, with its own code cache: the bundle requires them through
 * `__dockfixPart(name)`, which bin/load-bundle.js answers by loading that script on first use. A
 * one-file lint reads and deserialises only the rest (0.97 of 1.49 MB of JavaScript, 1.17 of
 * 1.45 MB of cache; ~4 ms of CPU). Each is self-contained and required only by its name, so no
 * code or state is shared across the scripts; the import sites are lazy (an `import()`, or a
 * require() on first use).
 */
const PARTS = {
  // yargs' CommonJS build: its ES module build (index.mjs) wraps help text at the wrong width.
  // `yargs/yargs`, the factory alone: `yargs` (index.cjs) also builds a singleton parser of
  // process.argv when loaded and binds its every method, for `require('yargs').argv`, which
  // dockfix never uses (~1 ms of every run).
  yargs: path.join(repoRoot, 'node_modules', 'yargs', 'yargs'),
  yaml: 'yaml',
  'fast-glob': 'fast-glob',
  // The CommonJS build: the ES module one has a top-level await, which a script cannot.
  'web-tree-sitter': path.join(repoRoot, 'node_modules', 'web-tree-sitter', 'web-tree-sitter.cjs'),
};

/**
 * Turns every import of a {@link PARTS} package into a require() of its script. core's shell.ts
 * imports web-tree-sitter statically (an import() there made the library ~20 ms of CPU slower), so
 * its stand-in has the package's exports as getters that load the script on the first read.
 */
const asParts = {
  name: 'dockfix-parts',
  setup(build) {
    const names = new Set(Object.keys(PARTS));
    build.onResolve({ filter: /^[a-z-]+$/ }, (args) => (names.has(args.path) ? { path: args.path, namespace: 'dockfix-part' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'dockfix-part' }, (args) => {
      const part = `__dockfixPart(${JSON.stringify(args.path)})`;
      if (args.path !== 'web-tree-sitter') return { contents: `module.exports = ${part};`, loader: 'js' };
      const exported = Object.keys(createRequire(import.meta.url)(PARTS['web-tree-sitter']));
      const getters = exported.map((name) => `${JSON.stringify(name)}: { enumerable: true, get: () => ${part}[${JSON.stringify(name)}] }`);
      return { contents: `Object.defineProperties(exports, { __esModule: { value: true }, ${getters.join(', ')} });`, loader: 'js' };
    });
  },
};

// A fresh directory: nothing stale from an earlier build may ship.
rmSync(path.join(cliDir, 'bundle'), { recursive: true, force: true });
const bundleFile = path.join(cliDir, 'bundle', 'cli.cjs');
const result = await build({
  // The tsc output, so the bundle is exactly what the tests of dist/ exercise.
  entryPoints: [path.join(cliDir, 'dist', 'cli', 'main.js')],
  outfile: bundleFile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['tree-sitter-bash'],
  alias: {
    // The CommonJS build, which Node itself gives dockerfile-ast's require() calls: esbuild's
    // "module" condition picks the ES module build, and each of dockerfile-ast's 12 modules that
    // require it then copied its ~70 exports into a fresh object (~1 ms of a one-file lint).
    'vscode-languageserver-types': path.join(repoRoot, 'node_modules', 'vscode-languageserver-types', 'lib', 'umd', 'main.js'),
  },
  // bin/load-bundle.js passes the bundle's own file URL: createRequire(import.meta.url) in the
  // engine then resolves packages (tree-sitter-bash's .wasm) from beside the bundle, as before.
  // DOCKFIX_IMPORT is the loader's import(): a script compiled from a code cache has none of its own
  // (core's import-module.ts).
  define: { DOCKFIX_VERSION: JSON.stringify(version), DOCKFIX_RULES_VERSION: JSON.stringify(rulesVersion), 'import.meta.url': '__dockfixImportMetaUrl', DOCKFIX_IMPORT: '__dockfixImport' },
  plugins: [withoutTopLevelAwait, picocolorsWithoutStdout, asParts],
  legalComments: 'linked',
  // Smaller to read and parse, but with the names kept, so DOCKFIX_DEBUG=1 stacks stay readable
  // (no source map: it would point at files the package does not ship).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  metafile: true,
});
if (process.argv.includes('--analyze')) console.log(await (await import('esbuild')).analyzeMetafile(result.metafile));
// The worker thread of --jobs: a second, self-contained bundle beside the first (pool.ts finds it as
// ./worker.js, as it finds dist/cli/worker.js beside itself in dist/). A worker starts only on big
// runs, so it stays an ES module with @dockfix/core's top-level await and no code cache.
await build({
  entryPoints: [path.join(cliDir, 'dist', 'cli', 'worker.js')],
  outfile: path.join(cliDir, 'bundle', 'worker.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['web-tree-sitter', 'tree-sitter-bash'],
  alias: { yargs: path.join(repoRoot, 'node_modules', 'yargs', 'index.cjs') },
  // CommonJS dependencies call require() for Node's built-ins and read __dirname.
  banner: NODE_ESM_BANNER,
  define: { DOCKFIX_VERSION: JSON.stringify(version), DOCKFIX_RULES_VERSION: JSON.stringify(rulesVersion) },
  legalComments: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
for (const [name, target] of Object.entries(PARTS)) {
  await build({
    stdin: { contents: `module.exports = require(${JSON.stringify(target)});`, resolveDir: repoRoot, sourcefile: `${name}-part.js` },
    outfile: path.join(cliDir, 'bundle', `${name}.cjs`),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { 'import.meta.url': '__dockfixImportMetaUrl' },
    legalComments: 'linked',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
}
// Each script's build id, last in the file: bin/load-bundle.js names its code cache by it.
for (const file of [bundleFile, ...Object.keys(PARTS).map((name) => path.join(cliDir, 'bundle', `${name}.cjs`))]) {
  const built = readFileSync(file, 'utf8');
  writeFileSync(file, `${built}//# dockfixBuild=${createHash('sha256').update(built).digest('hex').slice(0, 16)}\n`);
}
// In a process of its own: the cache is made after runs of the CLI (write-code-cache.mjs), whose
// reports are not for the build log, and the CLI writes them to file descriptors 1 and 2 itself
// (cli/stdio.ts), past anything this process could put in place of process.stdout.
const cacheRun = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'write-code-cache.mjs')], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
if (cacheRun.status !== 0) throw new Error(`bundle-cli: writing the code cache failed (exit ${cacheRun.status ?? cacheRun.signal}):\n${cacheRun.stderr}`);

