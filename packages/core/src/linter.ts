import { type Config, RuleIndex, resolveConfig, type ResolvedRule } from './config.js';
import type { Diagnostic } from './diagnostic.js';
import { unifiedDiff } from './diff.js';
import { createContextFiles, nodeFileSystem, type ContextFiles, type FileSystemHost } from './context-files.js';
import { applyEdits, createFixBuilder, editsConflict, type Fix, TakenEdits } from './fix.js';
import { buildModel, FORBIDDEN_TRIGGERS, KEYWORDS, type DockerfileModel, type Instruction, type Stage } from './model.js';
import type { FileCreation, ReportInput, Rule, RuleContext, Visitor } from './rule.js';
import type { Severity } from './diagnostic.js';
import { ShellParserNotLoadedError, withShellParseCache } from './shell.js';
import { parseCheckDirective, Source, type CheckDirective } from './source.js';
import { collectSuppressions, fixTouchesGuarded, SuppressionIndex, suppressionsOf, type Suppression } from './suppress.js';

/** Options for one lint. */
export interface LintOptions {
  /** Used in messages and by rules that look beside the file (e.g. for `.dockerignore`). */
  readonly filePath?: string;
  readonly config?: Config;
  /**
   * How rules reach the files beside `filePath` (see {@link ContextFiles}); node:fs by default. An editor
   * can answer with its unsaved buffers.
   */
  readonly fileSystem?: FileSystemHost;
}

/** Options for one fix. */
export interface FixOptions extends LintOptions {
  /** Also apply unsafe fixes (they may change what the image does). */
  readonly unsafe?: boolean;
}

/** What `lint` found in one file. */
export interface LintResult {
  readonly filePath: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * True when the text could not be linted (binary, empty, or not split into instructions reliably);
   * `diagnostics` then holds only the reasons. A fragment (no FROM) is not fatal: every rule runs on it.
   */
  readonly fatal: boolean;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  /** Diagnostics with a fix (or a file to create) of any safety. */
  readonly fixableCount: number;
  /**
   * The other files the rules looked at (absolute paths, sorted; found or not): the result holds while
   * they are as they were, so a cache keys on them too.
   */
  readonly fileDependencies: readonly string[];
}

/** A fix that was applied. */
export interface AppliedFix {
  readonly ruleId: string;
  readonly title: string;
  readonly safety: Fix['safety'];
}

/** A pass of fixes that was undone because its output was worse than its input. */
export interface RevertedFix {
  readonly ruleIds: readonly string[];
  readonly reason: string;
}

/** What `fix` did to one file. */
export interface FixResult {
  readonly filePath: string | undefined;
  /** The rewritten text; identical to the input when nothing applied. */
  readonly output: string;
  readonly changed: boolean;
  readonly applied: readonly AppliedFix[];
  /** Diagnostics left after fixing. */
  readonly remaining: readonly Diagnostic[];
  /** Unified diff from input to output; empty when unchanged. */
  readonly diff: string;
  /** Remaining diagnostics whose unsafe fix (or unsafe file creation) was not applied (because `unsafe` was off). */
  readonly unsafeFixable: number;
  /**
   * Files the remaining diagnostics ask to create beside the Dockerfile (e.g. `.dockerignore`), of the
   * safety the fix allowed, one per path. `fix` never touches the disk: the caller creates them, and
   * must not overwrite a file that exists.
   */
  readonly createFiles: readonly FileCreation[];
  readonly reverted: readonly RevertedFix[];
  readonly fatal: boolean;
  readonly passes: number;
  /** The other files the rules looked at over every pass (see {@link LintResult.fileDependencies}). */
  readonly fileDependencies: readonly string[];
}

/** A linter bound to a rule set. */
export interface Linter {
  readonly rules: readonly Rule<Record<string, unknown>>[];
  /** Rules that `config` turns on, with severities and options. Throws ConfigError for a bad config. */
  resolve(config?: Config): readonly ResolvedRule[];
  lint(text: string, options?: LintOptions): LintResult;
  fix(text: string, options?: FixOptions): FixResult;
}

/** Options for {@link createLinter}. */
export interface LinterOptions {
  // Rules carry their own option types; the engine only passes them through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly rules: readonly Rule<any>[];
}

const MAX_PASSES = 10;
const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

/** Creates a linter for a rule set: the entry point for tools that bring their own rules. */
export function createLinter(options: LinterOptions): Linter {
  const rules = options.rules as readonly Rule<Record<string, unknown>>[];
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.meta.id)) throw new Error(`two rules share the id "${rule.meta.id}"`);
    ids.add(rule.meta.id);
  }
  const index = new RuleIndex(rules);
  const resolved = new WeakMap<Config, readonly ResolvedRule[]>();
  const defaults = resolveConfig(index);

  const resolve = (config?: Config): readonly ResolvedRule[] => {
    if (!config) return defaults;
    let active = resolved.get(config);
    if (!active) {
      active = resolveConfig(index, config);
      resolved.set(config, active);
    }
    return active;
  };

  // The rule set after a file's `# check=experimental=…` directive: keyed by config, then by the rules it adds.
  const withExperimental = new Map<Config | undefined, Map<string, readonly ResolvedRule[]>>();
  const resolveForFile = (config: Config | undefined, check: CheckDirective | null): readonly ResolvedRule[] => {
    if (!check) return resolve(config);
    const experimental = experimentalRules(rules, check);
    let active = resolve(config);
    if (experimental.size > 0) {
      const key = [...experimental].map((rule) => rule.meta.id).join(',');
      let byKey = withExperimental.get(config);
      if (!byKey) withExperimental.set(config, (byKey = new Map()));
      let found = byKey.get(key);
      if (!found) {
        // Through extendSelect, so that the config's `ignore` and `rules: { x: off }` still win.
        found = resolve({ ...config, extendSelect: [...(config?.extendSelect ?? []), ...[...experimental].map((rule) => rule.meta.id)] });
        byKey.set(key, found);
      }
      active = found;
    }
    return applyCheckDirective(active, check, experimental);
  };

  /** Lints one text; the files rules look at beside `filePath` are added to `looked`. */
  const lintText = (text: string, lintOptions: LintOptions, looked: Set<string>, blocked: ReadonlySet<string> = new Set()) => {
    const source = new Source(text);
    const model = buildModel(source);
    const config = lintOptions.config;
    const active = resolveForFile(config, checkDirectiveOf(source));
    const files = createContextFiles(lintOptions.filePath, lintOptions.fileSystem ?? nodeFileSystem, looked);
    return { source, model, diagnostics: run(source, model, active, lintOptions.filePath, files, blocked, index, config?.disableIgnorePragma === true) };
  };

  const lint = (text: string, lintOptions: LintOptions = {}): LintResult => {
    const looked = new Set<string>();
    return summarize(lintOptions.filePath, lintText(text, lintOptions, looked).diagnostics, looked);
  };

  const fix = (text: string, fixOptions: FixOptions = {}): FixResult => withShellParseCache(() => fixText(text, fixOptions));

  const fixText = (text: string, fixOptions: FixOptions): FixResult => {
    const filePath = fixOptions.filePath;
    const allowed = (candidate: Fix) => candidate.safety === 'safe' || fixOptions.unsafe === true;
    const applied: AppliedFix[] = [];
    const reverted: RevertedFix[] = [];
    const blocked = new Set<string>();
    const seen = new Set<string>([text]);
    const looked = new Set<string>();
    let current = text;
    let state = fixState(lintText(current, fixOptions, looked));
    let passes = 0;

    while (passes < MAX_PASSES && !isFatal(state.diagnostics)) {
      const candidates = state.diagnostics.filter((d): d is Diagnostic & { fix: Fix } => d.fix !== undefined && allowed(d.fix));
      if (candidates.length === 0) break;
      passes++;
      const chosen = chooseFixes(candidates);
      const before = state.baseline;
      let next = tryPass(current, before, chosen, fixOptions, looked, blocked);
      if (!next.ok) {
        // Keep the fixes that are fine on their own; block the rules whose fixes broke the file.
        const good = chosen.filter((candidate) => tryPass(current, before, [candidate], fixOptions, looked, blocked).ok);
        const bad = chosen.filter((candidate) => !good.includes(candidate));
        reverted.push({ ruleIds: [...new Set(bad.map((d) => d.ruleId))], reason: next.reason });
        for (const d of bad) blocked.add(d.ruleId);
        next = good.length > 0 ? tryPass(current, before, good, fixOptions, looked, blocked) : next;
        if (!next.ok) {
          next = good[0] ? tryPass(current, before, [good[0]], fixOptions, looked, blocked) : next;
        }
        if (!next.ok) {
          state = fixState(lintText(current, fixOptions, looked, blocked));
          continue;
        }
      }
      if (seen.has(next.output)) {
        reverted.push({ ruleIds: [...new Set(next.applied.map((d) => d.ruleId))], reason: 'fixes undo each other (cycle)' });
        break;
      }
      seen.add(next.output);
      applied.push(...next.applied.map((d) => ({ ruleId: d.ruleId, title: d.fix.title, safety: d.fix.safety })));
      current = next.output;
      state = next.state;
    }

    const remaining = state.diagnostics;
    const createFiles = new Map<string, FileCreation>();
    for (const d of remaining) {
      if (d.createFile && (d.createFile.safety === 'safe' || fixOptions.unsafe === true) && !createFiles.has(d.createFile.path)) {
        createFiles.set(d.createFile.path, d.createFile);
      }
    }
    let diff: string | undefined;
    return {
      filePath,
      output: current,
      changed: current !== text,
      applied,
      remaining,
      // Computed on first read: most callers (the CLI without --diff, the Prettier plugin) never look.
      get diff() {
        diff ??= unifiedDiff(text, current, filePath);
        return diff;
      },
      unsafeFixable: remaining.filter((d) => (d.fix?.safety === 'unsafe' || d.createFile?.safety === 'unsafe') && !fixOptions.unsafe).length,
      createFiles: [...createFiles.values()],
      reverted,
      fatal: isFatal(remaining),
      passes,
      fileDependencies: [...looked].sort(),
    };
  };

  // A pass keeps its diagnostics and what checkRewrite compares the next rewrite with, not the model: the
  // pass's model and tree are garbage by the next lint, not live objects its young-generation collections copy.
  type FixState = { readonly diagnostics: readonly Diagnostic[]; readonly baseline: RewriteFacts };
  const fixState = (linted: { readonly model: DockerfileModel; readonly diagnostics: readonly Diagnostic[] }): FixState => ({
    diagnostics: linted.diagnostics,
    baseline: rewriteFacts(linted.model),
  });

  type PassResult =
    | { ok: true; output: string; applied: (Diagnostic & { fix: Fix })[]; state: FixState }
    | { ok: false; reason: string };

  const tryPass = (
    text: string,
    before: RewriteFacts,
    fixes: readonly (Diagnostic & { fix: Fix })[],
    fixOptions: FixOptions,
    looked: Set<string>,
    blocked: ReadonlySet<string>,
  ): PassResult => {
    let output: string;
    try {
      output = applyEdits(
        text,
        fixes.flatMap((d) => d.fix.edits),
      );
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
    const state = fixState(lintText(output, fixOptions, looked, blocked));
    const problem = checkRewrite(before, state.baseline, fixes);
    return problem ? { ok: false, reason: problem } : { ok: true, output, applied: [...fixes], state };
  };

  return { rules, resolve, lint, fix };
}

/** The file's `# check=` parser directive, when it has a readable one. */
function checkDirectiveOf(source: Source): CheckDirective | null {
  const directive = source.directives.find((d) => d.name === 'check');
  if (!directive) return null;
  const parsed = parseCheckDirective(directive.value);
  return 'problem' in parsed ? null : parsed;
}

/** A rule's BuildKit check names (its `same` sources from BuildKit), lower-cased. */
function buildkitNames(rule: Rule<Record<string, unknown>>): string[] {
  return (rule.meta.sources ?? []).filter((s) => s.tool === 'buildkit' && s.kind === 'same').map((s) => s.rule.toLowerCase());
}

/**
 * The opt-in rules that `# check=experimental=A,B` (or `=all`) turns on: those with a BuildKit name in
 * the list. BuildKit's experimental checks are opt-in there too, so any opt-in rule with a BuildKit alias
 * can be named; unknown names are ignored, as BuildKit ignores them.
 */
function experimentalRules(rules: readonly Rule<Record<string, unknown>>[], check: CheckDirective): Set<Rule<Record<string, unknown>>> {
  const named = check.experimental === 'all' ? null : new Set(check.experimental.map((name) => name.toLowerCase()));
  if (named?.size === 0) return new Set();
  return new Set(rules.filter((rule) => rule.meta.optIn && buildkitNames(rule).some((name) => named === null || named.has(name))));
}

/**
 * Applies `# check=skip=…;error=true` to a rule set. It speaks of BuildKit's checks, so it touches only
 * rules with a BuildKit name: `skip=all` silences those (dockfix's own and hadolint's rules keep running),
 * `error=true` reports them as errors (BuildKit then fails the build). As in BuildKit, skip does not
 * apply to the experimental checks the directive itself turns on.
 */
function applyCheckDirective(active: readonly ResolvedRule[], check: CheckDirective, experimental: ReadonlySet<Rule<Record<string, unknown>>>): readonly ResolvedRule[] {
  const skip = check.skip === 'all' ? null : new Set(check.skip.map((name) => name.toLowerCase()));
  return active
    .filter((resolved) => {
      if (experimental.has(resolved.rule)) return true;
      const names = buildkitNames(resolved.rule);
      return !names.some((name) => skip === null || skip.has(name));
    })
    .map((resolved) => (check.error && buildkitNames(resolved.rule).length > 0 ? { ...resolved, severity: 'error' satisfies Severity } : resolved));
}

/** Ids made of these sort the same by code unit as by `localeCompare` ('-' < '/' < digits < letters in both). */
const PLAIN_RULE_ID = /^[a-z0-9/-]*$/;

/**
 * Rule ids in `localeCompare` order, without its cost where the order is the same: a process's first
 * `localeCompare` loads ICU's collation data, 6-9 ms of a one-file `dockfix lint`, spent only to order
 * two diagnostics on the same range. Every built-in id and most plugin ids (`ns/rule-name`) are plain;
 * any other id (upper case, `_`, non-ASCII) still gets `localeCompare`.
 */
export function compareRuleIds(a: string, b: string): number {
  if (PLAIN_RULE_ID.test(a) && PLAIN_RULE_ID.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** Picks fixes whose edits do not overlap, in (start, end, rule id) order; the rest wait for the next pass. */
function chooseFixes(candidates: readonly (Diagnostic & { fix: Fix })[]): (Diagnostic & { fix: Fix })[] {
  const sorted = [...candidates].sort((a, b) => {
    const ae = a.fix.edits[0];
    const be = b.fix.edits[0];
    return (ae?.start ?? 0) - (be?.start ?? 0) || (ae?.end ?? 0) - (be?.end ?? 0) || compareRuleIds(a.ruleId, b.ruleId);
  });
  const chosen: (Diagnostic & { fix: Fix })[] = [];
  const groups = new Set<string>();
  const taken = new TakenEdits();
  for (const candidate of sorted) {
    const { isolation } = candidate.fix;
    if (isolation === 'file' && chosen.length > 0) continue;
    if (groups.has('file')) break;
    if (isolation && groups.has(isolation)) continue;
    if (candidate.fix.edits.some((edit) => taken.conflicts(edit))) continue;
    chosen.push(candidate);
    for (const edit of candidate.fix.edits) taken.add(edit);
    if (isolation) groups.add(isolation);
  }
  return chosen;
}

/** The parts of a model {@link checkRewrite} compares: all a fix pass keeps of it. */
interface RewriteFacts {
  readonly syntaxProblems: number;
  /** The first syntax problem's message, for the reason a rewrite that no longer parses is reverted. */
  readonly firstSyntaxProblem: string | undefined;
  readonly instructions: number;
  /** Comment texts, trimmed. */
  readonly comments: readonly string[];
  readonly mixedLineEndings: boolean;
  readonly hasBom: boolean;
}

function rewriteFacts(model: DockerfileModel): RewriteFacts {
  return {
    syntaxProblems: model.syntaxProblems.length,
    firstSyntaxProblem: model.syntaxProblems[0]?.message,
    instructions: model.instructions.length,
    comments: model.comments.map((comment) => comment.text.trim()),
    mixedLineEndings: model.source.lineEndings.mixed,
    hasBom: model.source.hasBom,
  };
}

/** Why a rewrite is worse than what it replaced, or null when it is fine. */
function checkRewrite(before: RewriteFacts, after: RewriteFacts, fixes: readonly { fix: Fix }[]): string | null {
  if (after.syntaxProblems > before.syntaxProblems) {
    return `the result no longer parses: ${after.firstSyntaxProblem ?? 'syntax error'}`;
  }
  const expected = before.instructions + fixes.reduce((sum, { fix }) => sum + (fix.instructionDelta ?? 0), 0);
  if (after.instructions !== expected) {
    return `expected ${expected} instructions after fixing, found ${after.instructions}`;
  }
  const remainingComments = new Map<string, number>();
  for (const key of after.comments) remainingComments.set(key, (remainingComments.get(key) ?? 0) + 1);
  for (const key of before.comments) {
    const count = remainingComments.get(key) ?? 0;
    if (count === 0) return `a fix removed the comment "${key}"`;
    remainingComments.set(key, count - 1);
  }
  if (!before.mixedLineEndings && after.mixedLineEndings) return 'a fix mixed line endings';
  if (before.hasBom !== after.hasBom) return 'a fix changed the byte order mark';
  return null;
}

function isFatal(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.fatal);
}

function summarize(filePath: string | undefined, diagnostics: readonly Diagnostic[], looked: ReadonlySet<string>): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fixableCount = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errorCount++;
    else if (d.severity === 'warning') warningCount++;
    else infoCount++;
    if (d.fix || d.createFile) fixableCount++;
  }
  return { filePath, diagnostics, fatal: isFatal(diagnostics), errorCount, warningCount, infoCount, fixableCount, fileDependencies: [...looked].sort() };
}

function run(
  source: Source,
  model: DockerfileModel,
  active: readonly ResolvedRule[],
  filePath: string | undefined,
  files: ContextFiles,
  blocked: ReadonlySet<string>,
  index: RuleIndex,
  disableIgnorePragma: boolean,
): Diagnostic[] {
  const fatal = inputProblems(source, model);
  if (fatal.length > 0) return fatal;

  const diagnostics: Diagnostic[] = [];
  const fixBuilder = createFixBuilder(source);
  const visitors: { visitor: Visitor; resolved: ResolvedRule }[] = [];
  for (const resolved of active) {
    const { rule } = resolved;
    const context: RuleContext<Record<string, unknown>> = {
      source,
      model,
      options: resolved.options,
      filePath,
      files,
      fix: fixBuilder,
      report: (input: ReportInput) => {
        if (input.code !== undefined && !codeIsOn(resolved, input.code)) return;
        diagnostics.push(toDiagnostic(source, resolved, input, blocked));
      },
    };
    visitors.push({ visitor: rule.create(context), resolved });
  }

  const crashed = (resolved: ResolvedRule, error: unknown): Error => {
    // Not a rule bug: a rule parsed a shell body before the parser was loaded; the caller loads it and lints again.
    if (error instanceof ShellParserNotLoadedError) return error;
    const where = filePath ? ` on ${filePath}` : '';
    return new Error(`rule "${resolved.rule.meta.id}" crashed${where}: ${(error as Error).message}`, { cause: error });
  };

  // The handlers of each keyword, found once per lint: looking every keyword up in every rule's visitor,
  // for every instruction, was a tenth of a lint. A visitor is read through its own keys (one to three,
  // where the file has a handful of the 18 keywords and the property lookup with a varying key on ~100
  // shapes of visitor was most of the cost); one with a prototype of its own is asked every keyword.
  type Handler<T> = { readonly handler: (target: T) => void; readonly resolved: ResolvedRule };
  const byKeyword = new Map<string, Handler<Instruction>[]>();
  const stageExits: Handler<Stage>[] = [];
  const fileExits: Handler<void>[] = [];
  for (const { visitor, resolved } of visitors) {
    const keys = Object.getPrototypeOf(visitor) === Object.prototype ? Object.keys(visitor) : [...KEYWORDS, 'Stage:exit', 'Dockerfile:exit'];
    for (const key of keys) {
      const handler = visitor[key as keyof Visitor];
      if (!handler) continue;
      if (key === 'Stage:exit') stageExits.push({ handler: handler as (stage: Stage) => void, resolved });
      else if (key === 'Dockerfile:exit') fileExits.push({ handler: handler as () => void, resolved });
      else if (KEYWORD_SET.has(key)) {
        let list = byKeyword.get(key);
        if (!list) byKeyword.set(key, (list = []));
        list.push({ handler: handler as (instruction: Instruction) => void, resolved });
      }
    }
  }
  const callAll = <T>(handlers: readonly Handler<T>[] | undefined, target: T) => {
    if (!handlers) return;
    for (const { handler, resolved } of handlers) {
      try {
        handler(target);
      } catch (error) {
        throw crashed(resolved, error);
      }
    }
  };

  for (const instruction of model.instructions) {
    callAll(byKeyword.get(instruction.keyword), instruction);
    // An ONBUILD's trigger is visited under its own keyword, right after the ONBUILD; FROM, ONBUILD and
    // MAINTAINER triggers are not (the frontend rejects them; a rule on ONBUILD reports that).
    const trigger = instruction.trigger;
    if (trigger && !FORBIDDEN_TRIGGERS.has(trigger.keyword)) callAll(byKeyword.get(trigger.keyword), trigger);
    const stage = instruction.stage;
    if (stage && stage.instructions.at(-1) === instruction) callAll(stageExits, stage);
  }
  callAll(fileExits, undefined);

  // disableIgnorePragma turns off dockfix's and hadolint's ignore pragmas; BuildKit's `# check=skip=`
  // is part of what the build itself reads, like the file's `# check=` directive, so it stays.
  const suppressions = collectSuppressions(model).filter((s) => !disableIgnorePragma || s.kind === 'check-skip');
  let buildkitById = buildkitByIdOf.get(active);
  if (!buildkitById) buildkitByIdOf.set(active, (buildkitById = new Map(active.map((resolved) => [resolved.rule.meta.id, buildkitNames(resolved.rule)]))));
  const byId = buildkitById;
  const checksOf = (ruleId: string) => byId.get(ruleId) ?? [];
  const indexed = new SuppressionIndex(suppressions);
  const used = new Set<Suppression>();
  const usedNames = new Set<string>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const by = suppressions.length === 0 ? [] : suppressionsOf(d, indexed, checksOf);
    if (by.length === 0) {
      // A fix must not edit what a pragma guards for its rule, even when the report is elsewhere.
      if (d.fix && suppressions.length > 0 && fixTouchesGuarded(d, d.fix.edits, indexed, checksOf)) {
        const { fix: _withheld, ...rest } = d;
        kept.push(rest);
      } else kept.push(d);
      continue;
    }
    for (const suppression of by) {
      used.add(suppression);
      for (const name of [d.ruleId, ...d.aliases]) usedNames.add(`${suppression.comment.start}:${name.toLowerCase()}`);
    }
  }
  kept.push(...pragmaDiagnostics(source, active, suppressions, index, (s, name) => (name === undefined ? used.has(s) : usedNames.has(`${s.comment.start}:${name.toLowerCase()}`))));
  return kept
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || compareRuleIds(a.ruleId, b.ruleId));
}

function toDiagnostic(source: Source, resolved: ResolvedRule, input: ReportInput, blocked: ReadonlySet<string>): Diagnostic {
  const { meta } = resolved.rule;
  const range = 'range' in input.node ? input.node.range : input.node;
  const start = source.lineColumnAt(range.start);
  const end = source.lineColumnAt(range.end);
  let fix: Fix | undefined;
  if (input.fix && !blocked.has(meta.id) && resolved.fixable) {
    const safety = input.fix.safety ?? (meta.fix === 'none' ? 'unsafe' : meta.fix);
    if (meta.fix === 'none' || (meta.fix === 'unsafe' && safety === 'safe')) {
      throw new Error(`emitted a ${safety} fix but declares fix: '${meta.fix}'`);
    }
    fix = {
      title: input.fix.title,
      safety,
      edits: input.fix.edits,
      ...(input.fix.isolation ? { isolation: input.fix.isolation } : {}),
      ...(input.fix.instructionDelta ? { instructionDelta: input.fix.instructionDelta } : {}),
    };
  }
  let createFile: FileCreation | undefined;
  if (input.createFile && resolved.fixable) {
    const safety = input.createFile.safety ?? (meta.fix === 'none' ? 'unsafe' : meta.fix);
    if (meta.fix === 'none' || (meta.fix === 'unsafe' && safety === 'safe')) {
      throw new Error(`asked to create a file with a ${safety} fix but declares fix: '${meta.fix}'`);
    }
    createFile = { path: input.createFile.path, text: input.createFile.text, title: input.createFile.title, safety };
  }
  const code = input.code?.toUpperCase();
  return {
    ruleId: meta.id,
    aliases: code ? [...resolved.aliases, code] : resolved.aliases,
    severity: code ? codeSeverity(resolved, code, input.severity) : (input.severity && !resolved.codes?.ruleSeverity ? input.severity : resolved.severity),
    message: input.message,
    ...(input.help ? { help: input.help } : {}),
    range,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...(fix ? { fix } : {}),
    ...(createFile ? { createFile } : {}),
  };
}

/** The id of the engine-implemented rule that reports pragmas naming no known rule. */
export const UNKNOWN_PRAGMA_RULE = 'unknown-pragma-rule';
/** The id of the engine-implemented rule that reports pragmas that silenced nothing (Ruff's RUF100). */
export const UNUSED_PRAGMA_RULE = 'unused-pragma';

// hadolint pragmas often name hadolint or ShellCheck codes dockfix does not implement (yet); those are
// not typos, so they are neither "unknown" nor "unused".
const FOREIGN_CODE = /^(?:DL|SC)\d{4}$/i;

/** Each rule's BuildKit check names, per rule set (see {@link activeNamesOf}). */
const buildkitByIdOf = new WeakMap<readonly ResolvedRule[], ReadonlyMap<string, string[]>>();

/** The ids and aliases of a rule set, lower-cased; rule sets are cached by the linter, so this is built once per set. */
const activeNamesOf = new WeakMap<readonly ResolvedRule[], ReadonlySet<string>>();

/**
 * Diagnostics about the pragmas themselves, when the rules that report them are active (they are
 * ordinary rules in the registry whose visitor is empty: only the engine knows what was suppressed).
 */
function pragmaDiagnostics(
  source: Source,
  active: readonly ResolvedRule[],
  suppressions: readonly Suppression[],
  index: RuleIndex,
  wasUsed: (suppression: Suppression, name?: string) => boolean,
): Diagnostic[] {
  if (suppressions.length === 0) return [];
  const unknownRule = active.find((r) => r.rule.meta.id === UNKNOWN_PRAGMA_RULE);
  const unusedRule = active.find((r) => r.rule.meta.id === UNUSED_PRAGMA_RULE);
  if (!unknownRule && !unusedRule) return [];
  let activeNames = activeNamesOf.get(active);
  if (!activeNames) {
    activeNames = new Set(active.flatMap((r) => [r.rule.meta.id, ...r.aliases].map((name) => name.toLowerCase())));
    activeNamesOf.set(active, activeNames);
  }
  const out: Diagnostic[] = [];
  const at = (resolved: ResolvedRule, range: { start: number; end: number }, message: string) =>
    out.push(toDiagnostic(source, resolved, { node: range, message }, new Set()));
  for (const suppression of suppressions) {
    // BuildKit's `# check=skip=` speaks of BuildKit's checks, named or not; it is neither unknown nor unused here.
    if (suppression.kind === 'check-skip') continue;
    if (suppression.entries.length === 0) {
      if (unusedRule && !wasUsed(suppression)) at(unusedRule, suppression.comment, 'This pragma silences no problem; remove it');
      continue;
    }
    for (const entry of suppression.entries) {
      if (FOREIGN_CODE.test(entry.name) && !index.hasRule(entry.name)) continue;
      if (!index.hasRule(entry.name)) {
        if (unknownRule) {
          const near = index.suggest(entry.name);
          at(unknownRule, entry.range, `Unknown rule "${entry.name}" in a pragma${near ? `; did you mean "${near}"?` : ''}`);
        }
      } else if (unusedRule && !wasUsed(suppression, entry.name)) {
        const why = activeNames.has(entry.name.toLowerCase()) ? 'reported nothing here' : 'is not enabled';
        at(unusedRule, entry.range, `Unused pragma: "${entry.name}" ${why}; remove it`);
      }
    }
  }
  return out;
}

/** True when the config leaves a code of a rule with `meta.codes` on (`--ignore SC2086` turns one off). */
function codeIsOn(resolved: ResolvedRule, code: string): boolean {
  const upper = code.toUpperCase();
  const selection = resolved.codes;
  if (!selection) return true;
  return !selection.off.has(upper) && (selection.only === null || selection.only.has(upper));
}

/** A code's level: the config's for that code, else the config's for the rule, else the one reported. */
function codeSeverity(resolved: ResolvedRule, code: string, reported: Severity | undefined): Severity {
  const selection = resolved.codes;
  return selection?.severities.get(code) ?? (selection?.ruleSeverity || !reported ? resolved.severity : reported);
}

/** Problems that make the text unlintable: empty, binary, or rejected by the Dockerfile frontend. */
function inputProblems(source: Source, model: DockerfileModel): Diagnostic[] {
  const problems: { message: string; start: number; end: number }[] = [];
  const nul = source.text.indexOf('\0');
  if (nul !== -1) {
    problems.push({ message: 'the file contains NUL bytes: it looks binary, not a Dockerfile', start: nul, end: nul + 1 });
  } else if (!/[^\s\uFEFF]/.test(source.text) && source.text.replace(/^\uFEFF/, '').trim() === '') {
    problems.push({ message: 'the file is empty: a Dockerfile needs at least a FROM instruction', start: 0, end: 0 });
  } else {
    for (const problem of model.syntaxProblems) problems.push({ message: problem.message, ...problem.range });
  }
  return problems.map(({ message, start, end }) => {
    const from = source.lineColumnAt(start);
    const to = source.lineColumnAt(end);
    return {
      ruleId: 'syntax',
      aliases: [],
      severity: 'error' as const,
      message,
      range: { start, end },
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      fatal: true,
    };
  });
}
