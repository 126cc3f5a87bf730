import type { TextRange } from '@dockfix/core';

/** One string of an exec-form JSON array, with where it is written. */
export interface JsonString {
  readonly value: string;
  /** The literal with its quotes. */
  readonly range: TextRange;
  /** For each decoded character (and one past the end), the offset in the text where it is written. */
  readonly offsets: readonly number[];
}

/** The strings of a JSON array written at `offset` in the text, with offsets; null when it is not a flat array of strings. */
export function jsonStrings(text: string, offset: number): JsonString[] | null {
  const strings: JsonString[] = [];
  let i = 0;
  const skipBlanks = () => {
    for (;;) {
      const char = text[i];
      if (char !== undefined && /\s/.test(char)) i++;
      // A line continuation inside the array: the Dockerfile parser joins the lines before reading the JSON.
      else if (char === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) i++;
      else break;
    }
  };
  skipBlanks();
  if (text[i] !== '[') return null;
  i++;
  for (;;) {
    skipBlanks();
    if (text[i] === ']') break;
    if (text[i] !== '"') return null;
    const start = i;
    i++;
    let value = '';
    const offsets: number[] = [];
    while (i < text.length && text[i] !== '"') {
      offsets.push(offset + i);
      if (text[i] === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          value += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          value += { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' }[next ?? ''] ?? next ?? '';
          i += 2;
        }
      } else {
        value += text[i];
        i++;
      }
    }
    if (text[i] !== '"') return null;
    offsets.push(offset + i);
    i++;
    strings.push({ value, range: { start: offset + start, end: offset + i }, offsets });
    skipBlanks();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ']') break;
    return null;
  }
  return strings;
}

/** Writes strings as an exec-form JSON array the way Dockerfiles usually do: `["node", "server.js"]`. */
export function toJsonArray(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
}
