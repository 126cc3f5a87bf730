import { createLinter, type Config, type Diagnostic } from '@dockfix/core';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/index.js';

/**
 * One example of a hadolint spec file: `[name, Dockerfile, reported by hadolint?]`, optionally marked
 * `onbuild` for hadolint's `onBuildRuleCatches` variant (every instruction but FROM wrapped in `ONBUILD`).
 * `differs` is the reason dockfix deliberately answers the other way on this example; the test then
 * asserts dockfix's answer, and the reason is in the test title, so a deliberate difference stays
 * visible and is never an unexplained failure.
 */
export type SpecCase = readonly [name: string, text: string, catches: boolean, variant?: 'onbuild' | undefined, differs?: string];

const linter = createLinter({ rules });

/** hadolint's examples are often fragments; dockfix lints only whole files yet, so a `FROM` is put in front of one that does not start with FROM. */
export function withFrom(text: string): string {
  return /^\s*from\s/i.test(text) ? text : `FROM scratch\n${text}`;
}

/** Wraps each instruction but FROM in ONBUILD; continuation lines belong to the instruction above them and stay as they are. */
function onbuild(text: string): string {
  let continued = false;
  return text
    .split('\n')
    .map((line) => {
      const starts = !continued && line.trim() !== '' && !/^\s*(from\s|#)/i.test(line);
      if (!/^\s*#/.test(line)) continued = /\\\s*$/.test(line);
      return starts ? `ONBUILD ${line}` : line;
    })
    .join('\n');
}

/** Lints `text` with only the rules the selector names (an alias here, so the alias mapping is tested too). */
export function lintWith(selector: string, text: string, options?: Record<string, unknown>): readonly Diagnostic[] {
  const config: Config = options ? { select: [selector], rules: { [selector]: ['error', options] } } : { select: [selector] };
  return linter.lint(text, { config }).diagnostics;
}

/**
 * The examples of one hadolint spec file as a table test, selected by the hadolint code, each also
 * run as an ONBUILD variant where hadolint's spec has one (rules see the trigger inside ONBUILD).
 */
export function specTable(code: string, ruleId: string, cases: readonly SpecCase[], options?: Record<string, unknown>): void {
  describe(`hadolint ${code} spec → ${ruleId}`, () => {
    it(`${code} names ${ruleId}`, () => {
      const rule = rules.find((candidate) => candidate.meta.id === ruleId);
      expect(rule?.meta.sources).toContainEqual({ tool: 'hadolint', rule: code, kind: 'same' });
    });
    for (const [name, text, hadolintCatches, variant, differs] of cases) {
      const file = variant === 'onbuild' ? onbuild(withFrom(text)) : withFrom(text);
      const catches = differs === undefined ? hadolintCatches : !hadolintCatches;
      const test = () => {
        const found = lintWith(code, file, options);
        expect(found.every((d) => d.ruleId === ruleId)).toBe(true);
        expect(found.length > 0, `${catches ? 'expected a report' : 'expected no report'} for:\n${file}`).toBe(catches);
      };
      const why = differs === undefined ? '' : ` (hadolint ${hadolintCatches ? 'reports' : 'accepts'} it: ${differs})`;
      const title = `${catches ? 'reports' : 'accepts'}: ${name}${variant ? ' (ONBUILD)' : ''}${why}`;
      it(title, test);
    }
  });
}
