import { isAbsolute, relative } from 'node:path';
import {
  ConfigError,
  DEFAULT_MAX_FILE_SIZE,
  loadConfig,
  RuleIndex,
  type Config,
  type Linter,
  type RuleSetting,
  type Severity,
} from '@dockfix/core';

/** Rule selection and limits as given on the command line (all optional). */
export interface CliSettings {
  readonly configPath?: string | undefined;
  readonly select?: readonly string[] | undefined;
  readonly extendSelect?: readonly string[] | undefined;
  readonly ignore?: readonly string[] | undefined;
  readonly failureThreshold?: Severity | undefined;
  readonly maxFileSize?: number | undefined;
}

/** Everything a run needs to know besides the files. */
export interface Settings {
  readonly config: Config;
  readonly failureThreshold: Severity;
  readonly maxFileSize: number;
  /** The config file used, as shown in messages; null when there is none. */
  readonly configFile: string | null;
}

/**
 * Combines the config file (`--config`, else the nearest `.dockfix.json`/`dockfix.config.json`
 * above `cwd`) with the command line, Ruff-style: `--select` replaces the file's selection
 * (`select`, `extendSelect`, `ignore`), while `--extend-select` and `--ignore` add to it. The
 * file's `rules` severities and options still apply, but only to rules the command line selected.
 * Throws ConfigError (naming the file or flag) for anything unknown or malformed.
 */
export function resolveSettings(cli: CliSettings, cwd: string, linter: Linter): Settings {
  const loaded = loadConfig(cli.configPath ?? cwd);
  const file = loaded?.config ?? {};
  const fileName = loaded ? displayPath(loaded.filePath, cwd) : null;
  const index = new RuleIndex(linter.rules);
  const rulesOf = (selectors: readonly string[] | undefined, where: string) => new Set(selectors?.flatMap((s) => index.resolve(s, where)) ?? []);

  // Resolve every list once where it came from, so an unknown id names the flag or the file key.
  rulesOf(file.select, `${fileName} ("select")`);
  rulesOf(file.extendSelect, `${fileName} ("extendSelect")`);
  rulesOf(file.ignore, `${fileName} ("ignore")`);
  const cliSelected = rulesOf(cli.select, '--select');
  const cliExtended = rulesOf(cli.extendSelect, '--extend-select');
  rulesOf(cli.ignore, '--ignore');

  const replace = cli.select !== undefined;
  const rules: Record<string, RuleSetting> = {};
  for (const [key, setting] of Object.entries(file.rules ?? {})) {
    const off = (typeof setting === 'string' ? setting : setting[0]) === 'off';
    const code = index.codeOf(key);
    for (const rule of index.resolve(key, `${fileName} ("rules")`)) {
      if (replace && !cliSelected.has(rule) && !cliExtended.has(rule)) continue;
      // A code (`SC2086`) keeps its own key: it sets that code of its rule, not the whole rule.
      if (code) {
        rules[key] = setting;
        continue;
      }
      // A rule the command line asks for wins over the file turning it off.
      if (off && (cliExtended.has(rule) || cliSelected.has(rule))) continue;
      rules[rule.meta.id] = setting;
    }
  }

  const config: Config = {
    ...(replace ? { select: cli.select } : file.select ? { select: file.select } : {}),
    extendSelect: [...(replace ? [] : (file.extendSelect ?? [])), ...(cli.extendSelect ?? [])],
    ignore: [...(replace ? [] : (file.ignore ?? [])), ...(cli.ignore ?? [])],
    rules,
  };
  try {
    linter.resolve(config);
  } catch (error) {
    if (error instanceof ConfigError && fileName && !error.message.startsWith(fileName)) throw new ConfigError(`${fileName}: ${error.message}`);
    throw error;
  }
  return {
    config,
    failureThreshold: cli.failureThreshold ?? file.failureThreshold ?? 'style',
    maxFileSize: cli.maxFileSize ?? file.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    configFile: fileName,
  };
}

function displayPath(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
}
