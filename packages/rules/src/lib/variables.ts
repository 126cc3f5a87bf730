import { editDistance, type TextRange } from '@dockfix/core';

/** Build arguments BuildKit defines for every build; FROM may use them without a global ARG. */
export const PREDEFINED_ARGS: ReadonlyMap<string, string> = new Map([
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDOSVERSION', ''],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETOSVERSION', ''],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
  ['TARGETSTAGE', 'default'],
]);

/** One `$NAME` or `${NAME…}` in a word the Dockerfile frontend expands. */
export interface VariableReference {
  readonly name: string;
  /** From the `$` to the end of the name (`${NAME` without its modifier and brace). */
  readonly range: TextRange;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * The variables a word refers to, the way BuildKit's lexer finds them: the escape character makes the
 * next character literal, single quotes stop expansion, and a `${A:-$B}` default refers to B as well.
 * `text` starts at `offset` in the file.
 */
export function variableReferences(text: string, offset: number, escapeChar: string): VariableReference[] {
  const references: VariableReference[] = [];
  // Most words have no `$`: the scan below would find nothing.
  if (!text.includes('$')) return references;
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === escapeChar) {
      i++;
      continue;
    }
    if (char === "'" && !inDouble) {
      const close = text.indexOf("'", i + 1);
      if (close === -1) break;
      i = close;
      continue;
    }
    if (char === '"') {
      inDouble = !inDouble;
      continue;
    }
    if (char !== '$') continue;
    const braced = text[i + 1] === '{';
    let start = i + (braced ? 2 : 1);
    if (!NAME_START.test(text[start] ?? '')) continue;
    let end = start;
    while (end < text.length && NAME_CHAR.test(text[end] ?? '')) end++;
    references.push({ name: text.slice(start, end), range: { start: offset + i, end: offset + end } });
    start = end;
    i = end - 1;
  }
  return references;
}

/**
 * Expands a word with `env` as BuildKit does for `$A`, `${A}`, `${A:-w}`, `${A-w}`, `${A:+w}`, `${A+w}`;
 * null when it holds anything else (`${A#p}`, `${A/x/y}`, `${A?}`), whose result dockfix does not compute.
 */
export function expandWord(text: string, env: ReadonlyMap<string, string>, escapeChar = '\\'): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === escapeChar) {
      out += text[i + 1] ?? '';
      i++;
      continue;
    }
    if (char === "'" || char === '"') continue;
    if (char !== '$') {
      out += char;
      continue;
    }
    if (text[i + 1] !== '{') {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))?.[0];
      if (!name) {
        out += '$';
        continue;
      }
      out += env.get(name) ?? '';
      i += name.length;
      continue;
    }
    const match = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^{}]*))?\}/.exec(text.slice(i));
    if (!match) return null;
    const [whole, name = '', modifier, rawWord = ''] = match;
    // The word of a modifier is itself expanded, quotes and variables included (`${A:-"x"}`, `${A:+$A:}`).
    const word = expandWord(rawWord, env, escapeChar);
    if (word === null) return null;
    const value = env.get(name);
    const unset = value === undefined || (modifier?.startsWith(':') === true && value === '');
    if (modifier === undefined) out += value ?? '';
    else if (modifier.endsWith('-')) out += unset ? word : (value ?? '');
    else out += unset ? '' : word;
    i += whole.length - 1;
  }
  return out;
}

/** The closest of `options` to `name` within an edit distance of 2, as BuildKit suggests; null if none or exact. */
export function suggestName(name: string, options: Iterable<string>, caseSensitive = true): string | null {
  const wanted = caseSensitive ? name : name.toLowerCase();
  let best: string | null = null;
  let bestDistance = 3;
  for (const option of options) {
    const candidate = caseSensitive ? option : option.toLowerCase();
    if (candidate === wanted) return null;
    const distance = editDistance(wanted, candidate);
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The value of each global ARG as BuildKit computes it with no `--build-arg`: the ARGs before the first
 * FROM in order (a later `ARG X=…` may use and replace an earlier X), over the predefined platform args.
 * `args` are their name/raw-default pairs; null when a default uses an expansion dockfix does not compute.
 */
export function globalArgDefaults(args: readonly { readonly name: string; readonly raw: string | null }[], escapeChar: string): Map<string, string> | null {
  const env = new Map(PREDEFINED_ARGS);
  for (const { name, raw } of args) {
    if (raw === null) continue;
    const value = expandWord(raw, env, escapeChar);
    if (value === null) return null;
    env.set(name, value);
  }
  return env;
}

// The grammar of github.com/distribution/reference: [domain[:port]/]path[:tag][@digest].
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

/** Whether `reference` is an image reference Docker accepts (`busybox`, `ghcr.io/a/b:1.0`, `x@sha256:…`). */
export function isValidImageReference(reference: string): boolean {
  if (reference.length === 0 || reference.length > 255 + 128 + 80) return false;
  return REFERENCE.test(reference);
}
