// Bundles the dockfix CLI into one file, packages/cli/bundle/cli.js, which bin/dockfix.js loads.
// Run by `npm run build` (and so by `prepare`, i.e. by `npm ci`/`npm install` in a clean clone).
//
// Why a bundle: resolving and loading ~150 small ES modules (the engine, 60+ rules, yargs and its
// helpers, fast-glob) costs more than running the linter on one file; one file is read, parsed
// and (on Node >= 22.1, see bin/dockfix.js) code-cached in one go. What stays outside:
// - web-tree-sitter and tree-sitter-bash: they load their .wasm files from beside their own
//   JavaScript, so they must stay in node_modules (the dockfix package depends on them directly);
// - packages a run loads only on demand (write-file-atomic for in-place writes) are bundled too,
//   but esbuild keeps every `import()` lazy: the module's code is only evaluated when the import runs.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = path.join(repoRoot, 'packages', 'cli');
const { version } = JSON.parse(readFileSync(path.join(cliDir, 'package.json'), 'utf8'));
const { version: rulesVersion } = JSON.parse(readFileSync(path.join(repoRoot, 'packages', 'rules', 'package.json'), 'utf8'));

// A fresh directory: nothing stale from an earlier build may ship.
rmSync(path.join(cliDir, 'bundle'), { recursive: true, force: true });
const result = await build({
  // The tsc output, so the bundle is exactly what the tests of dist/ exercise. The worker thread of
  // --jobs is a second, self-contained bundle beside the first: pool.ts finds it as ./worker.js,
  // as it finds dist/cli/worker.js beside itself in dist/. No code splitting: a one-file run loads
  // one file, and a worker one more.
  entryPoints: { cli: path.join(cliDir, 'dist', 'cli', 'main.js'), worker: path.join(cliDir, 'dist', 'cli', 'worker.js') },
  outdir: path.join(cliDir, 'bundle'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['web-tree-sitter', 'tree-sitter-bash'],
  // yargs' CommonJS build: its ES module build (index.mjs) wraps help text at the wrong width.
  alias: { yargs: path.join(repoRoot, 'node_modules', 'yargs', 'index.cjs') },
  // CommonJS dependencies (yargs, fast-glob) call require() for Node's built-ins and read __dirname
  // (yargs looks for translations there; none beside the bundle means its built-in English).
  banner: {
    js: [
      "import { createRequire as __dockfixCreateRequire } from 'node:module';",
      "import { fileURLToPath as __dockfixFileURLToPath } from 'node:url';",
      "import { dirname as __dockfixDirname } from 'node:path';",
      'const require = __dockfixCreateRequire(import.meta.url);',
      'const __filename = __dockfixFileURLToPath(import.meta.url);',
      'const __dirname = __dockfixDirname(__filename);',
    ].join('\n'),
  },
  define: { DOCKFIX_VERSION: JSON.stringify(version), DOCKFIX_RULES_VERSION: JSON.stringify(rulesVersion) },
  legalComments: 'linked',
  // Smaller to read and parse, but with the names kept, so DOCKFIX_DEBUG=1 stacks stay readable
  // (no source map: it would point at files the package does not ship).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  metafile: true,
});
if (process.argv.includes('--analyze')) console.log(await (await import('esbuild')).analyzeMetafile(result.metafile));
