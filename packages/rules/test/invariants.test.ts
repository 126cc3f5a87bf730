import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';
import { loadFixtures, runRule } from './helpers.js';

const fixtures = loadFixtures();
// Every rule runs on every fixture (not only its own) plus every doc example.
const inputs = [
  ...fixtures.map((fixture) => ({ label: `${fixture.ruleId}/${fixture.name}`, text: fixture.text, fixture })),
  ...rules.flatMap((rule) =>
    [...rule.meta.docs.invalid, ...rule.meta.docs.valid].map((text, index) => ({ label: `${rule.meta.id} doc example ${index + 1}`, text, fixture: undefined })),
  ),
];

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s invariants', (id, rule) => {
  const seen = new Set<string>();

  it.each(inputs.map((input) => [input.label, input] as const))('%s', (_label, input) => {
    const options = input.fixture?.ruleId === id ? input.fixture.options : undefined;
    const { lint, safe, unsafe, linter, config } = runRule(rule, input.text, options, input.fixture?.path);
    expect(lint.fatal, 'fixtures must be valid Dockerfiles').toBe(false);
    if (input.fixture?.ruleId === id) {
      if (input.fixture.expect === 'valid') expect(lint.diagnostics.map((d) => d.message)).toEqual([]);
      else expect(lint.diagnostics.length).toBeGreaterThan(0);
    }
    for (const d of lint.diagnostics) {
      if (d.fix) seen.add(d.fix.safety);
      if (d.createFile) seen.add(d.createFile.safety);
    }

    for (const [mode, result] of [['safe', safe], ['unsafe', unsafe]] as const) {
      const allowUnsafe = mode === 'unsafe';
      expect(result.reverted, `${mode} fixing must not need reverting`).toEqual([]);
      expect(result.fatal, `${mode} output must parse`).toBe(false);
      const relint = linter.lint(result.output, { config });
      expect(relint.fatal).toBe(false);
      const leftFixable = relint.diagnostics.filter((d) => d.fix && (allowUnsafe || d.fix.safety === 'safe'));
      expect(leftFixable.map((d) => `${d.line}: ${d.message}`), `${mode} fixing leaves fixable diagnostics`).toEqual([]);
      const again = linter.fix(result.output, { config, unsafe: allowUnsafe });
      expect(again.output, `${mode} fixing twice changes the text the second time`).toBe(result.output);
      if (!result.changed) expect(result.output).toBe(input.text);
    }
  });

  it('declares the fix safety it emits', () => {
    const declared = rule.meta.fix;
    if (declared === 'none') expect([...seen]).toEqual([]);
    else expect(seen.has(declared), `a '${declared}' rule should emit a ${declared} fix on some fixture`).toBe(true);
    if (declared === 'unsafe') expect(seen.has('safe')).toBe(false);
  });
});
