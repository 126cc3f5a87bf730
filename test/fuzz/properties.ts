// The properties every input must keep, whatever it is: checked by the seeded fuzz run in
// `npm test`, by `npm run fuzz`, and by the regression tests of inputs the fuzzer once broke.
import { buildModel, format, Source, type Diagnostic } from '@dockfix/core';
import { fix, lint } from 'dockfix';
import * as prettier from 'prettier';
import * as plugin from 'prettier-plugin-dockfix';
import { expect } from 'vitest';

/**
 * Milliseconds one call may take on one input. Generated inputs are at most ~30 KB, which the
 * library lints in a few milliseconds; the bound is loose so a loaded CI machine never trips it,
 * and tight enough that a super-linear path (seconds) does.
 */
export const CALL_BOUND_MS = 3_000;

function timed<T>(what: string, text: string, call: () => T): T {
  const started = performance.now();
  const value = call();
  const elapsed = performance.now() - started;
  expect(elapsed, `${what} took ${elapsed.toFixed(0)} ms on ${text.length} characters`).toBeLessThan(CALL_BOUND_MS);
  return value;
}

function syntaxProblemCount(text: string): number {
  return buildModel(new Source(text)).syntaxProblems.length;
}

/** Every diagnostic lies inside the text, with 1-based positions in order. */
function expectRangesInside(diagnostics: readonly Diagnostic[], text: string, what: string): void {
  for (const d of diagnostics) {
    const where = `${what}: ${d.ruleId} at ${d.range.start}-${d.range.end} of ${text.length}`;
    expect(Number.isInteger(d.range.start) && Number.isInteger(d.range.end), where).toBe(true);
    expect(d.range.start, where).toBeGreaterThanOrEqual(0);
    expect(d.range.end, where).toBeGreaterThanOrEqual(d.range.start);
    expect(d.range.end, where).toBeLessThanOrEqual(text.length);
    expect(d.line, where).toBeGreaterThanOrEqual(1);
    expect(d.column, where).toBeGreaterThanOrEqual(1);
    expect(d.endLine * 1e9 + d.endColumn, where).toBeGreaterThanOrEqual(d.line * 1e9 + d.column);
    for (const edit of d.fix?.edits ?? []) {
      expect(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length, `${where}: fix edit ${edit.start}-${edit.end}`).toBe(true);
    }
  }
}

/** lint: never throws, returns within the bound, every range inside the text. */
export function checkLint(text: string): void {
  const result = timed('lint', text, () => lint(text));
  expectRangesInside(result.diagnostics, text, 'lint');
  if (result.fatal) expect(result.diagnostics.every((d) => d.fatal)).toBe(true);
}

/**
 * fix (safe, or unsafe too): never throws, returns within the bound; unchanged text when no fix
 * applies; no new syntax problem; remaining ranges inside the output; a second fix changes nothing.
 */
export function checkFix(text: string, unsafe: boolean): void {
  const what = unsafe ? 'fix --unsafe' : 'fix';
  const first = timed(what, text, () => fix(text, { unsafe }));
  expect(first.changed, `${what}: changed flag`).toBe(first.output !== text);
  if (first.applied.length === 0) expect(first.output, `${what} applied nothing but changed the text`).toBe(text);
  const applicable = lint(text).diagnostics.some((d) => d.fix && (unsafe || d.fix.safety === 'safe'));
  if (!applicable) expect(first.output, `${what}: nothing to fix, yet the text changed`).toBe(text);
  expectRangesInside(first.remaining, first.output, what);
  if (first.changed) {
    expect(first.diff.length, `${what}: a change needs a diff`).toBeGreaterThan(0);
    expect(syntaxProblemCount(first.output), `${what} introduced a syntax problem`).toBeLessThanOrEqual(syntaxProblemCount(text));
    expect(first.fatal, `${what} made a lintable file fatal`).toBe(false);
  }
  const second = timed(`${what} (second)`, first.output, () => fix(first.output, { unsafe }));
  expect(second.output, `${what} is not idempotent: a second run changed the output`).toBe(first.output);
}

/** format: never throws or fails internally; unchanged text on error; idempotent. */
export function checkFormat(text: string): void {
  const first = timed('format', text, () => format(text));
  expect(first.error ?? '', 'format failed internally').not.toMatch(/^internal error/);
  if (first.error || !first.changed) expect(first.output).toBe(text);
  const second = timed('format (second)', first.output, () => format(first.output));
  expect(second.output, 'format is not idempotent').toBe(first.output);
}

const plugins = [plugin];

/** The Prettier plugin through prettier.format(): never rejects, idempotent, with fixes on and off. */
export async function checkPrettier(text: string, dockfixFixes: 'safe' | 'none'): Promise<void> {
  const options = { parser: 'dockfix', plugins, dockfixFixes } as prettier.Options;
  const started = performance.now();
  const first = await prettier.format(text, options);
  expect(performance.now() - started, 'prettier.format took too long').toBeLessThan(CALL_BOUND_MS);
  const second = await prettier.format(first, options);
  expect(second, `prettier.format (dockfixFixes: ${dockfixFixes}) is not idempotent`).toBe(first);
}

/** All the synchronous properties on one input. */
export function checkAll(text: string): void {
  checkLint(text);
  checkFix(text, false);
  checkFix(text, true);
  checkFormat(text);
}
