import { commentsIn, type Argument, type Instruction, type Source, type TextEdit, type TextRange } from '@dockfix/core';
import type { EditContext } from './edits.js';

/** A path or word with one pair of surrounding quotes removed, as hadolint and the frontend compare them. */
export function dropQuotes(text: string): string {
  // A loop, not /["']+$/: that regex retries from every quote of a long run (quadratic).
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === '"' || text[start] === "'")) start++;
  while (end > start && (text[end - 1] === '"' || text[end - 1] === "'")) end--;
  return text.slice(start, end);
}

/** True for `C:\…`, `c:/…` and other drive-letter paths that Windows images use as absolute paths. */
export function isWindowsAbsolute(path: string): boolean {
  return /^[A-Za-z]:/.test(path);
}

/** True when a WORKDIR or COPY destination is absolute (POSIX or Windows) or starts with a variable whose value is unknown. */
export function isAbsoluteOrVariable(path: string): boolean {
  const bare = dropQuotes(path);
  return bare.startsWith('/') || bare.startsWith('$') || isWindowsAbsolute(bare);
}

/**
 * The words of an instruction's arguments as written (quotes and backslashes kept), split the way the
 * frontend splits them: on blanks outside quotes, with line continuations counting as blanks. dockerfile-ast
 * splits `"C:\\Program Files"` in two and drops backslashes, which Windows paths need.
 */
export function rawWords(source: Source, range: TextRange): Argument[] {
  const text = source.slice(range);
  const escape = source.escapeChar;
  const words: Argument[] = [];
  let start = -1;
  let quote: string | null = null;
  const end = (at: number) => {
    if (start !== -1) words.push({ value: text.slice(start, at), range: { start: range.start + start, end: range.start + at } });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === escape && quote !== "'") {
      const continuation = /^[ \t]*\r?\n/.exec(text.slice(i + 1));
      if (continuation && quote === null) {
        end(i);
        i += continuation[0].length;
        continue;
      }
      if (start === -1) start = i;
      i++;
      continue;
    }
    if (quote) {
      if (char === quote) quote = null;
      continue;
    }
    if (/\s/.test(char)) {
      end(i);
      continue;
    }
    if (start === -1) start = i;
    if (char === '"' || char === "'") quote = char;
  }
  end(text.length);
  return words;
}

/** The operands of a COPY or ADD: its sources and its destination; null when it has fewer than two or is a heredoc. */
export function copyOperands(source: Source, instruction: Instruction): { sources: readonly Argument[]; dest: Argument } | null {
  if (!instruction.argsRange) return null;
  // Exec form `COPY ["a", "b", "dest/"]`: one argument per JSON string, ranges on the whole array.
  const args: readonly Argument[] = instruction.json
    ? instruction.json.map((value) => ({ value, range: instruction.argsRange as TextRange }))
    : rawWords(source, instruction.argsRange);
  if (args.length < 2 || args.some((arg) => arg.value.startsWith('<<'))) return null;
  const dest = args.at(-1) as Argument;
  return { sources: args.slice(0, -1), dest };
}

/**
 * The edit that deletes an instruction: its lines, plus one blank line after it when a blank line also
 * precedes it, so no double gap is left. Null when comment lines sit inside the instruction (they would be lost).
 */
export function removeInstruction(ctx: EditContext, instruction: Instruction): TextEdit | null {
  const { source } = ctx;
  if (commentsIn(ctx.model, instruction.range.start + 1, instruction.range.end).length > 0) return null;
  const start = source.lineStartAt(instruction.range.start);
  if (source.text.slice(start, instruction.range.start).trim() !== '') return null;
  let end = source.nextLineStartAt(Math.max(instruction.range.start, instruction.range.end - 1));
  const rest = source.text.slice(instruction.range.end, end);
  if (rest.trim() !== '') return null;
  const previousLine = start === 0 ? null : source.text.slice(source.lineStartAt(start - 1), start);
  const nextLineEnd = end < source.text.length ? source.nextLineStartAt(end) : end;
  const nextLine = source.text.slice(end, nextLineEnd);
  const blank = (line: string | null) => line !== null && line.trim() === '';
  if ((start === 0 || blank(previousLine)) && end < source.text.length && blank(nextLine)) end = nextLineEnd;
  return ctx.fix.replaceRange(start, end, '');
}

/** A keyword in the case the instruction it replaces is written in (`label` for `maintainer`). */
export function matchCase(written: string, keyword: string): string {
  return written === written.toLowerCase() ? keyword.toLowerCase() : keyword.toUpperCase();
}
