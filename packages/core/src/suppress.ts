import type { Diagnostic } from './diagnostic.js';
import type { TextEdit } from './fix.js';
import type { DockerfileModel } from './model.js';
import type { TextRange } from './source.js';

/** One rule id or alias named by a pragma, where it is written. */
export interface SuppressionEntry {
  /** As written (`DL3008`, `my-plugin/no-foo`). */
  readonly name: string;
  readonly range: TextRange;
}

/** An inline pragma that silences rules, for the next instruction or the whole file. */
export interface Suppression {
  /** Rule ids or aliases, lower-cased; empty means every rule. */
  readonly rules: readonly string[];
  /** The names as written, with their ranges, for reports about unknown or unused names. */
  readonly entries: readonly SuppressionEntry[];
  /** The instruction range it covers; null for the whole file. */
  readonly scope: TextRange | null;
  readonly comment: TextRange;
  /** Which syntax it used: hadolint's pragmas may name hadolint or ShellCheck codes dockfix does not implement. */
  readonly syntax: 'dockfix' | 'hadolint';
}

// A name: rule ids, aliases, and plugin ids with a namespace (`my-plugin/rule`, `@scope/rule`).
const NAMES = String.raw`([\w\-/.@, ]*)`;
const PRAGMAS: readonly { pattern: RegExp; file: boolean; syntax: Suppression['syntax'] }[] = [
  // The colon is Ruff's `# noqa: E501` habit; without it allowed here, `# dockfix-ignore: npm-ci`
  // read as a bare `# dockfix-ignore` and silenced every rule.
  { pattern: new RegExp(String.raw`^#\s*dockfix-ignore-file\b\s*:?\s*${NAMES}`), file: true, syntax: 'dockfix' },
  { pattern: new RegExp(String.raw`^#\s*dockfix-ignore\b(?!-)\s*:?\s*${NAMES}`), file: false, syntax: 'dockfix' },
  { pattern: new RegExp(String.raw`^#\s*hadolint\s+global\s+ignore\s*=\s*${NAMES}`), file: true, syntax: 'hadolint' },
  { pattern: new RegExp(String.raw`^#\s*hadolint\s+ignore\s*=\s*${NAMES}`), file: false, syntax: 'hadolint' },
];

/**
 * Reads `# dockfix-ignore rule-a,rule-b` (or `# dockfix-ignore: rule-a`) and `# hadolint ignore=DL3008`
 * (next instruction), and `# dockfix-ignore-file …` / `# hadolint global ignore=…` (whole file).
 * Anything after a second `#` or `--` is a reason and ignored.
 */
export function collectSuppressions(model: DockerfileModel): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const comment of model.comments) {
    for (const { pattern, file, syntax } of PRAGMAS) {
      const match = pattern.exec(comment.text);
      if (!match) continue;
      const list = (match[1] ?? '').split(/--/)[0] ?? '';
      const listStart = comment.range.start + match[0].length - (match[1] ?? '').length;
      const entries: SuppressionEntry[] = [];
      for (const found of list.matchAll(/[^,\s]+/g)) {
        const start = listStart + (found.index ?? 0);
        entries.push({ name: found[0], range: { start, end: start + found[0].length } });
      }
      const next = file ? undefined : model.instructions.find((instruction) => instruction.range.start >= comment.range.end);
      if (!file && !next) break;
      suppressions.push({
        rules: entries.map((entry) => entry.name.toLowerCase()),
        entries,
        scope: file ? null : (next?.range ?? null),
        comment: comment.range,
        syntax,
      });
      break;
    }
  }
  return suppressions;
}

function namesOf(diagnostic: Diagnostic): string[] {
  return [diagnostic.ruleId, ...diagnostic.aliases].map((name) => name.toLowerCase());
}

/** True when the pragma names this diagnostic's rule (or names no rule, meaning all of them). */
function covers(suppression: Suppression, names: readonly string[]): boolean {
  return suppression.rules.length === 0 || suppression.rules.some((rule) => names.includes(rule));
}

/** The suppressions that silence this diagnostic (empty when none does). */
export function suppressionsOf(diagnostic: Diagnostic, suppressions: readonly Suppression[]): Suppression[] {
  const names = namesOf(diagnostic);
  return suppressions.filter(
    (suppression) =>
      (suppression.scope === null || (diagnostic.range.start >= suppression.scope.start && diagnostic.range.start <= suppression.scope.end)) &&
      covers(suppression, names),
  );
}

/** True when a pragma silences this diagnostic. */
export function isSuppressed(diagnostic: Diagnostic, suppressions: readonly Suppression[]): boolean {
  return suppressionsOf(diagnostic, suppressions).length > 0;
}

/**
 * True when a fix of this diagnostic's rule would edit an instruction that a pragma guards for that
 * rule: `# hadolint ignore=DL3059` above a RUN means "leave this RUN alone", so merge-run must not
 * merge the next RUN into it even though the report sits on the next RUN. An insertion touching the
 * instruction's start or end counts, since it would change the instruction or split it from its pragma.
 */
export function fixTouchesGuarded(diagnostic: Diagnostic, edits: readonly TextEdit[], suppressions: readonly Suppression[]): boolean {
  const names = namesOf(diagnostic);
  return suppressions.some(
    (suppression) =>
      suppression.scope !== null &&
      covers(suppression, names) &&
      edits.some((edit) => edit.start <= (suppression.scope as TextRange).end && edit.end >= (suppression.scope as TextRange).start),
  );
}
