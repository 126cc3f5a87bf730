import { describe, expect, it } from 'vitest';
import { rules } from '../../src/index.js';
import { lintWith } from './spec-table.js';

// The order of the instructions is this spec's subject, so the examples are linted as written: the spec
// table would put a FROM in front of the ones that do not start with one. hadolint's ONBUILD variants wrap
// only RUN instructions, so for these examples (no RUN) they are the plain examples again; the rows below
// wrap the instructions after the FROM instead.
const cases: readonly (readonly [name: string, text: string, catches: boolean, onbuild?: boolean])[] = [
  ['LABEL before FROM', 'LABEL foo=bar\nFROM foo', true],
  // An ONBUILD before the first FROM is just as misplaced: only ARG may come first.
  ['LABEL before FROM', 'ONBUILD LABEL foo=bar\nFROM foo', true, true],
  ['FROM before LABEL', 'FROM foo\nLABEL foo=bar', false],
  ['FROM before LABEL', 'FROM foo\nONBUILD LABEL foo=bar', false, true],
  ['ARG, then FROM, then LABEL', 'ARG A=B\nFROM foo\nLABEL foo=bar', false],
  ['ARG, then FROM, then LABEL', 'ARG A=B\nFROM foo\nONBUILD LABEL foo=bar', false, true],
  ['parser directive before FROM', '# syntax = docker/dockerfile:1.0-experimental\nFROM node:16-alpine3.13', false],
  ['FROM, then ARG, then RUN', 'FROM foo\nARG A=B\nRUN echo bla', false],
];

describe('hadolint DL3061 spec → instruction-before-from', () => {
  it('DL3061 names instruction-before-from', () => {
    const rule = rules.find((candidate) => candidate.meta.id === 'instruction-before-from');
    expect(rule?.meta.sources).toContainEqual({ tool: 'hadolint', rule: 'DL3061', kind: 'same' });
  });
  for (const [name, text, catches, onbuild] of cases) {
    it(`${catches ? 'reports' : 'accepts'}: ${name}${onbuild ? ' (ONBUILD)' : ''}`, () => {
      const found = lintWith('DL3061', text);
      expect(found.every((d) => d.ruleId === 'instruction-before-from')).toBe(true);
      expect(found.length > 0).toBe(catches);
    });
  }
});
