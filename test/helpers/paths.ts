import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in test/helpers). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared corpus of real Dockerfiles, a sibling of the repository. */
export const corpusRoot = path.resolve(repoRoot, '..', 'shared', 'corpus');

/** Bookkeeping files at the corpus root that are not Dockerfiles. */
const CORPUS_METADATA = new Set(['README.md', 'MANIFEST.tsv', 'EDGE_CASES.tsv']);

/**
 * Every Dockerfile of the corpus, as paths relative to {@link corpusRoot}, sorted.
 * Throws when the corpus is missing, so a misplaced checkout fails loudly instead of testing nothing.
 */
export function listCorpusFiles(root: string = corpusRoot): string[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(`the Dockerfile corpus is missing: expected a directory at ${root} (a copy of shared/corpus beside the repository)`);
  }
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!(dir === root && CORPUS_METADATA.has(name))) files.push(path.relative(root, full));
    }
  };
  walk(root);
  if (files.length === 0) throw new Error(`the Dockerfile corpus at ${root} holds no files`);
  return files;
}
