/** One physical line of the text: `text.slice(start, end)` is its content, `eol` its line break. */
export interface PhysicalLine {
  readonly start: number;
  /** Offset just past the content, before the line break. */
  readonly end: number;
  readonly eol: '' | '\n' | '\r\n';
}

/**
 * Splits text into lines the way BuildKit's scanner does (on LF only; a CR before the LF belongs to
 * the break). `offset` is where the first line starts (1 after a BOM).
 */
export function splitLines(text: string, offset: number): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = offset;
  while (start < text.length) {
    const lf = text.indexOf('\n', start);
    if (lf === -1) {
      lines.push({ start, end: text.length, eol: '' });
      break;
    }
    const crlf = lf > start && text.charCodeAt(lf - 1) === 13;
    lines.push({ start, end: crlf ? lf - 1 : lf, eol: crlf ? '\r\n' : '\n' });
    start = lf + 1;
  }
  return lines;
}

/** Go's `unicode.IsSpace`: what BuildKit trims from the start of instruction lines. */
export function isGoSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Index of the first character at or after `from` (before `to`) that is not Go whitespace. */
export function skipGoSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isGoSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index just past the last character before `to` (at or after `from`) that is not a space or tab. */
export function trimBlanksEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return i;
}

/** The text without its trailing spaces and tabs; a loop, since `/[ \t]+$/` retries at every blank (quadratic on long runs). */
export function withoutTrailingBlanks(text: string): string {
  return text.slice(0, trimBlanksEnd(text, 0, text.length));
}

/** Width in columns of a run of spaces and tabs, with tab stops every `tabWidth` columns. */
export function indentWidth(indent: string, tabWidth: number): number {
  let width = 0;
  for (const char of indent) {
    if (char === '\t') width += tabWidth - (width % tabWidth);
    else width += 1;
  }
  return width;
}
