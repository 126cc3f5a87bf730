import { editDistance } from './edit-distance.js';
import { SEVERITIES, type Severity } from './diagnostic.js';
import { ruleAliases, ruleOptionProblem, type Rule } from './rule.js';

/** `off`, a severity, or `[severity, options]`. */
export type RuleSetting = 'off' | Severity | readonly ['off' | Severity] | readonly ['off' | Severity, Record<string, unknown>];

/** User configuration. Rule keys may be ids or aliases (`DL3059`). */
export interface Config {
  /** Replace the default rule set: ids, aliases, categories, or `ALL`. */
  readonly select?: readonly string[];
  /** Add to the rule set: ids, aliases, categories, or `ALL`. */
  readonly extendSelect?: readonly string[];
  /** Remove from the rule set: ids, aliases or categories. */
  readonly ignore?: readonly string[];
  /** Per-rule severity, `off`, and options. A rule named here is turned on even when it is opt-in. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Rules whose fixes may be offered and applied (Ruff's `fixable`); default: every rule. */
  readonly fixable?: readonly string[];
  /** Rules whose fixes are never offered nor applied (Ruff's `unfixable`); wins over `fixable`. */
  readonly unfixable?: readonly string[];
  /** Ignore `# dockfix-ignore` / `# hadolint ignore=` pragmas (hadolint's `disable-ignore-pragma`). */
  readonly disableIgnorePragma?: boolean;
}

/** A rule as it will run: enabled, with its severity and options resolved. */
export interface ResolvedRule {
  readonly rule: Rule<Record<string, unknown>>;
  readonly severity: Severity;
  readonly options: Record<string, unknown>;
  readonly aliases: readonly string[];
  /** False when `fixable`/`unfixable` withhold this rule's fixes. */
  readonly fixable: boolean;
  /** For a rule with `meta.codes`: which of its codes the config turned on, off or re-levelled. */
  readonly codes?: CodeSelection;
}

/** The codes of a rule with `meta.codes` (ShellCheck's `SCxxxx`) that a config chose, upper-cased. */
export interface CodeSelection {
  /** The codes to report; null for every code (the rule itself was selected). */
  readonly only: ReadonlySet<string> | null;
  /** Codes ignored or set to `off`. */
  readonly off: ReadonlySet<string>;
  /** Levels set per code (`rules: { SC2086: "error" }`). */
  readonly severities: ReadonlyMap<string, Severity>;
  /** True when the config set the rule's own severity, which then applies to codes without their own. */
  readonly ruleSeverity: boolean;
}

/** A configuration that cannot be used; the message says what to change. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Maps every id, alias and category (lower-cased) to the rules it names. */
export class RuleIndex {
  private readonly byKey = new Map<string, Rule<Record<string, unknown>>[]>();
  /** Each key as its rule spells it (`DL3059`, `merge-run`), for suggestions. */
  private readonly spelling = new Map<string, string>();
  /** Ids and aliases (lower-cased), without categories: what a pragma may name. */
  private readonly ruleNames = new Set<string>();

  constructor(readonly rules: readonly Rule<Record<string, unknown>>[]) {
    for (const rule of rules) {
      for (const name of [rule.meta.id, ...ruleAliases(rule.meta)]) this.ruleNames.add(name.toLowerCase());
      for (const key of [rule.meta.id, ...ruleAliases(rule.meta), rule.meta.category]) {
        const list = this.byKey.get(key.toLowerCase()) ?? [];
        if (!list.includes(rule)) list.push(rule);
        this.byKey.set(key.toLowerCase(), list);
        this.spelling.set(key.toLowerCase(), key);
      }
    }
  }

  /** True when `name` is a rule id or alias (any case). */
  hasRule(name: string): boolean {
    return this.ruleNames.has(name.toLowerCase());
  }

  /** The id or alias closest to a misspelt `name`, for "did you mean" hints. */
  suggest(name: string): string | undefined {
    const near = closest(name.toLowerCase(), [...this.ruleNames]);
    return near === undefined ? undefined : this.spelling.get(near);
  }

  /** Rules named by an id, alias, category or `ALL`; throws a ConfigError naming near matches otherwise. */
  resolve(selector: string, where: string): readonly Rule<Record<string, unknown>>[] {
    if (selector.toUpperCase() === 'ALL') return this.rules;
    const found = this.byKey.get(selector.toLowerCase());
    if (found) return found;
    const owner = this.codeOf(selector);
    if (owner) return [owner.rule];
    const near = closest(selector.toLowerCase(), [...this.byKey.keys()]);
    const suggestion = near === undefined ? undefined : this.spelling.get(near);
    throw new ConfigError(
      `unknown rule "${selector}" in ${where}${suggestion ? `; did you mean "${suggestion}"?` : ''} (run \`dockfix rules\` to list them)`,
    );
  }

  /** The rule that reports `selector` as one of its `meta.codes` (`SC2086` → shellcheck), with the code upper-cased; null otherwise. */
  codeOf(selector: string): { rule: Rule<Record<string, unknown>>; code: string } | null {
    if (this.byKey.has(selector.toLowerCase())) return null;
    const code = selector.toUpperCase();
    const rule = this.rules.find((candidate) => candidate.meta.codes?.pattern.test(code));
    return rule ? { rule, code } : null;
  }
}

/** Turns a config into the list of rules to run, in registry order. */
export function resolveConfig(index: RuleIndex, config: Config = {}): ResolvedRule[] {
  type AnyRule = Rule<Record<string, unknown>>;
  // Codes (`SC2086`) select, silence or re-level part of their rule; they never stand for the whole of it.
  const codes = { on: new Map<AnyRule, Set<string>>(), off: new Map<AnyRule, Set<string>>(), severities: new Map<AnyRule, Map<string, Severity>>() };
  const addCode = <T>(map: Map<AnyRule, T>, rule: AnyRule, make: () => T): T => map.get(rule) ?? (map.set(rule, make()).get(rule) as T);
  const wholeRules = (selectors: readonly string[], where: string): AnyRule[] =>
    selectors.flatMap((selector) => {
      const owner = index.codeOf(selector);
      if (!owner) return index.resolve(selector, where);
      addCode(codes.on, owner.rule, () => new Set<string>()).add(owner.code);
      return [];
    });
  const enabled = new Set<AnyRule>(config.select ? wholeRules(config.select, 'select') : index.rules.filter((rule) => !rule.meta.optIn));
  for (const rule of wholeRules(config.extendSelect ?? [], 'extendSelect')) enabled.add(rule);
  const turnedOff = new Set<AnyRule>();
  const settings = new Map<AnyRule, { severity: Severity | 'off'; options: Record<string, unknown> }>();
  for (const [key, setting] of Object.entries(config.rules ?? {})) {
    const parsed = parseSetting(setting, key);
    const owner = index.codeOf(key);
    if (owner) {
      if (parsed.severity === 'off') addCode(codes.off, owner.rule, () => new Set<string>()).add(owner.code);
      else {
        addCode(codes.severities, owner.rule, () => new Map<string, Severity>()).set(owner.code, parsed.severity);
        addCode(codes.on, owner.rule, () => new Set<string>()).add(owner.code);
      }
      continue;
    }
    for (const rule of index.resolve(key, 'rules')) {
      settings.set(rule, parsed);
      if (parsed.severity === 'off') {
        enabled.delete(rule);
        turnedOff.add(rule);
      } else enabled.add(rule);
    }
  }
  for (const selector of config.ignore ?? []) {
    const owner = index.codeOf(selector);
    if (owner) addCode(codes.off, owner.rule, () => new Set<string>()).add(owner.code);
    else
      for (const rule of index.resolve(selector, 'ignore')) {
        enabled.delete(rule);
        turnedOff.add(rule);
      }
  }
  for (const rule of codes.on.keys()) if (!turnedOff.has(rule)) enabled.add(rule);
  const fixable = config.fixable ? new Set(config.fixable.flatMap((s) => index.resolve(s, 'fixable'))) : null;
  const unfixable = new Set((config.unfixable ?? []).flatMap((s) => index.resolve(s, 'unfixable')));

  return index.rules
    .filter((rule) => enabled.has(rule))
    .map((rule) => {
      const setting = settings.get(rule);
      const defaults = Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([name, option]) => [name, option.default]));
      const options = { ...defaults, ...(setting?.options ?? {}) };
      for (const name of Object.keys(setting?.options ?? {})) {
        const option = rule.meta.options?.[name];
        if (!option) throw new ConfigError(`rule "${rule.meta.id}" has no option "${name}"`);
        const problem = ruleOptionProblem(option, options[name]);
        if (problem) throw new ConfigError(`rule "${rule.meta.id}": option "${name}" ${problem}`);
      }
      const severity = setting && setting.severity !== 'off' ? setting.severity : rule.meta.severity;
      const canFix = (fixable === null || fixable.has(rule)) && !unfixable.has(rule);
      const resolved: ResolvedRule = { rule, severity, options, aliases: ruleAliases(rule.meta), fixable: canFix };
      if (!rule.meta.codes) return resolved;
      const wholly = config.select ? config.select.some((s) => !index.codeOf(s) && index.resolve(s, 'select').includes(rule)) : !rule.meta.optIn;
      const named =
        wholly ||
        (config.extendSelect ?? []).some((s) => !index.codeOf(s) && index.resolve(s, 'extendSelect').includes(rule)) ||
        (setting !== undefined && setting.severity !== 'off');
      const selection: CodeSelection = {
        only: named ? null : (codes.on.get(rule) ?? new Set()),
        off: codes.off.get(rule) ?? new Set(),
        severities: codes.severities.get(rule) ?? new Map(),
        ruleSeverity: setting !== undefined && setting.severity !== 'off',
      };
      return { ...resolved, codes: selection };
    });
}

function parseSetting(setting: RuleSetting, key: string): { severity: Severity | 'off'; options: Record<string, unknown> } {
  const [severity, options] = typeof setting === 'string' ? [setting, {}] : [setting[0], setting[1] ?? {}];
  if (severity !== 'off' && !SEVERITIES.includes(severity)) {
    throw new ConfigError(`rule "${key}": severity must be one of off, ${SEVERITIES.join(', ')}; got "${String(severity)}"`);
  }
  return { severity, options };
}

/** The candidate within a few edits of `word`, for "did you mean" hints; undefined when none is near. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

