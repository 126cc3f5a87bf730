#!/usr/bin/env node
// Copies the generated rule docs (docs/rules/*.md, written by `npm run docs`) into
// packages/rules/docs/rules, so the @dockfix/rules tarball ships them: `dockfix rule <id>`, the
// language server's links and the unpkg.com URLs of SARIF and rdjson reports read those copies.
// Run by the root `build` and by the package's `prepack`; the copy is not committed (.gitignore).
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Replaces `target` with a copy of the Markdown files of docs/rules; returns how many were copied. */
export function copyRuleDocs(target = join(ROOT, 'packages/rules/docs/rules')) {
  const source = join(ROOT, 'docs/rules');
  // A fresh directory: the doc of a deleted or renamed rule must not ship.
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const names = readdirSync(source).filter((name) => name.endsWith('.md'));
  for (const name of names) copyFileSync(join(source, name), join(target, name));
  return names.length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = process.argv[2];
  copyRuleDocs(target ? join(process.cwd(), target) : undefined);
}
