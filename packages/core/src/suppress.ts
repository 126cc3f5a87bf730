import type { Diagnostic } from './diagnostic.js';
import type { TextEdit } from './fix.js';
import type { DockerfileModel, Instruction } from './model.js';
import { parseCheckDirective, type TextRange } from './source.js';

/** Which comment made a suppression. */
export type PragmaKind = 'dockfix-ignore' | 'dockfix-ignore-file' | 'hadolint-ignore' | 'hadolint-global-ignore' | 'check-skip';

/** One rule id or alias named by a pragma, where it is written. */
export interface SuppressionEntry {
  /** As written (`DL3008`, `my-plugin/no-foo`). */
  readonly name: string;
  readonly range: TextRange;
}

/** An inline pragma that silences rules, for the next instruction or the whole file. */
export interface Suppression {
  /** Rule ids or aliases, lower-cased; empty means every rule (every BuildKit check for `check-skip`). */
  readonly rules: readonly string[];
  /** The names as written, with their ranges, for reports about unknown or unused names. */
  readonly entries: readonly SuppressionEntry[];
  /** The instruction range it covers; null for the whole file. */
  readonly scope: TextRange | null;
  readonly comment: TextRange;
  readonly kind: PragmaKind;
  /**
   * Which syntax it used: hadolint's pragmas may name hadolint or ShellCheck codes dockfix does not
   * implement; BuildKit's `# check=skip=` names only BuildKit checks.
   */
  readonly syntax: 'dockfix' | 'hadolint' | 'buildkit';
}

// A name: rule ids, aliases, and plugin ids with a namespace (`my-plugin/rule`, `@scope/rule`).
const NAMES = String.raw`([\w\-/.@, ]*)`;
const PRAGMAS: readonly { pattern: RegExp; kind: PragmaKind; syntax: Suppression['syntax'] }[] = [
  // The colon is Ruff's `# noqa: E501` habit; without it allowed here, `# dockfix-ignore: npm-ci`
  // read as a bare `# dockfix-ignore` and silenced every rule.
  { pattern: new RegExp(String.raw`^#\s*dockfix-ignore-file\b\s*:?\s*${NAMES}`), kind: 'dockfix-ignore-file', syntax: 'dockfix' },
  { pattern: new RegExp(String.raw`^#\s*dockfix-ignore\b(?!-)\s*:?\s*${NAMES}`), kind: 'dockfix-ignore', syntax: 'dockfix' },
  { pattern: new RegExp(String.raw`^#\s*hadolint\s+global\s+ignore\s*=\s*${NAMES}`), kind: 'hadolint-global-ignore', syntax: 'hadolint' },
  { pattern: new RegExp(String.raw`^#\s*hadolint\s+ignore\s*=\s*${NAMES}`), kind: 'hadolint-ignore', syntax: 'hadolint' },
];

/** BuildKit's `# check=skip=A,B` comment above an instruction (BuildKit ≥ 0.26 reads it as the instruction's own check config). */
const CHECK_COMMENT = /^#\s*check\s*=\s*(.+?)\s*$/i;

/**
 * Reads `# dockfix-ignore rule-a,rule-b` (or `# dockfix-ignore: rule-a`) and `# hadolint ignore=DL3008`
 * (next instruction), and `# dockfix-ignore-file …` / `# hadolint global ignore=…` (whole file).
 * Anything after a second `#` or `--` is a reason and ignored. Also reads BuildKit's `# check=skip=…`
 * in the comments above an instruction: it skips those checks for that instruction, or for the whole
 * stage above a FROM; only the first such comment counts, and the file's `# check=` parser directive
 * is not one of them.
 */
export function collectSuppressions(model: DockerfileModel): Suppression[] {
  let found = collected.get(model);
  if (!found) {
    found = readSuppressions(model);
    collected.set(model, found);
  }
  return found.slice();
}

/** Per model: the engine and the `no-inline-ignore` rule both ask, once each per lint. */
const collected = new WeakMap<DockerfileModel, readonly Suppression[]>();

function readSuppressions(model: DockerfileModel): Suppression[] {
  const suppressions: Suppression[] = [];
  const directive = model.source.directives.find((d) => d.name === 'check');
  const checkTaken = new Set<Instruction>();
  // Comments and instructions are both in file order: the instruction after each comment is found by
  // walking the two lists together (a search of the instructions per comment was quadratic).
  let nextIndex = 0;
  for (const comment of model.comments) {
    while (nextIndex < model.instructions.length && (model.instructions[nextIndex] as Instruction).range.start < comment.range.end) nextIndex++;
    const next = model.instructions[nextIndex];
    const check = CHECK_COMMENT.exec(comment.text);
    if (check) {
      if (!next || checkTaken.has(next) || comment.range.start === directive?.range.start) continue;
      const parsed = parseCheckDirective(check[1] ?? '');
      // BuildKit drops an unreadable comment silently, as it drops any comment that is not a directive.
      if ('problem' in parsed || (parsed.skip !== 'all' && parsed.skip.length === 0)) continue;
      checkTaken.add(next);
      const rules = parsed.skip === 'all' ? [] : parsed.skip.map((rule) => rule.toLowerCase());
      // No entries: BuildKit ignores check names it does not know, so neither unknown nor unused names are reported.
      suppressions.push({ rules, entries: [], scope: checkScope(next), comment: comment.range, kind: 'check-skip', syntax: 'buildkit' });
      continue;
    }
    for (const { pattern, kind, syntax } of PRAGMAS) {
      const match = pattern.exec(comment.text);
      if (!match) continue;
      const file = kind === 'dockfix-ignore-file' || kind === 'hadolint-global-ignore';
      const list = (match[1] ?? '').split(/--/)[0] ?? '';
      const listStart = comment.range.start + match[0].length - (match[1] ?? '').length;
      const entries: SuppressionEntry[] = [];
      for (const found of list.matchAll(/[^,\s]+/g)) {
        const start = listStart + (found.index ?? 0);
        entries.push({ name: found[0], range: { start, end: start + found[0].length } });
      }
      if (!file && !next) break;
      suppressions.push({
        rules: entries.map((entry) => entry.name.toLowerCase()),
        entries,
        scope: file ? null : (next?.range ?? null),
        comment: comment.range,
        kind,
        syntax,
      });
      break;
    }
  }
  return suppressions;
}

/** What a `# check=skip=` comment above an instruction covers: the instruction, or its whole stage above a FROM. */
function checkScope(instruction: Instruction): TextRange {
  const last = instruction.keyword === 'FROM' ? instruction.stage?.instructions.at(-1) : undefined;
  return { start: instruction.range.start, end: (last ?? instruction).range.end };
}

/** A rule's BuildKit check names (lower-cased), given by the linter; none by default. */
export type BuildkitNames = (ruleId: string) => readonly string[];

const noBuildkitNames: BuildkitNames = () => [];

function namesOf(diagnostic: Diagnostic): string[] {
  return [diagnostic.ruleId, ...diagnostic.aliases].map((name) => name.toLowerCase());
}

/**
 * True when the pragma names this diagnostic's rule (or names no rule, meaning all of them). A
 * `# check=skip=` names only BuildKit checks, and its `all` means every rule that has a BuildKit name.
 */
function covers(suppression: Suppression, diagnostic: Diagnostic, buildkitNames: BuildkitNames): boolean {
  if (suppression.kind === 'check-skip') {
    const checks = buildkitNames(diagnostic.ruleId);
    return checks.length > 0 && (suppression.rules.length === 0 || suppression.rules.some((rule) => checks.includes(rule)));
  }
  const names = namesOf(diagnostic);
  return suppression.rules.length === 0 || suppression.rules.some((rule) => names.includes(rule));
}

/**
 * Suppressions indexed by where they apply, so that finding the ones around a diagnostic does not scan
 * them all: a file with a pragma above every instruction was quadratic in the number of diagnostics.
 * Scopes are sorted by start with the running maximum of their ends; a query walks back from the last
 * scope starting at or before its end while that maximum still reaches its start (one or two steps for
 * instruction scopes; a `# check=skip=` above a FROM covers a stage and is reached from inside it).
 */
export class SuppressionIndex {
  readonly all: readonly Suppression[];
  private readonly fileWide: readonly Suppression[];
  private readonly scoped: readonly (Suppression & { readonly scope: TextRange })[];
  private readonly reach: readonly number[];

  constructor(suppressions: readonly Suppression[]) {
    this.all = suppressions;
    this.fileWide = suppressions.filter((s) => s.scope === null);
    this.scoped = suppressions.filter((s): s is Suppression & { scope: TextRange } => s.scope !== null).sort((a, b) => a.scope.start - b.scope.start);
    let reach = -Infinity;
    this.reach = this.scoped.map((s) => (reach = Math.max(reach, s.scope.end)));
  }

  /** The suppressions whose scope (the whole file, or a range) touches `[start, end]`, in the order given. */
  touching(start: number, end: number): Suppression[] {
    if (this.scoped.length === 0) return this.fileWide.slice();
    let low = 0;
    let high = this.scoped.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.scoped[mid] as Suppression & { scope: TextRange }).scope.start <= end) low = mid + 1;
      else high = mid;
    }
    const found = new Set<Suppression>();
    for (let k = low - 1; k >= 0 && (this.reach[k] as number) >= start; k--) {
      const candidate = this.scoped[k] as Suppression & { scope: TextRange };
      if (candidate.scope.end >= start) found.add(candidate);
    }
    if (found.size === 0) return this.fileWide.slice();
    return this.all.filter((s) => s.scope === null || found.has(s));
  }
}

function indexOf(suppressions: readonly Suppression[] | SuppressionIndex): SuppressionIndex {
  return suppressions instanceof SuppressionIndex ? suppressions : new SuppressionIndex(suppressions);
}

/** The suppressions that silence this diagnostic (empty when none does). Pass a {@link SuppressionIndex} when asking for many diagnostics. */
export function suppressionsOf(diagnostic: Diagnostic, suppressions: readonly Suppression[] | SuppressionIndex, buildkitNames: BuildkitNames = noBuildkitNames): Suppression[] {
  return indexOf(suppressions)
    .touching(diagnostic.range.start, diagnostic.range.start)
    .filter((suppression) => covers(suppression, diagnostic, buildkitNames));
}

/**
 * True when a pragma silences this diagnostic. `buildkitNames` gives a rule's BuildKit check names
 * (lower-cased): `# check=skip=` names only those, and its `all` means every rule that has one.
 */
export function isSuppressed(diagnostic: Diagnostic, suppressions: readonly Suppression[] | SuppressionIndex, buildkitNames: BuildkitNames = noBuildkitNames): boolean {
  return suppressionsOf(diagnostic, suppressions, buildkitNames).length > 0;
}

/**
 * True when a fix of this diagnostic's rule would edit an instruction that a pragma guards for that
 * rule: `# hadolint ignore=DL3059` above a RUN means "leave this RUN alone", so merge-run must not
 * merge the next RUN into it even though the report sits on the next RUN. An insertion touching the
 * instruction's start or end counts, since it would change the instruction or split it from its pragma.
 */
export function fixTouchesGuarded(
  diagnostic: Diagnostic,
  edits: readonly TextEdit[],
  suppressions: readonly Suppression[] | SuppressionIndex,
  buildkitNames: BuildkitNames = noBuildkitNames,
): boolean {
  if (edits.length === 0) return false;
  let start = Infinity;
  let end = -Infinity;
  for (const edit of edits) {
    start = Math.min(start, edit.start);
    end = Math.max(end, edit.end);
  }
  return indexOf(suppressions).touching(start, end).some(
    (suppression) =>
      suppression.scope !== null &&
      covers(suppression, diagnostic, buildkitNames) &&
      edits.some((edit) => edit.start <= (suppression.scope as TextRange).end && edit.end >= (suppression.scope as TextRange).start),
  );
}
