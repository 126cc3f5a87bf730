import { createLinter } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s doc examples', (_id, rule) => {
  const linter = createLinter({ rules: [rule] });
  it('has examples of both kinds', () => {
    expect(rule.meta.docs.invalid.length).toBeGreaterThan(0);
    expect(rule.meta.docs.valid.length).toBeGreaterThan(0);
  });
  it.each(rule.meta.docs.invalid.map((text, index) => [index + 1, text] as const))('invalid example %i is reported', (_index, text) => {
    const result = linter.lint(text);
    expect(result.fatal).toBe(false);
    expect(result.diagnostics.filter((d) => d.ruleId === rule.meta.id).length).toBeGreaterThan(0);
  });
  it.each(rule.meta.docs.valid.map((text, index) => [index + 1, text] as const))('valid example %i is not reported', (_index, text) => {
    const result = linter.lint(text);
    expect(result.fatal).toBe(false);
    expect(result.diagnostics.map((d) => d.message)).toEqual([]);
  });
});
