import { describe, expect, it } from 'vitest';
import { rules } from '@dockfix/rules';
import { compareRuleIds } from '../src/linter.js';
import { prng } from '../../../test/helpers/prng.js';

const sign = (n: number) => Math.sign(n);

describe('compareRuleIds', () => {
  it('orders every pair of built-in rule ids as localeCompare does', () => {
    const ids = [...rules.map((rule) => rule.meta.id), 'syntax', 'unused-pragma', 'unknown-pragma-rule'];
    for (const a of ids) for (const b of ids) expect(sign(compareRuleIds(a, b)), `${a} vs ${b}`).toBe(sign(a.localeCompare(b)));
  });

  it('orders random plain ids (letters, digits, - and /) as localeCompare does', () => {
    const random = prng(20261204);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-/';
    const id = () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 20_000; i++) {
      const [a, b] = [id(), id()];
      expect(sign(compareRuleIds(a, b)), `${a} vs ${b}`).toBe(sign(a.localeCompare(b)));
    }
  });

  it('falls back to localeCompare where code-unit order differs from it', () => {
    // Code units put 'B' before 'a' and '-' before '_'; the locale's order does not.
    const pairs: [string, string][] = [
      ['acme/a', 'acme/B'],
      ['my_rule', 'my-rule'],
      ['Zeta', 'alpha'],
      ['é', 'f'],
    ];
    for (const [a, b] of pairs) expect(sign(compareRuleIds(a, b))).toBe(sign(a.localeCompare(b)));
    expect(compareRuleIds('acme/a', 'acme/B')).toBeLessThan(0);
  });
});
