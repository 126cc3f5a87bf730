import { isGoSpace } from './lines.js';

/** A heredoc that an instruction line opens, as BuildKit reads it. */
export interface HeredocMarker {
  /** The terminator word, quotes removed. */
  readonly name: string;
  /** `<<-`: leading tabs are stripped from the terminator line (and the body). */
  readonly chomp: boolean;
}

/** Thrown when a line's heredoc markers cannot be read with certainty; the caller then leaves the file alone. */
export class UncertainHeredoc extends Error {
  override readonly name = 'UncertainHeredoc';
}

const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;

/**
 * The heredocs opened by an instruction's joined line, mirroring BuildKit's `heredocsFromLine`: the
 * line is split into shell words (quotes and escapes kept raw), and each word of the form
 * `[n]<<[-]NAME` opens one. Anything this small lexer cannot follow exactly (`${…}`, unterminated
 * quotes) throws {@link UncertainHeredoc} instead of guessing.
 */
export function heredocsFromLine(line: string): HeredocMarker[] {
  const markers: HeredocMarker[] = [];
  for (const word of rawShellWords(line)) {
    const match = HEREDOC_WORD.exec(word);
    if (!match) continue;
    const rest = match[3] ?? '';
    if (rest === '') continue;
    const name = unquoteWord(rest);
    if (name === null) continue;
    markers.push({ name, chomp: match[2] === '-' });
  }
  return markers;
}

/** Splits a line into words, keeping quotes and backslashes as written (BuildKit's RawQuotes + RawEscapes). */
function rawShellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    const code = line.charCodeAt(i);
    if (char === '\\') {
      word += char;
      inWord = true;
      if (i + 1 < line.length) {
        i++;
        word += line[i];
      }
      continue;
    }
    if (char === "'" || char === '"') {
      const end = closingQuote(line, i);
      word += line.slice(i, end + 1);
      inWord = true;
      i = end;
      continue;
    }
    if (char === '$' && line[i + 1] === '{') {
      const end = simpleBraceEnd(line, i);
      word += line.slice(i, end);
      inWord = true;
      i = end - 1;
      continue;
    }
    if (isGoSpace(code)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    word += char;
    inWord = true;
  }
  if (inWord) words.push(word);
  return words;
}

/** Index of the quote closing the one at `open`; throws when it is not closed. */
function closingQuote(line: string, open: number): number {
  const quote = line[open];
  for (let i = open + 1; i < line.length; i++) {
    const char = line[i];
    if (quote === '"' && char === '\\') {
      i++;
      continue;
    }
    if (quote === '"' && char === '$' && line[i + 1] === '{') {
      i = simpleBraceEnd(line, i) - 1;
      continue;
    }
    if (char === quote) return i;
  }
  throw new UncertainHeredoc('unterminated quote on a line with `<<`');
}

/**
 * End of a `${…}` starting at `start` when it holds no blanks, quotes or nested braces (so it is
 * plainly part of the current word); otherwise the lexer cannot be sure and throws.
 */
function simpleBraceEnd(line: string, start: number): number {
  for (let i = start + 2; i < line.length; i++) {
    const char = line[i] as string;
    if (char === '}') return i + 1;
    if (char === '{' || char === '$' || char === '"' || char === "'" || char === '\\' || char === '`' || isGoSpace(line.charCodeAt(i))) break;
  }
  throw new UncertainHeredoc('`${…}` with blanks or quotes on a line with `<<`');
}

/** The heredoc name after `<<`: quotes and escapes removed; null when it is not one word. */
function unquoteWord(raw: string): string | null {
  if (raw.includes('$')) throw new UncertainHeredoc('`$` in a heredoc name');
  let name = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i] as string;
    if (isGoSpace(raw.charCodeAt(i))) return null;
    if (char === '\\') {
      i++;
      if (i < raw.length) name += raw[i];
      continue;
    }
    if (char === "'" || char === '"') {
      const end = closingQuote(raw, i);
      const inner = raw.slice(i + 1, end);
      name += char === '"' ? inner.replace(/\\(.)/g, '$1') : inner;
      i = end;
      continue;
    }
    name += char;
  }
  return name;
}
