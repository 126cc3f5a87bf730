import { isAbsolute, join, relative, resolve } from 'node:path';
import type { FailOn } from './fail-on.js';
import {
  ConfigError,
  createConfigResolver,
  DEFAULT_MAX_FILE_SIZE,
  RuleIndex,
  UNUSED_PRAGMA_RULE,
  type Config,
  type ConfigResolver,
  type FileConfig,
  type Linter,
  type Rule,
  SEVERITIES,
  type RuleSetting,
  type Severity,
} from '@dockfix/core';

/** Rule selection and limits as given on the command line (all optional). */
export interface CliSettings {
  /** `--config PATH`: this file for every Dockerfile, no search. */
  readonly configPath?: string | undefined;
  /** `--no-config`: no config file at all (neither dockfix's nor hadolint's). */
  readonly noConfig?: boolean | undefined;
  /** `--no-config-lookup`: search for no config file; only `--config`, if given, applies. */
  readonly noConfigLookup?: boolean | undefined;
  readonly select?: readonly string[] | undefined;
  readonly extendSelect?: readonly string[] | undefined;
  readonly ignore?: readonly string[] | undefined;
  /** `--fail-on` (alias `--failure-threshold`, `-t`). */
  readonly failOn?: FailOn | undefined;
  /** `--error`/`--warning`/`--info`/`--style`: severities that win over every config file's. */
  readonly severityOverrides?: SeverityOverrides | undefined;
  /** `--max-warnings`: given alone, it makes only errors fail through the threshold. */
  readonly maxWarnings?: number | undefined;
  readonly maxFileSize?: number | undefined;
  /** `--report-unused-pragmas`. */
  readonly reportUnusedPragmas?: boolean | undefined;
}

export { FAIL_ON_VALUES, type FailOn } from './fail-on.js';

/** `--error DL3008 --warning npm-ci`: rules (ids or aliases) to report at another severity, as hadolint's flags do. */
export type SeverityOverrides = Partial<Readonly<Record<Severity, readonly string[]>>>;

/** Everything a run needs to know about one file besides its text. */
export interface Settings {
  readonly config: Config;
  /** The built-in rules plus the plugins the file's config loads. */
  readonly linter: Linter;
  /**
   * Lowest severity that fails the run for this file: `--fail-on`, else the config's `failOn`/`failureThreshold`,
   * else `style` (any problem); `error` when only `--max-warnings` is given.
   */
  readonly failOn: FailOn;
  /** Exit 0 whatever is found (`noFail` / hadolint's `no-fail`). */
  readonly noFail: boolean;
  readonly maxFileSize: number;
  /** `fix.unsafe` in the config. */
  readonly unsafeFixes: boolean;
  /** The config file used, as shown in messages; null when there is none. */
  readonly configFile: string | null;
  /** `ignorePatterns` exclude the file. */
  readonly ignored: boolean;
  readonly warnings: readonly string[];
  /** What configuration says, before the command line (for `print-config`). */
  readonly fileConfig: FileConfig;
}

/**
 * Resolves the settings of each file: its config (searched up from the file's directory, see
 * core's createConfigResolver) combined with the command line, Ruff-style: `--select` replaces the
 * file's selection (`select`, `extendSelect`, `ignore`), while `--extend-select` and `--ignore` add
 * to it. The file's `rules` severities and options still apply, but only to rules the command line
 * selected. Every method throws ConfigError (naming the file and key, or the flag) for anything unusable.
 */
export class SettingsResolver {
  private readonly resolver: ConfigResolver;
  private readonly cache = new Map<FileConfig, Settings>();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(private readonly cli: CliSettings, private readonly cwd: string, rules: readonly Rule<any>[]) {
    if (cli.noConfig && cli.configPath !== undefined) throw new ConfigError('--no-config and --config contradict each other; give one of them');
    this.resolver = createConfigResolver({
      rules,
      cwd,
      ...(cli.configPath !== undefined && !cli.noConfig ? { configFile: cli.configPath } : {}),
      lookup: !cli.noConfig && !cli.noConfigLookup,
    });
  }

  /** Settings for a Dockerfile path (need not exist), or for standard input when `path` is null. */
  async forPath(path: string | null): Promise<Settings> {
    const fileConfig = await this.resolver.forFile(path === null ? join(this.cwd, '-') : resolve(this.cwd, path));
    let settings = this.cache.get(fileConfig);
    if (!settings) {
      settings = this.combine(fileConfig);
      this.cache.set(fileConfig, settings);
    }
    return settings;
  }

  private combine(fileConfig: FileConfig): Settings {
    const { cli } = this;
    const file = fileConfig.config;
    const linter = fileConfig.linter;
    const fileName = fileConfig.configFile ? displayPath(fileConfig.configFile, this.cwd) : null;
    const index = new RuleIndex(linter.rules);
    const rulesOf = (selectors: readonly string[] | undefined, where: string) => new Set(selectors?.flatMap((s) => index.resolve(s, where)) ?? []);
    const cliSelected = rulesOf(cli.select, '--select');
    const cliExtended = rulesOf(cli.extendSelect, '--extend-select');
    rulesOf(cli.ignore, '--ignore');

    const replace = cli.select !== undefined;
    const rules: Record<string, RuleSetting> = {};
    for (const [key, setting] of Object.entries(file.rules ?? {})) {
      const off = (typeof setting === 'string' ? setting : setting[0]) === 'off';
      const code = index.codeOf(key);
      for (const rule of index.resolve(key, `${fileName ?? 'config'} ("rules")`)) {
        if (replace && !cliSelected.has(rule) && !cliExtended.has(rule)) continue;
        // A code (`SC2086`) keeps its own key: it sets that code of its rule, not the whole rule.
        if (code) {
          delete rules[key];
          rules[key] = setting;
          continue;
        }
        // A rule the command line asks for wins over the file turning it off.
        if (off && (cliExtended.has(rule) || cliSelected.has(rule))) continue;
        delete rules[rule.meta.id];
        rules[rule.meta.id] = setting;
      }
    }
    // Command-line severities win over the file's; like a `rules` entry they also turn the rule on.
    for (const severity of SEVERITIES) {
      for (const selector of cli.severityOverrides?.[severity] ?? []) {
        // `--error SC2086` re-levels that code alone, as `rules: { SC2086: "error" }` does.
        const code = index.codeOf(selector);
        if (code) {
          rules[code.code] = severity;
          continue;
        }
        for (const rule of index.resolve(selector, `--${severity}`)) {
          const current = rules[rule.meta.id];
          rules[rule.meta.id] = typeof current === 'object' && current[1] ? [severity, current[1]] : severity;
        }
      }
    }
    if (cli.reportUnusedPragmas && linter.rules.some((rule) => rule.meta.id === UNUSED_PRAGMA_RULE)) {
      const current = rules[UNUSED_PRAGMA_RULE];
      if (current === undefined || (typeof current === 'string' ? current : current[0]) === 'off') rules[UNUSED_PRAGMA_RULE] = 'warning';
    }

    const config: Config = {
      ...(replace ? { select: cli.select } : file.select ? { select: file.select } : {}),
      extendSelect: [...(replace ? [] : (file.extendSelect ?? [])), ...(cli.extendSelect ?? [])],
      ignore: [...(replace ? [] : (file.ignore ?? [])), ...(cli.ignore ?? [])],
      rules,
      ...(file.fixable ? { fixable: file.fixable } : {}),
      ...(file.unfixable ? { unfixable: file.unfixable } : {}),
      ...(file.disableIgnorePragma ? { disableIgnorePragma: true } : {}),
    };
    try {
      linter.resolve(config);
    } catch (error) {
      if (error instanceof ConfigError && fileName && !error.message.startsWith(fileName)) throw new ConfigError(`${fileName}: ${error.message}`);
      throw error;
    }
    return {
      config,
      linter,
      failOn: cli.failOn ?? fileConfig.failOn ?? (cli.maxWarnings !== undefined ? 'error' : 'style'),
      noFail: fileConfig.noFail === true,
      maxFileSize: cli.maxFileSize ?? fileConfig.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      unsafeFixes: fileConfig.unsafeFixes === true,
      configFile: fileName,
      ignored: fileConfig.ignored,
      warnings: fileConfig.warnings,
      fileConfig,
    };
  }
}

function displayPath(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
}
