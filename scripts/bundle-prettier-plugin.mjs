// Bundles prettier-plugin-dockfix into one ES module, packages/prettier-plugin/bundle/index.js,
// which the package's entry points to. Run by `npm run build` (and so by `prepare`).
//
// Why: Prettier imports a plugin on every run, and an editor's on-save or a pre-commit
// `prettier --check` is one short process. Unbundled, the plugin's import resolves and evaluates
// ~150 small ES modules (the engine, 100+ rules, their libraries): measured on this 2-core machine
// at idle, `prettier --check Dockerfile` took 0.47 s with it against 0.36 s with prettier-plugin-sh,
// and 0.29 s bundled. What stays outside: prettier (the host), and tree-sitter's two packages,
// whose .wasm files @dockfix/core resolves in node_modules (the plugin depends on both directly).
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_ESM_BANNER } from './esm-banner.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pluginDir = path.join(repoRoot, 'packages', 'prettier-plugin');
const version = (dir) => JSON.parse(readFileSync(path.join(repoRoot, 'packages', dir, 'package.json'), 'utf8')).version;

// A fresh directory: nothing stale from an earlier build may ship.
rmSync(path.join(pluginDir, 'bundle'), { recursive: true, force: true });
await build({
  // The tsc output, so the bundle is what the type-checked sources say.
  entryPoints: [path.join(pluginDir, 'dist', 'index.js')],
  outfile: path.join(pluginDir, 'bundle', 'index.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['prettier', 'web-tree-sitter', 'tree-sitter-bash'],
  banner: NODE_ESM_BANNER,
  define: { DOCKFIX_VERSION: JSON.stringify(version('cli')), DOCKFIX_RULES_VERSION: JSON.stringify(version('rules')) },
  legalComments: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
