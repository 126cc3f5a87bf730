// The constants of --jobs and --cache that the command line needs: kept apart from run-checks.ts
// and cache.ts so that parsing the command line loads nothing heavy (main.ts imports this eagerly).

/** `--jobs`: a number of worker threads (1: none), or `auto`. */
export type Jobs = number | 'auto';

/**
 * Below this many files to check, `auto` checks them in the main thread: a worker has to load
 * dockfix and compile tree-sitter's WebAssembly before its first file, while a file takes a few
 * milliseconds to check, so threads only pay from a few hundred files (bench/scale.mjs measures it).
 */
export const AUTO_MIN_FILES = 200;

export const CACHE_STRATEGIES = ['metadata', 'content'] as const;
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number];

/** The default `--cache-location`, in the working directory (and the file name used in a directory given as the location). */
export const DEFAULT_CACHE_FILE = '.dockfixcache';
