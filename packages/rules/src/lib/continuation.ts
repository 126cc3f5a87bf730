import type { Instruction, Source, TextRange } from '@dockfix/core';

/** The physical lines of an instruction's continued part, up to the line that does not end with the escape character. */
export interface ContinuedLine {
  readonly range: TextRange;
  readonly kind: 'empty' | 'comment' | 'text';
}

/**
 * BuildKit's rule: the escape character ends the line and is not itself escaped (`C:\\` does not
 * continue). True when `text[start, end)` ends with the escape, then blanks and at most one `\r`, and the
 * character before the escape is not one too; `start` counts as the start of a line. Read from the end of
 * the line, as `/(?:[^\\]|^)\\[ \t]*\r?$/` would match it, without slicing the line or scanning all of it:
 * every instruction's first line is asked.
 */
export function continues(text: string, start: number, end: number, escape: string): boolean {
  let at = end;
  if (at > start && text[at - 1] === '\r') at--;
  while (at > start && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return at > start && text[at - 1] === escape && (at - 1 === start || text[at - 2] !== escape);
}

/**
 * The lines after the first that the parser joins into `instruction` through trailing escape characters:
 * empty ones (which BuildKit skips and warns about), comment lines (skipped silently) and the rest.
 * Heredoc bodies are not included: they start after the last continued line.
 */
export function continuedLines(source: Source, instruction: Instruction): ContinuedLine[] {
  const text = source.text;
  const escape = source.escapeChar;
  let start = instruction.range.start;
  let end = text.indexOf('\n', start);
  if (end === -1 || !continues(text, start, end, escape)) return [];
  const lines: ContinuedLine[] = [];
  for (;;) {
    start = end + 1;
    if (start >= text.length) return lines;
    end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const range = { start, end: end === text.length ? end : end + 1 };
    // Read in place rather than sliced and trimmed: every line of every continued instruction is asked.
    const first = firstNonBlank(text, start, end);
    if (first === end) {
      lines.push({ range, kind: 'empty' });
      continue;
    }
    if (text[first] === '#') {
      lines.push({ range, kind: 'comment' });
      continue;
    }
    lines.push({ range, kind: 'text' });
    // One `\r` before the break belongs to the line ending, not to the line.
    if (!continues(text, start, end > start && text[end - 1] === '\r' ? end - 1 : end, escape)) return lines;
  }
}

/** The offset of the first character in `text[start, end)` that `String.prototype.trim` would keep, or `end`. */
function firstNonBlank(text: string, start: number, end: number): number {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x20 || code === 0x09) continue;
    // Printable ASCII is never blank; anything else is decided by `\s`, which is trim's set.
    if ((code > 0x20 && code < 0x7f) || !/\s/.test(text[at] as string)) return at;
  }
  return end;
}
