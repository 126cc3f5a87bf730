import type { Diagnostic } from './diagnostic.js';
import type { DockerfileModel, Instruction } from './model.js';
import { parseCheckDirective, type TextRange } from './source.js';

/** Which comment made a suppression. */
export type PragmaKind = 'dockfix-ignore' | 'dockfix-ignore-file' | 'hadolint-ignore' | 'hadolint-global-ignore' | 'check-skip';

/** An inline pragma that silences rules, for the next instruction or the whole file. */
export interface Suppression {
  /** Rule ids or aliases, lower-cased; empty means every rule (every BuildKit check for `check-skip`). */
  readonly rules: readonly string[];
  /** The instruction range it covers; null for the whole file. */
  readonly scope: TextRange | null;
  readonly comment: TextRange;
  readonly kind: PragmaKind;
}

const PRAGMAS: readonly { pattern: RegExp; kind: PragmaKind }[] = [
  { pattern: /^#\s*dockfix-ignore-file\b\s*([\w\-, ]*)/, kind: 'dockfix-ignore-file' },
  { pattern: /^#\s*dockfix-ignore\b\s*([\w\-, ]*)/, kind: 'dockfix-ignore' },
  { pattern: /^#\s*hadolint\s+global\s+ignore\s*=\s*([\w\-, ]*)/, kind: 'hadolint-global-ignore' },
  { pattern: /^#\s*hadolint\s+ignore\s*=\s*([\w\-, ]*)/, kind: 'hadolint-ignore' },
];

/** BuildKit's `# check=skip=A,B` comment above an instruction (BuildKit ≥ 0.26 reads it as the instruction's own check config). */
const CHECK_COMMENT = /^#\s*check\s*=\s*(.+?)\s*$/i;

/**
 * Reads `# dockfix-ignore rule-a,rule-b` / `# hadolint ignore=DL3008` (next instruction) and
 * `# dockfix-ignore-file …` / `# hadolint global ignore=…` (whole file). Anything after a second `#`
 * or `--` is a reason and ignored. Also reads BuildKit's `# check=skip=…` in the comments above an
 * instruction: it skips those checks for that instruction, or for the whole stage above a FROM; only
 * the first such comment counts, and the file's `# check=` parser directive is not one of them.
 */
export function collectSuppressions(model: DockerfileModel): Suppression[] {
  const suppressions: Suppression[] = [];
  const directive = model.source.directives.find((d) => d.name === 'check');
  const checkTaken = new Set<Instruction>();
  for (const comment of model.comments) {
    const next = model.instructions.find((instruction) => instruction.range.start >= comment.range.end);
    const check = CHECK_COMMENT.exec(comment.text);
    if (check) {
      if (!next || checkTaken.has(next) || comment.range.start === directive?.range.start) continue;
      const parsed = parseCheckDirective(check[1] ?? '');
      // BuildKit drops an unreadable comment silently, as it drops any comment that is not a directive.
      if ('problem' in parsed || (parsed.skip !== 'all' && parsed.skip.length === 0)) continue;
      checkTaken.add(next);
      const rules = parsed.skip === 'all' ? [] : parsed.skip.map((rule) => rule.toLowerCase());
      suppressions.push({ rules, scope: checkScope(next), comment: comment.range, kind: 'check-skip' });
      continue;
    }
    for (const { pattern, kind } of PRAGMAS) {
      const match = pattern.exec(comment.text);
      if (!match) continue;
      const file = kind === 'dockfix-ignore-file' || kind === 'hadolint-global-ignore';
      const list = (match[1] ?? '').split(/--/)[0] ?? '';
      const rules = list
        .split(/[,\s]+/)
        .map((rule) => rule.trim().toLowerCase())
        .filter(Boolean);
      if (!file && !next) break;
      suppressions.push({ rules, scope: file ? null : (next?.range ?? null), comment: comment.range, kind });
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

/**
 * True when a pragma silences this diagnostic. `buildkitNames` gives a rule's BuildKit check names
 * (lower-cased): `# check=skip=` names only those, and its `all` means every rule that has one.
 */
export function isSuppressed(
  diagnostic: Diagnostic,
  suppressions: readonly Suppression[],
  buildkitNames: (ruleId: string) => readonly string[] = () => [],
): boolean {
  const names = [diagnostic.ruleId, ...diagnostic.aliases].map((name) => name.toLowerCase());
  return suppressions.some((suppression) => {
    const inScope =
      suppression.scope === null || (diagnostic.range.start >= suppression.scope.start && diagnostic.range.start <= suppression.scope.end);
    if (!inScope) return false;
    if (suppression.kind === 'check-skip') {
      const checks = buildkitNames(diagnostic.ruleId);
      return checks.length > 0 && (suppression.rules.length === 0 || suppression.rules.some((rule) => checks.includes(rule)));
    }
    return suppression.rules.length === 0 || suppression.rules.some((rule) => names.includes(rule));
  });
}
