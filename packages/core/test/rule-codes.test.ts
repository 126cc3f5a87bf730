import { describe, expect, it } from 'vitest';
import { createLinter, defineRule, type Config } from '../src/index.js';

// A rule that relays another tool's findings, each with its own code and level (as shellcheck does).
const relay = defineRule({
  meta: {
    id: 'relay',
    category: 'test',
    severity: 'warning',
    description: 'Relays findings',
    fix: 'none',
    optIn: true,
    codes: { tool: 'shellcheck', pattern: /^SC\d{4}$/ },
    docs: { rationale: '', invalid: [], valid: [] },
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        ctx.report({ node: { start: 0, end: 4 }, message: 'one', code: 'SC1000', severity: 'error' });
        ctx.report({ node: { start: 0, end: 4 }, message: 'two', code: 'SC2000', severity: 'style' });
      },
    };
  },
});
const linter = createLinter({ rules: [relay] });
const run = (config: Config) => linter.lint('FROM alpine:3.20\n', { config }).diagnostics.map((d) => `${d.aliases.join(',')}:${d.severity}`);

describe('rules with codes', () => {
  it('are off while opt-in, and report each code with its own level and alias', () => {
    expect(run({})).toEqual([]);
    expect(run({ extendSelect: ['relay'] })).toEqual(['SC1000:error', 'SC2000:style']);
  });
  it('select, ignore and re-level one code at a time, case-insensitively', () => {
    expect(run({ select: ['sc2000'] })).toEqual(['SC2000:style']);
    expect(run({ extendSelect: ['relay'], ignore: ['SC1000'] })).toEqual(['SC2000:style']);
    expect(run({ extendSelect: ['relay'], rules: { SC2000: 'off' } })).toEqual(['SC1000:error']);
    expect(run({ rules: { SC2000: 'info' } })).toEqual(['SC2000:info']);
  });
  it('a severity for the rule applies to the codes without their own', () => {
    expect(run({ rules: { relay: 'info', SC1000: 'error' } })).toEqual(['SC1000:error', 'SC2000:info']);
  });
  it('turning the rule off wins over its codes', () => {
    expect(run({ select: ['SC1000'], ignore: ['relay'] })).toEqual([]);
    expect(run({ rules: { relay: 'off', SC1000: 'error' } })).toEqual([]);
  });
  it('codes the pattern does not match are unknown rules', () => {
    expect(() => run({ ignore: ['SC12345'] })).toThrow(/unknown rule "SC12345" in ignore/);
  });
});
