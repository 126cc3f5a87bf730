import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { ConfigError, RuleIndex, type Config, type RuleSetting } from './config.js';
import { clearConfigCaches, findConfigFile, keyPath, readConfigFile, type ConfigFile, type ConfigOverride } from './config-file.js';
import { loadPlugin, resolveModule, type LoadedPlugin } from './config-modules.js';
import type { Severity } from './diagnostic.js';
import { findHadolintConfig, hadolintEnvSettings, readHadolintConfig, type HadolintSettings } from './hadolint-config.js';
import { createLinter, UNUSED_PRAGMA_RULE, type Linter } from './linter.js';
import { ruleAliases, type Rule, type RuleOption } from './rule.js';

/** How a {@link ConfigResolver} finds configuration. */
export interface ConfigResolverOptions {
  /** The built-in rules (plugins add theirs). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly rules: readonly Rule<any>[];
  /** For hadolint's config search (it looks in the current directory) and for paths in messages. */
  readonly cwd?: string;
  /** Use this config file for every file, with no search (`--config`). */
  readonly configFile?: string;
  /** False: search for no config file (`--no-config-lookup`, `--no-config`); only `configFile`, if given, applies. */
  readonly lookup?: boolean;
  /** For HADOLINT_* variables and the home directory of hadolint's config search. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Where a file's configuration came from. */
export type ConfigSource = 'dockfix' | 'hadolint' | 'none';

/** Everything configuration decides for one Dockerfile. */
export interface FileConfig {
  /** The config file that applies (absolute), or null. For `hadolint`, the `.hadolint.yaml` (null when only HADOLINT_* variables are set). */
  readonly configFile: string | null;
  readonly source: ConfigSource;
  /** What to pass as `config` to `lint`/`fix` of {@link linter}: extends, overrides and presets applied. */
  readonly config: Config;
  /** The built-in rules plus the plugins' rules this config loads. */
  readonly linter: Linter;
  /** Namespaces of the plugins loaded (`acme` for `dockfix-plugin-acme`). */
  readonly plugins: readonly string[];
  /** The plugins' entry files (absolute), in the order of {@link plugins}: what the CLI's `--cache` fingerprints. */
  readonly pluginFiles: readonly string[];
  /** True when `ignorePatterns` exclude the file. */
  readonly ignored: boolean;
  readonly failOn?: Severity;
  readonly noFail?: boolean;
  readonly maxFileSize?: number;
  /** `fix.unsafe`: apply unsafe fixes in `dockfix fix` without `--unsafe`. */
  readonly unsafeFixes?: boolean;
  /** Things worth telling the user that do not stop the run (unknown hadolint keys). */
  readonly warnings: readonly string[];
}

/** Finds, loads, validates and caches configuration per file. */
export interface ConfigResolver {
  /** The configuration for a Dockerfile at `filePath` (which need not exist: an unsaved buffer, `--stdin-filename`). */
  forFile(filePath: string): Promise<FileConfig>;
  /** Forgets every file read, so the next request reads them again. */
  clear(): void;
}

/** The built-in configs `extends` accepts. */
export const BUILTIN_CONFIGS = ['dockfix:recommended', 'dockfix:all', 'dockfix:strict'] as const;

/** One config in an `extends` chain, in the order it applies. */
interface Layer {
  /** The directory its globs are relative to. */
  readonly dir: string;
  /** As shown in messages. */
  readonly where: string;
  readonly data: ConfigFile;
  /** `dockfix:recommended`: back to the default rule set. */
  readonly resetSelect?: boolean;
  /** `dockfix:strict`: rules that warn by default report errors. */
  readonly raiseWarnings?: boolean;
}

interface Chain {
  readonly configFile: string | null;
  readonly source: ConfigSource;
  readonly layers: readonly Layer[];
  readonly linter: Linter;
  readonly plugins: readonly LoadedPlugin[];
  readonly warnings: readonly string[];
  /** Effective configs by the set of overrides that match, so equal files share one Config object (the linter caches per object). */
  readonly effective: Map<string, FileConfig>;
}

const PRESETS: Readonly<Record<(typeof BUILTIN_CONFIGS)[number], Omit<Layer, 'dir' | 'where'>>> = {
  // The rules that are not opt-in, at their default severities: what runs with no config at all.
  'dockfix:recommended': { data: {}, resetSelect: true },
  // Every rule, opt-in ones too.
  'dockfix:all': { data: { select: ['ALL'] } },
  // Every rule, warnings raised to errors, and pragmas that silence nothing reported.
  'dockfix:strict': { data: { select: ['ALL'], reportUnusedPragmas: true }, raiseWarnings: true },
};

/** Creates a resolver: config per file, searched up from each file's directory, as ESLint and Ruff do. */
export function createConfigResolver(options: ConfigResolverOptions): ConfigResolver {
  const cwd = resolve(options.cwd ?? process.cwd());
  const env = options.env ?? process.env;
  const lookup = options.lookup !== false;
  const display = (path: string) => {
    const fromCwd = relative(cwd, path);
    return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
  };
  const linters = new Map<string, Linter>();
  const chains = new Map<string, Promise<Chain>>();
  const baseLinter = linterFor([]);
  let hadolintChain: Promise<Chain> | undefined;

  function linterFor(plugins: readonly LoadedPlugin[]): Linter {
    const key = plugins.map((plugin) => plugin.path).join('\0');
    let linter = linters.get(key);
    if (!linter) {
      linter = createLinter({ rules: [...options.rules, ...plugins.flatMap((plugin) => plugin.rules)] });
      linters.set(key, linter);
    }
    return linter;
  }

  /** The layers of a config file: what it extends (depth first), then itself. */
  async function layersOf(filePath: string, stack: readonly string[]): Promise<{ layers: Layer[]; plugins: LoadedPlugin[] }> {
    const where = display(filePath);
    if (stack.includes(filePath)) throw new ConfigError(`${where}: extends itself through ${[...stack, filePath].map(display).join(' → ')}`);
    const { config } = await readConfigFile(filePath, where);
    const dir = dirname(filePath);
    const layers: Layer[] = [];
    const plugins: LoadedPlugin[] = [];
    for (const [i, name] of (config.extends ?? []).entries()) {
      const at = `${where}: ${keyPath(['extends', i])}`;
      if (name.startsWith('dockfix:')) {
        const preset = PRESETS[name as keyof typeof PRESETS];
        if (!preset) throw new ConfigError(`${at}: unknown built-in config "${name}" (built-in: ${BUILTIN_CONFIGS.join(', ')})`);
        layers.push({ ...preset, dir, where: name });
        continue;
      }
      const inner = await layersOf(resolveModule(name, dir, at), [...stack, filePath]);
      layers.push(...inner.layers);
      plugins.push(...inner.plugins);
    }
    for (const [i, name] of (config.plugins ?? []).entries()) plugins.push(await loadPlugin(name, dir, `${where}: ${keyPath(['plugins', i])}`));
    layers.push({ dir, where, data: config });
    return { layers, plugins };
  }

  function chainFor(filePath: string): Promise<Chain> {
    let chain = chains.get(filePath);
    if (!chain) {
      chain = (async () => {
        const { layers, plugins } = await layersOf(filePath, []);
        const unique = [...new Map(plugins.map((plugin) => [plugin.path, plugin])).values()];
        const names = new Map<string, string>();
        for (const plugin of unique) {
          const other = names.get(plugin.name);
          if (other) throw new ConfigError(`${display(filePath)}: plugins ${other} and ${plugin.path} both use the namespace "${plugin.name}"`);
          names.set(plugin.name, plugin.path);
        }
        const linter = linterFor(unique);
        for (const layer of layers) validateLayer(layer, linter);
        return { configFile: filePath, source: 'dockfix' as const, layers, linter, plugins: unique, warnings: [], effective: new Map() };
      })();
      chains.set(filePath, chain);
      // A failed load is not cached: the user fixes the file and tries again (the language server).
      chain.catch(() => chains.delete(filePath));
    }
    return chain;
  }

  function hadolint(): Promise<Chain> {
    hadolintChain ??= (async () => {
      const found = findHadolintConfig(cwd, env);
      const warnings: string[] = [];
      const layers: Layer[] = [];
      const index = new RuleIndex(baseLinter.rules);
      if (found) {
        const loaded = readHadolintConfig(found, display(found));
        warnings.push(...loaded.warnings);
        layers.push({ dir: cwd, where: display(found), data: fromHadolint(loaded.settings, index, display(found), warnings) });
      }
      const fromEnv = hadolintEnvSettings(env);
      if (fromEnv) layers.push({ dir: cwd, where: 'HADOLINT_* environment variables', data: fromHadolint(fromEnv, index, 'HADOLINT_* environment variables', warnings) });
      for (const layer of layers) validateLayer(layer, baseLinter);
      const source: ConfigSource = layers.length > 0 ? 'hadolint' : 'none';
      return { configFile: found, source, layers, linter: baseLinter, plugins: [], warnings, effective: new Map() };
    })();
    return hadolintChain;
  }

  async function chainForFile(filePath: string): Promise<Chain> {
    if (options.configFile !== undefined) return chainFor(resolve(cwd, options.configFile));
    if (!lookup) return { configFile: null, source: 'none', layers: [], linter: baseLinter, plugins: [], warnings: [], effective: new Map() };
    let found: string | null;
    try {
      found = await findConfigFile(dirname(filePath));
    } catch (error) {
      // lilconfig loads what it finds while searching; name the file as the other messages do.
      const match = error instanceof ConfigError ? /^(.+?): /.exec(error.message) : null;
      if (match?.[1] && isAbsolute(match[1])) throw new ConfigError(`${display(match[1])}: ${error instanceof Error ? error.message.slice(match[0].length) : ''}`);
      throw error;
    }
    return found ? chainFor(found) : hadolint();
  }

  return {
    async forFile(filePath) {
      const absolute = resolve(cwd, filePath);
      const chain = await chainForFile(absolute);
      return effectiveFor(chain, absolute);
    },
    clear() {
      chains.clear();
      hadolintChain = undefined;
      clearConfigCaches();
    },
  };
}

/** Merges a chain's layers, and the overrides matching `filePath`, into what the linter takes. */
function effectiveFor(chain: Chain, filePath: string): FileConfig {
  const matches = (layer: Layer, globs: readonly string[] | undefined) => {
    if (!globs || globs.length === 0) return false;
    const rel = relative(layer.dir, filePath);
    if (rel.startsWith('..') || isAbsolute(rel)) return false;
    const posix = rel.split(sep).join('/');
    return globs.some((glob) => {
      const pattern = glob.replace(/^\.\//, '');
      // As in .gitignore: a glob without `/` matches the file name at any depth.
      return pattern.includes('/') ? picomatch(pattern, { dot: true })(posix) : picomatch(pattern, { dot: true })(posix.slice(posix.lastIndexOf('/') + 1));
    });
  };
  const applies = (layer: Layer, override: ConfigOverride) => matches(layer, override.files) && !matches(layer, override.excludedFiles);
  const matched = chain.layers.map((layer) => (layer.data.overrides ?? []).map((o) => (applies(layer, o) ? '1' : '0')).join('')).join('|');
  const ignored = chain.layers.some((layer) => matches(layer, layer.data.ignorePatterns));
  const key = `${matched}#${ignored ? 1 : 0}`;
  const cached = chain.effective.get(key);
  if (cached) return cached;

  let select: readonly string[] | undefined;
  let extendSelect: string[] = [];
  let ignore: string[] = [];
  const rules: Record<string, RuleSetting> = {};
  const setRule = (id: string, setting: RuleSetting) => {
    // Re-inserted, so that the latest setting is also the last one resolveConfig reads.
    delete rules[id];
    rules[id] = setting;
  };
  let fixable: readonly string[] | undefined;
  const unfixable: string[] = [];
  let failOn: Severity | undefined;
  let noFail: boolean | undefined;
  let maxFileSize: number | undefined;
  let unsafeFixes: boolean | undefined;
  let reportUnused: boolean | Severity | undefined;
  let disableIgnorePragma: boolean | undefined;
  for (const layer of chain.layers) {
    const data = layer.data;
    if (layer.resetSelect || data.select) {
      select = data.select;
      extendSelect = [];
      ignore = [];
    }
    if (layer.raiseWarnings) for (const rule of chain.linter.rules) if (rule.meta.severity === 'warning') setRule(rule.meta.id, 'error');
    extendSelect.push(...(data.extendSelect ?? []));
    ignore.push(...(data.ignore ?? []));
    for (const [id, setting] of Object.entries(data.rules ?? {})) setRule(id, setting);
    fixable = data.fix?.fixable ?? fixable;
    unfixable.push(...(data.fix?.unfixable ?? []));
    unsafeFixes = data.fix?.unsafe ?? unsafeFixes;
    failOn = data.failOn ?? data.failureThreshold ?? failOn;
    noFail = data.noFail ?? noFail;
    maxFileSize = data.maxFileSize ?? maxFileSize;
    reportUnused = data.reportUnusedPragmas ?? reportUnused;
    disableIgnorePragma = data.disableIgnorePragma ?? disableIgnorePragma;
    for (const override of data.overrides ?? []) {
      if (!applies(layer, override)) continue;
      extendSelect.push(...(override.extendSelect ?? []));
      ignore.push(...(override.ignore ?? []));
      for (const [id, setting] of Object.entries(override.rules ?? {})) setRule(id, setting);
    }
  }
  if (reportUnused !== undefined && chain.linter.rules.some((rule) => rule.meta.id === UNUSED_PRAGMA_RULE)) {
    setRule(UNUSED_PRAGMA_RULE, reportUnused === true ? 'warning' : reportUnused === false ? 'off' : reportUnused);
  }
  const config: Config = {
    ...(select ? { select } : {}),
    ...(extendSelect.length > 0 ? { extendSelect } : {}),
    ...(ignore.length > 0 ? { ignore } : {}),
    ...(Object.keys(rules).length > 0 ? { rules } : {}),
    ...(fixable ? { fixable } : {}),
    ...(unfixable.length > 0 ? { unfixable } : {}),
    ...(disableIgnorePragma ? { disableIgnorePragma } : {}),
  };
  try {
    chain.linter.resolve(config);
  } catch (error) {
    const where = chain.layers.at(-1)?.where;
    if (error instanceof ConfigError && where) throw new ConfigError(`${where}: ${error.message}`);
    throw error;
  }
  const result: FileConfig = {
    configFile: chain.configFile,
    source: chain.source,
    config,
    linter: chain.linter,
    plugins: chain.plugins.map((plugin) => plugin.name),
    pluginFiles: chain.plugins.map((plugin) => plugin.path),
    ignored,
    ...(failOn ? { failOn } : {}),
    ...(noFail !== undefined ? { noFail } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(unsafeFixes !== undefined ? { unsafeFixes } : {}),
    warnings: chain.warnings,
  };
  chain.effective.set(key, result);
  return result;
}

/** Checks every rule id, alias, category and option of a layer against the rules, naming the file and key path. */
function validateLayer(layer: Layer, linter: Linter): void {
  const index = new RuleIndex(linter.rules);
  const fail = (path: readonly (string | number)[], message: string): never => {
    throw new ConfigError(`${layer.where}: ${keyPath(path)} ${message}`);
  };
  const selectors = (list: readonly string[] | undefined, path: readonly (string | number)[]) =>
    list?.forEach((selector, i) => {
      try {
        index.resolve(selector, '');
      } catch {
        const near = index.suggest(selector);
        fail([...path, i], `names an unknown rule "${selector}"${near ? `; did you mean "${near}"?` : ''} (run \`dockfix rules\` to list them)`);
      }
    });
  const rules = (map: Readonly<Record<string, RuleSetting>> | undefined, path: readonly (string | number)[]) => {
    for (const [key, setting] of Object.entries(map ?? {})) {
      let found: readonly Rule<Record<string, unknown>>[];
      try {
        found = index.resolve(key, '');
      } catch {
        const near = index.suggest(key);
        fail([...path, key], `is an unknown rule${near ? `; did you mean "${near}"?` : ''} (run \`dockfix rules\` to list them)`);
      }
      const options = typeof setting === 'string' ? undefined : setting[1];
      if (!options) continue;
      for (const rule of found!) validateOptions(rule, options, [...path, key, 1], fail);
    }
  };
  const data = layer.data;
  selectors(data.select, ['select']);
  selectors(data.extendSelect, ['extendSelect']);
  selectors(data.ignore, ['ignore']);
  selectors(data.fix?.fixable, ['fix', 'fixable']);
  selectors(data.fix?.unfixable, ['fix', 'unfixable']);
  rules(data.rules, ['rules']);
  data.overrides?.forEach((override, i) => {
    selectors(override.extendSelect, ['overrides', i, 'extendSelect']);
    selectors(override.ignore, ['overrides', i, 'ignore']);
    rules(override.rules, ['overrides', i, 'rules']);
  });
}

/** Checks option values against a rule's `meta.options`: known names, and values of the declared type. */
export function validateOptions(
  rule: Rule<Record<string, unknown>>,
  options: Readonly<Record<string, unknown>>,
  path: readonly (string | number)[],
  fail: (path: readonly (string | number)[], message: string) => never,
): void {
  const declared = rule.meta.options ?? {};
  for (const [name, value] of Object.entries(options)) {
    const option: RuleOption | undefined = declared[name];
    if (!option) {
      const known = Object.keys(declared);
      fail([...path, name], `is not an option of "${rule.meta.id}" (${known.length > 0 ? `its options: ${known.join(', ')}` : 'it takes no options'})`);
    }
    const problem = typeProblem(option!.type, value);
    if (problem) fail([...path, name], `must be ${problem}`);
  }
}

/** What a value should have been, or null when it has the declared type. Types this version does not know are accepted. */
function typeProblem(type: string, value: unknown): string | null {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'true or false';
    case 'string':
      return typeof value === 'string' ? null : 'a string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'a number';
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? null : 'an array of strings';
    default:
      return null;
  }
}

/** Converts hadolint settings into a dockfix config (what `dockfix init` writes), with warnings for what does not carry over. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function hadolintToConfig(settings: HadolintSettings, rules: readonly Rule<any>[], where: string): { config: ConfigFile; warnings: string[] } {
  const warnings: string[] = [];
  const config = fromHadolint(settings, new RuleIndex(rules as readonly Rule<Record<string, unknown>>[]), where, warnings);
  return { config, warnings };
}

// hadolint pragmas and configs name codes dockfix may not implement (yet): those are not mistakes.
const FOREIGN_CODE = /^(?:DL|SC)\d{4}$/i;
const LABEL_RULES = Array.from({ length: 10 }, (_, i) => `DL${3049 + i}`);

/** Maps hadolint's settings onto dockfix rules by alias; codes dockfix lacks are skipped (others warned about). */
function fromHadolint(settings: HadolintSettings, index: RuleIndex, where: string, warnings: string[]): ConfigFile {
  const known = (code: string, key: string) => {
    if (index.hasRule(code)) return true;
    if (!FOREIGN_CODE.test(code)) warnings.push(`${where}: ${key}: unknown rule "${code}" ignored`);
    return false;
  };
  const settingsById = new Map<string, { severity?: Severity; options: Record<string, unknown> }>();
  const entry = (rule: Rule<Record<string, unknown>>) => {
    let value = settingsById.get(rule.meta.id);
    if (!value) {
      value = { options: {} };
      settingsById.set(rule.meta.id, value);
    }
    return value;
  };
  for (const [level, codes] of Object.entries(settings.override ?? {}) as [Severity, readonly string[]][]) {
    for (const code of codes) if (known(code, `override.${level}`)) for (const rule of index.resolve(code, where)) entry(rule).severity = level;
  }
  const withOption = (aliases: readonly string[], option: string, value: unknown, key: string) => {
    const targets = index.rules.filter((rule) => ruleAliases(rule.meta).some((alias) => aliases.includes(alias)) && rule.meta.options?.[option]);
    if (targets.length === 0) warnings.push(`${where}: ${key} ignored: no rule for ${aliases.length > 1 ? `${aliases[0]}–${aliases.at(-1)}` : aliases[0]} takes "${option}" yet`);
    for (const rule of targets) entry(rule).options[option] = value;
  };
  if (settings.trustedRegistries) withOption(['DL3026'], 'trustedRegistries', settings.trustedRegistries, 'trustedRegistries');
  if (settings.labelSchema) withOption(LABEL_RULES, 'labelSchema', settings.labelSchema, 'label-schema');
  if (settings.strictLabels !== undefined) withOption(LABEL_RULES, 'strictLabels', settings.strictLabels, 'strict-labels');
  const rules: Record<string, RuleSetting> = {};
  for (const [id, { severity, options }] of settingsById) {
    const rule = index.rules.find((r) => r.meta.id === id) as Rule<Record<string, unknown>>;
    const level = severity ?? rule.meta.severity;
    rules[id] = Object.keys(options).length > 0 ? [level, options] : level;
  }
  const ignore = (settings.ignored ?? []).filter((code) => known(code, 'ignored'));
  return {
    ...(ignore.length > 0 ? { ignore } : {}),
    ...(Object.keys(rules).length > 0 ? { rules } : {}),
    ...(settings.failureThreshold ? { failOn: settings.failureThreshold } : {}),
    ...(settings.noFail !== undefined ? { noFail: settings.noFail } : {}),
    ...(settings.disableIgnorePragma !== undefined ? { disableIgnorePragma: settings.disableIgnorePragma } : {}),
  };
}
