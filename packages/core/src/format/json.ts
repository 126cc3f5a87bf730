/** One token of an exec-form JSON array, with offsets into the text it was read from. */
export interface JsonToken {
  readonly kind: '[' | ']' | ',' | 'string';
  readonly start: number;
  readonly end: number;
}

/** How BuildKit reads an instruction's arguments that start with `[`. */
export type JsonForm =
  /** A JSON array of strings: exec form. `tokens` is null when text follows the array (Go ignores it; we leave it alone). */
  | { readonly kind: 'exec'; readonly tokens: readonly JsonToken[] | null; readonly values: readonly string[] }
  /** Valid JSON but not an array of strings: BuildKit rejects the file. */
  | { readonly kind: 'invalid' }
  /** Not JSON: shell form (or whitespace-separated words). */
  | { readonly kind: 'shell' };

const JSON_SPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Reads `text` from `start` the way BuildKit's `parseJSON` does: Go's JSON decoder takes the first
 * value and ignores whatever follows it.
 */
export function readJsonForm(text: string, start: number, end: number): JsonForm {
  if (text[start] !== '[') return { kind: 'shell' };
  const valueEnd = skipJsonValue(text, start, end);
  if (valueEnd === -1) return { kind: 'shell' };
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, valueEnd));
  } catch {
    return { kind: 'shell' };
  }
  if (!Array.isArray(value)) return { kind: 'shell' };
  if (!value.every((item) => typeof item === 'string')) return { kind: 'invalid' };
  let rest = valueEnd;
  while (rest < end && JSON_SPACE.has(text[rest] as string)) rest++;
  return { kind: 'exec', values: value as string[], tokens: rest === end ? tokenizeStringArray(text, start, valueEnd) : null };
}

/** Tokens of a JSON array of strings spanning exactly `start..end`. */
function tokenizeStringArray(text: string, start: number, end: number): JsonToken[] {
  const tokens: JsonToken[] = [];
  for (let i = start; i < end; ) {
    const char = text[i] as string;
    if (JSON_SPACE.has(char)) {
      i++;
    } else if (char === '"') {
      const close = skipJsonString(text, i, end);
      tokens.push({ kind: 'string', start: i, end: close });
      i = close;
    } else {
      tokens.push({ kind: char as '[' | ']' | ',', start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/** End of the JSON value starting at `i` (after leading whitespace), or -1 when there is none. */
function skipJsonValue(text: string, i: number, end: number): number {
  while (i < end && JSON_SPACE.has(text[i] as string)) i++;
  if (i >= end) return -1;
  const char = text[i];
  if (char === '"') return skipJsonString(text, i, end);
  if (char === '[' || char === '{') {
    const close = char === '[' ? ']' : '}';
    i++;
    while (i < end && JSON_SPACE.has(text[i] as string)) i++;
    if (text[i] === close) return i + 1;
    for (;;) {
      if (char === '{') {
        i = skipJsonString(text, skipSpace(text, i, end), end);
        if (i === -1) return -1;
        i = skipSpace(text, i, end);
        if (text[i] !== ':') return -1;
        i++;
      }
      i = skipJsonValue(text, i, end);
      if (i === -1) return -1;
      i = skipSpace(text, i, end);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) return i + 1;
      return -1;
    }
  }
  const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, Math.min(end, i + 64)));
  return literal ? i + literal[0].length : -1;
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && JSON_SPACE.has(text[i] as string)) i++;
  return i;
}

/** End (past the closing quote) of the JSON string starting at `i`, or -1. */
function skipJsonString(text: string, i: number, end: number): number {
  if (text[i] !== '"') return -1;
  for (let j = i + 1; j < end; j++) {
    const char = text[j];
    if (char === '\\') j++;
    else if (char === '"') return j + 1;
  }
  return -1;
}

/** The array written as `["a", "b"]`, each string exactly as it was written. */
export function printJsonArray(text: string, tokens: readonly JsonToken[]): string {
  let out = '';
  for (const [index, token] of tokens.entries()) {
    out += token.kind === 'string' ? text.slice(token.start, token.end) : token.kind;
    const next = tokens[index + 1];
    if (token.kind === ',' && next && next.kind !== ']') out += ' ';
  }
  return out;
}
