// The banner of an ES module bundle for Node: CommonJS dependencies inside it (yargs, fast-glob,
// vscode-languageserver, yaml's CommonJS build) call require() for Node's built-ins and read
// __filename/__dirname, which an ES module does not have. Shared by the CLI's worker bundle
// (scripts/bundle-cli.mjs) and the VS Code extension's server (packages/vscode/scripts/bundle.mjs).
export const NODE_ESM_BANNER = {
  js: [
    "import { createRequire as __dockfixCreateRequire } from 'node:module';",
    "import { fileURLToPath as __dockfixFileURLToPath } from 'node:url';",
    "import { dirname as __dockfixDirname } from 'node:path';",
    'const require = __dockfixCreateRequire(import.meta.url);',
    'const __filename = __dockfixFileURLToPath(import.meta.url);',
    'const __dirname = __dockfixDirname(__filename);',
  ].join('\n'),
};
