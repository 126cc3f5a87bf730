// The loops and rewritten regexes that replaced quadratic regexes (found by regex-safety.test.ts)
// answer exactly what the old regexes answered, on random strings over the characters that matter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutTrailingBlanks } from '../packages/core/dist/format/lines.js';
import { arithmeticAssignment } from '../packages/rules/dist/lib/merge.js';
import { trailingJoinLength } from '../packages/rules/dist/lib/shell.js';
import { withoutTrailingSlashes } from '../packages/rules/dist/lib/text.js';

const over = (chars: string, maxLength = 40) => fc.array(fc.constantFrom(...chars.split('')), { maxLength }).map((a) => a.join(''));
const runs = { numRuns: 3_000, seed: 42 };

describe('linear rewrites of quadratic regexes', () => {
  it('arithmeticAssignment = /\\(\\([^)]*(\\+\\+|--|[^=!<>]=[^=])/', () => {
    const old = /\(\([^)]*(\+\+|--|[^=!<>]=[^=])/;
    fc.assert(fc.property(over('(()+-=!<>a '), (text) => {
      expect(arithmeticAssignment(text)).toBe(old.test(text));
    }), runs);
    expect(arithmeticAssignment('((a=))')).toBe(true);
    expect(arithmeticAssignment('((a==1))')).toBe(false);
    expect(arithmeticAssignment('((a)++')).toBe(false);
  });

  it('trailingJoinLength = the `${GAP}&&${GAP}$` match', () => {
    const GAP = '(?:[ \\t]|[\\\\`][ \\t]*\\r?\\n)*';
    const old = new RegExp(`${GAP}&&${GAP}$`);
    fc.assert(fc.property(over(' \t\\`\r\n&a'), (text) => {
      expect(trailingJoinLength(text)).toBe(old.exec(text)?.[0].length ?? null);
    }), runs);
  });

  it('withoutTrailingSlashes and withoutTrailingBlanks = the old replace', () => {
    fc.assert(fc.property(over('/a '), (text) => {
      expect(withoutTrailingSlashes(text)).toBe(text.replace(/\/+$/, ''));
    }), runs);
    fc.assert(fc.property(over(' \ta\n'), (text) => {
      expect(withoutTrailingBlanks(text)).toBe(text.replace(/[ \t]+$/, ''));
    }), runs);
  });

  it('one-line messages: `\\s+` runs holding a line break = /\\s*\\r?\\n\\s*/g', () => {
    const oneLine = (text: string) => text.replace(/\s+/g, (blank) => (blank.includes('\n') ? ' ' : blank));
    fc.assert(fc.property(over(' \t\r\na\u00a0'), (text) => {
      expect(oneLine(text)).toBe(text.replace(/\s*\r?\n\s*/g, ' '));
    }), runs);
  });
});
