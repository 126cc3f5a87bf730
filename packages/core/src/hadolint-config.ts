import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config.js';
import { SEVERITIES, type Severity } from './diagnostic.js';
import { parseYamlDocument } from './yaml.js';

/**
 * hadolint's configuration in its own terms, after checking value types. Rule codes stay as written
 * (`DL3008`); the resolver maps them onto dockfix rules by alias.
 */
export interface HadolintSettings {
  readonly ignored?: readonly string[];
  readonly override?: Partial<Readonly<Record<Severity, readonly string[]>>>;
  readonly trustedRegistries?: readonly string[];
  readonly labelSchema?: Readonly<Record<string, string>>;
  readonly strictLabels?: boolean;
  /** `none`/`ignore` become `noFail`. */
  readonly failureThreshold?: Severity;
  readonly noFail?: boolean;
  readonly disableIgnorePragma?: boolean;
}

/** A hadolint config that was found and read, with warnings about keys dockfix does not use. */
export interface LoadedHadolintConfig {
  readonly filePath: string;
  readonly settings: HadolintSettings;
  readonly warnings: readonly string[];
}

/**
 * Where hadolint looks, in its order (hadolint's src/Hadolint/Config/Configfile.hs): `.hadolint.yaml`
 * and `.hadolint.yml` in the current directory, then `hadolint.y{a,}ml` in the XDG config directory,
 * then `~/.hadolint/{hadolint,config}.y{a,}ml`, then `~/.hadolint.y{a,}ml`. The first file found wins.
 */
export function hadolintConfigCandidates(cwd: string, env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const home = env.HOME ?? homedir();
  const xdg = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(home, '.config');
  return [
    join(cwd, '.hadolint.yaml'),
    join(cwd, '.hadolint.yml'),
    join(xdg, 'hadolint.yaml'),
    join(xdg, 'hadolint.yml'),
    ...['hadolint.yaml', 'hadolint.yml', 'config.yaml', 'config.yml'].map((name) => join(home, '.hadolint', name)),
    join(home, '.hadolint.yaml'),
    join(home, '.hadolint.yml'),
  ];
}

/** The first hadolint config file hadolint itself would use, or null. */
export function findHadolintConfig(cwd: string, env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  return hadolintConfigCandidates(cwd, env).find((path) => existsSync(path)) ?? null;
}

// Keys hadolint knows that only change its own output; dockfix has flags for them.
const OUTPUT_KEYS: Readonly<Record<string, string>> = { format: '--format', 'no-color': '--no-color', verbose: 'nothing (dockfix has no verbose mode)' };
const KEYS = ['ignored', 'override', 'trustedRegistries', 'label-schema', 'strict-labels', 'failure-threshold', 'no-fail', 'disable-ignore-pragma'];

/** Reads a `.hadolint.yaml`. Throws {@link ConfigError} (naming the file and key) for bad syntax or value types. */
export function readHadolintConfig(filePath: string, displayName: string = filePath): LoadedHadolintConfig {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new ConfigError(`${displayName}: cannot read the hadolint config: ${(error as Error).message}`);
  }
  const document = parseYamlDocument(text.replace(/^\uFEFF/, ''));
  const error = document.errors[0];
  if (error) {
    const at = error.linePos?.[0] ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
    throw new ConfigError(`${displayName}: hadolint config is not valid YAML${at} (${error.message.split('\n')[0] ?? ''}); fix the syntax`);
  }
  const data = (document.toJS() as unknown) ?? {};
  const warnings: string[] = [];
  const settings = parseHadolintSettings(data, displayName, warnings);
  return { filePath, settings, warnings };
}

/** Checks a parsed hadolint config; unknown keys become warnings, wrong value types a ConfigError. */
export function parseHadolintSettings(data: unknown, where: string, warnings: string[]): HadolintSettings {
  const fail = (key: string, message: string): never => {
    throw new ConfigError(`${where}: ${key} ${message}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('(top level)', 'must be a mapping, like "ignored: [DL3008]"');
  const object = data as Record<string, unknown>;
  const out: { -readonly [K in keyof HadolintSettings]: HadolintSettings[K] } = {};
  for (const [key, value] of Object.entries(object)) {
    if (OUTPUT_KEYS[key]) {
      warnings.push(`${where}: "${key}" is not read by dockfix; use ${OUTPUT_KEYS[key]}`);
      continue;
    }
    if (!KEYS.includes(key)) {
      warnings.push(`${where}: unknown key "${key}" ignored (hadolint keys: ${KEYS.join(', ')})`);
      continue;
    }
    switch (key) {
      case 'ignored':
        out.ignored = codes(value, key, fail);
        break;
      case 'override': {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(key, 'must be a mapping of severities to rule codes, like "error: [DL3008]"');
        const override: Partial<Record<Severity, readonly string[]>> = {};
        for (const [level, list] of Object.entries(value as Record<string, unknown>)) {
          if (!(SEVERITIES as readonly string[]).includes(level)) {
            warnings.push(`${where}: unknown key "override.${level}" ignored (severities: ${SEVERITIES.join(', ')})`);
            continue;
          }
          override[level as Severity] = codes(list, `override.${level}`, fail);
        }
        out.override = override;
        break;
      }
      case 'trustedRegistries':
        out.trustedRegistries = typeof value === 'string' ? [value] : codes(value, key, fail);
        break;
      case 'label-schema': {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(key, 'must be a mapping of label names to types, like "maintainer: text"');
        for (const [label, type] of Object.entries(value as Record<string, unknown>)) {
          if (typeof type !== 'string') fail(`label-schema.${label}`, 'must be a type name (text, url, semver, hash, rfc3339, spdx, email)');
        }
        out.labelSchema = value as Record<string, string>;
        break;
      }
      case 'strict-labels':
        out.strictLabels = flag(value, key, fail);
        break;
      case 'no-fail':
        out.noFail = flag(value, key, fail);
        break;
      case 'disable-ignore-pragma':
        out.disableIgnorePragma = flag(value, key, fail);
        break;
      case 'failure-threshold': {
        if (value === 'none' || value === 'ignore') out.noFail = true;
        else if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) out.failureThreshold = value as Severity;
        else fail(key, `must be one of ${SEVERITIES.join(', ')}, none`);
        break;
      }
    }
  }
  return out;
}

const TRUE = new Set(['1', 'y', 'yes', 'true', 'on']);
const FALSE = new Set(['0', 'n', 'no', 'false', 'off', '']);

/**
 * hadolint's environment variables (`HADOLINT_IGNORE`, `HADOLINT_OVERRIDE_ERROR`, …) as settings,
 * or null when none is set. hadolint lets them win over its config file; so does dockfix.
 */
export function hadolintEnvSettings(env: Readonly<Record<string, string | undefined>> = process.env): HadolintSettings | null {
  const out: { -readonly [K in keyof HadolintSettings]: HadolintSettings[K] } = {};
  const list = (name: string) => env[name]?.split(',').map((item) => item.trim()).filter(Boolean);
  const bool = (name: string) => {
    const value = env[name]?.trim().toLowerCase();
    if (value === undefined) return undefined;
    if (TRUE.has(value)) return true;
    if (FALSE.has(value)) return false;
    throw new ConfigError(`${name}: "${env[name] ?? ''}" is not a boolean; use true or false`);
  };
  const ignored = list('HADOLINT_IGNORE');
  if (ignored) out.ignored = ignored;
  const override: Partial<Record<Severity, readonly string[]>> = {};
  for (const level of SEVERITIES) {
    const codes = list(`HADOLINT_OVERRIDE_${level.toUpperCase()}`);
    if (codes) override[level] = codes;
  }
  if (Object.keys(override).length > 0) out.override = override;
  const registries = list('HADOLINT_TRUSTED_REGISTRIES');
  if (registries) out.trustedRegistries = registries;
  const labels = list('HADOLINT_REQUIRE_LABELS');
  if (labels) out.labelSchema = Object.fromEntries(labels.map((entry) => entry.split(':').map((part) => part.trim()) as [string, string]));
  const strict = bool('HADOLINT_STRICT_LABELS');
  if (strict !== undefined) out.strictLabels = strict;
  const noFail = bool('HADOLINT_NOFAIL');
  if (noFail !== undefined) out.noFail = noFail;
  const disable = bool('HADOLINT_DISABLE_IGNORE_PRAGMA');
  if (disable !== undefined) out.disableIgnorePragma = disable;
  const threshold = env.HADOLINT_FAILURE_THRESHOLD?.trim();
  if (threshold) {
    if (threshold === 'none' || threshold === 'ignore') out.noFail = true;
    else if ((SEVERITIES as readonly string[]).includes(threshold)) out.failureThreshold = threshold as Severity;
    else throw new ConfigError(`HADOLINT_FAILURE_THRESHOLD: "${threshold}" must be one of ${SEVERITIES.join(', ')}, none`);
  }
  return Object.keys(out).length > 0 ? out : null;
}

function codes(value: unknown, key: string, fail: (key: string, message: string) => never): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' || typeof item === 'number')) fail(key, 'must be a list, like [DL3008, SC2086]');
  return (value as (string | number)[]).map(String);
}

function flag(value: unknown, key: string, fail: (key: string, message: string) => never): boolean {
  if (typeof value !== 'boolean') fail(key, 'must be true or false');
  return value as boolean;
}
