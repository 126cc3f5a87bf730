import { commentsIn, type Instruction, type RuleContext, type Stage, type TextEdit } from '@dockfix/core';

/** The parts of a rule context these helpers use, whatever the rule's options. */
export type EditContext = Pick<RuleContext<unknown>, 'source' | 'model' | 'fix'>;

/** The start of the comment lines directly above an instruction (no blank line between), or the start of its line. */
export function leadingCommentsStart(ctx: EditContext, instruction: Instruction): number {
  const { source } = ctx;
  let start = source.lineStartAt(instruction.range.start);
  for (;;) {
    if (start === 0) return start;
    const previousLine = source.lineStartAt(start - 1);
    const comment = commentsIn(ctx.model, previousLine, start)[0];
    if (!comment || source.text.slice(previousLine, comment.range.start).trim() !== '') return start;
    start = previousLine;
  }
}

/** Where the line after an instruction starts (the instruction's last line included); the text's length at the end of the file. */
export function lineAfter(ctx: EditContext, instruction: Instruction): number {
  const { source } = ctx;
  const lastChar = Math.max(instruction.range.start, instruction.range.end - 1);
  return source.nextLineStartAt(lastChar);
}

/**
 * Inserts whole lines right after an instruction, in the file's line ending. Null when the file ends
 * inside a line continuation (anything appended would join the instruction).
 */
export function insertLinesAfter(ctx: EditContext, instruction: Instruction, lines: readonly string[]): TextEdit | null {
  const { source } = ctx;
  const eol = source.lineEndings.dominant;
  const at = lineAfter(ctx, instruction);
  const text = source.text;
  if (at >= text.length) {
    if (text.trimEnd().endsWith(source.escapeChar)) return null;
    const endsWithBreak = text.endsWith('\n');
    return ctx.fix.insertAfter(text.length, endsWithBreak ? lines.map((line) => line + eol).join('') : eol + lines.join(eol));
  }
  return ctx.fix.insertAfter(at, lines.map((line) => line + eol).join(''));
}

/** The instruction keyword in the case the file uses for FROM, so that added lines match (`as` in lower-case files). */
export function keywordCase(stage: Stage, ctx: EditContext): (keyword: string) => string {
  const first = stage.from ?? stage.instructions[0];
  const written = first ? ctx.source.slice(first.keywordRange) : 'FROM';
  return written === written.toLowerCase() ? (keyword) => keyword.toLowerCase() : (keyword) => keyword.toUpperCase();
}
