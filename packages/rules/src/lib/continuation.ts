import type { Instruction, Source, TextRange } from '@dockfix/core';

/** The physical lines of an instruction's continued part, up to the line that does not end with the escape character. */
export interface ContinuedLine {
  readonly range: TextRange;
  readonly kind: 'empty' | 'comment' | 'text';
}

// BuildKit's rule: the escape character ends the line and is not itself escaped (`C:\\` does not continue).
// Compiled once: a new RegExp per instruction showed in the profile.
const CONTINUES_BACKSLASH = /(?:[^\\]|^)\\[ \t]*\r?$/;
const CONTINUES_BACKTICK = /(?:[^`]|^)`[ \t]*\r?$/;

/**
 * The lines after the first that the parser joins into `instruction` through trailing escape characters:
 * empty ones (which BuildKit skips and warns about), comment lines (skipped silently) and the rest.
 * Heredoc bodies are not included: they start after the last continued line.
 */
export function continuedLines(source: Source, instruction: Instruction): ContinuedLine[] {
  const text = source.text;
  const continues = source.escapeChar === '`' ? CONTINUES_BACKTICK : CONTINUES_BACKSLASH;
  const lines: ContinuedLine[] = [];
  let start = instruction.range.start;
  let end = text.indexOf('\n', start);
  if (end === -1 || !continues.test(text.slice(start, end))) return lines;
  for (;;) {
    start = end + 1;
    if (start >= text.length) return lines;
    end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    const range = { start, end: end === text.length ? end : end + 1 };
    if (line.trim() === '') {
      lines.push({ range, kind: 'empty' });
      continue;
    }
    if (line.trimStart().startsWith('#')) {
      lines.push({ range, kind: 'comment' });
      continue;
    }
    lines.push({ range, kind: 'text' });
    if (!continues.test(line)) return lines;
  }
}
