import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeFsError } from './fs-errors.js';
import { GitignoreFilter } from './gitignore.js';

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
  '*.Containerfile',
  '*.containerfile',
  'Dockerfile.*',
  'Dockerfile-*',
  'Dockerfile_*',
  'Containerfile.*',
  'Containerfile-*',
  'Containerfile_*',
] as const;

/** How to search. */
export interface DiscoverOptions {
  /** Leave out files that `.gitignore` files ignore (directory and glob searches only); default true. */
  readonly respectGitignore?: boolean;
}

/** True for an argument that is a glob pattern rather than a path (`'services/**\/Dockerfile'`). */
function isGlob(path: string): boolean {
  return /[*?[\]{}]/.test(path);
}

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
export async function discoverInputs(paths: readonly string[], stdinFilename: string | undefined, cwd: string, options: DiscoverOptions = {}): Promise<Discovery> {
  const respectGitignore = options.respectGitignore !== false;
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
      // Synchronous: the paths are taken one at a time anyway, and an asynchronous stat was a trip
      // through libuv's thread pool (which a one-file run started for its two calls alone).
      isDirectory = statSync(absolutePath).isDirectory();
    } catch (error) {
      // A quoted pattern reaches us unexpanded (no shell globbing on Windows or in npm scripts either).
      if (isGlob(path) && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        const matched = await expandGlob(path, cwd, respectGitignore);
        if (matched.length === 0) problems.push({ path, message: 'no files match this pattern; check it, and quote it so the shell does not expand it first' });
        for (const relative of matched) add({ kind: 'file', path: relative, absolutePath: resolve(cwd, relative) });
        continue;
      }
      problems.push({ path, message: describeFsError(error) });
      continue;
    }
    if (!isDirectory) {
      add({ kind: 'file', path, absolutePath });
      continue;
    }
    let found: string[];
    try {
      found = await searchDirectory(absolutePath, respectGitignore ? await GitignoreFilter.create(absolutePath, cwd) : null);
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

/** Files matching a glob pattern relative to `cwd` (whatever their names: the user chose the pattern), sorted. */
async function expandGlob(pattern: string, cwd: string, respectGitignore: boolean): Promise<string[]> {
  const { default: glob } = await import('fast-glob');
  const found = await glob(pattern, { cwd, dot: true, onlyFiles: true, caseSensitiveMatch: true, followSymbolicLinks: false, ignore: IGNORED });
  const filter = respectGitignore ? await GitignoreFilter.create(cwd, cwd) : null;
  const kept: string[] = [];
  for (const path of found) if (!(await filter?.ignores(resolve(cwd, path)))) kept.push(path);
  return kept.sort(compareCodePoints);
}

async function searchDirectory(directory: string, filter: GitignoreFilter | null): Promise<string[]> {
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
    if (!entry.dirent.isFile() && !(entry.dirent.isSymbolicLink() && isFile(join(directory, entry.path)))) continue;
    if (filter && (await filter.ignores(join(directory, entry.path)))) continue;
    found.push(entry.path);
  }
  return found.sort(compareCodePoints);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // a dangling link is not a Dockerfile to lint
  }
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
