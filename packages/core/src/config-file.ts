import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type * as Lilconfig from 'lilconfig';
import type { Loader } from 'lilconfig';
import { closest, ConfigError, type RuleSetting } from './config.js';
import { SEVERITIES, type Severity } from './diagnostic.js';
import { importModule } from './import-module.js';
import { parseYamlDocument } from './yaml.js';

/**
 * Config file names, in the order they are looked for in each directory; the first one found in the
 * nearest directory wins (files do not cascade: use `extends`). `package.json` counts only with a
 * `dockfix` key.
 */
export const CONFIG_FILE_NAMES = [
  '.dockfix.json',
  'dockfix.config.json',
  '.dockfixrc',
  '.dockfixrc.json',
  '.dockfixrc.yaml',
  '.dockfixrc.yml',
  'dockfix.config.yaml',
  'dockfix.config.yml',
  'dockfix.config.js',
  'dockfix.config.mjs',
  'dockfix.config.cjs',
  'package.json',
] as const;

/** One `overrides` entry: settings for the files its globs match. */
export interface ConfigOverride {
  /** Globs relative to the config file's directory; a glob without `/` matches the file name at any depth. */
  readonly files: readonly string[];
  readonly excludedFiles?: readonly string[];
  readonly extendSelect?: readonly string[];
  readonly ignore?: readonly string[];
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

/** The `fix` section, as in Ruff: which fixes may apply. */
export interface ConfigFixSettings {
  /** Apply unsafe fixes in `dockfix fix` without `--unsafe` (never on save in an editor). */
  readonly unsafe?: boolean;
  /** Only these rules' fixes are offered and applied. */
  readonly fixable?: readonly string[];
  /** These rules' fixes are never offered nor applied (wins over `fixable`). */
  readonly unfixable?: readonly string[];
}

/** The contents of a config file, checked for shape (rule ids and options are checked on resolution). */
export interface ConfigFile {
  readonly extends?: readonly string[];
  readonly plugins?: readonly string[];
  readonly select?: readonly string[];
  readonly extendSelect?: readonly string[];
  readonly ignore?: readonly string[];
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly overrides?: readonly ConfigOverride[];
  /** Globs (relative to the config file's directory) of Dockerfiles never linted. */
  readonly ignorePatterns?: readonly string[];
  readonly fix?: ConfigFixSettings;
  /** Lowest severity that makes `dockfix lint` exit 1. */
  readonly failOn?: Severity;
  /** hadolint's name for {@link failOn}; accepted as an alias. */
  readonly failureThreshold?: Severity;
  /** Exit 0 even when problems are found (hadolint's `no-fail`). */
  readonly noFail?: boolean;
  /** Largest file, in bytes, that is read as a Dockerfile. */
  readonly maxFileSize?: number;
  /** Report pragmas that silence nothing (`true` means at `warning`). */
  readonly reportUnusedPragmas?: boolean | Severity;
  /** Ignore every `# dockfix-ignore` / `# hadolint ignore=` pragma. */
  readonly disableIgnorePragma?: boolean;
}

/** A config file that was found and read. */
export interface LoadedConfig {
  /** Absolute path of the file. */
  readonly filePath: string;
  readonly config: ConfigFile;
}

const KEYS = [
  '$schema',
  'extends',
  'plugins',
  'select',
  'extendSelect',
  'ignore',
  'rules',
  'overrides',
  'ignorePatterns',
  'fix',
  'failOn',
  'failureThreshold',
  'noFail',
  'maxFileSize',
  'reportUnusedPragmas',
  'disableIgnorePragma',
] as const;
const OVERRIDE_KEYS = ['files', 'excludedFiles', 'extendSelect', 'ignore', 'rules'] as const;
const FIX_KEYS = ['unsafe', 'fixable', 'unfixable'] as const;

const stripBom = (text: string) => text.replace(/^\uFEFF/, '');

const jsonLoader: Loader = (filePath, content) => {
  try {
    return JSON.parse(stripBom(content)) as unknown;
  } catch (error) {
    throw new ConfigError(`${filePath}: config file is not valid JSON (${(error as Error).message}); fix the syntax`);
  }
};

const yamlLoader: Loader = (filePath, content) => {
  const document = parseYamlDocument(stripBom(content));
  const error = document.errors[0];
  if (error) {
    const where = error.linePos?.[0] ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
    throw new ConfigError(`${filePath}: config file is not valid YAML${where} (${error.message.split('\n')[0] ?? ''}); fix the syntax`);
  }
  return document.toJS() as unknown;
};

// Loading a JavaScript config runs its code (see the CLI README); a throw names the file.
const jsLoader: Loader = async (filePath) => {
  try {
    const module = (await importModule(pathToFileURL(filePath).href)) as { default?: unknown };
    return 'default' in module ? module.default : module;
  } catch (error) {
    throw new ConfigError(`${filePath}: the config file threw while loading: ${(error as Error).message}`);
  }
};

/** Loaders by extension; `.dockfixrc` without one is YAML (which also reads JSON). */
export const CONFIG_LOADERS: Readonly<Record<string, Loader>> = {
  '.json': jsonLoader,
  '.yaml': yamlLoader,
  '.yml': yamlLoader,
  '.js': jsLoader,
  '.mjs': jsLoader,
  '.cjs': jsLoader,
  noExt: yamlLoader,
};

type Explorer = ReturnType<typeof Lilconfig.lilconfig>;
const explorers = new Map<string, Explorer>();
let lilconfig: typeof Lilconfig.lilconfig | undefined;

/**
 * A lilconfig searcher that stops after `stopDir`; lilconfig caches per directory inside it.
 * lilconfig is loaded here, on the first search that {@link findConfigFile} cannot answer itself or
 * the first config file read: loading it loads Node's fs/promises (~1 ms), which a one-file lint
 * in a project without a config needs for nothing else. require() as in yaml.ts: esbuild bundles
 * the literal `require('lilconfig')`, and dist/ (an ES module) has createRequire.
 */
function explorerFor(stopDir: string): Explorer {
  let explorer = explorers.get(stopDir);
  if (!explorer) {
    lilconfig ??= ((typeof require === 'function' ? require('lilconfig') : createRequire(import.meta.url)('lilconfig')) as typeof Lilconfig).lilconfig;
    explorer = lilconfig('dockfix', { searchPlaces: [...CONFIG_FILE_NAMES], loaders: { ...CONFIG_LOADERS }, stopDir, packageProp: 'dockfix' });
    explorers.set(stopDir, explorer);
  }
  return explorer;
}

const repoRoots = new Map<string, string>();

/**
 * The last directory searched from `directory`: the nearest one holding `.git` (a directory, or a file
 * in worktrees and submodules), else the filesystem root. Like Ruff, and ESLint looking up from each
 * file, the search does not leave the repository, so a stray config in a parent never applies.
 */
export function searchStopDir(directory: string): string {
  const start = resolve(directory);
  const cached = repoRoots.get(start);
  if (cached) return cached;
  let current = start;
  while (!existsSync(join(current, '.git')) && dirname(current) !== current) current = dirname(current);
  repoRoots.set(start, current);
  return current;
}

/** Forgets cached searches and loaded files (after a config file changed). */
export function clearConfigCaches(): void {
  for (const explorer of explorers.values()) explorer.clearCaches();
  repoRoots.clear();
}

/** The nearest config file at or above `directory`, or null. See {@link searchStopDir} for where the search stops. */
export async function findConfigFile(directory: string): Promise<string | null> {
  const start = resolve(directory);
  const stopDir = searchStopDir(start);
  if (!anyCandidate(start, stopDir)) return null;
  const found = await explorerFor(stopDir).search(start);
  return found?.filepath ?? null;
}

/**
 * Whether any of {@link CONFIG_FILE_NAMES} exists from `start` up to `stopDir`. lilconfig's search
 * asks for each name in each directory with an asynchronous access(), each a trip through libuv's
 * thread pool and, for a missing file, an Error: ~36 of them before it finds nothing in a project
 * two levels below the filesystem root. Asked synchronously (no Error for a missing file), that
 * common case is answered here; when a candidate exists, lilconfig searches as before (a
 * package.json counts only with a "dockfix" key, which it checks).
 */
function anyCandidate(start: string, stopDir: string): boolean {
  for (let dir = start; ; dir = dirname(dir)) {
    if (CONFIG_FILE_NAMES.some((name) => existsSync(join(dir, name)))) return true;
    if (dir === stopDir || dirname(dir) === dir) return false;
  }
}

/** Reads and checks the shape of one config file. Throws {@link ConfigError} naming the file. */
export async function readConfigFile(filePath: string, displayName: string = filePath): Promise<LoadedConfig> {
  const absolute = resolve(filePath);
  let isFile = false;
  try {
    isFile = statSync(absolute).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${displayName}: ${code === 'ENOENT' ? 'config file not found; check the path' : `cannot read config file: ${(error as Error).message}`}`);
  }
  if (!isFile) throw new ConfigError(`${displayName}: not a file; name a config file, like .dockfix.json`);
  let loaded: Awaited<ReturnType<Explorer['load']>>;
  try {
    loaded = await explorerFor(dirname(absolute)).load(absolute);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(error.message.replace(absolute, displayName));
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? 'permission denied; check its permissions' : (error as Error).message;
    throw new ConfigError(`${displayName}: cannot read config file: ${reason}`);
  }
  // An empty file is an empty config; package.json without "dockfix" is not a config at all.
  const data = loaded === null || loaded.isEmpty ? {} : (loaded.config as unknown);
  return { filePath: absolute, config: parseConfigFile(data ?? {}, displayName) };
}

/**
 * Loads the configuration for a directory or file: given a file, reads it; given a directory
 * (default: the current one), reads the nearest config file at or above it. Null when there is none.
 */
export async function loadConfig(from: string = process.cwd()): Promise<LoadedConfig | null> {
  const path = resolve(from);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new ConfigError(`${from}: config file not found; check the path`);
  }
  if (!isDirectory) return readConfigFile(path, from);
  const found = await findConfigFile(path);
  return found ? readConfigFile(found) : null;
}

/** Renders a key path: `rules.merge-run[1].maxCommands`. */
export function keyPath(parts: readonly (string | number)[]): string {
  return parts.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

type Fail = (path: readonly (string | number)[], message: string) => never;

/** Checks the shape of a parsed config; `where` names the file in error messages (`file: key.path message`). */
export function parseConfigFile(data: unknown, where: string): ConfigFile {
  const fail: Fail = (path, message) => {
    throw new ConfigError(`${where}: ${path.length > 0 ? `${keyPath(path)} ` : ''}${message}`);
  };
  if (!isObject(data)) fail([], 'the config must be an object, like {"rules": {"merge-run": "off"}}');
  const object = data as Record<string, unknown>;
  checkKeys(object, KEYS, [], where);
  const config: { -readonly [K in keyof ConfigFile]: ConfigFile[K] } = {};
  if (object.extends !== undefined) config.extends = stringList(typeof object.extends === 'string' ? [object.extends] : object.extends, ['extends'], fail, 'config names, like "dockfix:recommended"');
  if (object.plugins !== undefined) config.plugins = stringList(object.plugins, ['plugins'], fail, 'package names, like ["dockfix-plugin-acme"]');
  for (const key of ['select', 'extendSelect', 'ignore'] as const) {
    if (object[key] !== undefined) config[key] = stringList(object[key], [key], fail, 'rule ids, aliases or categories, like ["merge-run", "DL3002"]');
  }
  if (object.ignorePatterns !== undefined) config.ignorePatterns = stringList(object.ignorePatterns, ['ignorePatterns'], fail, 'globs, like ["vendor/**"]');
  if (object.rules !== undefined) config.rules = parseRules(object.rules, ['rules'], fail);
  if (object.overrides !== undefined) {
    if (!Array.isArray(object.overrides)) fail(['overrides'], 'must be an array of {"files": [...], "rules": {...}}');
    config.overrides = (object.overrides as unknown[]).map((entry, i) => parseOverride(entry, ['overrides', i], fail, where));
  }
  if (object.fix !== undefined) {
    if (!isObject(object.fix)) fail(['fix'], 'must be an object, like {"unsafe": false, "unfixable": ["merge-run"]}');
    const fix = object.fix as Record<string, unknown>;
    checkKeys(fix, FIX_KEYS, ['fix'], where);
    const settings: { -readonly [K in keyof ConfigFixSettings]: ConfigFixSettings[K] } = {};
    if (fix.unsafe !== undefined) settings.unsafe = boolean(fix.unsafe, ['fix', 'unsafe'], fail);
    if (fix.fixable !== undefined) settings.fixable = stringList(fix.fixable, ['fix', 'fixable'], fail, 'rule ids, aliases or categories');
    if (fix.unfixable !== undefined) settings.unfixable = stringList(fix.unfixable, ['fix', 'unfixable'], fail, 'rule ids, aliases or categories');
    config.fix = settings;
  }
  if (object.failOn !== undefined && object.failureThreshold !== undefined) fail(['failureThreshold'], 'is another name for "failOn"; give only one of them');
  if (object.failOn !== undefined) config.failOn = severity(object.failOn, ['failOn'], fail);
  if (object.failureThreshold !== undefined) config.failureThreshold = severity(object.failureThreshold, ['failureThreshold'], fail);
  if (object.noFail !== undefined) config.noFail = boolean(object.noFail, ['noFail'], fail);
  if (object.disableIgnorePragma !== undefined) config.disableIgnorePragma = boolean(object.disableIgnorePragma, ['disableIgnorePragma'], fail);
  if (object.reportUnusedPragmas !== undefined) {
    const value = object.reportUnusedPragmas;
    config.reportUnusedPragmas = typeof value === 'boolean' ? value : severity(value, ['reportUnusedPragmas'], fail, 'true, false or a severity');
  }
  if (object.maxFileSize !== undefined) {
    const value = object.maxFileSize;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) fail(['maxFileSize'], 'must be a positive number of bytes');
    config.maxFileSize = value as number;
  }
  return config;
}

function parseOverride(entry: unknown, path: readonly (string | number)[], fail: Fail, where: string): ConfigOverride {
  if (!isObject(entry)) fail(path, 'must be an object, like {"files": ["**/prod/*.Dockerfile"], "rules": {"no-root-user": "error"}}');
  const object = entry as Record<string, unknown>;
  checkKeys(object, OVERRIDE_KEYS, path, where);
  if (object.files === undefined) fail(path, 'needs "files": the globs it applies to');
  const globs = (value: unknown, key: string) => {
    const list = stringList(typeof value === 'string' ? [value] : value, [...path, key], fail, 'globs, like ["**/prod/*.Dockerfile"]');
    if (list.length === 0) fail([...path, key], 'must name at least one glob');
    return list;
  };
  const override: { -readonly [K in keyof ConfigOverride]: ConfigOverride[K] } = { files: globs(object.files, 'files') };
  if (object.excludedFiles !== undefined) override.excludedFiles = globs(object.excludedFiles, 'excludedFiles');
  for (const key of ['extendSelect', 'ignore'] as const) {
    if (object[key] !== undefined) override[key] = stringList(object[key], [...path, key], fail, 'rule ids, aliases or categories');
  }
  if (object.rules !== undefined) override.rules = parseRules(object.rules, [...path, 'rules'], fail);
  return override;
}

const KEY_HINTS: Readonly<Record<string, string>> = Object.fromEntries([
  ...KEYS.map((key) => [key.toLowerCase(), key]),
  ['extend', 'extends'],
  ['ignored', 'ignore'],
  ['rule', 'rules'],
  ['plugin', 'plugins'],
  ['override', 'overrides'],
  ['threshold', 'failOn'],
  ['failon', 'failOn'],
  ['ignorepattern', 'ignorePatterns'],
  ['ignorefiles', 'ignorePatterns'],
  ['exclude', 'ignorePatterns'],
  ['nofail', 'noFail'],
]);

function checkKeys(object: Record<string, unknown>, allowed: readonly string[], path: readonly (string | number)[], where: string): void {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    const normalized = key.toLowerCase().replace(/[-_]/g, '');
    const lower = allowed.map((k) => k.toLowerCase());
    const near = closest(normalized, lower);
    const hint = allowed.find((k) => k.toLowerCase() === normalized) ?? (path.length === 0 ? KEY_HINTS[normalized] : undefined) ?? allowed[near === undefined ? -1 : lower.indexOf(near)];
    const allowedList = allowed.filter((k) => k !== '$schema').join(', ');
    throw new ConfigError(`${where}: unknown key "${keyPath([...path, key])}"${hint ? `; did you mean "${hint}"?` : ''} (allowed: ${allowedList})`);
  }
}

function parseRules(value: unknown, path: readonly (string | number)[], fail: Fail): Record<string, RuleSetting> {
  const example = 'like {"merge-run": "off", "npm-ci": "error"}';
  if (!isObject(value)) fail(path, `must be an object, ${example}`);
  const levels: readonly string[] = ['off', ...SEVERITIES];
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    const [level, options, extra] = Array.isArray(setting) ? setting : [setting];
    const validLevel = typeof level === 'string' && levels.includes(level);
    const validOptions = options === undefined || isObject(options);
    if (!validLevel || !validOptions || extra !== undefined || (Array.isArray(setting) && setting.length === 0)) {
      const at = Array.isArray(setting) && validLevel && !validOptions ? [...path, id, 1] : [...path, id];
      fail(at, `must be one of ${levels.map((l) => `"${l}"`).join(', ')} or [severity, {options}], ${example}`);
    }
    rules[id] = setting as RuleSetting;
  }
  return rules;
}

function stringList(value: unknown, path: readonly (string | number)[], fail: Fail, what: string): string[] {
  if (!Array.isArray(value)) fail(path, `must be an array of ${what}`);
  (value as unknown[]).forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') fail([...path, i], `must be a non-empty string (${what})`);
  });
  return value as string[];
}

function boolean(value: unknown, path: readonly (string | number)[], fail: Fail): boolean {
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value as boolean;
}

function severity(value: unknown, path: readonly (string | number)[], fail: Fail, what = `one of ${SEVERITIES.join(', ')}`): Severity {
  if (typeof value !== 'string' || !(SEVERITIES as readonly string[]).includes(value)) fail(path, `must be ${what}`);
  return value as Severity;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
