// The files beside the linted Dockerfile, as rules may see them. A few rules look there (the
// .dockerignore beside the Dockerfile, the package.json of a Node app, the entrypoint script a COPY
// brings in). They go through this one door, never through node:fs, so that
//   - the linter knows what a result depended on (`LintResult.fileDependencies`): a cache can tell
//     when a result went stale because a neighbour changed, as TypeScript's and webpack's watchers do;
//   - a host can answer instead of the disk: an editor with unsaved buffers, a test with a tree in memory.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

/** What a path is, when it exists. */
export interface FileStat {
  readonly kind: 'file' | 'directory' | 'other';
  /** Size in bytes. */
  readonly size: number;
}

/** How the linter reaches files; the default is {@link nodeFileSystem}. Paths are absolute. */
export interface FileSystemHost {
  /** What the path is, or null when it does not exist or cannot be looked at. */
  stat(path: string): FileStat | null;
  /** The file's text as UTF-8, or null when it is not a readable file. */
  readText(path: string): string | null;
}

/** The disk, through node:fs; errors (missing, permission, a loop of links) answer null. */
export const nodeFileSystem: FileSystemHost = {
  stat(path) {
    try {
      const stats = statSync(path);
      return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', size: stats.size };
    } catch {
      return null;
    }
  },
  readText(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  },
};

/** What rules see: {@link RuleContext.files}. A relative path is relative to the linted file's directory. */
export interface ContextFiles {
  /** The directory of the linted file; null when the text has no path, and then every lookup answers null. */
  readonly directory: string | null;
  stat(path: string): FileStat | null;
  /** True when the path is a regular file (links followed). */
  isFile(path: string): boolean;
  /** The file's text, or null when it is missing, not a file, unreadable, or over `maxBytes`. */
  readText(path: string, maxBytes?: number): string | null;
}

/** Context files for one lint; every path looked at (found or not) is added to `looked`. */
export function createContextFiles(filePath: string | undefined, host: FileSystemHost, looked: Set<string>): ContextFiles {
  const self = filePath === undefined ? null : resolve(filePath);
  const directory = self === null ? null : dirname(self);
  const absolute = (path: string): string | null => {
    if (isAbsolute(path)) return resolve(path);
    return directory === null ? null : resolve(directory, path);
  };
  const stat = (path: string): FileStat | null => {
    const at = absolute(path);
    if (at === null) return null;
    // The linted file itself is no dependency of its own result: its text is the input.
    if (at !== self) looked.add(at);
    return host.stat(at);
  };
  return {
    directory,
    stat,
    isFile: (path) => stat(path)?.kind === 'file',
    readText(path, maxBytes = Infinity) {
      const found = stat(path);
      if (found?.kind !== 'file' || found.size > maxBytes) return null;
      const at = absolute(path);
      return at === null ? null : host.readText(at);
    },
  };
}
