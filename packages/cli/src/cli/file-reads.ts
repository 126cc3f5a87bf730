// Which other files a lint of one Dockerfile looked at. Some rules read beside the Dockerfile
// (missing-dockerignore and copy-ignored-file the .dockerignore, build-without-dev-deps the
// package.json, entrypoint-exec the script it copies), and plugins may too, so a cached result is
// only valid while those files are as they were. Rules call node:fs directly and synchronously
// (lint is synchronous), so the reads are recorded by wrapping the synchronous fs functions for
// the length of one lint call: nothing else runs on the thread meanwhile. The wrappers are only
// installed by a run with --cache, and only record; every call goes to the real function.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a lint read: path (absolute) → true when the directory's listing was read, not just its existence. */
export type FileReads = Map<string, boolean>;

const PATH_FUNCTIONS = ['existsSync', 'statSync', 'lstatSync', 'readFileSync', 'accessSync', 'realpathSync', 'openSync'] as const;
const LISTING_FUNCTIONS = ['readdirSync', 'opendirSync'] as const;

let current: FileReads | null = null;
let installed = false;

function pathOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value instanceof URL) return value.protocol === 'file:' ? fileURLToPath(value) : null;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  // A file descriptor: the file was opened (and recorded) by path before.
  return null;
}

function install(): void {
  if (installed) return;
  installed = true;
  // The CommonJS object is what syncBuiltinESMExports copies into `import { existsSync } from 'node:fs'`.
  const fs = createRequire(import.meta.url)('node:fs') as Record<string, unknown>;
  const wrap = (name: string, listing: boolean) => {
    const real = fs[name];
    if (typeof real !== 'function') return;
    fs[name] = function recorded(this: unknown, ...args: unknown[]) {
      const reads = current;
      if (reads) {
        const path = pathOf(args[0]);
        if (path !== null) {
          const absolute = resolve(path);
          reads.set(absolute, listing || reads.get(absolute) === true);
        }
      }
      return (real as (...a: unknown[]) => unknown).apply(this, args);
    };
  };
  for (const name of PATH_FUNCTIONS) wrap(name, false);
  for (const name of LISTING_FUNCTIONS) wrap(name, true);
  syncBuiltinESMExports();
}

/** Runs `work` (synchronous) and returns what it returned with the files it looked at, other than `self`. */
export function recordFileReads<T>(work: () => T, self: string | undefined): { value: T; reads: FileReads } {
  install();
  const reads: FileReads = new Map();
  current = reads;
  try {
    const value = work();
    if (self !== undefined) reads.delete(resolve(self));
    return { value, reads };
  } finally {
    current = null;
  }
}
