import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, type Config, type RuleSetting } from './config.js';
import { SEVERITIES, type Severity } from './diagnostic.js';

/** Config file names, in the order they are looked for in each directory. */
export const CONFIG_FILE_NAMES = ['.dockfix.json', 'dockfix.config.json'] as const;

/** The contents of a config file: the rule configuration plus settings for the command line. */
export interface ConfigFile extends Config {
  /** Lowest severity that makes `dockfix lint` exit 1 (hadolint's `failure-threshold`). */
  readonly failureThreshold?: Severity;
  /** Largest file, in bytes, that is read as a Dockerfile. */
  readonly maxFileSize?: number;
}

/** A config file that was found and read. */
export interface LoadedConfig {
  /** Absolute path of the file. */
  readonly filePath: string;
  readonly config: ConfigFile;
}

const KEYS = ['$schema', 'select', 'extendSelect', 'ignore', 'rules', 'failureThreshold', 'maxFileSize'] as const;

/**
 * Loads the configuration for a run. Given a file, reads it; given a directory (default: the
 * current one), looks there and in each parent for `.dockfix.json` or `dockfix.config.json`,
 * stopping after the filesystem root or a directory holding `.git`. Returns null when there is none.
 * Throws {@link ConfigError} naming the file when it is missing, not JSON, or of the wrong shape.
 */
export function loadConfig(from: string = process.cwd()): LoadedConfig | null {
  const path = resolve(from);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new ConfigError(`${from}: config file not found; check the path`);
  }
  if (!isDirectory) return readConfigFile(path);
  const found = findConfigFile(path);
  return found ? readConfigFile(found) : null;
}

/** The nearest config file at or above `directory`, or null; the search stops at a `.git` directory or the root. */
export function findConfigFile(directory: string): string | null {
  for (let current = resolve(directory); ; current = dirname(current)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(current, name);
      if (isFile(candidate)) return candidate;
    }
    if (existsSync(join(current, '.git')) || dirname(current) === current) return null;
  }
}

/** Reads and validates one config file. Throws {@link ConfigError} naming the file. */
export function readConfigFile(filePath: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'not found; check the path' : code === 'EACCES' ? 'permission denied; check its permissions' : (error as Error).message;
    throw new ConfigError(`${filePath}: cannot read config file: ${reason}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${filePath}: config file is not valid JSON (${(error as Error).message}); fix the syntax`);
  }
  return { filePath, config: parseConfigFile(data, filePath) };
}

/** Checks the shape of parsed config JSON; `where` names the file in error messages. */
export function parseConfigFile(data: unknown, where: string): ConfigFile {
  const fail = (message: string): never => {
    throw new ConfigError(`${where}: ${message}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('the config must be a JSON object, like {"ignore": ["merge-run"]}');
  const object = data as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      const hint = KEY_HINTS[key.toLowerCase().replace(/[-_]/g, '')];
      fail(`unknown key "${key}"${hint ? `; did you mean "${hint}"?` : ''} (allowed: ${KEYS.filter((k) => k !== '$schema').join(', ')})`);
    }
  }
  const config: { -readonly [K in keyof ConfigFile]: ConfigFile[K] } = {};
  for (const key of ['select', 'extendSelect', 'ignore'] as const) {
    const value = object[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      fail(`"${key}" must be an array of rule ids, aliases or categories, like ["merge-run", "DL3002"]`);
    }
    config[key] = value as string[];
  }
  if (object.rules !== undefined) config.rules = parseRules(object.rules, fail);
  if (object.failureThreshold !== undefined) {
    const value = object.failureThreshold;
    if (typeof value !== 'string' || !(SEVERITIES as readonly string[]).includes(value)) {
      fail(`"failureThreshold" must be one of ${SEVERITIES.join(', ')}`);
    }
    config.failureThreshold = value as Severity;
  }
  if (object.maxFileSize !== undefined) {
    const value = object.maxFileSize;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) fail('"maxFileSize" must be a positive number of bytes');
    config.maxFileSize = value as number;
  }
  return config;
}

const KEY_HINTS: Readonly<Record<string, string>> = Object.fromEntries(
  [...KEYS.map((key) => [key.toLowerCase(), key]), ['extend', 'extendSelect'], ['ignored', 'ignore'], ['rule', 'rules'], ['threshold', 'failureThreshold']],
);

function parseRules(value: unknown, fail: (message: string) => never): Record<string, RuleSetting> {
  const example = 'like {"merge-run": "off", "npm-ci": "error"}';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`"rules" must be an object, ${example}`);
  const levels: readonly string[] = ['off', ...SEVERITIES];
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    const [level, options, extra] = Array.isArray(setting) ? setting : [setting];
    const validLevel = typeof level === 'string' && levels.includes(level);
    const validOptions = options === undefined || (typeof options === 'object' && options !== null && !Array.isArray(options));
    if (!validLevel || !validOptions || extra !== undefined || (Array.isArray(setting) && setting.length === 0)) {
      fail(`rule "${id}" must be one of ${levels.map((l) => `"${l}"`).join(', ')} or [severity, {options}], ${example}`);
    }
    rules[id] = setting as RuleSetting;
  }
  return rules;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
