// The checking half of `lint` and `fix`: read every file, answer what the cache can, check the rest
// in this thread or in worker threads (--jobs), and hand back one outcome per file, in input order.
// The commands print and write from these outcomes in that order, so the output is the same
// whichever thread checked a file and in whatever order the workers finished.
import { availableParallelism } from 'node:os';
import { cacheableFix, cacheFilePath, ResultCache, type CachedResult, type FileState } from './cache.js';
import { AUTO_MIN_FILES, type CacheStrategy, type Jobs } from './scale-options.js';
import { checkFile, type CheckOutcome, type CheckTask } from './check-file.js';
import type { Input } from './discover.js';
import type { Messages } from './output.js';
import { readInput, type ReadResult } from './read-input.js';
import type { CliSettings, Settings } from './settings.js';

/** `auto` starts one worker per this many files to check (from AUTO_MIN_FILES on), up to one per two logical cores. */
const AUTO_FILES_PER_WORKER = 100;

/** How to run the checks. */
export interface RunOptions {
  readonly command: 'lint' | 'fix';
  /** For fix: `--unsafe`. */
  readonly unsafe?: boolean;
  readonly jobs: Jobs;
  /** `--cache`, with its location and strategy; undefined: no cache. */
  readonly cache?: { readonly location: string | undefined; readonly strategy: CacheStrategy } | undefined;
  /** The command line's settings, for workers to resolve each file's configuration as the main thread did. */
  readonly cli: CliSettings;
  readonly cwd: string;
}

/** One input and what became of it. */
export interface CheckedInput {
  readonly input: Input;
  readonly settings: Settings;
  readonly read: ReadResult;
  /** Absent when the file could not be read. */
  readonly outcome?: CheckOutcome;
}

/** Reads and checks every input; messages only hears about the cache (warnings). */
export async function runChecks(
  inputs: readonly Input[],
  settingsOf: (input: Input) => Settings,
  lintPathOf: (input: Input) => string | undefined,
  options: RunOptions,
  messages: Messages,
): Promise<CheckedInput[]> {
  const cache = options.cache ? await ResultCache.open(await cacheFilePath(options.cache.location, options.cwd), options.cache.strategy, (m) => messages.warn(null, m)) : undefined;
  // Files are read with a few reads in flight; stdin (at most one input) is read like any file.
  const reads = await mapLimited(inputs, 16, (input) => readInput(input, settingsOf(input).maxFileSize));

  const outcomes: (CheckOutcome | undefined)[] = new Array(inputs.length);
  const todo: { index: number; task: CheckTask; key?: string; state?: FileState }[] = [];
  inputs.forEach((input, index) => {
    const read = reads[index] as ReadResult;
    if (!read.ok) {
      if (input.kind === 'file') cache?.forget(input.absolutePath);
      return;
    }
    const settings = settingsOf(input);
    const unsafe = options.command === 'fix' && (options.unsafe === true || settings.unsafeFixes);
    const lintPath = lintPathOf(input);
    const task: CheckTask = {
      settingsPath: input.kind === 'stdin' ? (lintPath ?? null) : input.path,
      lintPath,
      text: read.text,
      mode: options.command,
      unsafe,
      recordReads: cache !== undefined && input.kind === 'file',
    };
    if (cache && input.kind === 'file' && read.snapshot) {
      const state: FileState = { size: read.snapshot.size, mtimeMs: read.mtimeMs, sha256: read.snapshot.sha256 };
      const key = cache.keyOf(settings, options.command === 'lint' ? 'lint' : unsafe ? 'fix-unsafe' : 'fix', lintPath);
      const hit = cache.get(input.absolutePath, state, key);
      if (hit) {
        outcomes[index] = fromCache(hit, read.text);
        return;
      }
      todo.push({ index, task, key, state });
      return;
    }
    todo.push({ index, task });
  });

  const workers = workerCount(options.jobs, todo.filter((item) => inputs[item.index]?.kind === 'file').length);
  if (workers > 1) {
    const { CheckPool } = await import('./pool.js');
    const pool = new CheckPool(workers, { cwd: options.cwd, cli: options.cli });
    try {
      await Promise.all(
        todo.map(async (item) => {
          const input = inputs[item.index] as Input;
          // Standard input stays here: its settings path may be no file at all.
          outcomes[item.index] = input.kind === 'stdin' ? await checkFile(settingsOf(input), item.task) : await pool.run(item.task);
        }),
      );
    } finally {
      await pool.close();
    }
  } else {
    for (const item of todo) outcomes[item.index] = await checkFile(settingsOf(inputs[item.index] as Input), item.task);
  }

  if (cache) {
    for (const item of todo) {
      const input = inputs[item.index] as Input;
      const outcome = outcomes[item.index];
      if (input.kind !== 'file' || !item.key || !item.state || !outcome) continue;
      // A crash has no result to keep, and a fix that changed the file leaves a file that is checked again.
      const result = outcome.kind === 'lint' ? { lint: { diagnostics: outcome.diagnostics, fatal: outcome.fatal } } : outcome.kind === 'fix' ? cacheableFix(outcome.result) : null;
      if (result && (outcome.kind === 'lint' || outcome.kind === 'fix')) cache.set(input.absolutePath, item.state, item.key, result, outcome.reads ?? []);
      else cache.forget(input.absolutePath);
    }
    const problem = await cache.save();
    if (problem) messages.warn(null, problem);
  }

  return inputs.map((input, index) => {
    const outcome = outcomes[index];
    return { input, settings: settingsOf(input), read: reads[index] as ReadResult, ...(outcome ? { outcome } : {}) };
  });
}

/**
 * How many worker threads to start for `pending` files: 0 or 1 means none.
 * `auto` takes at most half the logical cores, as ESLint's `--concurrency auto` does: one thread that
 * lints keeps ~1.4 cores busy by itself (V8 collects garbage and compiles on helper threads), and a
 * worker warms up its own JIT. On a 2-core machine two workers were 8–22% slower than none over 5,148
 * files (`node bench/scale.mjs`, quiet machine, four runs: 8.1–8.9 s against 7.3–7.5 s), so there `auto` uses none.
 */
export function workerCount(jobs: Jobs, pending: number): number {
  if (jobs !== 'auto') return Math.min(jobs, pending);
  if (pending < AUTO_MIN_FILES) return 0;
  return Math.min(availableParallelism() >> 1, Math.floor(pending / AUTO_FILES_PER_WORKER));
}

/** A cached result in the shape of a fresh one. */
function fromCache(hit: CachedResult, text: string): CheckOutcome {
  if ('lint' in hit) return { kind: 'lint', diagnostics: hit.lint.diagnostics, fatal: hit.lint.fatal };
  const { remaining, fatal, unsafeFixable } = hit.fix;
  return { kind: 'fix', result: { output: text, changed: false, applied: [], remaining, diff: '', unsafeFixable, createFiles: [], reverted: [], fatal } };
}

/** `items.map(work)` with at most `limit` calls pending at once; results in input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runner = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  return results;
}
