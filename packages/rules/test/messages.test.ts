import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';
import { loadFixtures, ruleById, runRule } from './helpers.js';

// A diagnostic's message is one line that says what is wrong, short enough for a terminal line with
// its position and rule id; the why and the how go in `help` (shown by --verbose, hover and docs).
const MAX = 100;

const inputs = [
  ...loadFixtures().map((fixture) => ({ label: `${fixture.ruleId}/${fixture.name}`, ruleId: fixture.ruleId, text: fixture.text, options: fixture.options, path: fixture.path })),
  ...rules.flatMap((rule) => rule.meta.docs.invalid.map((text, index) => ({ label: `${rule.meta.id} doc example ${index + 1}`, ruleId: rule.meta.id, text, options: undefined, path: undefined }))),
];

describe('messages are one short line', () => {
  it.each(inputs.map((input) => [input.label, input] as const))('%s', (_label, input) => {
    const { lint } = runRule(ruleById(input.ruleId), input.text, input.options, input.path);
    for (const d of lint.diagnostics) {
      expect(d.message, 'one line').not.toMatch(/\n/);
      expect(d.message.length, d.message).toBeLessThanOrEqual(MAX);
      if (d.help !== undefined) expect(d.help.trim().length, 'help, when given, says something').toBeGreaterThan(0);
    }
  });
});
