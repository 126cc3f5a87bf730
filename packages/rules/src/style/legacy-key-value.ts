import { defineRule, type FixInput, type Instruction, type Source } from '@dockfix/core';
import { keyValues, type KeyValue } from '../lib/properties.js';

/** A continuation escape and the line break after it, with the comment and empty lines it skips, per escape character. */
const BACKSLASH_CONTINUATIONS = /\\[ \t]*\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*/g;
const BACKTICK_CONTINUATIONS = /`[ \t]*\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*/g;

/** The value as the parser sees it: continuation escapes, and the comment and empty lines they skip, removed. */
function joinedValue(source: Source, raw: string): string {
  return raw.replace(source.escapeChar === '`' ? BACKTICK_CONTINUATIONS : BACKSLASH_CONTINUATIONS, '');
}

/** True when `value` has whitespace outside quotes and not escaped: as a `key=value` word it would split. */
function hasBareWhitespace(value: string, escapeChar: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < value.length; i++) {
    const char = value[i] ?? '';
    if (char === escapeChar && quote !== "'") i++;
    else if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (/\s/.test(char)) return true;
  }
  return false;
}

/** The rewrite to `key=value` that keeps the value exactly, or null when dockfix cannot write one. */
function rewrite(source: Source, instruction: Instruction, pair: KeyValue): FixInput | null {
  if (!pair.valueRange) return null;
  const separator = { start: pair.nameRange.end, end: pair.valueRange.start };
  const value = joinedValue(source, source.slice(pair.valueRange));
  const title = `Write \`${instruction.keyword} ${pair.name}=…\``;
  if (!hasBareWhitespace(value, source.escapeChar)) {
    return { title, edits: [{ ...separator, text: '=' }] };
  }
  // Inside double quotes, `$VAR` expands exactly as it does bare; quotes or escapes already in the value
  // would change meaning, so those values are reported without a fix.
  if (/["']/.test(value) || value.includes(source.escapeChar)) return null;
  return { title, edits: [{ ...separator, text: '="' }, { start: pair.valueRange.end, end: pair.valueRange.end, text: '"' }] };
}

export default defineRule({
  meta: {
    id: 'legacy-key-value',
    category: 'style',
    severity: 'warning',
    description: 'Write `ENV` and `LABEL` as `key=value`, not the legacy `key value`',
    fix: 'safe',
    sources: [{ tool: 'buildkit', rule: 'LegacyKeyValueFormat', kind: 'same' }],
    docs: {
      rationale: [
        '`ENV key value` sets one variable to everything after the first space, while `ENV key=value other=x`',
        'sets two: the same line means different things depending on an `=` far from where the eye looks, and',
        'only one variable fits on a legacy line. Docker has deprecated the space-separated form and BuildKit',
        'warns about it.',
      ].join('\n'),
      invalid: ['FROM alpine:3.22\nENV APP_HOME /srv/app\n', 'FROM alpine:3.22\nENV DEPS \\\n    curl \\\n    git\n', 'FROM alpine:3.22\nLABEL description A small tool\n'],
      valid: ['FROM alpine:3.22\nENV APP_HOME=/srv/app\nLABEL description="A small tool"\n'],
      fixNotes: [
        'The fix replaces the separator with `=` and, when the value holds spaces, wraps it in double quotes:',
        '`ENV DEPS \\` + `curl \\` + `git` becomes `ENV DEPS="curl \\` + `git"`, with the continued lines and',
        'their indentation unchanged, so the value is the same string. Safe: inside double quotes `$VAR`',
        'expands as it does bare. A value that has spaces and also quotes or escape characters',
        '(`ENV A "x" y`) is reported without a fix.',
      ].join('\n'),
    },
  },
  create(ctx) {
    const check = (instruction: Instruction) => {
      const pairs = keyValues(ctx.source, instruction);
      const pair = pairs[0];
      if (pairs.length !== 1 || !pair || pair.operator !== null || !pair.valueRange) return;
      const fix = rewrite(ctx.source, instruction, pair);
      ctx.report({
        node: { start: instruction.keywordRange.start, end: pair.valueRange.start },
        message: `legacy \`${instruction.keyword} key value\` format; write \`${instruction.keyword} ${pair.name}=…\``,
        ...(fix ? { fix } : {}),
      });
    };
    return { ENV: check, LABEL: check };
  },
});
