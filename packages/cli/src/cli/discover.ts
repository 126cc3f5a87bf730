import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describeFsError } from './fs-errors.js';

/**
 * Names searched for in directories. Case-sensitive, like Docker on Linux, plus the lower-case
 * `dockerfile`/`containerfile` that `docker build` and buildah also accept (moby/moby#10858).
 */
export const DOCKERFILE_PATTERNS = [
  'Dockerfile',
  'dockerfile',
  'Containerfile',
  'containerfile',
  '*.Dockerfile',
  '*.dockerfile',
  'Dockerfile.*',
  'Containerfile.*',
] as const;

/** Never searched: dependency trees, git internals, and BuildKit's per-Dockerfile ignore files. */
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/*.dockerignore'];

/** One thing to lint: a file on disk or standard input. */
export type Input =
  | { readonly kind: 'file'; /** As shown in messages. */ readonly path: string; readonly absolutePath: string }
  | { readonly kind: 'stdin'; readonly path: string };

/** A path that could not be turned into inputs; the message says why and what to do. */
export interface PathProblem {
  readonly path: string;
  readonly message: string;
}

/** Inputs found for the command line's paths, and the paths that failed. */
export interface Discovery {
  readonly inputs: readonly Input[];
  readonly problems: readonly PathProblem[];
}

/**
 * Expands command-line paths: `-` is standard input (named `stdinFilename` in messages), a file
 * is linted whatever its name, a directory is searched for Dockerfiles. Keeps the order of the
 * arguments, sorts each directory's finds, and drops duplicates.
 */
export async function discoverInputs(paths: readonly string[], stdinFilename: string | undefined, cwd: string): Promise<Discovery> {
  const inputs: Input[] = [];
  const problems: PathProblem[] = [];
  const seen = new Set<string>();
  const add = (input: Input) => {
    const key = input.kind === 'stdin' ? '\0stdin' : input.absolutePath;
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push(input);
  };

  for (const path of paths) {
    if (path === '-') {
      add({ kind: 'stdin', path: stdinFilename ?? '<stdin>' });
      continue;
    }
    const absolutePath = resolve(cwd, path);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(absolutePath)).isDirectory();
    } catch (error) {
      problems.push({ path, message: describeFsError(error) });
      continue;
    }
    if (!isDirectory) {
      add({ kind: 'file', path, absolutePath });
      continue;
    }
    let found: string[];
    try {
      found = await searchDirectory(absolutePath);
    } catch (error) {
      const where = (error as NodeJS.ErrnoException).path ?? path;
      problems.push({ path, message: `cannot search ${where}: ${describeFsError(error)}` });
      continue;
    }
    if (found.length === 0) {
      problems.push({
        path,
        message: `no Dockerfiles found (looked for ${DOCKERFILE_PATTERNS.join(', ')}); name the file to lint it whatever its name`,
      });
      continue;
    }
    for (const relative of found) add({ kind: 'file', path: join(path, relative), absolutePath: join(absolutePath, relative) });
  }
  return { inputs, problems };
}

async function searchDirectory(directory: string): Promise<string[]> {
  // Loaded on demand: linting a named file should not pay for the glob library.
  const { default: glob } = await import('fast-glob');
  const entries = await glob(`**/{${DOCKERFILE_PATTERNS.join(',')}}`, {
    cwd: directory,
    dot: true,
    objectMode: true,
    onlyFiles: false,
    caseSensitiveMatch: true,
    // Symlinked directories are not followed (no cycles, no escaping the tree); symlinked files are linted.
    followSymbolicLinks: false,
    ignore: IGNORED,
  });
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.dirent.isFile() || (entry.dirent.isSymbolicLink() && (await isFile(join(directory, entry.path))))) found.push(entry.path);
  }
  return found.sort(compareCodePoints);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false; // a dangling link is not a Dockerfile to lint
  }
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
