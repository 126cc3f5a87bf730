// Builds the extension into dist/, self-contained, because a .vsix made with
// `vsce package --no-dependencies` carries no node_modules:
// - dist/extension.cjs: the client (vscode-languageclient bundled in; `vscode` is the host's);
// - dist/server/server.mjs: @dockfix/language-server with the engine, the rules and every
//   dependency bundled in, beside the two WebAssembly files tree-sitter loads at start and the rule
//   docs the diagnostics link to.
// Run by the root `npm run build` (after tsc -b, whose dist/ output it bundles) and by vsce's
// `vscode:prepublish`. Type-checks src/ first: esbuild only strips types.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_ESM_BANNER } from '../../../scripts/esm-banner.mjs';
import { copyRuleDocs } from '../../../scripts/copy-rule-docs.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.join(here, '..');
const repoRoot = path.join(packageDir, '..', '..');
const dist = path.join(packageDir, 'dist');
const serverDir = path.join(dist, 'server');
const require = createRequire(import.meta.url);

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', packageDir], { stdio: 'inherit' });

/**
 * Module-relative loads that only work inside node_modules, rewritten for a bundle with none. Each
 * one must match exactly once, so a refactor of the code it names fails the build here rather than
 * the extension at start.
 */
const REWRITES = [
  {
    file: 'packages/core/dist/shell.js',
    from: "require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')",
    to: "__dockfixFileURLToPath(new URL('./tree-sitter-bash.wasm', import.meta.url))",
  },
  {
    file: 'packages/core/dist/shell.js',
    from: "require.resolve('web-tree-sitter/web-tree-sitter.wasm')",
    to: "__dockfixFileURLToPath(new URL('./web-tree-sitter.wasm', import.meta.url))",
  },
  // A `require` made by createRequire is opaque to esbuild; a plain require() of a package is bundled.
  { file: 'packages/rules/dist/lib/labels.js', from: 'const require = createRequire(import.meta.url);', to: '' },
  { file: 'packages/rules/dist/context/copy-ignored-file.js', from: "createRequire(import.meta.url)('@balena/dockerignore')", to: "require('@balena/dockerignore')" },
];

const rewritePlugin = {
  name: 'dockfix-self-contained',
  setup(builder) {
    // esbuild runs only the first onLoad that matches a file: one callback per file, for all its rewrites.
    for (const file of new Set(REWRITES.map((rewrite) => rewrite.file))) {
      const absolute = path.join(repoRoot, file);
      builder.onLoad({ filter: new RegExp(`${escapeRegExp(absolute)}$`) }, () => {
        let text = readFileSync(absolute, 'utf8');
        for (const rewrite of REWRITES.filter((candidate) => candidate.file === file)) {
          const count = text.split(rewrite.from).length - 1;
          if (count !== 1) throw new Error(`${rewrite.file}: expected one \`${rewrite.from}\`, found ${count}; update packages/vscode/scripts/bundle.mjs`);
          text = text.replace(rewrite.from, rewrite.to);
        }
        return { contents: text, loader: 'js' };
      });
    }
  },
};

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

rmSync(dist, { recursive: true, force: true });
const rulesVersion = JSON.parse(readFileSync(path.join(repoRoot, 'packages', 'rules', 'package.json'), 'utf8')).version;
const cliVersion = JSON.parse(readFileSync(path.join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')).version;
const serverVersion = JSON.parse(readFileSync(path.join(repoRoot, 'packages', 'language-server', 'package.json'), 'utf8')).version;

await build({
  entryPoints: [path.join(packageDir, 'src', 'extension.ts')],
  outfile: path.join(dist, 'extension.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  legalComments: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

await build({
  entryPoints: [path.join(packageDir, 'src', 'server.ts')],
  outfile: path.join(serverDir, 'server.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The package sources are ESM and CommonJS (vscode-languageserver, yaml's CJS build via lilconfig):
  // CommonJS calls require() for Node's built-ins and reads __dirname, so define them as in the CLI bundle.
  banner: NODE_ESM_BANNER,
  define: {
    DOCKFIX_VERSION: JSON.stringify(cliVersion),
    DOCKFIX_LANGUAGE_SERVER_VERSION: JSON.stringify(serverVersion),
    // @dockfix/rules/docs: the docs are beside the bundle, and their published URLs name this version.
    DOCKFIX_BUNDLED_RULE_DOCS: JSON.stringify('./docs/rules/'),
    DOCKFIX_BUNDLED_RULES_VERSION: JSON.stringify(rulesVersion),
  },
  plugins: [rewritePlugin],
  legalComments: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

mkdirSync(serverDir, { recursive: true });
// web-tree-sitter finds its runtime beside its own module (new URL(…, import.meta.url)), i.e. beside the bundle.
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), path.join(serverDir, 'web-tree-sitter.wasm'));
copyFileSync(path.join(path.dirname(require.resolve('tree-sitter-bash/package.json')), 'tree-sitter-bash.wasm'), path.join(serverDir, 'tree-sitter-bash.wasm'));
copyRuleDocs(path.join(serverDir, 'docs', 'rules'));
