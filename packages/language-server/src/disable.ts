import { buildModel, collectSuppressions, Source, UNKNOWN_PRAGMA_RULE, UNUSED_PRAGMA_RULE, type Diagnostic, type DockerfileModel, type Suppression, type TextEdit } from '@dockfix/core';

/** The pragma edits that silence one diagnostic: for its instruction, and for the whole file. */
export interface DisableEdits {
  /** Undefined when the diagnostic is outside every instruction (a comment): a next-instruction pragma cannot reach it. */
  readonly instruction: TextEdit | undefined;
  readonly file: TextEdit;
}

/**
 * Rules a pragma cannot silence: `syntax` is not a rule, and the pragma rules report on the pragmas
 * themselves after suppression has run (silence them in the config instead).
 */
const NOT_SUPPRESSIBLE: ReadonlySet<string> = new Set(['syntax', UNKNOWN_PRAGMA_RULE, UNUSED_PRAGMA_RULE]);

/**
 * Computes the `# dockfix-ignore <id>` edit (a line above the diagnostic's instruction, indented
 * like it) and the `# dockfix-ignore-file <id>` edit (below the parser directives, which must stay
 * first or BuildKit stops reading them). When a dockfix pragma of that scope is already there, the
 * id is appended to its list instead, so a second "disable" does not stack up pragma lines; hadolint's
 * pragmas are left as they are, since hadolint would read a dockfix id as one of its own codes.
 * Returns undefined for what no pragma silences.
 */
export function disableEdits(text: string, diagnostic: Diagnostic): DisableEdits | undefined {
  return createDisabler(text)(diagnostic);
}

/** {@link disableEdits} for many diagnostics of one text: the model and its pragmas are read once. */
export function createDisabler(text: string, model = buildModel(new Source(text))): (diagnostic: Diagnostic) => DisableEdits | undefined {
  const suppressions = collectSuppressions(model);
  return (diagnostic) => disableWith(text, model, suppressions, diagnostic);
}

function disableWith(text: string, model: DockerfileModel, suppressions: readonly Suppression[], diagnostic: Diagnostic): DisableEdits | undefined {
  if (NOT_SUPPRESSIBLE.has(diagnostic.ruleId)) return undefined;
  const id = diagnostic.ruleId;
  const eol = model.source.lineEndings.dominant;

  const instruction = model.instructions.find((candidate) => candidate.range.start <= diagnostic.range.start && diagnostic.range.start <= candidate.range.end);
  let instructionEdit: TextEdit | undefined;
  if (instruction) {
    const existing = suppressions.find((s) => s.kind === 'dockfix-ignore' && s.scope?.start === instruction.range.start && s.entries.length > 0);
    if (existing) instructionEdit = append(existing, id);
    else {
      const lineStart = text.lastIndexOf('\n', instruction.range.start - 1) + 1;
      const indent = /^[ \t]*/.exec(text.slice(lineStart, instruction.range.start))?.[0] ?? '';
      instructionEdit = { start: lineStart, end: lineStart, text: `${indent}# dockfix-ignore ${id}${eol}` };
    }
  }

  const existingFile = suppressions.find((s) => s.kind === 'dockfix-ignore-file' && s.entries.length > 0);
  let fileEdit: TextEdit;
  if (existingFile) fileEdit = append(existingFile, id);
  else {
    const lastDirective = model.source.directives.at(-1);
    let at = model.source.hasBom ? 1 : 0;
    if (lastDirective) {
      const newline = text.indexOf('\n', lastDirective.range.end);
      at = newline === -1 ? text.length : newline + 1;
    }
    // A directive on the last line without a newline: the pragma needs its own line.
    const before = at === text.length && at > 0 && !text.endsWith('\n') ? eol : '';
    fileEdit = { start: at, end: at, text: `${before}# dockfix-ignore-file ${id}${eol}` };
  }
  return { instruction: instructionEdit, file: fileEdit };
}

/** `,<id>` after the last name of a pragma's list (before any `-- reason`). */
function append(suppression: Suppression, id: string): TextEdit {
  const last = suppression.entries.at(-1);
  const at = last ? last.range.end : suppression.comment.end;
  return { start: at, end: at, text: `,${id}` };
}
