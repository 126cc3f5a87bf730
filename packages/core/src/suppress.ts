import type { Diagnostic } from './diagnostic.js';
import type { DockerfileModel } from './model.js';
import type { TextRange } from './source.js';

/** An inline pragma that silences rules, for the next instruction or the whole file. */
export interface Suppression {
  /** Rule ids or aliases, lower-cased; empty means every rule. */
  readonly rules: readonly string[];
  /** The instruction range it covers; null for the whole file. */
  readonly scope: TextRange | null;
  readonly comment: TextRange;
}

const PRAGMAS: readonly { pattern: RegExp; file: boolean }[] = [
  { pattern: /^#\s*dockfix-ignore-file\b\s*([\w\-, ]*)/, file: true },
  { pattern: /^#\s*dockfix-ignore\b\s*([\w\-, ]*)/, file: false },
  { pattern: /^#\s*hadolint\s+global\s+ignore\s*=\s*([\w\-, ]*)/, file: true },
  { pattern: /^#\s*hadolint\s+ignore\s*=\s*([\w\-, ]*)/, file: false },
];

/**
 * Reads `# dockfix-ignore rule-a,rule-b` / `# hadolint ignore=DL3008` (next instruction) and
 * `# dockfix-ignore-file …` / `# hadolint global ignore=…` (whole file). Anything after a second `#`
 * or `--` is a reason and ignored.
 */
export function collectSuppressions(model: DockerfileModel): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const comment of model.comments) {
    for (const { pattern, file } of PRAGMAS) {
      const match = pattern.exec(comment.text);
      if (!match) continue;
      const list = (match[1] ?? '').split(/--/)[0] ?? '';
      const rules = list
        .split(/[,\s]+/)
        .map((rule) => rule.trim().toLowerCase())
        .filter(Boolean);
      const next = file ? undefined : model.instructions.find((instruction) => instruction.range.start >= comment.range.end);
      if (!file && !next) break;
      suppressions.push({ rules, scope: file ? null : (next?.range ?? null), comment: comment.range });
      break;
    }
  }
  return suppressions;
}

/** True when a pragma silences this diagnostic. */
export function isSuppressed(diagnostic: Diagnostic, suppressions: readonly Suppression[]): boolean {
  const names = [diagnostic.ruleId, ...diagnostic.aliases].map((name) => name.toLowerCase());
  return suppressions.some(
    (suppression) =>
      (suppression.scope === null ||
        (diagnostic.range.start >= suppression.scope.start && diagnostic.range.start <= suppression.scope.end)) &&
      (suppression.rules.length === 0 || suppression.rules.some((rule) => names.includes(rule))),
  );
}
