// The properties every input must keep, whatever it is: checked by the seeded fuzz run in
// `npm test`, by `npm run fuzz`, and by the regression tests of inputs the fuzzer once broke.
import { buildModel, format, Source, type Diagnostic, type LintResult } from '@dockfix/core';
import { fix, lint } from 'dockfix';
import * as prettier from 'prettier';
import * as plugin from 'prettier-plugin-dockfix';
import { expect } from 'vitest';

/**
 * CPU milliseconds one call may take on one input. Generated inputs are at most ~30 KB, which the
 * library lints in a few milliseconds; the bound is loose so a slow CI machine never trips it, and
 * tight enough that a super-linear path (seconds) does. CPU time, not wall time: `npm run fuzz` runs
 * at `nice -n 15` on a shared machine, where a 150 ms call once took 3.2 s of wall time waiting for a
 * core (seed 20261219, path 3884), and that says nothing about the code.
 */
export const CALL_BOUND_MS = 3_000;

/** CPU time of this process (user + system, all threads) spent in `call`, in milliseconds. */
export function cpuMs<T>(call: () => T): { value: T; ms: number } {
  const started = process.cpuUsage();
  const value = call();
  const used = process.cpuUsage(started);
  return { value, ms: (used.user + used.system) / 1000 };
}

function timed<T>(what: string, text: string, call: () => T): T {
  const { value, ms } = cpuMs(call);
  if (ms >= CALL_BOUND_MS) expect.fail(`${what} took ${ms.toFixed(0)} ms of CPU on ${text.length} characters`);
  return value;
}

function syntaxProblemCount(text: string): number {
  return buildModel(new Source(text)).syntaxProblems.length;
}

/**
 * Every diagnostic lies inside the text, with 1-based positions in order. Checked in plain code and
 * reported through one `expect` (seven per diagnostic, on every lint and fix, showed in the run's profile).
 */
function expectRangesInside(diagnostics: readonly Diagnostic[], text: string, what: string): void {
  const problems: string[] = [];
  for (const d of diagnostics) {
    const where = `${what}: ${d.ruleId} at ${d.range.start}-${d.range.end} (${d.line}:${d.column}-${d.endLine}:${d.endColumn}) of ${text.length}`;
    const { start, end } = d.range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) problems.push(`${where}: range outside the text`);
    if (!(d.line >= 1 && d.column >= 1)) problems.push(`${where}: line and column must be 1-based`);
    if (d.endLine * 1e9 + d.endColumn < d.line * 1e9 + d.column) problems.push(`${where}: end before start`);
    for (const edit of d.fix?.edits ?? []) {
      if (!(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length)) problems.push(`${where}: fix edit ${edit.start}-${edit.end}`);
    }
  }
  expect(problems, `${what}: diagnostics outside the text`).toEqual([]);
}

/** lint: never throws, returns within the bound, every range inside the text. Returns the result for the fix checks. */
export function checkLint(text: string): LintResult {
  const result = timed('lint', text, () => lint(text));
  expectRangesInside(result.diagnostics, text, 'lint');
  if (result.fatal) expect(result.diagnostics.every((d) => d.fatal)).toBe(true);
  return result;
}

/** What the fix checks need to know of the input, computed once for the safe and the unsafe fix. */
export interface FixInput {
  readonly linted: LintResult;
  readonly syntaxProblems: number;
}

/**
 * fix (safe, or unsafe too): never throws, returns within the bound; unchanged text when no fix
 * applies; no new syntax problem; remaining ranges inside the output; a second fix changes nothing.
 */
export function checkFix(text: string, unsafe: boolean, input: FixInput = { linted: lint(text), syntaxProblems: syntaxProblemCount(text) }): void {
  const what = unsafe ? 'fix --unsafe' : 'fix';
  const first = timed(what, text, () => fix(text, { unsafe }));
  expect(first.changed, `${what}: changed flag`).toBe(first.output !== text);
  if (first.applied.length === 0) expect(first.output, `${what} applied nothing but changed the text`).toBe(text);
  const applicable = input.linted.diagnostics.some((d) => d.fix && (unsafe || d.fix.safety === 'safe'));
  if (!applicable) expect(first.output, `${what}: nothing to fix, yet the text changed`).toBe(text);
  expectRangesInside(first.remaining, first.output, what);
  if (first.changed) {
    expect(first.diff.length, `${what}: a change needs a diff`).toBeGreaterThan(0);
    expect(syntaxProblemCount(first.output), `${what} introduced a syntax problem`).toBeLessThanOrEqual(input.syntaxProblems);
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
  const started = process.cpuUsage();
  const first = await prettier.format(text, options);
  const used = process.cpuUsage(started);
  expect((used.user + used.system) / 1000, 'prettier.format took too much CPU').toBeLessThan(CALL_BOUND_MS);
  const second = await prettier.format(first, options);
  expect(second, `prettier.format (dockfixFixes: ${dockfixFixes}) is not idempotent`).toBe(first);
}

/** All the synchronous properties on one input. */
export function checkAll(text: string): void {
  const input: FixInput = { linted: checkLint(text), syntaxProblems: syntaxProblemCount(text) };
  checkFix(text, false, input);
  checkFix(text, true, input);
  checkFormat(text);
}
