// `--cache`: results of unchanged files, kept in one JSON file (.dockfixcache) between runs.
//
// A result is reused only when all of these are as they were:
// - the file: its content hash (`--cache-strategy content`), plus its size and mtime (`metadata`,
//   the default, as in ESLint: a touched file is checked again);
// - its settings: the effective configuration of that file (after extends, overrides and the
//   command line: --select, --ignore, --error…, --shellcheck all end up in it), its size limit, the
//   plugins it loads (package name, version and entry file), the shellcheck binary when the
//   shellcheck rule runs, the command (lint, fix, fix --unsafe) and the path handed to rules;
// - dockfix itself: the versions of dockfix and @dockfix/rules, and the size and mtime of the code
//   that runs (so a rebuilt checkout never reuses what an older build found);
// - the other files the rules read while checking it (.dockerignore, package.json, an entrypoint
//   script: the linter's `fileDependencies`, as rules read them through `ctx.files`), by size and
//   mtime, or by content with `content`.
// The file is written atomically (a temp file renamed over it): two runs sharing it never tear it,
// the last one to finish wins. A cache that cannot be read or parsed is rebuilt; a file at the cache
// location that is not a dockfix cache is never overwritten.
// fs.promises, read where it is used: importing node:fs/promises would load it (~1 ms, with
// Node's readline and fs watchers) in every CLI run, and a one-file lint uses none of it.
import { readFileSync, statSync, promises as fsPromises } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '@dockfix/core';
import type { FixOutcome } from './check-file.js';
import { randomHex, sha256Hex } from './hash.js';
import { DEFAULT_CACHE_FILE, type CacheStrategy } from './scale-options.js';
import type { Settings } from './settings.js';
import { dockfixVersion, rulesVersion } from './version.js';


/** The start of every cache file: anything else at the location is somebody else's file. */
const MARKER = '{"dockfixCache":';
const FORMAT = 1;
/**
 * Results kept per file, the latest first: lint, fix and fix --unsafe, and a few sets of flags (a
 * pre-commit hook and CI running with different ones), without growing forever.
 */
const RESULTS_PER_FILE = 8;

/** What a cached check found. */
export type CachedResult =
  | { readonly lint: { readonly diagnostics: readonly Diagnostic[]; readonly fatal: boolean } }
  /** `fix` caches only files it had nothing to do to: what remains, and how many unsafe fixes were held back. */
  | { readonly fix: { readonly remaining: readonly Diagnostic[]; readonly fatal: boolean; readonly unsafeFixable: number } };

interface StoredResult {
  readonly key: string;
  /** Files the rules read (relative to the cache file's directory) and their fingerprints. */
  readonly reads: readonly (readonly [string, string])[];
  readonly result: CachedResult;
}

interface StoredFile {
  readonly size: number;
  readonly mtimeMs: number | null;
  readonly sha256: string;
  readonly results: readonly StoredResult[];
}

interface CacheData {
  readonly dockfixCache: number;
  readonly engine: string;
  readonly files: Record<string, StoredFile>;
}

/** The identity of a file as read: what decides whether its stored results still belong to it. */
export interface FileState {
  readonly size: number;
  readonly mtimeMs: number | undefined;
  readonly sha256: string;
}

/** Where the cache lives: `--cache-location` (a file, or a directory to put .dockfixcache in), else .dockfixcache in `cwd`. */
export async function cacheFilePath(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return join(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  if (/[/\\]$/.test(location)) return join(path, DEFAULT_CACHE_FILE);
  const stats = await fsPromises.stat(path).catch(() => null);
  return stats?.isDirectory() ? join(path, DEFAULT_CACHE_FILE) : path;
}

export class ResultCache {
  private readonly dir: string;
  private readonly settingsKeys = new WeakMap<Settings, string>();
  private readonly fingerprints = new Map<string, string>();
  private readonly touched = new Map<string, StoredFile | null>();
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly strategy: CacheStrategy,
    private readonly engine: string,
    private readonly stored: Record<string, StoredFile>,
    /** False when the location holds a file that is not a dockfix cache. */
    private readonly writable: boolean,
    /** Set when the stored data was unusable (corrupt, another format or dockfix version): it is rewritten even if nothing is checked. */
    stale: boolean,
  ) {
    this.dir = dirname(file);
    this.dirty = stale;
  }

  /**
   * Reads the cache at `file`. Never throws for what is in it: a missing, torn, corrupt or older
   * cache starts empty. `warn` hears about a location that holds another kind of file.
   */
  static async open(file: string, strategy: CacheStrategy, warn: (message: string) => void): Promise<ResultCache> {
    const engine = engineKey();
    let text: string | null = null;
    try {
      text = await fsPromises.readFile(file, 'utf8');
    } catch {
      // Missing or unreadable: start empty; a write error, if any, is reported when saving.
    }
    if (text === null) return new ResultCache(file, strategy, engine, {}, true, false);
    if (text.length > 0 && !text.startsWith(MARKER)) {
      warn(`${file} is not a dockfix cache, so --cache does not use or overwrite it; remove it or choose another --cache-location`);
      return new ResultCache(file, strategy, engine, {}, false, false);
    }
    const data = parseCache(text);
    if (!data || data.engine !== engine) return new ResultCache(file, strategy, engine, {}, true, true);
    return new ResultCache(file, strategy, engine, data.files, true, false);
  }

  /** The key of a file's result under `settings`: everything besides the file and what it reads that decides it. */
  keyOf(settings: Settings, command: 'lint' | 'fix' | 'fix-unsafe', lintPath: string | undefined): string {
    let base = this.settingsKeys.get(settings);
    if (base === undefined) {
      base = hash(JSON.stringify([settings.config, settings.maxFileSize, pluginFingerprints(settings.fileConfig.pluginFiles), shellcheckFingerprint(settings)]));
      this.settingsKeys.set(settings, base);
    }
    return hash(JSON.stringify([base, command, lintPath ?? null])).slice(0, 32);
  }

  /** The stored result for this file, state and key, if every file its rules read is still as it was. */
  get(absolutePath: string, state: FileState, key: string): CachedResult | undefined {
    const entry = this.stored[this.relative(absolutePath)];
    if (!entry || !this.sameFile(entry, state)) return undefined;
    const found = entry.results.find((result) => result.key === key);
    if (!found) return undefined;
    for (const [path, fingerprint] of found.reads) {
      if (this.fingerprint(resolve(this.dir, path)) !== fingerprint) return undefined;
    }
    // Read but unchanged: kept when the cache is saved.
    if (!this.touched.has(absolutePath)) this.touched.set(absolutePath, entry);
    return found.result;
  }

  /** Remembers a result; `reads` are the other files the rules looked at (absolute paths: the result's fileDependencies). */
  set(absolutePath: string, state: FileState, key: string, result: CachedResult, reads: readonly string[]): void {
    const rel = this.relative(absolutePath);
    const previous = this.touched.get(absolutePath) ?? this.stored[rel];
    const kept = previous && previous.sha256 === state.sha256 ? previous.results.filter((r) => r.key !== key) : [];
    const stored: StoredResult = { key, reads: reads.map((path) => [this.relative(path), this.fingerprint(path)] as const), result };
    this.touched.set(absolutePath, { size: state.size, mtimeMs: state.mtimeMs ?? null, sha256: state.sha256, results: [stored, ...kept].slice(0, RESULTS_PER_FILE) });
    this.dirty = true;
  }

  /** Forgets a file (it could not be read, or checking it failed): no result of it may be reused. */
  forget(absolutePath: string): void {
    if (this.touched.get(absolutePath) === null) return;
    this.touched.set(absolutePath, null);
    if (this.stored[this.relative(absolutePath)]) this.dirty = true;
  }

  /**
   * Writes the cache: what this run checked, plus the entries of files it did not look at that still
   * exist (entries of deleted files go). Returns an error message, or null.
   */
  async save(): Promise<string | null> {
    if (!this.writable) return null;
    const files: Record<string, StoredFile> = {};
    for (const [rel, entry] of Object.entries(this.stored)) {
      const absolute = resolve(this.dir, rel);
      if (this.touched.has(absolute)) continue;
      if (this.fingerprint(absolute) === 'missing') {
        this.dirty = true;
        continue;
      }
      files[rel] = entry;
    }
    for (const [absolute, entry] of this.touched) if (entry) files[this.relative(absolute)] = entry;
    if (!this.dirty) return null;
    const data: CacheData = { dockfixCache: FORMAT, engine: this.engine, files };
    const temp = `${this.file}.${process.pid}-${randomHex(4)}.tmp`;
    try {
      await fsPromises.mkdir(this.dir, { recursive: true });
      await fsPromises.writeFile(temp, JSON.stringify(data));
      await fsPromises.rename(temp, this.file);
      return null;
    } catch (error) {
      await fsPromises.unlink(temp).catch(() => undefined);
      return `cannot write the cache ${this.file}: ${error instanceof Error ? error.message : String(error)}; the next run checks every file again`;
    }
  }

  private sameFile(entry: StoredFile, state: FileState): boolean {
    if (entry.sha256 !== state.sha256 || entry.size !== state.size) return false;
    return this.strategy === 'content' || (state.mtimeMs !== undefined && entry.mtimeMs === state.mtimeMs);
  }

  private relative(path: string): string {
    return relative(this.dir, path);
  }

  /** A file's state as the rules could see it, once per run and path. */
  private fingerprint(path: string): string {
    let value = this.fingerprints.get(path);
    if (value === undefined) {
      value = fingerprintOf(path, this.strategy);
      this.fingerprints.set(path, value);
    }
    return value;
  }
}

function fingerprintOf(path: string, strategy: CacheStrategy): string {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 'missing';
  }
  // A directory's mtime changes with every entry added or removed (and .git's with every commit);
  // rules only see that it exists (ContextFiles has no listing).
  if (stats.isDirectory()) return 'dir';
  if (!stats.isFile()) return 'other';
  if (strategy === 'content' && stats.size <= 1024 * 1024) {
    try {
      return `sha256:${sha256Hex(readFileSync(path))}`;
    } catch {
      return 'unreadable';
    }
  }
  return `file:${stats.size}:${stats.mtimeMs}`;
}

function hash(text: string): string {
  return sha256Hex(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The cache's data, or null when it is not a well-formed cache of this format (checked as far as lookups rely on it). */
function parseCache(text: string): CacheData | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(data) || data.dockfixCache !== FORMAT || typeof data.engine !== 'string' || !isRecord(data.files)) return null;
  for (const entry of Object.values(data.files)) {
    if (!isRecord(entry) || typeof entry.sha256 !== 'string' || typeof entry.size !== 'number' || !Array.isArray(entry.results)) return null;
    for (const result of entry.results as unknown[]) {
      if (!isRecord(result) || typeof result.key !== 'string' || !Array.isArray(result.reads) || !isRecord(result.result)) return null;
      const inner = result.result;
      const body = isRecord(inner.lint) ? inner.lint : isRecord(inner.fix) ? inner.fix : null;
      if (!body || !Array.isArray(isRecord(inner.lint) ? body.diagnostics : body.remaining) || typeof body.fatal !== 'boolean') return null;
    }
  }
  return data as unknown as CacheData;
}

/** dockfix's own part of every key: the versions, and the code that runs (the bundle, or this module in dist/). */
function engineKey(): string {
  let code = '';
  try {
    const stats = statSync(fileURLToPath(import.meta.url));
    code = `${stats.size}:${stats.mtimeMs}`;
  } catch {
    // Not a file on disk: the versions alone.
  }
  return `dockfix@${dockfixVersion()} @dockfix/rules@${rulesVersion()} ${code}`;
}

const pluginMemo = new Map<string, string>();

/** Each plugin as `name@version` of its package, plus its entry file's size and mtime (a local plugin has no version to go by). */
function pluginFingerprints(files: readonly string[]): string[] {
  return files.map((file) => {
    let value = pluginMemo.get(file);
    if (value === undefined) {
      value = `${packageOf(file)} ${fingerprintOf(file, 'metadata')}`;
      pluginMemo.set(file, value);
    }
    return value;
  });
}

function packageOf(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name) return `${manifest.name}@${manifest.version ?? ''}`;
    } catch {
      // No package.json here: look further up.
    }
    if (dirname(dir) === dir) return '';
  }
}

const shellcheckMemo = new Map<string, string>();

/** The shellcheck binary the shellcheck rule would run (its findings depend on its version), or null when the rule is off. */
function shellcheckFingerprint(settings: Settings): string | null {
  const rule = settings.linter.resolve(settings.config).find((resolved) => resolved.rule.meta.id === 'shellcheck');
  if (!rule) return null;
  const executable = String(rule.options.executable ?? 'shellcheck');
  let value = shellcheckMemo.get(executable);
  if (value === undefined) {
    const candidates = executable.includes('/') || isAbsolute(executable) ? [resolve(executable)] : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, executable));
    const found = candidates.map((path) => [path, fingerprintOf(path, 'metadata')] as const).find(([, fingerprint]) => fingerprint.startsWith('file:'));
    value = found ? `${found[0]} ${found[1]}` : `${executable} missing`;
    shellcheckMemo.set(executable, value);
  }
  return value;
}

/** The result of a fix worth caching: one that changed nothing and asked for nothing, or null. */
export function cacheableFix(result: FixOutcome): CachedResult | null {
  if (result.changed || result.createFiles.length > 0 || result.reverted.length > 0) return null;
  return { fix: { remaining: result.remaining, fatal: result.fatal, unsafeFixable: result.unsafeFixable } };
}
